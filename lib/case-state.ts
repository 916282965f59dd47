import {
  CASE_FLAG_CHANGES_MAX,
  CASE_TIMES_MAX,
  type CaseClocks,
  type CaseFlagChange,
  type CaseReport,
  type CaseState,
} from './schemas/case.ts';
import { targetsFor, type Settings } from './schemas/settings.ts';
import type { TimelineEntry } from './thread-context.ts';
import { computeClocks } from './time/clocks.ts';

// Builds and merges a thread's case state (lib/schemas/case.ts). A Gmail tab sees only what
// the page shows — Gmail hides older messages of a long thread, and a tab may report before
// every date is read — so each report is merged into what was stored rather than replacing
// it: times are a union, the first customer message is the earliest ever seen. Flags carry
// no time of their own, so a change is logged when a merge first sees the flag differ from
// the log's last value.

export interface CaseReportInput {
  subject: string;
  customer: { name: string; email: string } | null;
  timeline: readonly TimelineEntry[];
}

export interface ThreadFlagValues {
  resolved: boolean;
  waitingOnCustomer: boolean;
}

export interface MergeOptions {
  /** Epoch milliseconds of this merge. */
  now: number;
  /**
   * The stored record's last write (ThreadRecord.updatedAt). A flag that changed since the
   * last merge changed at or before it, so it is a closer time than `now` when it is later
   * than that merge.
   */
  recordUpdatedAt?: number;
}

const FLAGS = ['resolved', 'waitingOnCustomer'] as const;

function instantsOf(values: readonly string[]): number[] {
  const out = new Set<number>();
  for (const value of values) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) out.add(ms);
  }
  return [...out].sort((a, b) => a - b);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The newest `max` instants, oldest first, as ISO strings. */
function newest(instants: readonly number[], max: number): string[] {
  return instants.slice(Math.max(0, instants.length - max)).map(iso);
}

/** What one look at a thread shows: its message times split into the customer's and ours. */
export function caseReportOf(input: CaseReportInput): CaseReport {
  const customer: string[] = [];
  const ours: string[] = [];
  for (const entry of input.timeline) (entry.from === 'us' ? ours : customer).push(entry.at);
  return {
    subject: input.subject.slice(0, 1000),
    customer: input.customer
      ? { name: input.customer.name.slice(0, 200), email: input.customer.email.slice(0, 320) }
      : null,
    customerMessageTimes: newest(instantsOf(customer), CASE_TIMES_MAX),
    ourReplyTimes: newest(instantsOf(ours), CASE_TIMES_MAX),
  };
}

/** The first customer message after our last reply (the first of all when we never replied). */
export function oldestUnanswered(customerTimes: readonly number[], ourTimes: readonly number[], first: number | null): number | null {
  const lastOurs = ourTimes.length > 0 ? ourTimes[ourTimes.length - 1]! : -Infinity;
  if (first !== null && first > lastOurs) return first;
  return customerTimes.find((t) => t > lastOurs) ?? null;
}

function lastLogged(changes: readonly CaseFlagChange[], flag: CaseFlagChange['flag']): boolean {
  for (let i = changes.length - 1; i >= 0; i--) if (changes[i]!.flag === flag) return changes[i]!.value;
  return false;
}

/**
 * Merges a report (null: none, only flags changed) into the stored case. Returns a new
 * state; `stored` is not changed.
 */
export function mergeCaseState(
  stored: CaseState | null | undefined,
  report: CaseReport | null,
  flags: ThreadFlagValues,
  options: MergeOptions,
): CaseState {
  const customerTimes = instantsOf([...(stored?.customerMessageTimes ?? []), ...(report?.customerMessageTimes ?? [])]);
  const ourTimes = instantsOf([...(stored?.ourReplyTimes ?? []), ...(report?.ourReplyTimes ?? [])]);
  const firsts = [...instantsOf(stored?.firstCustomerAt ? [stored.firstCustomerAt] : []), ...customerTimes.slice(0, 1)];
  const first = firsts.length > 0 ? Math.min(...firsts) : null;

  const flagChanges = [...(stored?.flagChanges ?? [])];
  const changedBy =
    options.recordUpdatedAt !== undefined && (stored === null || stored === undefined || options.recordUpdatedAt > stored.observedAt)
      ? Math.min(options.recordUpdatedAt, options.now)
      : options.now;
  for (const flag of FLAGS) {
    if (lastLogged(flagChanges, flag) !== flags[flag]) flagChanges.push({ flag, value: flags[flag], at: iso(changedBy) });
  }

  const unanswered = oldestUnanswered(customerTimes, ourTimes, first);
  return {
    subject: report?.subject ?? stored?.subject ?? '',
    customer: report?.customer ?? stored?.customer ?? null,
    customerMessageTimes: newest(customerTimes, CASE_TIMES_MAX),
    ourReplyTimes: newest(ourTimes, CASE_TIMES_MAX),
    firstCustomerAt: first === null ? null : iso(first),
    oldestUnansweredAt: unanswered === null ? null : iso(unanswered),
    flagChanges: flagChanges.slice(Math.max(0, flagChanges.length - CASE_FLAG_CHANGES_MAX)),
    observedAt: options.now,
  };
}

/** True when two states hold the same facts (when they were observed aside): no write needed. */
export function sameCase(a: CaseState | null | undefined, b: CaseState | null | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify({ ...a, observedAt: 0 }) === JSON.stringify({ ...b, observedAt: 0 });
}

/** The clocks of a case as stored: what the popup shows for a thread no tab has open. */
export function clocksOfCase(state: CaseState, flags: ThreadFlagValues, settings: Settings, now: Date): CaseClocks {
  return computeClocks({ ...state, flags }, { schedule: settings.schedule, targets: targetsFor(settings), now });
}

export interface OpenThreadInput extends CaseReportInput {
  /** The thread's stored case, for messages Gmail no longer shows and the flags' history. */
  stored: CaseState | null | undefined;
  flags: ThreadFlagValues;
  recordUpdatedAt?: number;
  settings: Settings;
  now: Date;
}

/**
 * For the thread open in a Gmail tab: what the tab reports of its history, and its clocks
 * worked out from that merged with what was stored. `now` is taken to the minute, so checks
 * within one minute report the same clocks and the tab does not re-send an unchanged panel.
 */
export function openThreadClocks(input: OpenThreadInput): { report: CaseReport; clocks: CaseClocks } {
  const report = caseReportOf(input);
  const minute = Math.floor(input.now.getTime() / 60_000) * 60_000;
  const merged = mergeCaseState(input.stored, report, input.flags, {
    now: minute,
    ...(input.recordUpdatedAt !== undefined ? { recordUpdatedAt: input.recordUpdatedAt } : {}),
  });
  return { report, clocks: clocksOfCase(merged, input.flags, input.settings, new Date(minute)) };
}
