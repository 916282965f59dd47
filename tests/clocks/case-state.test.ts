import { describe, expect, it } from 'vitest';
import { caseReportOf, mergeCaseState, sameCase } from '../../lib/case-state.ts';
import { CASE_TIMES_MAX, caseStateSchema } from '../../lib/schemas/case.ts';
import { threadRecordSchema } from '../../lib/schemas/panel.ts';
import { DEFAULT_SCHEDULE, ROLE_TARGETS } from '../../lib/schemas/settings.ts';
import { threadContextOf, type ThreadMessageInput } from '../../lib/thread-context.ts';
import { computeClocks } from '../../lib/time/clocks.ts';

// The case state kept per thread: enough of the history to work the clocks out again later,
// in the popup, without the Gmail page.

const NO_FLAGS = { resolved: false, waitingOnCustomer: false };
const T = (iso: string) => new Date(iso).toISOString();

function message(from: string, iso: string | null): ThreadMessageInput {
  return { messageId: null, from: { name: from.split('@')[0]!, email: from }, date: iso ? { iso } : null, bodyHtml: '<p>hi</p>' };
}

describe('the thread’s timeline (lib/thread-context.ts)', () => {
  it('marks each dated message as ours or the customer’s, by the account and the team’s domains', () => {
    const facts = threadContextOf(
      [
        message('marco@acme.example', '2026-11-20T18:40:00-05:00'),
        message('dana@northwind.example', '2026-11-23T08:20:00-05:00'),
        message('lee@support.northwind.example', '2026-11-23T09:00:00-05:00'),
        message('marco@acme.example', null),
      ],
      { accountAddress: 'dana@northwind.example', teamDomains: ['northwind.example'], timeZone: 'UTC', schedule: DEFAULT_SCHEDULE },
    );
    expect(facts.timeline).toEqual([
      { from: 'customer', at: '2026-11-20T18:40:00-05:00' },
      { from: 'us', at: '2026-11-23T08:20:00-05:00' },
      { from: 'us', at: '2026-11-23T09:00:00-05:00' },
    ]);
  });
});

