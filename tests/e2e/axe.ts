import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core, from node_modules, run inside a page of the browser under test. The source is
// evaluated through the DevTools protocol rather than added as a <script>, so the extension
// pages' content security policy (script-src 'self') does not stop it and nothing is fetched.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Selectors of the offending elements (arrays step into shadow roots). */
  targets: string[];
}

export interface AxeOptions {
  /**
   * What to check; default the whole document. A list of selector chains: each chain steps
   * from a shadow host into its open shadow root, e.g. `[['#host', '[role=dialog]']]`.
   */
  include?: string[][];
}

/** The serious and critical WCAG 2.x A/AA violations on the page (or inside `include`). */
export async function seriousViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const context = include ? { include: include.map((chain) => (chain.length === 1 ? chain[0] : { fromShadowDom: chain })) } : document;
    const found = await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return found.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, options.include ?? null);
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
