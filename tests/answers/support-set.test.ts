import { describe, expect, it } from 'vitest';
import { FRESH_FROM, HELD_OUT_FROM, evaluateSupportSet, loadSupportSet } from '../../scripts/eval/support-set.ts';

// The labelled set is only worth its figures if every label points at the customer's own
// new text; the accuracy guard itself lives with the other evaluation figures.
describe('support-email set', () => {
  const emails = loadSupportSet();

  it('is big enough and keeps its tuned / held-out split', () => {
    expect(emails.length).toBeGreaterThanOrEqual(70);
    expect(HELD_OUT_FROM).toBeLessThan(FRESH_FROM);
    expect(emails.length - HELD_OUT_FROM).toBeGreaterThanOrEqual(20);
    expect(new Set(emails.map((e) => e.id)).size).toBe(emails.length);
  });

  it('labels every question with text found in the customer\'s new text', () => {
    const { failures } = evaluateSupportSet();
    expect(failures.filter((f) => f.includes('label not found'))).toEqual([]);
  });
});