describe('case state', () => {
  const report = caseReportOf({
    subject: 'Export times out',
    customer: { name: 'Marco', email: 'marco@acme.example' },
    timeline: [
      { from: 'customer', at: '2026-11-16T09:00:00-05:00' },
      { from: 'us', at: '2026-11-16T09:30:00-05:00' },
      { from: 'customer', at: '2026-11-17T10:00:00-05:00' },
    ],
  });

  it('keeps when the customer wrote, when we replied, and the message still owed a reply', () => {
    const state = mergeCaseState(null, report, NO_FLAGS, { now: Date.parse('2026-11-17T11:00:00-05:00') });
    expect(caseStateSchema.parse(state)).toEqual(state);
    expect(state).toMatchObject({
      subject: 'Export times out',
      customer: { name: 'Marco', email: 'marco@acme.example' },
      firstCustomerAt: T('2026-11-16T09:00:00-05:00'),
      oldestUnansweredAt: T('2026-11-17T10:00:00-05:00'),
      ourReplyTimes: [T('2026-11-16T09:30:00-05:00')],
      flagChanges: [],
    });
  });

  it('does not forget messages a later look no longer shows (Gmail hides older ones)', () => {
    const stored = mergeCaseState(null, report, NO_FLAGS, { now: 1 });
    const later = caseReportOf({
      subject: 'Export times out',
      customer: null,
      timeline: [
        { from: 'customer', at: '2026-11-17T10:00:00-05:00' },
        { from: 'us', at: '2026-11-17T12:00:00-05:00' },
      ],
    });
    const merged = mergeCaseState(stored, later, NO_FLAGS, { now: 2 });
    expect(merged.firstCustomerAt).toBe(T('2026-11-16T09:00:00-05:00'));
    expect(merged.customerMessageTimes).toHaveLength(2);
    expect(merged.ourReplyTimes).toEqual([T('2026-11-16T09:30:00-05:00'), T('2026-11-17T12:00:00-05:00')]);
    expect(merged.oldestUnansweredAt).toBeNull();
    expect(merged.customer).toEqual({ name: 'Marco', email: 'marco@acme.example' });
  });

  it('keeps the newest times when a thread is very long, and the first customer message apart', () => {
    const start = Date.parse('2026-01-05T14:00:00Z');
    const timeline = Array.from({ length: CASE_TIMES_MAX + 50 }, (_, i) => ({
      from: 'customer' as const,
      at: new Date(start + i * 3_600_000).toISOString(),
    }));
    const big = mergeCaseState(null, caseReportOf({ subject: 's', customer: null, timeline }), NO_FLAGS, { now: 1 });
    expect(big.customerMessageTimes).toHaveLength(CASE_TIMES_MAX);
    // The report itself is capped before it is merged: what is kept apart is the first it saw.
    expect(Date.parse(big.firstCustomerAt!)).toBe(Date.parse(big.customerMessageTimes[0]!));
    const older = mergeCaseState(
      { ...big, firstCustomerAt: '2025-12-01T10:00:00.000Z' },
      caseReportOf({ subject: 's', customer: null, timeline }),
      NO_FLAGS,
      { now: 2 },
    );
    expect(older.firstCustomerAt).toBe('2025-12-01T10:00:00.000Z');
    expect(older.oldestUnansweredAt).toBe('2025-12-01T10:00:00.000Z');
  });

  it('logs a flag change when it first sees it, at the record’s write when that is newer than the last look', () => {
    const stored = mergeCaseState(null, report, NO_FLAGS, { now: Date.parse('2026-11-17T11:00:00Z') });
    const flagged = mergeCaseState(stored, report, { resolved: false, waitingOnCustomer: true }, {
      now: Date.parse('2026-11-17T11:05:00Z'),
      recordUpdatedAt: Date.parse('2026-11-17T11:04:58Z'),
    });
    expect(flagged.flagChanges).toEqual([{ flag: 'waitingOnCustomer', value: true, at: '2026-11-17T11:04:58.000Z' }]);
    // Seen again: nothing new.
    const again = mergeCaseState(flagged, report, { resolved: false, waitingOnCustomer: true }, { now: Date.parse('2026-11-17T11:06:00Z') });
    expect(again.flagChanges).toHaveLength(1);
    expect(sameCase(flagged, again)).toBe(true);
    // Cleared, and the record was not written since our last look: the look's time.
    const cleared = mergeCaseState(again, null, NO_FLAGS, {
      now: Date.parse('2026-11-17T12:00:00Z'),
      recordUpdatedAt: Date.parse('2026-11-17T11:00:00Z'),
    });
    expect(cleared.flagChanges.at(-1)).toEqual({ flag: 'waitingOnCustomer', value: false, at: '2026-11-17T12:00:00.000Z' });
    expect(sameCase(again, cleared)).toBe(false);
  });

  it('is an optional field of a thread record, and older records without it still read', () => {
    const state = mergeCaseState(null, report, NO_FLAGS, { now: 1 });
    const old = { threadId: 't1', marks: {}, flags: NO_FLAGS, updatedAt: 1 };
    expect(threadRecordSchema.parse(old)).not.toHaveProperty('case');
    expect(threadRecordSchema.parse({ ...old, case: state }).case).toEqual(state);
    expect(threadRecordSchema.safeParse({ ...old, case: { ...state, firstCustomerAt: 'yesterday' } }).success).toBe(false);
  });

  it('recomputes the same clocks later without the page', () => {
    const state = mergeCaseState(null, report, NO_FLAGS, { now: 1 });
    const clocks = computeClocks(
      { ...state, flags: NO_FLAGS },
      { schedule: DEFAULT_SCHEDULE, targets: ROLE_TARGETS['support-engineer'], now: new Date('2026-11-17T11:00:00-05:00') },
    );
    const actionable = clocks.clocks.find((c) => c.kind === 'actionable')!;
    expect(actionable.receivedAt).toBe(state.oldestUnansweredAt);
    expect(actionable.state).toBe('running');
  });
});
