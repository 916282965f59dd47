import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtTarget } from '../../build/output-dir.ts';
import { GMAIL_SCRIPT_BUDGET_BYTES, gmailScript, measureScripts } from '../../scripts/bundle-size.ts';

// `npm test` builds the extensions before Vitest runs; this reads what the build wrote.
describe('the built Gmail content script', () => {
  const sizes = measureScripts();
  const gmail = gmailScript(sizes);

  it('exists (run `npm run build` first)', () => {
    expect(gmail, `no content-scripts/gmail*.js among ${sizes.map((s) => s.file).join(', ') || 'nothing'}`).not.toBeNull();
  });

  it('is at most 150 KB gzipped', () => {
    expect(gmail!.gzipBytes).toBeGreaterThan(0);
    expect(gmail!.gzipBytes).toBeLessThanOrEqual(GMAIL_SCRIPT_BUDGET_BYTES);
  });

  it('leaves the question model out of the script and ships it beside it', async () => {
    const { readFileSync } = await import('node:fs');
    const script = readFileSync(path.join(builtTarget('chrome-mv3'), 'content-scripts/gmail.js'), 'utf8');
    expect(script).not.toContain('"indexGaps"');
    expect(script).not.toContain('indexGaps:[');
    const shipped = JSON.parse(readFileSync(path.join(builtTarget('chrome-mv3'), 'request-model.json'), 'utf8'));
    expect(shipped.weights.length).toBeGreaterThan(1000);
    const manifest = JSON.parse(readFileSync(path.join(builtTarget('chrome-mv3'), 'manifest.json'), 'utf8'));
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['request-model.json'], matches: ['https://mail.google.com/*'], use_dynamic_url: true },
    ]);
  });
});
