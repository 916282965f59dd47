import { z } from './zod-mini.ts';

// A thread's history in the few facts the response-time clocks need (lib/time/clocks.ts),
// kept on its ThreadRecord so the popup can show every open case's clocks without the
// Gmail page. Written by the background from what Gmail tabs report; read back from
// IndexedDB and imports, so parsed like any other untrusted input. Only times, the subject
// and the customer's name and address are kept: never message text.

const isoInstant = z.string().check(
  z.maxLength(64),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 time'),
);

/** How many message times of each side are kept: the newest, with the first customer message kept apart. */
export const CASE_TIMES_MAX = 200;
/** How many flag changes are kept: the newest. */
export const CASE_FLAG_CHANGES_MAX = 100;

export const caseFlagChangeSchema = z.object({
  flag: z.enum(['resolved', 'waitingOnCustomer']),
  value: z.boolean(),
  /**
   * When the change was first noticed: the record's last write after it, or the report
   * that showed it. Flags are set by a click, so this is at most a report's delay late.
   */
  at: isoInstant,
});

/** What a Gmail tab saw of one thread: the part of the case a report carries. */
export const caseReportSchema = z.object({
  subject: z.string().check(z.maxLength(1000)),
  customer: z.nullable(z.object({ name: z.string().check(z.maxLength(200)), email: z.string().check(z.maxLength(320)) })),
  /** Every readable customer message time and ours, oldest first (the newest CASE_TIMES_MAX). */
  customerMessageTimes: z.array(isoInstant).check(z.maxLength(CASE_TIMES_MAX)),
  ourReplyTimes: z.array(isoInstant).check(z.maxLength(CASE_TIMES_MAX)),
});

export const caseStateSchema = z.extend(caseReportSchema, {
  /** The first customer message ever seen on the thread; survives the lists' cap and Gmail hiding old messages. */
  firstCustomerAt: z.nullable(isoInstant),
  /** The first customer message after our last reply: the one the next reply is owed for. */
  oldestUnansweredAt: z.nullable(isoInstant),
  flagChanges: z.array(caseFlagChangeSchema).check(z.maxLength(CASE_FLAG_CHANGES_MAX)),
  /** Epoch milliseconds of the last report merged in. */
  observedAt: z.number(),
});

export const CLOCK_KINDS = ['acknowledge', 'actionable', 'resolution'] as const;
export const CLOCK_STATES = ['running', 'at-risk', 'breached', 'met', 'paused', 'not-applicable'] as const;

/** One response-time clock as worked out at `computedAt` (lib/time/clocks.ts). */
export const clockSchema = z.object({
  kind: z.enum(CLOCK_KINDS),
  state: z.enum(CLOCK_STATES),
  /** The role's target in business minutes; null when the role sets none. */
  targetMinutes: z.nullable(z.int().check(z.positive())),
  /** When the customer message the clock runs from arrived. */
  receivedAt: z.nullable(isoInstant),
  /** When the clock started counting: the arrival, or the next business opening after it. */
  startedAt: z.nullable(isoInstant),
  /** From here on the clock is at risk; null while paused or when it does not run. */
  atRiskAt: z.nullable(isoInstant),
  dueAt: z.nullable(isoInstant),
  /** The reply (or the resolution) that stopped the clock. */
  metAt: z.nullable(isoInstant),
  /** Met, but after it was due. */
  late: z.boolean(),
  /** Business minutes left at `computedAt` while running, at risk or paused; null otherwise. */
  remainingMinutes: z.nullable(z.number()),
  /** When the current pause began (state `paused`). */
  pausedSince: z.optional(z.nullable(isoInstant)),
  /** Why the clock is paused or does not apply, in the panel's words. */
  note: z.optional(z.string().check(z.maxLength(300))),
});

export const nudgeSchema = z.object({
  kind: z.enum(['engineering', 'call']),
  /** The threshold passed: open at least this many business days (the schedule's average day). */
  openBusinessDays: z.number().check(z.minimum(0)),
  message: z.string().check(z.maxLength(300)),
});

export const caseClocksSchema = z.object({
  /** The schedule's zone: due times are shown in it. */
  timeZone: z.string().check(z.maxLength(64)),
  computedAt: isoInstant,
  /** False once the thread is marked resolved. */
  open: z.boolean(),
  clocks: z.array(clockSchema).check(z.maxLength(CLOCK_KINDS.length)),
  nudges: z.array(nudgeSchema).check(z.maxLength(2)),
});

export type ClockKind = (typeof CLOCK_KINDS)[number];
export type ClockState = (typeof CLOCK_STATES)[number];
export type Clock = z.infer<typeof clockSchema>;
export type Nudge = z.infer<typeof nudgeSchema>;
export type CaseClocks = z.infer<typeof caseClocksSchema>;
export type CaseFlagChange = z.infer<typeof caseFlagChangeSchema>;
export type CaseReport = z.infer<typeof caseReportSchema>;
export type CaseState = z.infer<typeof caseStateSchema>;
