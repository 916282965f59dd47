import { z } from './zod-mini.ts';
import { RULE_IDS } from '../types.ts';

// What a Gmail tab reports when a reply leaves through Send (issue 6), for the send log and
// for the reminders and clocks (issue 7). Built in the content script at the moment of
// sending, sent to the background fire-and-forget (the mail never waits for it) and parsed
// here before anything is stored.

const text = (max: number) => z.string().check(z.maxLength(max));
const isoInstant = z.string().check(
  z.maxLength(64),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 time'),
);

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
  customer: z.nullable(z.object({ name: text(200), email: text(320) })),
  /** Epoch milliseconds. */
  sentAt: z.number(),
  path: z.enum(SEND_PATHS),
  outcome: z.enum(SEND_OUTCOMES),
  /** Rules that failed (error or warning) when the mail went; empty for `clean`. */
  failedRules: z.array(z.enum(RULE_IDS)).check(z.maxLength(RULE_IDS.length)),
  /** The user's reason for "Send anyway", when the team requires one. */
  reason: z.optional(text(500)),
  /** For `failed-open`: what went wrong, in a few words (never email text). */
  failure: z.optional(text(300)),
  /** The concrete ETA the reply promised, or null. `sentence` is the promise, for the reminder. */
  promise: z.nullable(
    z.object({
      due: isoInstant,
      text: text(500),
      sentence: text(2000),
    }),
  ),
  /** Question ids (as in the panel snapshot) the reply answered, and those it left open. */
  answeredQuestionIds: z.array(text(64)).check(z.maxLength(500)),
  openQuestionIds: z.array(text(64)).check(z.maxLength(500)),
  /** When the customer's message being answered arrived, for the clocks. */
  customerMessageAt: z.nullable(isoInstant),
});

export type SendRecord = z.infer<typeof sendRecordSchema>;
