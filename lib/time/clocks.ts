import type { CaseClocks, CaseFlagChange, Clock, ClockKind, ClockState, Nudge } from '../schemas/case.ts';
import type { Targets } from '../schemas/settings.ts';
import type { Schedule } from '../types.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  hasBusinessHours,
  nextBusinessStart,
} from './business-time.ts';

// Response-time clocks of one case (DESIGN.md §2), worked out from its history alone so the
// side panel (from the open thread) and the popup (from stored case state) agree:
//
// - acknowledge: from the first customer message to our first reply after it;
// - actionable: from the oldest customer message we have not answered to our next reply.
//   Replies are not classified, so any reply of ours stops it; on the first message both
//   clocks run at once and the acknowledgement also counts as the next reply;
// - resolution: from the first customer message until the thread is marked resolved,
//   paused while we wait on the customer (see `waitingPeriods`).
//
// All in business time on the schedule: mail that arrives outside business hours starts its
// clocks at the next opening. A clock is "at risk" in the last quarter of its target, but
// at least AT_RISK_MIN_MINUTES business minutes and never more than half the target (so a
// 15-minute target warns 7.5 minutes ahead, a 1-hour one 15, 24 hours 6 business hours).

export const AT_RISK_SHARE = 0.25;
export const AT_RISK_MIN_MINUTES = 10;
/** An issue open this many business days → bring in engineering (staying a step ahead: day 3 or 4). */
export const ENGINEERING_NUDGE_DAYS = 3;

export interface ClockInput {
  /** ISO instants, any order; unreadable ones are ignored. */
  customerMessageTimes: readonly string[];
  ourReplyTimes: readonly string[];
  /** The first customer message ever seen, when older than the list. */
  firstCustomerAt?: string | null;
  flags: { resolved: boolean; waitingOnCustomer: boolean };
  /** Flag changes, oldest first (lib/schemas/case.ts). */
  flagChanges?: readonly CaseFlagChange[];
}

export interface ClockOptions {
  schedule: Schedule;
  targets: Targets;
  now: Date;
}

/** A span of waiting on the customer; `end` null while it lasts. Epoch milliseconds. */
export interface Pause {
  start: number;
  end: number | null;
}

interface Event {
  at: number;
  from: 'customer' | 'us';
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function instants(values: readonly string[] | undefined): number[] {
  const out = new Set<number>();
  for (const value of values ?? []) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) out.add(ms);
  }
  return [...out].sort((a, b) => a - b);
}

/** The business minutes before the end at which a clock of `target` minutes turns "at risk". */
export function atRiskWindow(targetMinutes: number): number {
  return Math.min(targetMinutes / 2, Math.max(targetMinutes * AT_RISK_SHARE, AT_RISK_MIN_MINUTES));
}

/**
 * Spans of waiting on the customer. The flag says the next step is theirs but not since
 * when, so the spans are inferred from what we know: a span starts when the flag was
 * noticed on — or at our reply just before, when that reply already handed the thread over
 * (no customer message after it) — and ends at the customer's next message or when the flag
 * went off. While the flag stays on, each later reply of ours after a customer message
 * hands the thread over again. A flag that is on with no logged change is taken to have
 * started with our last reply, if the customer has not written since.
 */
export function waitingPeriods(input: ClockInput, now: number): Pause[] {
  const events = timeline(input);
  const changes = (input.flagChanges ?? [])
    .filter((c) => c.flag === 'waitingOnCustomer')
    .map((c) => ({ value: c.value, at: Date.parse(c.at) }))
    .filter((c) => Number.isFinite(c.at));
  const on: Pause[] = [];
  for (const change of changes) {
    const open = on.length > 0 && on[on.length - 1]!.end === null;
    if (change.value && !open) on.push({ start: change.at, end: null });
    else if (!change.value && open) on[on.length - 1]!.end = Math.max(change.at, on[on.length - 1]!.start);
  }
  const openNow = on.length > 0 && on[on.length - 1]!.end === null;
  if (input.flags.waitingOnCustomer && !openNow) {
    const last = events[events.length - 1];
    if (last?.from === 'us') on.push({ start: last.at, end: null });
  } else if (!input.flags.waitingOnCustomer && openNow) {
    on[on.length - 1]!.end = Math.max(now, on[on.length - 1]!.start);
  }

  const pauses: Pause[] = [];
  for (const span of on) {
    const until = span.end ?? Infinity;
    const before = events.filter((e) => e.at <= span.start);
    const lastBefore = before[before.length - 1];
    let waitingFrom: number | null = lastBefore?.from === 'us' ? lastBefore.at : span.start;
    for (const event of events) {
      if (event.at <= span.start) continue;
      if (event.at >= until) break;
      if (event.from === 'customer' && waitingFrom !== null) {
        pauses.push({ start: waitingFrom, end: event.at });
        waitingFrom = null;
      } else if (event.from === 'us' && waitingFrom === null) {
        waitingFrom = event.at;
      }
    }
    if (waitingFrom !== null) pauses.push({ start: waitingFrom, end: span.end });
  }
  // Spans from separate flag periods may touch; merged so no time is subtracted twice.
  pauses.sort((a, b) => a.start - b.start);
  const merged: Pause[] = [];
  for (const pause of pauses) {
    const last = merged[merged.length - 1];
    if (last && (last.end === null || pause.start <= last.end)) {
      last.end = last.end === null || pause.end === null ? null : Math.max(last.end, pause.end);
    } else merged.push({ ...pause });
  }
  return merged;
}

