import { describe, expect, it } from 'vitest';
import { evaluateEtaSet, loadEtaSet } from '../../scripts/eval/eta-set.ts';

// The team's labelled ETA set (tests/eval-data/eta-phrases.json) against the bar:
// ≥ 95% of phrases resolved to the right instant, no vague phrase reported as concrete, no
// version, price, ticket number or past date reported as an ETA.
const set = loadEtaSet();
const result = evaluateEtaSet(set);

describe('the team ETA set', () => {
  it('is big enough and covers every kind the issue names', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(170);
    const kinds = new Set(set.cases.map((c) => (c.kind ?? '').split('/')[0]));
    for (const kind of ['weekday', 'tomorrow', 'eod', 'business-days', 'holiday', 'dst', 'zone', 'writer-zone', 'ordinal', 'range', 'duration', 'month-day', 'noon-midnight', 'daypart', 'week', 'vague', 'none']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(set.cases.filter((c) => c.expect.vague).length).toBeGreaterThanOrEqual(25);
    expect(set.cases.filter((c) => c.expect.none).length).toBeGreaterThanOrEqual(40);
  });

  it('resolves at least 95% of phrases to the right instant, tuned and held-out alike', () => {
    expect(result.resolved.accuracy, result.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(result.heldOut.resolved.accuracy, result.failures.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('never reports a vague phrase as concrete, and flags the vague ones', () => {
    expect(result.vagueReportedConcrete).toBe(0);
    expect(result.vagueFlagged.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('reports no version, price, ticket number or past date as an ETA', () => {
    expect(result.nonDatesReportedAsEta).toBe(0);
    expect(result.falseEtas.count / result.falseEtas.total).toBeLessThanOrEqual(0.05);
  });

  it('fails a case whose expected instant is wrong, so the scoring can catch a regression', () => {
    const broken = evaluateEtaSet({
      defaults: set.defaults,
      cases: [{ text: "I'll send it by Friday.", expect: { end: '2026-11-20T16:00:00-05:00' } }],
    });
    expect(broken.resolved.correct).toBe(0);
    expect(broken.failures).toHaveLength(1);
  });
});
