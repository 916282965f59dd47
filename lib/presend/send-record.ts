import type { Analysis } from '../engine.ts';
import { clip } from '../panel-snapshot.ts';
import { sendRecordSchema, type SendOutcome, type SendPath, type SendRecord } from '../schemas/send.ts';
import { toIsoInZone } from '../time/format.ts';
import type { Eta, RuleId, Sentence } from '../types.ts';

// What a Gmail tab reports when a reply leaves (lib/schemas/send.ts): the outcome, the rules
// that failed, and what the reply promised, for the send log and the reminders. Built from
// the analysis made at Send; email text in it is limited to the subject, the ETA phrase and
// its sentence, which the reminder needs.

export interface SendRecordInput {
  threadId: string;
  subject: string;
  customer: { name: string; email: string } | null;
  customerMessageAt: string | null;
  sentAt: number;
  path: SendPath;
  outcome: SendOutcome;
  failedRules: readonly RuleId[];
  reason?: string;
  failure?: string;
  /** Absent when the check itself failed (outcome `failed-open`). */
  analysis?: Pick<Analysis, 'primaryEta' | 'draftSentences' | 'questions' | 'draft'> | null;
  /** The writer's zone: the promise's instant is written in it. */
  timeZone: string;
}

function sentenceAround(eta: Eta, sentences: readonly Sentence[], text: string): string {
  const [start, end] = eta.range;
  const sentence = sentences.find((s) => s.start <= start && end <= s.end);
  return (sentence?.text ?? text.slice(start, end)).replace(/\s+/g, ' ').trim();
}

/** The concrete ETA the reply commits to, or null (none, or only a vague one). */
export function promiseOf(
  analysis: Pick<Analysis, 'primaryEta' | 'draftSentences' | 'draft'>,
  timeZone: string,
): SendRecord['promise'] {
  const eta = analysis.primaryEta;
  if (!eta || eta.vague || !(eta.end instanceof Date) || !Number.isFinite(eta.end.getTime())) return null;
  return {
    due: toIsoInZone(eta.end, timeZone),
    text: clip(eta.text.replace(/\s+/g, ' ').trim(), 500),
    sentence: clip(sentenceAround(eta, analysis.draftSentences, analysis.draft.text), 2000),
  };
}

/** A record that passes sendRecordSchema, or null if the input cannot make one (never thrown). */
export function buildSendRecord(input: SendRecordInput): SendRecord | null {
  const analysis = input.analysis ?? null;
  const answered: string[] = [];
  const open: string[] = [];
  for (const status of analysis?.questions ?? []) {
    const id = clip(status.question.id, 64);
    if (status.answered) answered.push(id);
    else open.push(id);
  }
  const record: SendRecord = {
    threadId: clip(input.threadId, 200),
    subject: clip(input.subject, 1000),
    customer: input.customer ? { name: clip(input.customer.name, 200), email: clip(input.customer.email, 320) } : null,
    sentAt: input.sentAt,
    path: input.path,
    outcome: input.outcome,
    failedRules: [...new Set(input.failedRules)],
    promise: analysis ? promiseOf(analysis, input.timeZone) : null,
    answeredQuestionIds: answered.slice(0, 500),
    openQuestionIds: open.slice(0, 500),
    customerMessageAt: input.customerMessageAt,
  };
  if (input.reason) record.reason = clip(input.reason, 500);
  if (input.failure) record.failure = clip(input.failure, 300);
  const parsed = sendRecordSchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}
