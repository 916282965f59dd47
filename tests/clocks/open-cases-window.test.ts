import { describe, expect, it } from 'vitest';
import { OPEN_CASES_COMPUTED, OPEN_CASES_WINDOW_DAYS, openCasesOf } from '../../components/open-cases.tsx';
import { mergeCaseState } from '../../lib/case-state.ts';
import type { ThreadRecord } from '../../lib/schemas/panel.ts';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings.ts';

// The popup's open cases stay cheap however many threads pile up: only cases with activity in
// the last 30 days, and of those only the most recently active are worked out.

const DAY = 86_400_000;
const now = Date.parse('2026-11-18T12:00:00-05:00');
const NO_FLAGS = { resolved: false, waitingOnCustomer: false };

function record(threadId: string, lastCustomerAt: number): ThreadRecord {
  const times = [new Date(lastCustomerAt).toISOString()];
  return {
    threadId,
    marks: {},
    flags: NO_FLAGS,
    updatedAt: lastCustomerAt,
    case: mergeCaseState(null, { subject: threadId, customer: null, customerMessageTimes: times, ourReplyTimes: [] }, NO_FLAGS, { now: lastCustomerAt }),
  };
}

describe('which open cases the popup works out', () => {
  it('leaves out cases whose last message is more than 30 days old', () => {
    expect(OPEN_CASES_WINDOW_DAYS).toBe(30);
    const cases = openCasesOf([record('recent', now - 2 * DAY), record('stale', now - 31 * DAY), record('edge', now - 29 * DAY)], DEFAULT_SETTINGS, now);
    expect(cases.map((c) => c.record.threadId).sort()).toEqual(['edge', 'recent']);
  });

  it('works out only the most recently active cases when thousands are open', () => {
    const records = Array.from({ length: 2000 }, (_, i) => record(`t-${i}`, now - (i + 1) * 10 * 60_000));
    const cases = openCasesOf(records, DEFAULT_SETTINGS, now);
    expect(cases).toHaveLength(OPEN_CASES_COMPUTED);
    expect(OPEN_CASES_COMPUTED).toBe(200);
    // The 200 newest: t-0 … t-199.
    expect(new Set(cases.map((c) => c.record.threadId))).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `t-${i}`)));
  });
});