function timeline(input: ClockInput): Event[] {
  const events: Event[] = [
    ...instants(input.customerMessageTimes).map((at) => ({ at, from: 'customer' as const })),
    ...instants(input.ourReplyTimes).map((at) => ({ at, from: 'us' as const })),
  ];
  const first = input.firstCustomerAt ? Date.parse(input.firstCustomerAt) : NaN;
  if (Number.isFinite(first) && !events.some((e) => e.from === 'customer' && e.at === first)) {
    events.push({ at: first, from: 'customer' });
  }
  // A reply stamped the same minute as the message it answers comes after it.
  return events.sort((a, b) => a.at - b.at || (a.from === b.from ? 0 : a.from === 'customer' ? -1 : 1));
}

/**
 * The instant `minutes` business minutes after `start`, not counting paused spans; null
 * while an open pause holds the clock before it runs out.
 */
export function addUnpausedMinutes(start: number, minutes: number, pauses: readonly Pause[], schedule: Schedule): number | null {
  let t = start;
  let left = minutes;
  for (const pause of pauses) {
    if (pause.end !== null && pause.end <= t) continue;
    const pauseStart = Math.max(pause.start, t);
    const candidate = addBusinessMinutes(new Date(t), left, schedule).getTime();
    if (candidate <= pauseStart) return candidate;
    left -= businessMinutesBetween(new Date(t), new Date(pauseStart), schedule);
    if (pause.end === null) return null;
    t = pause.end;
  }
  return addBusinessMinutes(new Date(t), left, schedule).getTime();
}

/** Business minutes from `start` to `now` outside the paused spans. */
export function unpausedMinutesBetween(start: number, now: number, pauses: readonly Pause[], schedule: Schedule): number {
  if (now <= start) return 0;
  let total = businessMinutesBetween(new Date(start), new Date(now), schedule);
  for (const pause of pauses) {
    const from = Math.max(pause.start, start);
    const to = Math.min(pause.end ?? now, now);
    if (to > from) total -= businessMinutesBetween(new Date(from), new Date(to), schedule);
  }
  return total;
}

function notApplicable(kind: ClockKind, targetMinutes: number | null, note: string, receivedAt: number | null = null): Clock {
  return {
    kind,
    state: 'not-applicable',
    targetMinutes,
    receivedAt: iso(receivedAt),
    startedAt: null,
    atRiskAt: null,
    dueAt: null,
    metAt: null,
    late: false,
    remainingMinutes: null,
    note,
  };
}

