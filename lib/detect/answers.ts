import type { Question, QuestionMark, QuestionStatus, QuestionType, Sentence, TextModel } from '../types.ts';
import { splitSentences } from '../text/sentences.ts';
import { stem } from '../text/stem.ts';
import { normaliseText } from './questions.ts';
import {
  ACTION_PHRASES,
  DEFERRAL_PHRASES,
  FRAME_WORDS,
  NUMBER_WORDS,
  REASON_PHRASES,
  STATUS_PHRASES_IN_DRAFT,
  STEP_PHRASES,
  STOPWORDS,
  SYNONYM_GROUPS,
  TIME_PATTERNS,
  TIME_WORDS,
  TYPE_WANTS,
  WEAK_WORDS,
  WHERE_PHRASES,
  WHO_PHRASES,
  YES_NO_OPENERS,
  YES_NO_PHRASES,
} from './answer-vocabulary.ts';

// Answer matching, in order of strength:
//  1. a mark set by the user wins;
//  2. an inline reply whose quoted part contains the question answers it;
//  3. a draft sentence (or two adjacent ones) that shares the question's topic AND gives
//     the kind of answer its type wants (a time for "when", yes/no for a yes/no question…);
//  4. a sentence that shares the topic and promises to come back on it ("I'll check on the
//     invoice and get back to you by Friday") counts as addressed: the handbook's rule is
//     that no question is ignored, and a promised answer with a follow-up is an answer the
//     eta rules then hold the writer to. The reason says "deferred" so the user can see it.
//  5. for questions that want a fact (yes/no, which, how, why, who, where), a statement
//     that restates most of the question's topic.
// Only the draft's `new` segments are read: quoted history is the customer's own words.

export interface MatchOptions {
  marks?: Record<string, QuestionMark>;
  /** Sentences of the draft; when given, only those inside `new` segments are used. */
  draftSentences?: Sentence[];
}

interface Cues {
  time: boolean;
  yesno: boolean;
  entity: boolean;
  steps: boolean;
  reason: boolean;
  who: boolean;
  where: boolean;
  number: boolean;
  status: boolean;
  action: boolean;
  deferral: boolean;
  asks: boolean;
}

interface DraftSentence {
  sentence: Sentence;
  segment: number;
  keys: Set<string>;
  cues: Cues;
}

interface Topic {
  keys: Map<string, number>;
  weight: number;
  /** The words to name in a "not addressed" reason, strongest first, with their keys. */
  names: { word: string; key: string }[];
}

const MAX_DRAFT_SENTENCES = 2000;
const SNIPPET = 90;

// --- Vocabulary, compiled once --------------------------------------------------------

const CANONICAL = new Map<string, string>();
const CANONICAL_BY_STEM = new Map<string, string>();
const MAX_PHRASE_WORDS = 3;
for (const group of SYNONYM_GROUPS) {
  const key = stem(group[0] ?? '');
  for (const entry of group) {
    CANONICAL.set(entry, key);
    if (!entry.includes(' ')) CANONICAL_BY_STEM.set(stem(entry), key);
  }
}

const STEMMED_STOPWORDS = new Set([...STOPWORDS].map(stem));

