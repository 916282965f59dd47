import { z } from 'zod';
import { GMAIL_ACCOUNT_PATTERN } from '../reminders/gmail-account.ts';

// A reminder is a promise we made on a thread ("by 3 pm ET tomorrow"), or one the user set by
// hand, kept in IndexedDB until it is done. Rows are parsed on every read: a row written by an
// older or broken build must not crash the popup or the alarms.

const text = (max: number) => z.string().max(max);
const instant = z.number().finite().nonnegative();

export const reminderSourceSchema = z.enum(['send', 'manual']);

/** Which notices a reminder gets: a lead time before `dueAt`, then at `dueAt`. */
export const reminderPhaseSchema = z.enum(['lead', 'due']);
export type ReminderPhase = z.infer<typeof reminderPhaseSchema>;

export const reminderSchema = z.object({
  id: text(64).min(1),
  /** Gmail thread id, or `draft:<id>` / `compose:<id>` for a new message. */
  threadId: text(200).min(1),
  subject: text(1000),
  customer: z.object({ name: text(200), email: text(320) }).nullable(),
  /** The ETA as written ("by 3 pm ET tomorrow"); null for a reminder set at a chosen time. */
  etaText: text(500).nullable(),
  /** The sentence that made the promise, shown so the user remembers what was promised. */
  sentence: text(2000).nullable(),
  /** The promised instant (epoch ms). Stays put when the reminder is snoozed. */
  etaAt: instant,
  /** When the reminder falls due (epoch ms): the ETA, or where a snooze or an edit moved it. */
  dueAt: instant,
  /** False once snoozed: a snoozed reminder comes back at its time, without a lead notice. */
  leadNotice: z.boolean(),
  /** The notices already raised for the current `dueAt`, so none is raised twice. */
  notified: z.array(reminderPhaseSchema).max(2),
  /**
   * The next notice's instant, or absent when every notice has been raised. Kept on the row
   * (and indexed) so the next alarm and the catch-up are one index lookup among thousands.
   */
  nextNoticeAt: instant.optional(),
  source: reminderSourceSchema,
  /**
   * The Gmail account the thread is in (`https://mail.google.com/mail/u/1/`), so "Open
   * thread" opens it there. Absent when it was not known (rows from older builds).
   */
  account: z.string().regex(GMAIL_ACCOUNT_PATTERN).optional(),
  /** When the promise was made (the send time for `send`): a later promise replaces an earlier one. */
  createdAt: instant,
  updatedAt: instant,
});

export type Reminder = z.infer<typeof reminderSchema>;

/** One entry of the send log: the send record as it arrived, with its row id. */
export type { SendRecord } from './send.ts';