/** A clock that runs from `received` until `metAt`, with optional pauses. */
function runClock(
  kind: ClockKind,
  targetMinutes: number,
  received: number,
  metAt: number | null,
  pauses: readonly Pause[],
  options: ClockOptions,
): Clock {
  const { schedule } = options;
  const now = options.now.getTime();
  const started = nextBusinessStart(new Date(received), schedule).getTime();
  const window = atRiskWindow(targetMinutes);
  const atRisk = addUnpausedMinutes(received, targetMinutes - window, pauses, schedule);
  // Carried on from the at-risk instant rather than walked again from the start: the same
  // instant, at half the cost for a long target.
  const due = atRisk === null ? null : addUnpausedMinutes(atRisk, window, pauses, schedule);
  const pausedNow = metAt === null && pauses.some((p) => p.start <= now && (p.end === null || now < p.end));
  let state: ClockState;
  if (metAt !== null) state = 'met';
  else if (pausedNow) state = 'paused';
  else if (due !== null && now >= due) state = 'breached';
  else if (atRisk !== null && now >= atRisk) state = 'at-risk';
  else state = 'running';
  const clock: Clock = {
    kind,
    state,
    targetMinutes,
    receivedAt: iso(received),
    startedAt: iso(started),
    atRiskAt: state === 'paused' ? null : iso(atRisk),
    dueAt: state === 'paused' ? null : iso(due),
    metAt: iso(metAt),
    late: metAt !== null && due !== null && metAt > due,
    // Only while the clock counts: the walk is then bounded by the target, so a case left
    // open for months costs no more than a fresh one.
    remainingMinutes:
      state === 'running' || state === 'at-risk' || state === 'paused'
        ? Math.round(targetMinutes - unpausedMinutesBetween(received, now, pauses, schedule))
        : null,
  };
  if (state === 'paused') {
    const since = pauses.find((p) => p.start <= now && (p.end === null || now < p.end))!;
    clock.note = 'paused while waiting on the customer';
    clock.pausedSince = iso(since.start);
  }
  return clock;
}

function openMinutesOf(day: Schedule['week'][number] | undefined): number {
  let minutes = 0;
  for (const interval of day ?? []) {
    const [sh, sm] = interval.start.split(':').map(Number);
    const [eh, em] = interval.end.split(':').map(Number);
    minutes += Math.max(0, eh! * 60 + em! - (sh! * 60 + sm!));
  }
  return minutes;
}

/** Open minutes of an average open weekday: what "a business day" is for the nudges. */
export function businessDayMinutes(schedule: Schedule): number {
  const open = schedule.week.map(openMinutesOf).filter((minutes) => minutes > 0);
  return open.length > 0 ? open.reduce((a, b) => a + b, 0) / open.length : 0;
}

/** A working week in business days: the schedule's open weekdays (5 for Mon–Fri), at least 4. */
export function workingWeekDays(schedule: Schedule): number {
  return Math.max(4, schedule.week.filter((day) => openMinutesOf(day) > 0).length);
}

/**
 * Staying a step ahead: an issue open three business days brings in engineering; one open a
 * working week gets a call with the customer, engineering invited. Counted in business time
 * since the first customer message, pauses included: the customer's wait is what grows.
 */
export function escalationNudges(openedAt: number, options: ClockOptions): Nudge[] {
  const day = businessDayMinutes(options.schedule);
  if (day <= 0) return [];
  const now = options.now.getTime();
  // Compared with the instants the thresholds fall on, which are a few days' walk from the
  // opening, rather than counting the days since: an old case costs no more than a new one.
  const passed = (days: number) => addBusinessMinutes(new Date(openedAt), days * day, options.schedule).getTime() <= now;
  const week = workingWeekDays(options.schedule);
  if (passed(week)) {
    return [
      {
        kind: 'call',
        openBusinessDays: week,
        message: 'Open a week: propose a call with the customer and invite engineering to join.',
      },
    ];
  }
  if (passed(ENGINEERING_NUDGE_DAYS)) {
    return [
      {
        kind: 'engineering',
        openBusinessDays: ENGINEERING_NUDGE_DAYS,
        message: 'Open 3 business days: bring in engineering now rather than next week.',
      },
    ];
  }
  return [];
}

/** When the thread was marked resolved, as far as the log tells; null when unknown. */
function resolvedAt(input: ClockInput): number | null {
  const changes = input.flagChanges ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i]!;
    if (change.flag !== 'resolved') continue;
    if (!change.value) return null;
    const at = Date.parse(change.at);
    return Number.isFinite(at) ? at : null;
  }
  return null;
}

