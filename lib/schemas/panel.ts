import { z } from './zod-mini.ts';
import { RULE_IDS } from '../types.ts';
import { caseClocksSchema, caseReportSchema, caseStateSchema } from './case.ts';

// What a Gmail tab tells the extension about the compose being written, so the side panel
// (and later the popup) can show it. Built in the content script from an analysis, sent
// through the background, parsed here at every boundary. Email text in it is shown as text,
// never as HTML.

const text = (max: number) => z.string().check(z.maxLength(max));
const isoInstant = z.string().check(
  z.maxLength(64),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 time'),
);

export const severitySchema = z.enum(['error', 'warning', 'info']);
export const markSchema = z.enum(['answered', 'not-applicable']);

export const panelFindingSchema = z.object({
  severity: severitySchema,
  message: text(2000),
  /** The draft text the finding points at, when it has a range. */
  excerpt: z.optional(text(500)),
  suggestions: z._default(z.array(z.object({ action: text(200), label: text(200) })).check(z.maxLength(10)), []),
});

export const panelRuleSchema = z.object({
  ruleId: z.enum(RULE_IDS),
  title: text(200),
  /** `off` when the team switched the rule off; `pending` while the draft has no text to judge. */
  status: z.enum(['pass', 'fail', 'off', 'pending']),
  severity: z.enum(['error', 'warning', 'info', 'off']),
  findings: z.array(panelFindingSchema).check(z.maxLength(200)),
});

export const panelQuestionSchema = z.object({
  id: text(64),
  text: text(2000),
  kind: z.enum(['question', 'request']),
  type: text(32),
  answered: z.boolean(),
  mark: z.optional(markSchema),
  reason: text(2000),
  answeredBy: z.array(text(2000)).check(z.maxLength(20)),
});

export const panelEtaSchema = z.object({
  text: text(500),
  /** The commitment, ISO-8601 with offset; null when vague. */
  end: z.nullable(isoInstant),
  vague: z.boolean(),
  /** "Thu, Nov 19, 3:00 PM EST", or why it is not a time. */
  display: text(200),
});

export const threadFlagsSchema = z.object({
  resolved: z._default(z.boolean(), false),
  waitingOnCustomer: z._default(z.boolean(), false),
});

export const panelThreadSchema = z.object({
  threadId: z.nullable(text(200)),
  subject: text(1000),
  customer: z.nullable(z.object({ name: text(200), email: text(320) })),
  messageCount: z.int().check(z.minimum(0), z.maximum(10_000)),
  /** When the customer's message being answered arrived. */
  lastCustomerAt: z.nullable(isoInstant),
  /** When we last wrote on the thread. */
  ourLastReplyAt: z.nullable(isoInstant),
  earlierEtas: z.array(z.object({ due: isoInstant, text: text(2000) })).check(z.maxLength(100)),
});

export const panelSnapshotSchema = z.object({
  /** Which compose in the tab this is about; null when the tab shows a thread with none open. */
  composeId: z.nullable(text(200)),
  updatedAt: z.number(),
  /** Failing error and warning checks: the number the in-compose status shows. */
  failing: z.int().check(z.minimum(0)),
  rules: z.array(panelRuleSchema).check(z.maxLength(RULE_IDS.length)),
  questions: z.array(panelQuestionSchema).check(z.maxLength(500)),
  eta: z.nullable(panelEtaSchema),
  thread: panelThreadSchema,
  flags: threadFlagsSchema,
  /** The open thread's response-time clocks and nudges (lib/time/clocks.ts); absent with no thread. */
  clocks: z.optional(caseClocksSchema),
  /** What the tab saw of the thread's history; the background keeps it as the thread's case. */
  case: z.optional(caseReportSchema),
});

export type PanelFinding = z.infer<typeof panelFindingSchema>;
export type PanelRule = z.infer<typeof panelRuleSchema>;
export type PanelQuestion = z.infer<typeof panelQuestionSchema>;
export type PanelEta = z.infer<typeof panelEtaSchema>;
export type PanelThread = z.infer<typeof panelThreadSchema>;
export type ThreadFlags = z.infer<typeof threadFlagsSchema>;
export type PanelSnapshot = z.infer<typeof panelSnapshotSchema>;

/** What the background keeps per thread for issue 4: the user's marks and flags. */
export const threadRecordSchema = z.object({
  threadId: text(200),
  marks: z._default(z.record(text(64), markSchema), {}),
  flags: z._default(threadFlagsSchema, { resolved: false, waitingOnCustomer: false }),
  updatedAt: z.number(),
  /** The thread's history for its clocks (lib/schemas/case.ts); absent until a Gmail tab shows it. */
  case: z.optional(caseStateSchema),
  /**
   * The Gmail account the thread was last reported from ("https://mail.google.com/mail/u/1/"),
   * so "Open thread" on an open case goes to that account: a thread id means nothing in another.
   */
  account: z.optional(z.string().check(z.regex(/^https:\/\/mail\.google\.com\/mail\/u\/\d{1,3}\/$/))),
});
export type ThreadRecord = z.infer<typeof threadRecordSchema>;