function tokens(text: string): string[] {
  return normaliseText(text).match(/[\p{L}\p{N}]+(?:['.\-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Topic keys: synonyms folded to one key, then stemmed. Phrases first, longest first. */
function topicKeys(words: string[], out: (key: string, word: string) => void): void {
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      const phrase = n === 1 ? (words[i] ?? '') : words.slice(i, i + n).join(' ');
      const key = CANONICAL.get(phrase);
      if (key !== undefined) {
        out(key, phrase);
        matched = n;
        break;
      }
    }
    if (matched === 0) {
      const word = words[i] ?? '';
      const stemmed = stem(word.replace(/'s$/, ''));
      out(CANONICAL_BY_STEM.get(stemmed) ?? stemmed, word);
      matched = 1;
    }
    i += matched;
  }
}

function hasPhrase(joined: string, phrases: readonly string[]): boolean {
  for (const p of phrases) if (joined.includes(` ${p} `)) return true;
  return false;
}

function startsWithPhrase(joined: string, phrases: readonly string[]): boolean {
  for (const p of phrases) if (joined.startsWith(` ${p} `)) return true;
  return false;
}

function cuesOf(text: string, words: string[]): Cues {
  const joined = ` ${words.join(' ')} `;
  const lower = text.toLowerCase();
  const trimmed = text.trimEnd();
  const asks = trimmed.endsWith('?');
  const number = /\d/.test(text) || /[$€£¥]/.test(text) || hasPhrase(joined, NUMBER_WORDS);
  const midCapital = /\s[\p{Lu}][\p{L}\p{N}]/u.test(text.slice(1));
  const quoted = /["“'`][^"”'`]{2,40}["”'`]/.test(text);
  return {
    time: hasPhrase(joined, TIME_WORDS) || TIME_PATTERNS.some((re) => re.test(lower)),
    yesno: startsWithPhrase(joined, YES_NO_OPENERS) || hasPhrase(joined, YES_NO_PHRASES),
    entity: !asks && (number || midCapital || quoted || / (?:is|are|was|called|named|use|recommend) /.test(joined)),
    steps: hasPhrase(joined, STEP_PHRASES) || /(?:->|→|>)/.test(text),
    reason: hasPhrase(joined, REASON_PHRASES),
    who: midCapital || hasPhrase(joined, WHO_PHRASES),
    where: hasPhrase(joined, WHERE_PHRASES) || /https?:\/\/|www\./.test(lower),
    number,
    status: hasPhrase(joined, STATUS_PHRASES_IN_DRAFT),
    action: hasPhrase(joined, ACTION_PHRASES),
    deferral: hasPhrase(joined, DEFERRAL_PHRASES),
    asks,
  };
}

function mergeCues(a: Cues, b: Cues): Cues {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Cues)[]) out[k] = a[k] || b[k];
  out.asks = a.asks && b.asks;
  return out;
}

/** Does the sentence give the kind of answer this question type wants? */
function fitsType(type: QuestionType, cues: Cues): boolean {
  if (cues.asks) return false;
  switch (type) {
    case 'when':
      return cues.time;
    case 'yesno':
      return cues.yesno;
    case 'which':
      return cues.entity;
    case 'how':
      return cues.steps;
    case 'why':
      return cues.reason;
    case 'who':
      return cues.who;
    case 'where':
      return cues.where;
    case 'quantity':
      return cues.number;
    case 'status':
      return cues.status || cues.time;
    case 'request':
      return cues.action;
  }
}

// --- Draft ----------------------------------------------------------------------------

function newSegments(draft: TextModel): { start: number; end: number }[] {
  const segments = Array.isArray(draft.segments) ? draft.segments : [];
  if (segments.length === 0) return draft.text.trim() ? [{ start: 0, end: draft.text.length }] : [];
  return segments.filter((s) => s.kind === 'new');
}

function segmentIndexOf(segments: { start: number; end: number }[], s: Sentence): number {
  // Segments are few and ordered; a linear scan per sentence is cheaper than it looks.
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg && s.start >= seg.start && s.end <= seg.end) return i;
  }
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg && s.start < seg.end && s.end > seg.start) return i;
  }
  return -1;
}

function analyseSentence(sentence: Sentence, segment: number): DraftSentence {
  const words = tokens(sentence.text);
  const keys = new Set<string>();
  topicKeys(words, (key) => keys.add(key));
  return { sentence, segment, keys, cues: cuesOf(sentence.text, words) };
}

function draftSentencesOf(draft: TextModel, given: Sentence[] | undefined): DraftSentence[] {
  const segments = newSegments(draft);
  const out: DraftSentence[] = [];
  if (given) {
    for (const s of given) {
      if (out.length >= MAX_DRAFT_SENTENCES) break;
      const seg = segmentIndexOf(segments, s);
      if (seg >= 0) out.push(analyseSentence(s, seg));
    }
    return out;
  }
  segments.forEach((seg, index) => {
    for (const s of splitSentences(draft.text, seg.start, seg.end)) {
      if (out.length >= MAX_DRAFT_SENTENCES) return;
      out.push(analyseSentence(s, index));
    }
  });
  return out;
}

// --- Question --------------------------------------------------------------------------

function topicOf(question: Question): Topic {
  const frame = new Set(FRAME_WORDS[question.type] ?? []);
  const keys = new Map<string, number>();
  const names: { word: string; key: string; weight: number }[] = [];
  topicKeys(tokens(question.text), (key, word) => {
    if (STOPWORDS.has(word) || STEMMED_STOPWORDS.has(key) || frame.has(word) || key.length < 2) return;
    if (keys.has(key)) return;
    const weight = WEAK_WORDS.has(word) ? 1 / 3 : 1;
    keys.set(key, weight);
    names.push({ word, key, weight });
  });
  let weight = 0;
  for (const w of keys.values()) weight += w;
  names.sort((a, b) => b.weight - a.weight || b.word.length - a.word.length);
  return { keys, weight, names: names.map(({ word, key }) => ({ word, key })) };
}

function hitsOf(topic: Topic, keys: Set<string>): number {
  let hits = 0;
  for (const [key, weight] of topic.keys) if (keys.has(key)) hits += weight;
  return hits;
}

function unionKeys(a: Set<string>, b: Set<string>): Set<string> {
  const out = new Set(a);
  for (const k of b) out.add(k);
  return out;
}

// --- Inline replies ---------------------------------------------------------------------

function plainWords(text: string): string {
  return ` ${tokens(text).map((t) => t.replace(/[.'\-]/g, ' ')).join(' ').replace(/\s+/g, ' ').trim()} `;
}

function quotedContains(quoted: string, quotedSet: Set<string>, question: string): number {
  const q = plainWords(question);
  if (q.trim().length === 0) return -1;
  const at = quoted.indexOf(q);
  if (at >= 0) return at;
  // The text model may have reflowed the quote; accept near-total word containment.
  const words = q.trim().split(' ');
  if (words.length < 4) return -1;
  let present = 0;
  for (const w of words) if (quotedSet.has(w)) present++;
  if (present / words.length < 0.9) return -1;
  return quoted.indexOf(` ${words[words.length - 1]} `);
}

interface InlineMatch {
  reply: DraftSentence[];
  /** Where the question sits in its quoted block; the last one sits right above the reply. */
  position: number;
  block: number;
}

function inlineMatches(questions: Question[], draft: TextModel, sentences: DraftSentence[]): Map<string, InlineMatch> {
  const out = new Map<string, InlineMatch>();
  const replies = Array.isArray(draft.inlineReplies) ? draft.inlineReplies : [];
  replies.forEach((pair, block) => {
    if (!pair?.quoted || !pair.reply) return;
    const quoted = plainWords(draft.text.slice(pair.quoted.start, pair.quoted.end));
    const quotedSet = new Set(quoted.trim().split(' '));
    const reply = sentences.filter((s) => s.sentence.start < pair.reply.end && s.sentence.end > pair.reply.start);
    if (reply.length === 0) return;
    for (const q of questions) {
      if (out.has(q.id)) continue;
      const position = quotedContains(quoted, quotedSet, q.text);
      if (position >= 0) out.set(q.id, { reply, position, block });
    }
  });
  return out;
}

// --- Decision ---------------------------------------------------------------------------

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

type Verdict = { kind: 'answer' | 'deferred' | 'restated'; by: DraftSentence[]; score: number };

function judge(type: QuestionType, topic: Topic, keys: Set<string>, cues: Cues): { kind: Verdict['kind']; score: number } | null {
  const hits = hitsOf(topic, keys);
  const topical = topic.weight === 0 || hits >= Math.min(1, topic.weight);
  if (!topical) return null;
  // A promise outranks its own time cue: "I'll check and get back to you by Friday" defers.
  if (cues.deferral) return { kind: 'deferred', score: 1 + hits };
  if (fitsType(type, cues)) return { kind: 'answer', score: 2 + hits };
  const factual = type === 'yesno' || type === 'which' || type === 'how' || type === 'why' || type === 'who' || type === 'where';
  if (factual && !cues.asks && hits >= 2 && hits / topic.weight >= 0.6) return { kind: 'restated', score: hits };
  return null;
}

function bestVerdict(type: QuestionType, topic: Topic, sentences: DraftSentence[]): Verdict | null {
  let best: Verdict | null = null;
  const rank = (k: Verdict['kind']) => (k === 'answer' ? 2 : k === 'restated' ? 1 : 0);
  const consider = (v: Verdict) => {
    if (!best || rank(v.kind) > rank(best.kind) || (rank(v.kind) === rank(best.kind) && v.score > best.score)) best = v;
  };
  const hits = new Float64Array(sentences.length);
  const fits = new Uint8Array(sentences.length);
  sentences.forEach((s, i) => {
    hits[i] = hitsOf(topic, s.keys);
    fits[i] = fitsType(type, s.cues) ? 1 : 0;
    const j = judge(type, topic, s.keys, s.cues);
    if (j) consider({ ...j, by: [s] });
  });
  if (best && (best as Verdict).kind === 'answer') return best;
  // "Yes." + "It shipped in 4.2." — the type cue and the topic can sit in neighbours. Only
  // neighbours where one gives the cue and either touches the topic are worth merging.
  for (let i = 0; i + 1 < sentences.length; i++) {
    const a = sentences[i];
    const b = sentences[i + 1];
    if (!a || !b || a.segment !== b.segment) continue;
    if (!(fits[i] || fits[i + 1]) || (topic.weight > 0 && !(hits[i] || hits[i + 1]))) continue;
    const j = judge(type, topic, unionKeys(a.keys, b.keys), mergeCues(a.cues, b.cues));
    if (j && j.kind === 'answer') consider({ ...j, score: j.score - 0.5, by: [a, b] });
  }
  return best;
}

function missingReason(type: QuestionType, topic: Topic, sentences: DraftSentence[]): string {
  const name = (list: { word: string }[]) => list.slice(0, 2).map((n) => `'${n.word}'`).join(' or ');
  if (topic.weight > 0) {
    let closest: DraftSentence | null = null;
    let closestHits = 0;
    for (const s of sentences) {
      const hits = hitsOf(topic, s.keys);
      if (hits > closestHits) [closest, closestHits] = [s, hits];
    }
    if (!closest || closestHits < Math.min(1, topic.weight)) return `no sentence in the draft addresses ${name(topic.names)}`;
    const keys = closest.keys;
    return `the draft mentions ${name(topic.names.filter((n) => keys.has(n.key)))} but ${TYPE_WANTS[type]}`;
  }
  return sentences.length === 0 ? 'the draft has no new text yet' : `no sentence in the draft ${TYPE_WANTS[type].replace(/ it$/, '')}`;
}

function statusOf(question: Question, sentences: DraftSentence[], inline: InlineMatch | undefined, crowded: boolean): QuestionStatus {
  const topic = topicOf(question);
  if (inline) {
    // One question per quoted block, or the last one before the reply: the reply answers it.
    // Several questions in one block: each must also find its topic or answer in the reply.
    const verdict = crowded ? bestVerdict(question.type, topic, inline.reply) : null;
    if (!crowded || verdict) {
      return {
        question,
        answered: true,
        answeredBy: (verdict?.by ?? inline.reply).map((s) => s.sentence),
        reason: 'answered inline under the quoted question',
      };
    }
  }
  const verdict = bestVerdict(question.type, topic, sentences);
  if (!verdict) {
    return { question, answered: false, answeredBy: [], reason: missingReason(question.type, topic, sentences) };
  }
  const text = snippet(verdict.by.map((s) => s.sentence.text).join(' '));
  const reason = verdict.kind === 'deferred' ? `deferred with a promise to follow up: '${text}'` : `answered by: '${text}'`;
  return { question, answered: true, answeredBy: verdict.by.map((s) => s.sentence), reason };
}

/**
 * For each customer question, whether the draft answers it and with which sentences.
 * `customerText` is the text the questions' ranges point into; it is read for nothing but
 * kept in the signature so callers pass the pair together. Never throws.
 */
export function matchAnswers(
  questions: Question[],
  customerText: string,
  draft: TextModel,
  options: MatchOptions = {},
): QuestionStatus[] {
  void customerText;
  if (!Array.isArray(questions)) return [];
  const safeDraft: TextModel =
    draft && typeof draft.text === 'string'
      ? draft
      : { text: '', htmlOffsets: new Int32Array(1), segments: [], colours: [], inlineReplies: [] };
  let sentences: DraftSentence[] = [];
  let inline = new Map<string, InlineMatch>();
  try {
    sentences = draftSentencesOf(safeDraft, options.draftSentences);
    inline = inlineMatches(questions, safeDraft, sentences);
  } catch {
    // Fail open: an unreadable draft means nothing is answered, not a crash.
  }
  const lastInBlock = new Map<number, { id: string; position: number }>();
  const perBlock = new Map<number, number>();
  for (const [id, m] of inline) {
    perBlock.set(m.block, (perBlock.get(m.block) ?? 0) + 1);
    const last = lastInBlock.get(m.block);
    if (!last || m.position > last.position) lastInBlock.set(m.block, { id, position: m.position });
  }

  return questions.map((question) => {
    let status: QuestionStatus;
    try {
      const m = inline.get(question.id);
      const crowded = m !== undefined && (perBlock.get(m.block) ?? 0) > 1 && lastInBlock.get(m.block)?.id !== question.id;
      status = statusOf(question, sentences, m, crowded);
    } catch {
      status = { question, answered: false, answeredBy: [], reason: 'could not be checked' };
    }
    const mark = options.marks?.[question.id];
    if (mark === 'answered' || mark === 'not-applicable') {
      return {
        ...status,
        answered: true,
        mark,
        reason: mark === 'answered' ? 'marked answered' : 'marked not applicable',
      };
    }
    return status;
  });
}