/** The clocks of one case at `options.now`. Never throws. */
export function computeClocks(input: ClockInput, options: ClockOptions): CaseClocks {
  const { targets, schedule } = options;
  const now = options.now.getTime();
  const result: CaseClocks = {
    timeZone: schedule.timeZone,
    computedAt: new Date(Number.isFinite(now) ? now : 0).toISOString(),
    open: !input.flags.resolved,
    clocks: [],
    nudges: [],
  };
  const events = timeline(input);
  const customer = events.filter((e) => e.from === 'customer');
  const first = customer[0]?.at ?? null;
  const resolved = input.flags.resolved;

  if (first === null || !hasBusinessHours(schedule) || !Number.isFinite(now)) {
    const why = first === null ? 'no message from the customer yet' : 'the schedule has no business hours';
    result.clocks = [
      notApplicable('acknowledge', targets.acknowledgeMinutes, why),
      notApplicable('actionable', targets.actionableMinutes, why),
      notApplicable('resolution', targets.resolutionMinutes, why),
    ];
    return result;
  }

  try {
    // Acknowledge: the first reply after the first customer message.
    const firstReply = events.find((e) => e.from === 'us' && e.at >= first)?.at ?? null;
    result.clocks.push(
      firstReply === null && resolved
        ? notApplicable('acknowledge', targets.acknowledgeMinutes, 'resolved', first)
        : runClock('acknowledge', targets.acknowledgeMinutes, first, firstReply, [], options),
    );

    // Actionable: the latest exchange — the oldest unanswered message, or the last answered one.
    let pendingFrom: number | null = null;
    let lastAnswered: { from: number; reply: number } | null = null;
    for (const event of events) {
      if (event.from === 'customer') pendingFrom ??= event.at;
      else if (pendingFrom !== null) {
        lastAnswered = { from: pendingFrom, reply: event.at };
        pendingFrom = null;
      }
    }
    if (pendingFrom !== null && !resolved) {
      result.clocks.push(runClock('actionable', targets.actionableMinutes, pendingFrom, null, [], options));
    } else if (lastAnswered) {
      result.clocks.push(runClock('actionable', targets.actionableMinutes, lastAnswered.from, lastAnswered.reply, [], options));
    } else {
      result.clocks.push(notApplicable('actionable', targets.actionableMinutes, 'resolved', pendingFrom));
    }

    // Resolution: from the first customer message, paused while waiting on the customer.
    if (targets.resolutionMinutes === null) {
      result.clocks.push(notApplicable('resolution', null, 'no resolution target for this role', first));
    } else {
      const pauses = waitingPeriods(input, now);
      if (resolved) {
        const at = resolvedAt(input);
        const clock = runClock('resolution', targets.resolutionMinutes, first, at ?? now, pauses, options);
        if (at === null) {
          // Marked resolved before its time was logged: met, but when is not known.
          clock.metAt = null;
          clock.late = false;
        }
        result.clocks.push(clock);
      } else {
        result.clocks.push(runClock('resolution', targets.resolutionMinutes, first, null, pauses, options));
      }
    }

    if (!resolved) result.nudges = escalationNudges(first, options);
  } catch {
    // Only a schedule with no reachable business day gets here; the case then has no clocks.
    const why = 'the schedule has no reachable business hours';
    result.clocks = [
      notApplicable('acknowledge', targets.acknowledgeMinutes, why, first),
      notApplicable('actionable', targets.actionableMinutes, why, first),
      notApplicable('resolution', targets.resolutionMinutes, why, first),
    ];
    result.nudges = [];
  }
  return result;
}

/**
 * A clock's state at a later `now` without the history: running clocks turn at risk and
 * breached at their stored instants, so a panel left open stays right between reports.
 */
export function clockStateAt(clock: Clock, now: number): ClockState {
  if (clock.state !== 'running' && clock.state !== 'at-risk' && clock.state !== 'breached') return clock.state;
  const due = clock.dueAt ? Date.parse(clock.dueAt) : NaN;
  const atRisk = clock.atRiskAt ? Date.parse(clock.atRiskAt) : NaN;
  if (Number.isFinite(due) && now >= due) return 'breached';
  if (Number.isFinite(atRisk) && now >= atRisk) return 'at-risk';
  return 'running';
}

const STATE_RANK: Record<ClockState, number> = {
  breached: 0,
  'at-risk': 1,
  running: 2,
  paused: 3,
  met: 4,
  'not-applicable': 5,
};

/** How urgent a case is: its worst clock's state, then its earliest due time. Lower sorts first. */
export function caseUrgency(clocks: CaseClocks, now: number): [rank: number, due: number] {
  let rank = STATE_RANK['not-applicable'];
  let due = Infinity;
  for (const clock of clocks.clocks) {
    const state = clockStateAt(clock, now);
    rank = Math.min(rank, STATE_RANK[state]);
    if ((state === 'running' || state === 'at-risk' || state === 'breached') && clock.dueAt) {
      due = Math.min(due, Date.parse(clock.dueAt));
    }
  }
  return [rank, due];
}

/** Orders cases worst first: breached before at risk before running, then by due time. */
export function compareUrgency(a: CaseClocks, b: CaseClocks, now: number): number {
  const [ra, da] = caseUrgency(a, now);
  const [rb, db] = caseUrgency(b, now);
  return ra - rb || (da === db ? 0 : da < db ? -1 : 1);
}
