import type { QuestionType, Sentence } from '../types.ts';
import {
  AUXILIARIES,
  COMPLEMENT_TYPES,
  EXCLAMATION_STARTS,
  IMPERATIVE_OBJECTS,
  IMPERATIVE_VERBS,
  KNOWLEDGE_VERBS,
  LEADING_FILLERS,
  LET_ME_ASKS,
  NEED_OBJECTS,
  NEED_SUBJECTS,
  NEED_VERBS,
  NOT_A_QUESTION,
  PLEASE_NOT_FOLLOWED_BY,
  QUANTITY_PHRASES,
  QUESTION_FRAMES,
  QUESTION_SUBJECTS,
  REPORTED_ASK_VERBS,
  REQUEST_PHRASES,
  STATUS_PHRASES,
  WH_WORDS,
  WHEN_PHRASES,
  type PhraseRule,
} from './question-phrases.ts';

// The rule reading of a sentence, written for precision. findQuestions (questions.ts) lets
// the trained request model make the final call and feeds it this reading as cues; the
// reading also supplies the question's type and its clauses. It reads one clause at a time
// in a normal form (lower case, contractions expanded, punctuation dropped, words separated
// by one space) and asks, in order: is this courtesy or reported speech (no); does an indirect-question
// frame name what is wanted; does it end in "?"; is it shaped like a question even without
// one; is it a request. Everything phrase-like lives in question-phrases.ts.

/** Classification only looks at the start of very long sentences. */
const MAX_WORDS = 80;

const set = (list: readonly string[]) => new Set(list);
const AUX = set(AUXILIARIES.filter((a) => !a.includes(' ')));
const SUBJECTS = set(QUESTION_SUBJECTS);
const WH = set(WH_WORDS);
const KNOWLEDGE = set(KNOWLEDGE_VERBS);
const IMPERATIVES = set(IMPERATIVE_VERBS);
const OBJECTS = set(IMPERATIVE_OBJECTS);
const PLEASE_WORDS = set(['please', 'pls', 'plz', 'kindly']);
const ASK_MODALS = set(['can', 'could', 'would', 'will']);
const ASK_ENDINGS = set(['if', 'whether', 'when', 'what', 'how', 'why', 'who', 'where', 'which', 'about']);
const SENTENCE_CLOSERS = '"\'”’)]»';
/** A frame after these is someone else's obligation: "they have to let us know". */
const THIRD_PARTY_BEFORE = set(['to', 'will', 'would', 'should', 'must', 'might', 'may', 'they', 'he', 'she', 'not', 'never', 'did', 'does', 'who', 'which', 'can', 'could']);

// ---------------------------------------------------------------------------------------
// Normal form
// ---------------------------------------------------------------------------------------

