import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings.ts';
import type { RuleId, ThreadContext } from '../../lib/types.ts';

// An ESLint RuleTester for our rules: each case runs the whole engine, so a rule is tested
// with the real text model and detectors in front of it, as a user would meet it.

export const NOW = '2026-11-18T10:00:00-05:00'; // a Wednesday, mid-morning in New York

export interface RuleCase {
  name?: string;
  customer?: string;
  draft: string;
  now?: string;
  timeZone?: string;
  thread?: ThreadContext;
  settings?: Partial<Settings>;
}

export interface ExpectedFinding {
  /** The flagged text: `draft text.slice(...range)`; `null` asserts the finding has no range. */
  text?: string | null;
  message?: RegExp;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}

export function run(ruleId: RuleId, c: RuleCase) {
  const analysis = analyze(
    {
      customer: c.customer ?? '',
      draft: c.draft,
      now: new Date(c.now ?? NOW),
      timeZone: c.timeZone ?? 'America/New_York',
      thread: c.thread,
    },
    { ...DEFAULT_SETTINGS, ...c.settings },
  );
  expect(analysis.ruleErrors).toEqual([]);
  return { analysis, findings: analysis.findings.filter((f) => f.ruleId === ruleId) };
}

function label(c: RuleCase): string {
  return c.name ?? c.draft.replace(/\s+/g, ' ').slice(0, 70);
}

export function ruleTester(ruleId: RuleId, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => [label(c), c] as const))('%s', (_, c) => {
        const { findings } = run(ruleId, c);
        expect(findings.map((f) => f.message)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c) => [label(c), c] as const))('%s', (_, c) => {
        const { analysis, findings } = run(ruleId, c);
        expect(findings.map((f) => f.message)).toHaveLength(c.errors.length);
        c.errors.forEach((expected, i) => {
          const finding = findings[i]!;
          if (expected.text !== undefined) {
            const flagged = finding.range ? analysis.draft.text.slice(finding.range[0], finding.range[1]) : null;
            expect(flagged).toBe(expected.text);
          }
          if (expected.message) expect(finding.message).toMatch(expected.message);
        });
      });
    });
  });
}
