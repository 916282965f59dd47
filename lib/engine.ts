import { clearEtaCaches, findEtas } from './detect/eta.ts';
import { clearPhraseMatcherCache } from './detect/phrase-matcher.ts';
import { clearAnswerCaches, matchAnswers } from './detect/answers.ts';
import { findQuestions, needsAnswer } from './detect/questions.ts';
import { RULES } from './rules/index.ts';
import type { RuleContext } from './rules/rule.ts';
import { DEFAULT_SETTINGS, type Settings } from './schemas/settings.ts';
import { splitSentences } from './text/sentences.ts';
import { parseMessage } from './text/text-model.ts';
import type { Eta, Finding, Question, QuestionStatus, Sentence, TextModel, ThreadContext } from './types.ts';

export interface AnalysisInput {
  /** The customer message being answered, as HTML or plain text. */
  customer: string;
  /** The reply being written, as HTML or plain text. */
  draft: string;
  now: Date;
  /** The writer's IANA zone; defaults to the schedule's. */
  timeZone?: string;
  thread?: ThreadContext;
  /** How to read `customer` and `draft`; `auto` looks for markup. */
  format?: 'html' | 'text' | 'auto';
}

export interface Analysis {
  draft: TextModel;
  customer: TextModel;
  draftSentences: Sentence[];
  questions: QuestionStatus[];
  etas: Eta[];
  /** The ETA a reminder would be made from: the first concrete one, else the first vague one. */
  primaryEta: Eta | null;
  /** Sorted by severity (errors first), then by position in the draft. */
  findings: Finding[];
  /** Rules that threw: the analysis goes on without them, and the caller may log these. */
  ruleErrors: { ruleId: string; message: string }[];
}

/** Sentences of the text's `new` segments: what this message's author wrote. */
export function sentencesOfNewText(model: TextModel): Sentence[] {
  const out: Sentence[] = [];
  for (const segment of model.segments) {
    if (segment.kind !== 'new') continue;
    for (const sentence of splitSentences(model.text, segment.start, segment.end)) out.push(sentence);
  }
  return out;
}

/** ETAs in the writer's new text; a phrase never spans two segments. */
export function etasOfNewText(
  model: TextModel,
  options: { now: Date; timeZone: string; schedule: Settings['schedule'] },
): Eta[] {
  const out: Eta[] = [];
  for (const segment of model.segments) {
    if (segment.kind !== 'new') continue;
    const slice = model.text.slice(segment.start, segment.end);
    for (const eta of findEtas(slice, options)) {
      const start = eta.range[0] + segment.start;
      const end = eta.range[1] + segment.start;
      out.push({ ...eta, range: [start, end] });
    }
  }
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** What the engine reads from the customer's message: it depends on nothing else. */
interface CustomerReading {
  raw: string;
  format: NonNullable<AnalysisInput['format']>;
  model: TextModel;
  sentences: Sentence[];
  questions: Question[];
}

// In Gmail the customer's message stays the same while the reply is typed, so its reading
// is kept for the next call: one entry, keyed by the exact string and format. The reading
// is a pure function of those two, so a hit returns what a fresh reading would.
let lastCustomer: CustomerReading | null = null;

function readCustomer(raw: string, format: NonNullable<AnalysisInput['format']>): CustomerReading {
  if (lastCustomer && lastCustomer.raw === raw && lastCustomer.format === format) return lastCustomer;
  const model = parseMessage(raw, { format });
  const sentences = sentencesOfNewText(model);
  // Courtesy asks ("let me know if you have any questions") need no answer in the reply.
  const questions = findQuestions(model.text, { sentences }).filter(needsAnswer);
  const reading = { raw, format, model, sentences, questions };
  // Only strings are kept: anything else is read afresh (and found empty) every time.
  lastCustomer = typeof raw === 'string' ? reading : null;
  return reading;
}

/** Forgets every remembered reading, so the next analysis starts from nothing (benchmarks, tests). */
export function clearEngineCaches(): void {
  lastCustomer = null;
  clearAnswerCaches();
  clearPhraseMatcherCache();
  clearEtaCaches();
}

export function buildContext(input: AnalysisInput, settings: Settings = DEFAULT_SETTINGS): RuleContext {
  const format = input.format ?? 'auto';
  const draft = parseMessage(input.draft, { format });
  const reading = readCustomer(input.customer, format);
  const customer = reading.model;
  const thread = input.thread ?? {};
  const timeZone = input.timeZone ?? settings.schedule.timeZone;
  const draftSentences = sentencesOfNewText(draft);
  const questions = matchAnswers(reading.questions, customer.text, draft, { marks: thread.marks, draftSentences });
  const etas = etasOfNewText(draft, { now: input.now, timeZone, schedule: settings.schedule });
  return {
    draft,
    draftSentences,
    customer,
    questions,
    etas,
    now: input.now,
    timeZone,
    schedule: settings.schedule,
    thread,
    settings,
  };
}

export function runRules(context: RuleContext): Pick<Analysis, 'findings' | 'ruleErrors'> {
  const findings: Finding[] = [];
  const ruleErrors: Analysis['ruleErrors'] = [];
  for (const rule of RULES) {
    const severity = context.settings.rules[rule.meta.id];
    if (severity === 'off') continue;
    try {
      for (const report of rule.check(context)) {
        findings.push({ ruleId: rule.meta.id, severity, ...report });
      }
    } catch (error) {
      // One broken rule must not take the checklist (or the Send button) down with it.
      ruleErrors.push({ ruleId: rule.meta.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.range?.[0] ?? Number.MAX_SAFE_INTEGER) - (b.range?.[0] ?? Number.MAX_SAFE_INTEGER),
  );
  return { findings, ruleErrors };
}

export function primaryEtaOf(etas: Eta[]): Eta | null {
  return etas.find((eta) => !eta.vague) ?? etas[0] ?? null;
}

/** Checks a draft against every enabled rule. Never throws for any string input. */
export function analyze(input: AnalysisInput, settings: Settings = DEFAULT_SETTINGS): Analysis {
  const context = buildContext(input, settings);
  const { findings, ruleErrors } = runRules(context);
  return {
    draft: context.draft,
    customer: context.customer,
    draftSentences: context.draftSentences,
    questions: context.questions,
    etas: context.etas,
    primaryEta: primaryEtaOf(context.etas),
    findings,
    ruleErrors,
  };
}
