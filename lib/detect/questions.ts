import type { Question, QuestionType, Sentence } from '../types.ts';
import { splitSentences } from '../text/sentences.ts';
import { inferQuestionType, readSentenceByRules, ruleCues, type RuleReading, type Span } from './question-rules.ts';
import { bundledRequestModel, type RequestModel } from './request-classifier.ts';

export { normaliseText, questionId } from './question-rules.ts';
import { questionId } from './question-rules.ts';

// Two readers decide together. The trained request model (request-classifier.ts) decides
// whether a sentence asks the reader something, with the rules' reading (question-rules.ts)
// among its features; the rules then supply the clauses and types of what was accepted,
// and say which accepted asks are courtesy ("let me know if you have any questions"),
// which a reply owes no answer. Only reported speech ("she asked whether…") and
// exclamations ("What a mess!") are turned down whatever the model says: they ask the
// reader nothing.
//
// An earlier version let the rules overrule the model both ways (every question shape was
// an ask, every courtesy line was not). Cross-validated on train.tsv that cost about three
// points of F1: rhetorical and newsletter questions became asks, and real invitations the
// labels count ("If you would like to discuss this, give me a call") were dropped. The
// model, which sees the same shapes as features, weighs them better; courtesy is now a
// property of an ask, not a reason to miss it.

/** Beyond this many sentences the rest of a message is not read (pasted logs, dumps). */
const MAX_SENTENCES = 5000;

export interface FindQuestionsOptions {
  /** The customer's `new` sentences, to skip quoted history; default: split `text`. */
  sentences?: Sentence[];
  /** Another request model (cross-validation, tests); default: the shipped one. */
  model?: RequestModel;
}

interface SentenceReading {
  reading: RuleReading;
  /** The model's probability that the sentence asks something, with the reading as cues. */
  score: number;
}

// Shapes the rules recognise as asks: a clause ending in "?", an auxiliary or wh opening, an
// indirect-question frame ("I was wondering whether…"), an imperative addressed to the
// reader ("Reset the password for jane@acme.com"). train.tsv calls a fifth of them "No"
// (newsletter calls to action, rhetorical questions), so the model may turn one down, but
// only when it is sure (below the model file's question floor): a customer's "Is it fixed?"
// must not be missed because Enron's newsletters ask questions too.
const ASK_SHAPES = /^(?:after-comma-)?(?:q-.*|aux|wh|aux-stop|frame|imperative)$/;

function readSentence(text: string, model: RequestModel | null): SentenceReading {
  const reading = readSentenceByRules(text);
  // Without a usable model the rules alone decide, as they did before the model existed.
  if (model === null) return { reading, score: reading.found.length > 0 ? 1 : 0 };
  if (reading.vetoed === 'reported' || reading.vetoed === 'exclamation') return { reading, score: 0 };
  const score = model.probability(text, ruleCues(reading));
  if (score >= model.questionFloor && reading.found.some((f) => ASK_SHAPES.test(f.via))) return { reading, score: 1 };
  return { reading, score };
}

function shippedModel(): RequestModel | null {
  try {
    return bundledRequestModel();
  } catch {
    return null;
  }
}

function isQuotedHistory(text: string): boolean {
  return text.startsWith('>');
}

/**
 * The highest ask score among a message's sentences: findQuestions reports something for
 * the message exactly when this reaches the model's threshold. The training script tunes
 * that threshold on it.
 */
export function messageAskScore(text: string, model: RequestModel): number {
  if (typeof text !== 'string') return 0;
  let best = 0;
  const sentences = splitSentences(text);
  const limit = Math.min(sentences.length, MAX_SENTENCES);
  for (let i = 0; i < limit; i++) {
    const sentence = sentences[i];
    if (!sentence || isQuotedHistory(sentence.text)) continue;
    best = Math.max(best, readSentence(sentence.text, model).score);
  }
  return best;
}

/** The whole sentence without the blank and list punctuation around it. */
function wholeSpan(text: string): Span {
  let start = 0;
  let end = text.length;
  while (start < end && /[\s,;:\-–—•*]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,;]/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/**
 * Questions and requests in the customer's own new text. Pass `sentences` (from the
 * customer's `new` segments) to avoid quoted history; ranges are offsets into `text`.
 */
export function findQuestions(text: string, options: FindQuestionsOptions = {}): Question[] {
  if (typeof text !== 'string') return [];
  const sentences = options.sentences ?? splitSentences(text);
  const model = options.model ?? shippedModel();
  const threshold = model?.threshold ?? 0.5;
  const out: Question[] = [];
  const seen = new Set<string>();
  const limit = Math.min(sentences.length, MAX_SENTENCES);
  for (let i = 0; i < limit; i++) {
    const sentence = sentences[i];
    if (!sentence || typeof sentence.text !== 'string') continue;
    // Quoted history that slipped through is someone else's question.
    if (isQuotedHistory(sentence.text)) continue;
    let found: { span: Span; type: QuestionType }[];
    let courtesy = false;
    try {
      const { reading, score } = readSentence(sentence.text, model);
      if (score < threshold) continue;
      courtesy = reading.vetoed === 'courtesy';
      found = reading.found.length > 0 ? reading.found : [{ span: wholeSpan(sentence.text), type: courtesy ? 'request' : inferQuestionType(sentence.text) }];
    } catch {
      continue;
    }
    for (const { span, type } of found) {
      if (span.end <= span.start) continue;
      const qText = sentence.text.slice(span.start, span.end);
      const id = questionId(qText);
      if (seen.has(id)) continue;
      seen.add(id);
      const start = Math.max(0, Math.min(text.length, sentence.start + span.start));
      const end = Math.max(start, Math.min(text.length, sentence.start + span.end));
      out.push({
        id,
        text: qText,
        range: [start, end],
        kind: type === 'request' ? 'request' : 'question',
        type,
        ...(courtesy ? { courtesy: true as const } : {}),
      });
    }
  }
  return out;
}

/** False for courtesy asks: the checklist does not hold a reply to answering them. */
export function needsAnswer(question: Question): boolean {
  return question.courtesy !== true;
}
