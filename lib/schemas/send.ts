import { z } from 'zod';
import { RULE_IDS } from '../types.ts';

// What a Gmail tab reports when a reply leaves through Send (issue 6), for the send log and
// for the reminders and clocks (issue 7). Built in the content script at the moment of
// sending, sent to the background fire-and-forget (the mail never waits for it) and parsed
// here before anything is stored.

const text = (max: number) => z.string().max(max);
const isoInstant = z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 time');

/**
 * - `clean`: every check passed, the mail went at once;
 * - `sent-anyway`: checks failed and the user chose "Send anyway";
 * - `not-blocked`: checks failed, the team's policy never blocks, the checklist was shown;
 * - `failed-open`: our own fault (engine error, slow or unreachable background, missing
 *   Gmail element, invalidated context) let the mail go unchecked.
 */
export const SEND_OUTCOMES = ['clean', 'sent-anyway', 'not-blocked', 'failed-open'] as const;
export type SendOutcome = (typeof SEND_OUTCOMES)[number];

/** Which of Gmail's ways of sending was used. */
export const SEND_PATHS = ['button', 'keyboard-button', 'shortcut', 'send-archive', 'schedule'] as const;
export type SendPath = (typeof SEND_PATHS)[number];

export const sendRecordSchema = z.object({
  /** Gmail thread id, or `draft:<id>` / `compose:<id>` for a new message (see utils/messaging.ts). */
  threadId: text(200),
  subject: text(1000),
  customer: z.object({ name: text(200), email: text(320) }).nullable(),
  /** Epoch milliseconds. */
  sentAt: z.number(),
  path: z.enum(SEND_PATHS),
  outcome: z.enum(SEND_OUTCOMES),
  /** Rules that failed (error or warning) when the mail went; empty for `clean`. */
  failedRules: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length),
  /** The user's reason for "Send anyway", when the team requires one. */
  reason: text(500).optional(),
  /** For `failed-open`: what went wrong, in a few words (never email text). */
  failure: text(300).optional(),
  /** The concrete ETA the reply promised, or null. `sentence` is the promise, for the reminder. */
  promise: z
    .object({
      due: isoInstant,
      text: text(500),
      sentence: text(2000),
    })
    .nullable(),
  /** Question ids (as in the panel snapshot) the reply answered, and those it left open. */
  answeredQuestionIds: z.array(text(64)).max(500),
  openQuestionIds: z.array(text(64)).max(500),
  /** When the customer's message being answered arrived, for the clocks. */
  customerMessageAt: isoInstant.nullable(),
});

export type SendRecord = z.infer<typeof sendRecordSchema>;