const APOSTROPHE_LIKE = /['’‘`´]/;

/** Lower case, straight apostrophes, contractions expanded: the form every phrase table uses. */
export function normaliseText(text: string): string {
  const lower = text.toLowerCase();
  // Most clauses hold no apostrophe, and then only the three forms written without one can
  // change: skipping the rest keeps the same result for a fraction of the work.
  if (!APOSTROPHE_LIKE.test(lower)) {
    let out = lower;
    if (out.includes('cannot')) out = out.replace(/\bcannot\b/g, 'can not');
    if (out.includes('lets')) out = out.replace(/^(\W*)lets\b/, '$1let us');
    if (out.includes('im')) out = out.replace(/\bim\b/g, 'i am');
    return out;
  }
  return lower
    .replace(/[’‘`´]/g, "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bcannot\b/g, 'can not')
    .replace(/\bshan't\b/g, 'shall not')
    .replace(/n't\b/g, ' not')
    .replace(/\blet's\b/g, 'let us')
    .replace(/^(\W*)lets\b/, '$1let us')
    .replace(/\b(what|where|when|who|how|it|that|there|here|why|which)'s\b/g, '$1 is')
    .replace(/'re\b/g, ' are')
    .replace(/'ve\b/g, ' have')
    .replace(/'ll\b/g, ' will')
    .replace(/'d\b/g, ' would')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\bim\b/g, 'i am');
}

/** Words of a clause in normal form; apostrophes and hyphens inside words are kept. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const raw of normaliseText(text).split(/[^\p{L}\p{N}'\-]+/u)) {
    let w = raw;
    while (w.length > 0 && (w[0] === "'" || w[0] === '-')) w = w.slice(1);
    while (w.length > 0 && (w[w.length - 1] === "'" || w[w.length - 1] === '-')) w = w.slice(0, -1);
    if (w.length === 0) continue;
    words.push(w.endsWith("'s") ? w.slice(0, -2) : w);
    if (words.length >= MAX_WORDS) break;
  }
  return words;
}

function stripFillers(words: string[]): string[] {
  let i = 0;
  // A filler is only stripped when at least one word is left after it.
  for (let filler = phraseAt(words, i, FILLER_INDEX, words.length - 1); filler; filler = phraseAt(words, i, FILLER_INDEX, words.length - 1)) {
    i += filler.rest.length + 1;
  }
  return i === 0 ? words : words.slice(i);
}

// Phrase tables are matched word by word through an index on each phrase's first word, so
// a clause costs one map lookup per word instead of one substring search per phrase. A
// match at word i is exactly where ` phrase ` would be found in ` w0 w1 … ` (words never
// hold a space), so the readings are those of a plain substring scan.

interface IndexedPhrase<T> {
  /** The phrase's words after the first. */
  rest: readonly string[];
  /** Characters in the phrase, for "the longer frame wins" ties. */
  length: number;
  startOnly: boolean;
  item: T;
}

/** Phrases by first word; each bucket keeps the table's order, so earlier rows win ties. */
type PhraseIndex<T> = Map<string, IndexedPhrase<T>[]>;

function indexPhrases<T>(items: readonly T[], phraseOf: (item: T) => string, startOnly: (item: T) => boolean = () => false): PhraseIndex<T> {
  const index: PhraseIndex<T> = new Map();
  for (const item of items) {
    const phrase = phraseOf(item);
    const [first = '', ...rest] = phrase.split(' ');
    let bucket = index.get(first);
    if (!bucket) index.set(first, (bucket = []));
    bucket.push({ rest, length: phrase.length, startOnly: startOnly(item), item });
  }
  return index;
}

function restMatches(words: readonly string[], i: number, rest: readonly string[], limit: number): boolean {
  if (i + 1 + rest.length > limit) return false;
  for (let k = 0; k < rest.length; k++) if (words[i + 1 + k] !== rest[k]) return false;
  return true;
}

/** The first phrase of the table (in table order) that starts at word `i` and ends before word `limit`. */
function phraseAt<T>(words: readonly string[], i: number, index: PhraseIndex<T>, limit = words.length): IndexedPhrase<T> | null {
  const bucket = index.get(words[i] ?? '');
  if (!bucket || i >= limit) return null;
  for (const entry of bucket) {
    if (entry.startOnly && i !== 0) continue;
    if (restMatches(words, i, entry.rest, limit)) return entry;
  }
  return null;
}

function containsPhrase<T>(words: readonly string[], index: PhraseIndex<T>): boolean {
  for (let i = 0; i < words.length; i++) if (phraseAt(words, i, index) !== null) return true;
  return false;
}

const byPhrase = (r: PhraseRule) => r.phrase;
const atStart = (r: PhraseRule) => r.at === 'start';
const asIs = (p: string) => p;
const NOT_A_QUESTION_INDEX = indexPhrases(NOT_A_QUESTION, byPhrase, atStart);
const REQUEST_PHRASE_INDEX = indexPhrases(REQUEST_PHRASES, byPhrase, atStart);
const FRAME_INDEX = indexPhrases(
  QUESTION_FRAMES.map((frame) => ({ frame, mentionsYou: frame.phrase.includes('you') })),
  (f) => f.frame.phrase,
  (f) => f.frame.at === 'start',
);
const STATUS_INDEX = indexPhrases(STATUS_PHRASES, asIs);
const QUANTITY_INDEX = indexPhrases(QUANTITY_PHRASES, asIs);
const WHEN_INDEX = indexPhrases(WHEN_PHRASES, asIs);
const COMPLEMENT_INDEX = indexPhrases(COMPLEMENT_TYPES, (c) => c.phrase);
const REPORTED_ASK_INDEX = indexPhrases(REPORTED_ASK_VERBS, asIs);
const FILLER_INDEX = indexPhrases(LEADING_FILLERS, asIs);

// ---------------------------------------------------------------------------------------
// Typing
// ---------------------------------------------------------------------------------------

function complementType(words: string[], from: number, fallback: QuestionType): QuestionType {
  let k = from;
  while (k < words.length && (words[k] === 'me' || words[k] === 'us' || words[k] === 'please' || words[k] === 'on' || words[k] === 'about' || words[k] === 'as' || words[k] === 'to')) k++;
  const complement = phraseAt(words, k, COMPLEMENT_INDEX, Math.min(words.length, k + 6));
  if (complement) return complement.item.type;
  if (fallback === 'request') {
    const content = words.slice(k).filter((w) => !['asap', 'soon', 'possible', 'thanks', 'thank', 'you', 'at', 'by', 'the', 'earliest', 'convenience', 'know'].includes(w));
    return content.length > 0 ? 'which' : 'request';
  }
  return fallback;
}

/** Status, price and time asks override a generic yes/no or which. */
function refineType(type: QuestionType, words: readonly string[]): QuestionType {
  if (type !== 'yesno' && type !== 'which') return type;
  if (containsPhrase(words, STATUS_INDEX)) return 'status';
  if (containsPhrase(words, QUANTITY_INDEX)) return 'quantity';
  if (containsPhrase(words, WHEN_INDEX)) return 'when';
  return type;
}

function startsWithAuxQuestion(words: string[]): boolean {
  const [a, b, c] = words;
  if (a === undefined || !AUX.has(a)) return false;
  if (b !== undefined && SUBJECTS.has(b)) return true;
  // "Can't you…", "Isn't there…"
  return b === 'not' && c !== undefined && SUBJECTS.has(c);
}

function startsWithWhQuestion(words: string[]): boolean {
  const [a, b] = words;
  if (a === undefined || !WH.has(a)) return false;
  if (b === undefined) return true;
  if (AUX.has(b)) return true;
  // "How long…", "What time…", "Which version…", "How much…", "Who else…"
  return a === 'how' || a === 'which' || a === 'what' || a === 'whose';
}

/** "Can you send…" asks for an action; "Can you see the logs?" asks a yes/no. */
function isModalAsk(words: string[]): boolean {
  const [a, b] = words;
  if (a === undefined || b !== 'you' || !ASK_MODALS.has(a)) return false;
  let k = 2;
  while (k < words.length && (PLEASE_WORDS.has(words[k] ?? '') || words[k] === 'also' || words[k] === 'just' || words[k] === 'kindly')) k++;
  const verb = words[k];
  return verb !== undefined && !KNOWLEDGE.has(verb) && !AUX.has(verb) && verb !== 'not';
}

function directType(words: string[], joined: string): QuestionType {
  const first = words[0] ?? '';
  if (WH.has(first)) return refineType(complementType(words, 0, 'which'), words);
  if (startsWithAuxQuestion(words)) {
    if (isModalAsk(words)) return 'request';
    const type = joined.includes(' or ') && !joined.includes(' or not ') ? 'which' : 'yesno';
    return refineType(type, words);
  }
  // A wh-word later on: "So the fix ships when?", "And for the invoice, who do I ask?"
  const limit = Math.min(words.length, 8);
  for (let k = 1; k < limit; k++) {
    if (WH.has(words[k] ?? '')) return refineType(complementType(words, k, 'which'), words);
  }
  return refineType('yesno', words);
}

// ---------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------

function pleaseAsks(words: string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    if (!PLEASE_WORDS.has(words[k] ?? '')) continue;
    // "if you please" is an idiom; "pleased" is another word already.
    if (k >= 2 && words[k - 1] === 'you' && words[k - 2] === 'if') continue;
    // "sure to please everyone": the verb, not the courtesy.
    if (k >= 1 && words[k - 1] === 'to') continue;
    const after = ` ${words.slice(k + 1, k + 5).join(' ')} `;
    if (PLEASE_NOT_FOLLOWED_BY.some((p) => after.startsWith(` ${p} `))) return false;
    return true;
  }
  return false;
}

function imperativeAsks(words: string[], original: string): boolean {
  const [verb, next, third] = words;
  if (verb === undefined || next === undefined || !IMPERATIVES.has(verb)) return false;
  // Headlines in Title Case ("Call Me Maybe", "Help Me Help You") are names, not asks.
  const capitalised = original.match(/(?:^|\s)\p{Lu}/gu)?.length ?? 0;
  if (words.length >= 3 && capitalised >= Math.min(words.length, 6)) return false;
  // "Update: the server is back" is a heading, not an order.
  if (/^\W*[\p{L}-]+\s*[:–—]/u.test(original)) return false;
  if (verb === 'let') {
    if (next === 'us') return third !== undefined;
    return next === 'me' && LET_ME_ASKS.some((p) => ` ${words.slice(2, 4).join(' ')} `.startsWith(` ${p} `));
  }
  if (verb === 'do') return next === 'not' && third !== undefined && IMPERATIVES.has(third);
  return OBJECTS.has(next);
}

function needAsks(joined: string): boolean {
  for (const subject of NEED_SUBJECTS) {
    const head = ` ${subject} `;
    if (!joined.startsWith(head)) continue;
    for (const verb of NEED_VERBS) {
      const withVerb = `${head}${verb} `;
      if (!joined.startsWith(withVerb)) continue;
      for (const object of NEED_OBJECTS) if (joined.startsWith(`${withVerb}${object} `)) return true;
    }
  }
  return false;
}

/** Which request test fires, or null: "please", an imperative, "we need…", a request phrase. */
function requestAsks(words: string[], joined: string, original: string): string | null {
  if (pleaseAsks(words)) return 'please';
  if (imperativeAsks(words, original)) return 'imperative';
  if (needAsks(joined)) return 'need';
  return containsPhrase(words, REQUEST_PHRASE_INDEX) ? 'phrase' : null;
}

// ---------------------------------------------------------------------------------------
// Clause classification
// ---------------------------------------------------------------------------------------

function terminalOf(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && (SENTENCE_CLOSERS.includes(text[i] ?? '') || /\s/.test(text[i] ?? ''))) i--;
  return text[i] ?? '';
}

function isReportedAsk(words: readonly string[], joined: string): boolean {
  let at = 0; // where word i's leading space is in `joined`
  for (let i = 0; i < words.length; at += (words[i] ?? '').length + 1, i++) {
    const bucket = REPORTED_ASK_INDEX.get(words[i] ?? '');
    if (!bucket) continue;
    for (const { rest, item: verb } of bucket) {
      if (!restMatches(words, i, rest, words.length)) continue;
      const after = joined.slice(at + verb.length + 2, at + verb.length + 40).split(' ');
      let k = 0;
      // "asked him whether", "asked them about"
      if (['me', 'him', 'her', 'them', 'us', 'you', 'support', 'someone'].includes(after[0] ?? '')) k = 1;
      if (ASK_ENDINGS.has(after[k] ?? '') || after[k] === 'for' || after[k] === 'to') return true;
    }
  }
  return false;
}

interface Verdict {
  type: QuestionType;
  /** True when the clause itself is shaped as an ask, not only by a trailing "?". */
  shaped: boolean;
  /** Which test recognised the ask: the classifier weighs each one separately. */
  via: string;
}

/** Why a clause is not an ask even though it looks like one. */
interface Veto {
  veto: 'courtesy' | 'exclamation' | 'reported';
}

const isVeto = (v: Verdict | Veto | null): v is Veto => v !== null && 'veto' in v;

function classifyClause(text: string, terminal: string): Verdict | Veto | null {
  const words = stripFillers(wordsOf(text));
  if (words.length === 0) return null;
  const joined = ` ${words.join(' ')} `;
  const asks = terminal === '?' || terminal === '？';

  if (containsPhrase(words, NOT_A_QUESTION_INDEX)) return { veto: 'courtesy' };
  if (terminal === '!' && !asks && EXCLAMATION_STARTS.some((p) => joined.startsWith(` ${p} `))) {
    // "What a mess!" / "How great is that!"; "What time is the call!" is rare enough.
    return { veto: 'exclamation' };
  }
  if (!asks && isReportedAsk(words, joined)) return { veto: 'reported' };

  // Each frame counts at its first occurrence only; the earliest wins, then the longest.
  let best: { at: number; type: QuestionType; length: number; words: number } | null = null;
  let seenFrames: Set<unknown> | null = null;
  for (let i = 0; i < words.length && best === null; i++) {
    const bucket = FRAME_INDEX.get(words[i] ?? '');
    if (!bucket) continue;
    for (const entry of bucket) {
      if ((entry.startOnly && i !== 0) || !restMatches(words, i, entry.rest, words.length)) continue;
      if (seenFrames?.has(entry)) continue;
      (seenFrames ??= new Set()).add(entry);
      if (i > 0 && !entry.item.mentionsYou && THIRD_PARTY_BEFORE.has(words[i - 1] ?? '')) continue;
      if (best === null || entry.length > best.length) {
        best = { at: i, type: entry.item.frame.type, length: entry.length, words: entry.rest.length + 1 };
      }
    }
  }
  if (best) {
    return { type: refineType(complementType(words, best.at + best.words, best.type), words), shaped: true, via: 'frame' };
  }

  const auxShaped = startsWithAuxQuestion(words);
  const whShaped = startsWithWhQuestion(words);
  if (asks) {
    const request = auxShaped || whShaped ? null : requestAsks(words, joined, text);
    if (request) return { type: 'request', shaped: true, via: `q-${request}` };
    return { type: directType(words, joined), shaped: auxShaped || whShaped, via: auxShaped ? 'q-aux' : whShaped ? 'q-wh' : 'q-mark' };
  }
  if (terminal !== '!' && terminal !== '.' && (auxShaped || whShaped)) {
    return { type: directType(words, joined), shaped: true, via: auxShaped ? 'aux' : 'wh' };
  }
  // A full stop after "Could you e-mail me…" or "Did you send…" still asks.
  if (terminal === '.' && auxShaped && (isModalAsk(words) || ['did', 'do', 'have'].includes(words[0] ?? '') && words[1] === 'you')) {
    return { type: directType(words, joined), shaped: true, via: 'aux-stop' };
  }
  const request = requestAsks(words, joined, text);
  if (request) return { type: 'request', shaped: true, via: request };
  return null;
}

// ---------------------------------------------------------------------------------------
// Sentences → questions
// ---------------------------------------------------------------------------------------

// Where one sentence holds two asks: "When is the release, and will it include the fix?"
const CLAUSE_BREAK =
  /;\s*|,\s*(?:and|but|also|or|plus)\s+|(?<!\s)\s+and\s+(?=(?:also\s+)?(?:can|could|would|will|when|what|how|where|why|who|please)\b)/gi;

export interface Span {
  start: number;
  end: number;
}

function clauseSpans(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) {
    if (m[0].length === 0) {
      CLAUSE_BREAK.lastIndex++;
      continue;
    }
    spans.push({ start: from, end: m.index });
    from = m.index + m[0].length;
    if (spans.length > 20) break;
  }
  spans.push({ start: from, end: text.length });
  return spans.filter((s) => s.end > s.start);
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,;]/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** FNV-1a over the normal form, base 36: the same question keeps its id across edits. */
export function questionId(text: string): string {
  const key = wordsOf(text).join(' ');
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `q${hash.toString(36)}`;
}

export interface RuleReading {
  found: { span: Span; type: QuestionType; via: string }[];
  /** The rules recognised courtesy or reported speech ("let me know if you have any questions"). */
  vetoed: Veto['veto'] | null;
}

function classifySentence(sentence: Sentence): RuleReading {
  const text = sentence.text;
  const terminal = terminalOf(text);
  const spans = clauseSpans(text);
  if (spans.length > 1) {
    const found: { span: Span; type: QuestionType; via: string; index: number }[] = [];
    spans.forEach((raw, index) => {
      const span = trimSpan(text, raw);
      if (span.end <= span.start) return;
      const isLast = index === spans.length - 1;
      const verdict = classifyClause(text.slice(span.start, span.end), isLast ? terminal : '');
      if (verdict && !isVeto(verdict) && verdict.shaped) found.push({ span, type: verdict.type, via: verdict.via, index });
    });
    if (found.length >= 2 || (found.length === 1 && found[0]?.index !== 0)) return { found, vetoed: null };
  }
  const whole = classifyClause(text, terminal);
  if (isVeto(whole)) return { found: [], vetoed: whole.veto };
  const all = { start: 0, end: text.length };
  if (whole?.shaped) return { found: [{ span: all, type: whole.type, via: whole.via }], vetoed: null };
  // "John, can you…", "When you get a chance, send…": read past a leading address.
  const comma = text.slice(0, 60).search(/[,:]\s/);
  if (comma > 0) {
    const rest = classifyClause(text.slice(comma + 1), terminal);
    if (rest && !isVeto(rest) && (rest.shaped || !whole)) return { found: [{ span: all, type: rest.type, via: `after-comma-${rest.via}` }], vetoed: null };
  }
  return { found: whole ? [{ span: all, type: whole.type, via: whole.via }] : [], vetoed: null };
}

/** The rules' reading of one sentence on its own; the training script uses it as features. */
export function readSentenceByRules(text: string): RuleReading {
  return classifySentence({ text, start: 0, end: text.length });
}


/**
 * The reading as named cues for the request model: which test fired, the type it gave,
 * and why a look-alike was turned down. Changing these names means a new feature-set id.
 */
export function ruleCues(reading: RuleReading): string[] {
  const cues: string[] = [];
  if (reading.vetoed) cues.push('veto', `veto:${reading.vetoed}`);
  for (const f of reading.found) cues.push('ask', `type:${f.type}`, `via:${f.via}`);
  if (cues.length === 0) cues.push('none');
  return cues;
}

/**
 * A type for a sentence the model calls an ask but no rule recognised ("Saturday works for
 * me", "Thoughts on the attached"): question-shaped ones are typed as questions, the rest
 * want something done or confirmed, which answer matching treats as a request.
 */
export function inferQuestionType(text: string): QuestionType {
  const words = stripFillers(wordsOf(text));
  if (words.length === 0) return 'request';
  const joined = ` ${words.join(' ')} `;
  const terminal = terminalOf(text);
  if (terminal === '?' || terminal === '？' || startsWithAuxQuestion(words) || startsWithWhQuestion(words)) {
    if (isModalAsk(words)) return 'request';
    return directType(words, joined);
  }
  return 'request';
}
