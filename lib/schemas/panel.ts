import { z } from 'zod';
import { RULE_IDS } from '../types.ts';
import { caseClocksSchema, caseReportSchema, caseStateSchema } from './case.ts';

// What a Gmail tab tells the extension about the compose being written, so the side panel
// (and later the popup) can show it. Built in the content script from an analysis, sent
// through the background, parsed here at every boundary. Email text in it is shown as text,
// never as HTML.

const text = (max: number) => z.string().max(max);
const isoInstant = z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 time');

export const severitySchema = z.enum(['error', 'warning', 'info']);
export const markSchema = z.enum(['answered', 'not-applicable']);

export const panelFindingSchema = z.object({
  severity: severitySchema,
  message: text(2000),
  /** The draft text the finding points at, when it has a range. */
  excerpt: text(500).optional(),
  suggestions: z.array(z.object({ action: text(200), label: text(200) })).max(10).default([]),
});

export const panelRuleSchema = z.object({
  ruleId: z.enum(RULE_IDS),
  title: text(200),
  /** `off` when the team switched the rule off; `pending` while the draft has no text to judge. */
  status: z.enum(['pass', 'fail', 'off', 'pending']),
  severity: z.enum(['error', 'warning', 'info', 'off']),
  findings: z.array(panelFindingSchema).max(200),
});

export const panelQuestionSchema = z.object({
  id: text(64),
  text: text(2000),
  kind: z.enum(['question', 'request']),
  type: text(32),
  answered: z.boolean(),
  mark: markSchema.optional(),
  reason: text(2000),
  answeredBy: z.array(text(2000)).max(20),
});

export const panelEtaSchema = z.object({
  text: text(500),
  /** The commitment, ISO-8601 with offset; null when vague. */
  end: isoInstant.nullable(),
  vague: z.boolean(),
  /** "Thu, Nov 19, 3:00 PM EST", or why it is not a time. */
  display: text(200),
});

export const threadFlagsSchema = z.object({
  resolved: z.boolean().default(false),
  waitingOnCustomer: z.boolean().default(false),
});

export const panelThreadSchema = z.object({
  threadId: text(200).nullable(),
  subject: text(1000),
  customer: z.object({ name: text(200), email: text(320) }).nullable(),
  messageCount: z.number().int().min(0).max(10_000),
  /** When the customer's message being answered arrived. */
  lastCustomerAt: isoInstant.nullable(),
  /** When we last wrote on the thread. */
  ourLastReplyAt: isoInstant.nullable(),
  earlierEtas: z.array(z.object({ due: isoInstant, text: text(2000) })).max(100),
});

export const panelSnapshotSchema = z.object({
  /** Which compose in the tab this is about; null when the tab shows a thread with none open. */
  composeId: text(200).nullable(),
  updatedAt: z.number(),
  /** Failing error and warning checks: the number the in-compose status shows. */
  failing: z.number().int().min(0),
  rules: z.array(panelRuleSchema).max(RULE_IDS.length),
  questions: z.array(panelQuestionSchema).max(500),
  eta: panelEtaSchema.nullable(),
  thread: panelThreadSchema,
  flags: threadFlagsSchema,
  /** The open thread's response-time clocks and nudges (lib/time/clocks.ts); absent with no thread. */
  clocks: caseClocksSchema.optional(),
  /** What the tab saw of the thread's history; the background keeps it as the thread's case. */
  case: caseReportSchema.optional(),
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
  marks: z.record(text(64), markSchema).default({}),
  flags: threadFlagsSchema.default({ resolved: false, waitingOnCustomer: false }),
  updatedAt: z.number(),
  /** The thread's history for its clocks (lib/schemas/case.ts); absent until a Gmail tab shows it. */
  case: caseStateSchema.optional(),
});
export type ThreadRecord = z.infer<typeof threadRecordSchema>;
