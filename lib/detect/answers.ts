import type { Question, QuestionMark, QuestionStatus, QuestionType, Sentence, TextModel } from '../types.ts';
import { splitSentences } from '../text/sentences.ts';
import { stem } from '../text/stem.ts';
import { normaliseText } from './questions.ts';
import {
  ACTION_PHRASES,
  ADVICE_VERBS,
  CAUSE_ASKS,
  DEFERRAL_PHRASES,
  EMBEDDED_ASK_FRAMES,
  FRAME_WORDS,
  HANDOFF_PHRASES,
  NUMBER_WORDS,
  REASON_PHRASES,
  STATUS_PHRASES_IN_DRAFT,
  STEP_PHRASES,
  STOPWORDS,
  SYNONYM_GROUPS,
  TIME_PATTERNS,
  TIME_WORDS,
  TYPE_WANTS,
  VAGUE_TIME_WORDS,
  WEAK_YES_NO_PHRASES,
  WEAK_WORDS,
  WHERE_PHRASES,
  WHO_PHRASES,
  YES_NO_OPENERS,
  YES_NO_PHRASES,
} from './answer-vocabulary.ts';

// Answer matching, in order of strength:
//  1. a mark set by the user wins;
//  2. an inline reply whose quoted part contains the question answers it — unless the
//     quoted block holds more asks after it, and then the reply must be about this one;
//  3. a draft sentence (or two adjacent ones) that shares the question's topic AND gives
//     the kind of answer the question wants (a time for "when", yes/no for a yes/no
//     question, a done-or-will-do for a request…);
//  4. a sentence that shares the topic and promises to come back with a firm time ("I'll
//     confirm the price by Friday") counts as addressed: the handbook's rule is that no
//     question is ignored and a missing answer gets an ETA, which the eta rules then hold
//     the writer to. A promise with no time, or a hand-off to another team ("I have
//     forwarded your request to billing"), does not count: it answers nothing yet;
//  5. for questions that want a fact, a statement that restates most of the topic;
//  6. "If not, what do you need?" is settled when the draft says yes to the question it
//     hangs on (and "If so, please send it" when the draft says no).
// Only the draft's `new` segments are read: quoted history is the customer's own words.

export interface MatchOptions {
  marks?: Record<string, QuestionMark>;
  /** Sentences of the draft; when given, only those inside `new` segments are used. */
  draftSentences?: Sentence[];
}

interface Cues {
  time: boolean;
  /** A time that names an instant or a span ("by Friday", "within 2 days"), not "soon". */
  firmTime: boolean;
  yesno: boolean;
  /** Opens with yes/no or says "I can confirm": not merely a statement starting "you can". */
  yesStrong: boolean;
  /** "Yes, we do.", "It does, if…": an answer that leans on the question for its topic. */
  elliptical: boolean;
  affirms: boolean;
  denies: boolean;
  entity: boolean;
  steps: boolean;
  reason: boolean;
  who: boolean;
  where: boolean;
  /** A number word, a currency sign or an amount; digits are checked per question. */
  amount: boolean;
  status: boolean;
  action: boolean;
  deferral: boolean;
  handoff: boolean;
  asks: boolean;
}

interface DraftSentence {
  sentence: Sentence;
  segment: number;
  keys: Set<string>;
  cues: Cues;
  /** Digit tokens ("4.2", "600", "2025"), to tell a new number from one the customer wrote. */
  numbers: string[];
  /** Digits only appear as a version ("6.2.3"): a time for "when" only if the version is new. */
  versionTimeOnly: boolean;
}

interface Topic {
  keys: Map<string, number>;
  weight: number;
  /** The words to name in a "not addressed" reason, strongest first, with their keys. */
  names: { word: string; key: string }[];
}

/** What the question wants, read from its own words on top of the finder's type. */
interface Profile {
  type: QuestionType;
  topic: Topic;
  /** The question's own topic weight, before words from around it were added. */
  ownWeight: number;
  numbers: Set<string>;
  /** Versions the question itself names ("4.2.1"). */
  versions: string[];
  acceptYesNo: boolean;
  acceptAction: boolean;
  acceptSteps: boolean;
  acceptNumber: boolean;
  conditional: 'if-not' | 'if-so' | null;
  /** The sentence the question hangs on ("Can you reproduce this?" for "If not, …"). */
  context: Topic | null;
}

const MAX_DRAFT_SENTENCES = 2000;
const SNIPPET = 90;
/** A yes/no or which answer must touch this share of the question's topic. */
const MIN_COVERAGE = 0.3;
/** Words taken from around a short clause count this much. */
const CONTEXT_WEIGHT = 0.5;
const CONTEXT_REACH = 300;

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
const PRICE_KEY = CANONICAL.get('price') ?? 'price';
/** The most words a synonym phrase starting with this word has: most words start none. */
const LONGEST_PHRASE_FROM = new Map<string, number>();
for (const entry of CANONICAL.keys()) {
  const parts = entry.split(' ');
  const first = parts[0] ?? '';
  if (parts.length > 1) LONGEST_PHRASE_FROM.set(first, Math.max(LONGEST_PHRASE_FROM.get(first) ?? 1, parts.length));
}

const STEMMED_STOPWORDS = new Set([...STOPWORDS].map(stem));
const DENY_OPENERS: readonly string[] = ['no', 'nope', 'unfortunately', 'not yet', 'not quite', 'sadly', 'negative', 'incorrect', 'nothing', 'none', 'there is no', 'there are no'];
const FIRM_TIME = indexPhrases(TIME_WORDS.filter((w) => !VAGUE_TIME_WORDS.includes(w)));
const ANY_TIME = indexPhrases(TIME_WORDS);
const VAGUE_TIME = indexPhrases(VAGUE_TIME_WORDS);
const YES_NO_ANY = indexPhrases(YES_NO_PHRASES);
const YES_NO_STRONG = indexPhrases(YES_NO_PHRASES.filter((p) => !WEAK_YES_NO_PHRASES.has(p)));
const YES_NO_START = indexPhrases(YES_NO_OPENERS);
const DENY_START = indexPhrases(DENY_OPENERS);
const NUMBERS = indexPhrases(NUMBER_WORDS);
const STEPS = indexPhrases(STEP_PHRASES);
const REASONS = indexPhrases(REASON_PHRASES);
const WHO = indexPhrases(WHO_PHRASES);
const WHERE = indexPhrases(WHERE_PHRASES);
const STATUS = indexPhrases(STATUS_PHRASES_IN_DRAFT);
const ACTIONS = indexPhrases(ACTION_PHRASES);
const DEFERRALS = indexPhrases(DEFERRAL_PHRASES);
const HANDOFFS = indexPhrases(HANDOFF_PHRASES);
const PRONOUN_OR_ANSWER = new Set(['it', 'we', 'they', 'you', 'i', 'that', 'there', 'he', 'she', 'yes', 'no', 'yep', 'nope', 'yeah', 'sure', 'unfortunately', 'sadly', 'correct', 'indeed', 'confirmed', 'absolutely', 'definitely', 'certainly', 'of', 'not', 'exactly', 'right']);
// Linear: fixed alternatives, each group optional once.
const ELLIPTICAL =
  /^(?:(?:yes|no|yep|nope|yeah|sure|unfortunately|sadly|correct|indeed) )?(?:it|we|they|you|i|that|there|he|she) (?:do|does|did|is|are|was|were|can|could|will|would|has|have|had)(?: not)?(?: (?:if|but|as|when|unless|with|though|although|except|once|already|indeed|too|both|all|each))?$/;
const BARE_ANSWER = /^(?:yes|no|yep|nope|yeah|correct|confirmed|absolutely|definitely|certainly|of course|not yet|sure|indeed|exactly|right|nope not yet)$/;
// "I've reset", "we refunded", "I just sent": the writer did it. The optional words are
// fixed and each ends in a space, so the group cannot backtrack.
const DONE_BY_US =
  /(?:^| )(?:i|we) (?:have |had |just |already |also |now |went ahead and |gone ahead and )*(?:[a-z]{2,}ed|sent|made|set|put|done|gave|given|got|took|taken|wrote|written|ran|built|reset|shut|rebuilt|split)(?= |$)/;
const WH_TYPES: Record<string, QuestionType> = {
  if: 'yesno', whether: 'yesno', when: 'when', what: 'which', which: 'which', how: 'how', why: 'why', who: 'who', where: 'where',
};
const EMBEDDED_FRAMES = new Set(EMBEDDED_ASK_FRAMES.filter((f) => !f.includes(' ')));
const EMBEDDED_OBJECTS = new Set(['me', 'us', 'you', 'them', 'him', 'her', 'out']);
const CONDITIONS = new Set(['so', 'yes', 'not', 'no']);
const LEAD_PREPOSITIONS = new Set(['with', 'for', 'by', 'in', 'on', 'at', 'from', 'to', 'until', 'under', 'of']);
const LEAD_FILLERS = new Set(['also', 'and', 'so', 'but', 'then', 'ok', 'okay', 'hi', 'hello', 'hey', 'quick', 'one', 'separately', 'plus', 'finally', 'lastly', 'please', 'pls', 'kindly']);

function tokens(text: string): string[] {
  return normaliseText(text).match(/[\p{L}\p{N}]+(?:['.\-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** "update you" is a promise to talk, not a software update: not a topic. */
function isTalkVerb(words: string[], i: number): boolean {
  const w = words[i];
  const next = words[i + 1];
  return (w === 'update' || w === 'updates') && (next === 'you' || next === 'us' || next === 'me' || next === 'them' || next === 'on' || next === 'every');
}

/** Topic keys: synonyms folded to one key, then stemmed. Phrases first, longest first. */
function topicKeys(words: string[], out: (key: string, word: string) => void): void {
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    const longest = LONGEST_PHRASE_FROM.get(words[i] ?? '') ?? 1;
    for (let n = Math.min(MAX_PHRASE_WORDS, longest, words.length - i); n >= 1; n--) {
      const phrase = n === 1 ? (words[i] ?? '') : words.slice(i, i + n).join(' ');
      const key = CANONICAL.get(phrase);
      if (key !== undefined) {
        if (!(n === 1 && isTalkVerb(words, i))) out(key, phrase);
        matched = n;
        break;
      }
    }
    if (matched === 0) {
      const raw = words[i] ?? '';
      const word = raw.endsWith("'s") ? raw.slice(0, -2) : raw;
      // "roll-back", "sign-in": the hyphenated form of a known phrase is that phrase.
      const spaced = word.includes('-') ? CANONICAL.get(word.replace(/-/g, ' ')) : undefined;
      if (spaced !== undefined) {
        out(spaced, word);
        i += 1;
        continue;
      }
      // "auto-renew", "read-only": each part is a topic word of its own.
      const parts = word.includes('-') ? word.split('-') : [word];
      for (const part of parts) {
        if (part.length === 0) continue;
        const stemmed = stem(part);
        out(CANONICAL_BY_STEM.get(stemmed) ?? stemmed, part);
      }
      matched = 1;
    }
    i += matched;
  }
}

function hasPhrase(joined: string, phrases: readonly string[]): boolean {
  for (const p of phrases) if (joined.includes(` ${p} `)) return true;
  return false;
}

/** A phrase list indexed by first word, so a sentence is read once per list, not per phrase. */
type PhraseIndex = Map<string, string[][]>;

function indexPhrases(phrases: readonly string[]): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    const list = index.get(first) ?? [];
    list.push(words.slice(1));
    index.set(first, list);
  }
  return index;
}

function matchesAt(words: string[], i: number, index: PhraseIndex): boolean {
  const rests = index.get(words[i] ?? '');
  if (!rests) return false;
  for (const rest of rests) {
    let k = 0;
    while (k < rest.length && words[i + 1 + k] === rest[k]) k++;
    if (k === rest.length) return true;
  }
  return false;
}

function hasIndexed(words: string[], index: PhraseIndex): boolean {
  for (let i = 0; i < words.length; i++) if (matchesAt(words, i, index)) return true;
  return false;
}

const isDigitToken = (t: string) => /^v?\d/.test(t);

function cuesOf(text: string, words: string[]): Cues {
  const joined = ` ${words.join(' ')} `;
  const lower = text.toLowerCase();
  const trimmed = text.trimEnd();
  const asks = trimmed.endsWith('?');
  const amount = /[$€£¥%]/.test(text) || hasIndexed(words, NUMBERS);
  const digits = words.some(isDigitToken);
  const midCapital = /\s[\p{Lu}][\p{L}\p{N}]/u.test(text.slice(1));
  const quoted = /["“'`][^"”'`]{2,40}["”'`]/.test(text);
  const patternTime = TIME_PATTERNS.some((re) => re.test(lower));
  const firmTime = hasIndexed(words, FIRM_TIME) || patternTime;
  const opensYes = matchesAt(words, 0, YES_NO_START);
  const denies = matchesAt(words, 0, DENY_START);
  let elliptical = false;
  if (PRONOUN_OR_ANSWER.has(words[0] ?? '') && words.length <= 40) {
    // Judge the ellipsis on the sentence's first clause: "It does, if you pass …".
    const head = tokens(text.split(/[,;:.!(—–]/)[0] ?? '').join(' ');
    const headWithYes = tokens(text.split(/[;:.!(—–]/)[0]?.split(',').slice(0, 2).join(' ') ?? '').join(' ');
    elliptical = ELLIPTICAL.test(head) || ELLIPTICAL.test(headWithYes) || BARE_ANSWER.test(words.join(' '));
  }
  return {
    time: firmTime || hasIndexed(words, VAGUE_TIME),
    firmTime,
    yesno: opensYes || hasIndexed(words, YES_NO_ANY),
    yesStrong: opensYes || hasIndexed(words, YES_NO_STRONG),
    elliptical,
    affirms: opensYes && !denies,
    denies,
    entity: !asks && (digits || amount || midCapital || quoted || / (?:is|are|was|called|named|use|recommend|means|mean) /.test(joined)),
    steps: hasIndexed(words, STEPS) || /(?:->|→|>)/.test(text),
    reason: hasIndexed(words, REASONS),
    who: midCapital || hasIndexed(words, WHO),
    where: hasIndexed(words, WHERE) || /https?:\/\/|www\./.test(lower),
    amount,
    status: hasIndexed(words, STATUS),
    action: hasIndexed(words, ACTIONS) || DONE_BY_US.test(joined),
    deferral: hasIndexed(words, DEFERRALS),
    handoff: hasIndexed(words, HANDOFFS),
    asks,
  };
}

function mergeCues(a: Cues, b: Cues): Cues {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Cues)[]) out[k] = a[k] || b[k];
  out.asks = a.asks && b.asks;
  out.affirms = a.affirms || (!a.denies && b.affirms);
  return out;
}

/** A number the customer did not write themselves: "40 seats" echoed back answers nothing. */
function givesNumber(p: Profile, s: Pick<DraftSentence, 'cues' | 'numbers'>): boolean {
  return s.cues.amount || s.numbers.some((n) => !p.numbers.has(n));
}

/** Does the sentence give the kind of answer this question wants? */
function fitsType(p: Profile, s: Pick<DraftSentence, 'cues' | 'numbers' | 'versionTimeOnly'>): boolean {
  const cues = s.cues;
  if (cues.asks) return false;
  if (p.acceptYesNo && cues.yesno) return true;
  if (p.acceptAction && cues.action) return true;
  if (p.acceptSteps && cues.steps) return true;
  if (p.acceptNumber && givesNumber(p, s)) return true;
  const time = cues.time && !(s.versionTimeOnly && !givesNumber(p, s));
  switch (p.type) {
    case 'when':
      return time;
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
      return givesNumber(p, s);
    case 'status':
      return cues.status || time || cues.handoff;
    case 'request':
      return cues.action || cues.steps;
  }
}

/**
 * Share of the question's topic an answer must touch. Cheap cues ("Yes", a capitalised
 * word) could belong to another question, so they need the sentence to be about this one;
 * a plain statement that happens to start "you can…" needs more; an elliptical "Yes, we
 * do." takes its topic from the question itself.
 */
function coverageWanted(p: Profile, cues: Cues): number {
  const type = p.type;
  if (type !== 'yesno' && type !== 'which' && type !== 'who' && type !== 'where') return 0;
  if (cues.elliptical) return 0;
  const firm = cues.yesStrong || (p.acceptAction && cues.action) || (p.acceptSteps && cues.steps) || p.acceptNumber;
  if (type === 'yesno' && !firm) return 2 * MIN_COVERAGE;
  return MIN_COVERAGE;
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
  const cues = cuesOf(sentence.text, words);
  const numbers = words.filter(isDigitToken);
  const lower = sentence.text.toLowerCase();
  const versionTimeOnly =
    cues.time && !hasIndexed(words, ANY_TIME) && numbers.length > 0 && numbers.every((n) => /^v?\d+\.\d/.test(n)) &&
    !TIME_PATTERNS.slice(0, -1).some((re) => re.test(lower));
  return { sentence, segment, keys, cues, numbers, versionTimeOnly };
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

const FRAME_SETS = new Map(Object.entries(FRAME_WORDS).map(([type, words]) => [type, new Set(words)]));
const NO_FRAME = new Set<string>();

function addTopic(topic: Topic, text: string, type: QuestionType, weightScale: number, isContext = weightScale !== 1): void {
  const frame = FRAME_SETS.get(type) ?? NO_FRAME;
  const named: { word: string; key: string; weight: number }[] = [];
  topicKeys(tokens(text), (key, word) => {
    if (STOPWORDS.has(word) || STEMMED_STOPWORDS.has(key) || frame.has(word) || key.length < 2) return;
    if (topic.keys.has(key)) return;
    const weight = (WEAK_WORDS.has(word) ? 1 / 3 : 1) * weightScale;
    topic.keys.set(key, weight);
    topic.weight += weight;
    if (weightScale === 1 && !isContext) named.push({ word, key, weight });
  });
  named.sort((a, b) => b.weight - a.weight || b.word.length - a.word.length);
  for (const { word, key } of named) topic.names.push({ word, key });
}

const emptyTopic = (): Topic => ({ keys: new Map(), weight: 0, names: [] });

/** Start of the sentence holding `offset` (at most CONTEXT_REACH back). */
function sentenceStartBefore(text: string, offset: number): number {
  const floor = Math.max(0, offset - CONTEXT_REACH);
  for (let i = offset - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '\n' || ((c === '.' || c === '?' || c === '!') && /\s/.test(text[i + 1] ?? ' '))) return i + 1;
  }
  return floor;
}

/** The words before the clause in its sentence, and the sentence before that. */
function surroundings(question: Question, customerText: string): { prefix: string; previous: string } {
  const none = { prefix: '', previous: '' };
  if (typeof customerText !== 'string' || !Array.isArray(question.range)) return none;
  const [start, end] = question.range;
  if (!(start >= 0 && end <= customerText.length && start <= end)) return none;
  // Only trust the range when it points at the question (callers pass the pair together).
  const here = customerText.slice(start, end).replace(/\s+/g, ' ').trim();
  if (here !== question.text.replace(/\s+/g, ' ').trim()) return none;
  const sentenceStart = sentenceStartBefore(customerText, start);
  let k = sentenceStart - 1;
  while (k > 0 && /[\s.?!]/.test(customerText[k] ?? '')) k--;
  const previousStart = k > 0 ? sentenceStartBefore(customerText, k + 1) : sentenceStart;
  return { prefix: customerText.slice(sentenceStart, start), previous: customerText.slice(previousStart, sentenceStart) };
}

function leadWords(words: string[]): string[] {
  let i = 0;
  for (;;) {
    if (i < words.length - 1 && LEAD_FILLERS.has(words[i] ?? '')) i++;
    // "if so, when?", "if not, what…": the condition is not the ask.
    else if (words[i] === 'if' && CONDITIONS.has(words[i + 1] ?? '') && i + 2 < words.length) i += 2;
    else break;
  }
  // "with which algorithm?", "by when?": a preposition before the wh-word.
  if (LEAD_PREPOSITIONS.has(words[i] ?? '') && WH_TYPES[words[i + 1] ?? ''] !== undefined) i++;
  return words.slice(i);
}

function whType(words: string[], at: number): QuestionType | null {
  const wh = words[at] ?? '';
  const type = WH_TYPES[wh];
  if (!type) return null;
  const next = words[at + 1];
  if (wh === 'how') {
    if (next === 'much' || next === 'many' || next === 'often') return 'quantity';
    if (next === 'long' || next === 'soon') return 'when';
  }
  return type;
}

/** "I need to know how…", "let me know whether…": the ask inside a request. */
function embeddedType(words: string[]): QuestionType | null {
  const limit = Math.min(words.length - 1, 12);
  for (let i = 0; i < limit; i++) {
    if (!EMBEDDED_FRAMES.has(words[i] ?? '')) continue;
    let k = i + 1;
    if (EMBEDDED_OBJECTS.has(words[k] ?? '')) k++;
    const type = whType(words, k);
    if (type) return type;
  }
  return null;
}

function profileOf(question: Question, customerText: string): Profile {
  const words = tokens(question.text);
  const lead = leadWords(words);
  const joined = ` ${words.join(' ')} `;
  let type = question.type;
  if (type === 'request' || type === 'yesno' || type === 'which') {
    const embedded = embeddedType(words);
    // The finder had no type for an unpunctuated "When exactly does it renew", and reads
    // "if so, when?" as yes/no: the wh-word at the head says what is wanted.
    const leading = type === 'request' || type === 'yesno' ? whType(lead, 0) : null;
    if (embedded && !(type === 'which' && embedded === 'yesno')) type = embedded;
    else if (leading) type = leading;
  }
  if ((type === 'which' || type === 'request') && hasPhrase(joined, CAUSE_ASKS)) type = 'why';

  const topic = emptyTopic();
  addTopic(topic, question.text, type, 1);
  const conditional = /^\W*if (?:not|no)\b/i.test(question.text)
    ? 'if-not'
    : /^\W*if (?:so|yes|it is|they are|that is)\b/i.test(question.text)
      ? 'if-so'
      : null;
  // A clause like "with which algorithm?" or "if so when?" means little without the
  // sentence around it; its neighbours' words join the topic at half weight.
  const { prefix, previous } = surroundings(question, customerText);
  // A clause with no topic word at all ("if so, when?") is wholly about its context.
  const ownWeight = topic.weight;
  const contextWeight = ownWeight === 0 ? 1 : CONTEXT_WEIGHT;
  if (prefix) addTopic(topic, prefix, type, contextWeight, true);
  let context: Topic | null = null;
  if (previous && (topic.weight < 2 || conditional)) {
    addTopic(topic, previous, type, contextWeight, true);
    context = emptyTopic();
    addTopic(context, previous, 'yesno', 1);
  }

  const first = lead[0] ?? '';
  const second = lead[1] ?? '';
  const proposal =
    ((first === 'could' || first === 'can' || first === 'may' || first === 'shall') && (second === 'we' || second === 'i')) ||
    joined.includes(' would it be possible ') || joined.includes(' is it possible ') || joined.includes(' any chance ');
  const canYou = (first === 'can' || first === 'could' || first === 'would' || first === 'will') && second === 'you';
  const advice = hasPhrase(joined, ADVICE_VERBS) || joined.includes(' is there a way ') || joined.includes(' anything we can do ');
  return {
    type,
    topic,
    ownWeight,
    numbers: new Set(words.filter(isDigitToken)),
    versions: words.filter(isVersion),
    acceptYesNo: type === 'request' && (canYou || joined.includes(' confirm ')),
    acceptAction: proposal || (type === 'yesno' && canYou),
    // "Check what happened" wants the cause; doing something ("run it again") is not one.
    acceptSteps: (advice && type !== 'why') || (type === 'which' && (joined.includes(' should ') || joined.includes(' need to '))),
    acceptNumber: type === 'yesno' && topic.keys.has(PRICE_KEY),
    conditional,
    context,
  };
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

/** Does the quoted block ask something more after this question ends? */
function asksMoreAfter(rawBlock: string, question: string): boolean {
  const flat = rawBlock.replace(/\s+/g, ' ');
  const q = question.replace(/\s+/g, ' ').trim();
  const tail = q.slice(Math.max(0, q.length - 24));
  const at = tail ? flat.indexOf(tail) : -1;
  if (at < 0) return false;
  return /[?？]/.test(flat.slice(at + tail.length));
}

interface InlineMatch {
  reply: DraftSentence[];
  /** Where the question sits in its quoted block; the last one sits right above the reply. */
  position: number;
  block: number;
  /** The block asks more after this question, so the reply may be about the later ask. */
  followed: boolean;
}

function inlineMatches(questions: Question[], draft: TextModel, sentences: DraftSentence[]): Map<string, InlineMatch> {
  const out = new Map<string, InlineMatch>();
  const replies = Array.isArray(draft.inlineReplies) ? draft.inlineReplies : [];
  replies.forEach((pair, block) => {
    if (!pair?.quoted || !pair.reply) return;
    const raw = draft.text.slice(pair.quoted.start, pair.quoted.end);
    const quoted = plainWords(raw);
    const quotedSet = new Set(quoted.trim().split(' '));
    const reply = sentences.filter((s) => s.sentence.start < pair.reply.end && s.sentence.end > pair.reply.start);
    if (reply.length === 0) return;
    for (const q of questions) {
      if (out.has(q.id)) continue;
      const position = quotedContains(quoted, quotedSet, q.text);
      if (position >= 0) out.set(q.id, { reply, position, block, followed: asksMoreAfter(raw, q.text) });
    }
  });
  return out;
}

// --- Decision ---------------------------------------------------------------------------

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

type VerdictKind = 'answer' | 'restated' | 'deferred' | 'handoff' | 'vague';
type Verdict = { kind: VerdictKind; by: DraftSentence[]; score: number };

const RANK: Record<VerdictKind, number> = { answer: 4, restated: 3, deferred: 2, handoff: 1, vague: 1 };
const ANSWERS = (k: VerdictKind) => k === 'answer' || k === 'restated' || k === 'deferred';

function topical(topic: Topic, hits: number): boolean {
  return topic.weight === 0 || hits >= Math.min(1, topic.weight);
}

/**
 * A question with no topic of its own ("What can be the reason?") may be answered by any
 * sentence of the right kind; the words around it only rank the candidates.
 */
function onTopic(p: Profile, hits: number): boolean {
  return p.ownWeight === 0 || topical(p.topic, hits);
}

/**
 * What the other questions of the same message are about. A sentence that touches this
 * question only through words it shares with a sibling ("release" in both "roll back before
 * Friday's release?" and "will the fix ship in 4.2.1?") and touches the sibling's own words
 * ("roll back", "4.1") answers the sibling: its yes/no or its promise is not this one's.
 */
interface Siblings {
  /** This question's keys that a sibling's topic holds too. */
  shared: Set<string>;
  /** Strong topic keys of the siblings that this question does not have. */
  only: string[];
}

const NO_SIBLINGS: Siblings = { shared: new Set(), only: [] };

function aboutSibling(p: Profile, keys: Set<string>, siblings: Siblings): boolean {
  if (siblings.only.length === 0) return false;
  for (const key of p.topic.keys.keys()) if (keys.has(key) && !siblings.shared.has(key)) return false;
  return siblings.only.some((key) => keys.has(key));
}

/** Versions ("4.2.1", "v10.3") among digit tokens: a yes/no about one is not about another. */
const isVersion = (t: string) => /^v?\d+\.\d/.test(t);

/**
 * "Will the fix ship in 4.2.1?" is not confirmed by a sentence about 4.2 ("engineering has a
 * fix in testing for 4.2"), nor by a "no" borrowed from a neighbour about something else
 * ("You do not need to roll back." + "Engineering has a fix in testing."). A yes/no question
 * that names a version is answered by naming it, or by a yes or a no in a sentence about
 * the question's own topic that names no other version.
 */
function missesVersion(p: Profile, s: Pick<DraftSentence, 'cues' | 'numbers'>, borrowedCue: boolean, siblings: Siblings): boolean {
  if (p.versions.length === 0) return false;
  if (p.versions.some((v) => s.numbers.includes(v))) return false;
  if (borrowedCue) return true;
  // A version another question asks about belongs to that answer, not to this one.
  const otherVersion = s.numbers.some((n) => isVersion(n) && !siblings.only.includes(n));
  return otherVersion && !(s.cues.affirms || s.cues.denies);
}

function judge(
  p: Profile,
  keys: Set<string>,
  s: Pick<DraftSentence, 'cues' | 'numbers' | 'versionTimeOnly'>,
  siblings: Siblings = NO_SIBLINGS,
  /** The yes/no cue comes from a neighbour that says nothing about this question. */
  borrowedCue = false,
): { kind: VerdictKind; score: number } | null {
  const { topic, type } = p;
  const cues = s.cues;
  const hits = hitsOf(topic, keys);
  if (!onTopic(p, hits)) return null;
  if (cues.asks) return null;
  if (aboutSibling(p, keys, siblings)) return null;
  if ((type === 'yesno' || p.acceptYesNo) && missesVersion(p, s, borrowedCue, siblings)) return null;
  // A promise outranks its own time cue: "I'll check and get back to you by Friday" defers.
  if (cues.handoff && type !== 'status') return { kind: cues.firmTime ? 'deferred' : 'handoff', score: hits };
  if (cues.deferral && !(cues.action && type === 'request' && !cues.firmTime)) {
    return { kind: cues.firmTime ? 'deferred' : 'vague', score: 1 + hits };
  }
  if (fitsType(p, s) && hits >= coverageWanted(p, cues) * topic.weight) return { kind: 'answer', score: 2 + hits };
  // Restating a why or how question ("the API is slow") explains nothing; restating a yes/no
  // one ("they migrate automatically") answers it.
  const factual = type === 'yesno' || type === 'which' || type === 'who' || type === 'where';
  if (factual && hits >= 2 && hits / topic.weight >= 0.6) return { kind: 'restated', score: hits };
  return null;
}

function better(a: Verdict | null, b: Verdict): boolean {
  return !a || RANK[b.kind] > RANK[a.kind] || (RANK[b.kind] === RANK[a.kind] && b.score > a.score);
}

function bestVerdict(p: Profile, sentences: DraftSentence[], siblings: Siblings = NO_SIBLINGS): Verdict | null {
  let best: Verdict | null = null;
  const consider = (v: Verdict) => {
    if (better(best, v)) best = v;
  };
  const hits = new Float64Array(sentences.length);
  const fits = new Uint8Array(sentences.length);
  sentences.forEach((s, i) => {
    hits[i] = hitsOf(p.topic, s.keys);
    fits[i] = fitsType(p, s) ? 1 : 0;
    const j = judge(p, s.keys, s, siblings);
    if (j) consider({ ...j, by: [s] });
  });
  if (best && (best as Verdict).kind === 'answer') return best;
  for (let i = 0; i + 1 < sentences.length; i++) {
    const a = sentences[i];
    const b = sentences[i + 1];
    if (!a || !b || a.segment !== b.segment || a.cues.asks) continue;
    // "Yes." + "It shipped in 4.2." — the type cue and the topic can sit in neighbours.
    if ((fits[i] || fits[i + 1]) && (p.ownWeight === 0 || hits[i] || hits[i + 1])) {
      const cues = mergeCues(a.cues, b.cues);
      // A promise or a hand-off in one sentence does not undo an answer in the other.
      if ((a.cues.handoff && fits[i + 1]) || (b.cues.handoff && fits[i])) cues.handoff = false;
      if ((a.cues.deferral && fits[i + 1]) || (b.cues.deferral && fits[i])) cues.deferral = false;
      const merged = { cues, numbers: [...a.numbers, ...b.numbers], versionTimeOnly: a.versionTimeOnly && b.versionTimeOnly };
      // Whether the yes or no (and its strength) comes from a sentence about this question.
      const ownA = Boolean(hits[i]) || a.cues.elliptical;
      const ownB = Boolean(hits[i + 1]) || b.cues.elliptical;
      const strongOwn = (a.cues.yesStrong && ownA) || (b.cues.yesStrong && ownB);
      const anyOwn = (a.cues.yesno && ownA) || (b.cues.yesno && ownB);
      const borrowed = !anyOwn || (cues.yesStrong && !strongOwn);
      // A yes or a no that answers a sibling question stays with it.
      const cueOwner = (cues.yesStrong ? a.cues.yesStrong : a.cues.yesno) ? a : b;
      const j = borrowed && aboutSibling(p, cueOwner.keys, siblings) ? null : judge(p, unionKeys(a.keys, b.keys), merged, siblings, borrowed);
      if (j && j.kind === 'answer') consider({ ...j, score: j.score - 0.5, by: [a, b] });
    }
    // "I can see the slow responses too. I'll send you an update by 4 pm." — a promise that
    // names no topic of its own continues the sentence before it.
    if (
      b.cues.deferral &&
      b.cues.firmTime &&
      !hits[i + 1] &&
      hits[i] &&
      topical(p.topic, hits[i] ?? 0) &&
      !aboutSibling(p, a.keys, siblings)
    ) {
      consider({ kind: 'deferred', score: hits[i] ?? 0, by: [a, b] });
    }
  }
  return best;
}

/** "If not, what do you need?" after a yes, or "If so, please send it" after a no. */
function settledByCondition(p: Profile, sentences: DraftSentence[]): DraftSentence | null {
  if (!p.conditional || !p.context || p.context.weight === 0) return null;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (!s) continue;
    const polarity = p.conditional === 'if-not' ? s.cues.affirms : s.cues.denies;
    if (!polarity) continue;
    const next = sentences[i + 1];
    const keys = next && next.segment === s.segment ? unionKeys(s.keys, next.keys) : s.keys;
    if (topical(p.context, hitsOf(p.context, keys))) return s;
  }
  return null;
}

function missingReason(p: Profile, sentences: DraftSentence[], near: Verdict | null): string {
  if (near?.kind === 'handoff') return `handed on without an answer or a time: '${snippet(near.by.map((s) => s.sentence.text).join(' '))}'`;
  if (near?.kind === 'vague') return `promised a follow-up but gave no time: '${snippet(near.by.map((s) => s.sentence.text).join(' '))}'`;
  const { type, topic } = p;
  const name = (list: { word: string }[]) => list.slice(0, 2).map((n) => `'${n.word}'`).join(' or ');
  if (topic.names.length > 0) {
    let closest: DraftSentence | null = null;
    let closestHits = 0;
    for (const s of sentences) {
      const hits = hitsOf(topic, s.keys);
      if (hits > closestHits) [closest, closestHits] = [s, hits];
    }
    const keys = closest?.keys;
    const named = keys ? topic.names.filter((n) => keys.has(n.key)) : [];
    if (!closest || !topical(topic, closestHits) || named.length === 0) return `no sentence in the draft addresses ${name(topic.names)}`;
    return `the draft mentions ${name(named)} but ${TYPE_WANTS[type]}`;
  }
  return sentences.length === 0 ? 'the draft has no new text yet' : `the draft ${TYPE_WANTS[type]}`;
}

// A question's profile depends only on the question and the customer's text, which stay
// the same while the reply is typed (the engine hands back the same question objects), so
// it is kept with the question. Profiles are never changed after they are made.
// Everything profileOf reads is part of the check, so an edited question is profiled anew.
interface KeptProfile {
  customerText: string;
  text: string;
  type: QuestionType;
  range: readonly unknown[] | undefined;
  from: unknown;
  to: unknown;
  profile: Profile;
}
let profiles = new WeakMap<Question, KeptProfile>();

function cachedProfileOf(question: Question, customerText: string): Profile {
  const kept = profiles.get(question);
  const range = Array.isArray(question.range) ? question.range : undefined;
  if (
    kept &&
    kept.customerText === customerText &&
    kept.text === question.text &&
    kept.type === question.type &&
    kept.range === range &&
    kept.from === range?.[0] &&
    kept.to === range?.[1]
  ) {
    return kept.profile;
  }
  const profile = profileOf(question, customerText);
  if (typeof question === 'object' && question !== null) {
    profiles.set(question, { customerText, text: question.text, type: question.type, range, from: range?.[0], to: range?.[1], profile });
  }
  return profile;
}

/** Forgets every kept profile (benchmarks and tests measure or check the path without them). */
export function clearAnswerCaches(): void {
  profiles = new WeakMap();
  lastSiblings = null;
}

function statusOf(
  question: Question,
  customerText: string,
  sentences: DraftSentence[],
  inline: InlineMatch | undefined,
  crowded: boolean,
  siblings: Siblings,
): QuestionStatus {
  const p = cachedProfileOf(question, customerText);
  if (inline) {
    // One question per quoted block, or the last ask before the reply: the reply answers it.
    // Several in one block: each but the last must also find its topic or answer there.
    const verdict = crowded ? bestVerdict(p, inline.reply, siblings) : null;
    if (!crowded || (verdict && ANSWERS(verdict.kind))) {
      return {
        question,
        answered: true,
        answeredBy: (verdict?.by ?? inline.reply).map((s) => s.sentence),
        reason: 'answered inline under the quoted question',
      };
    }
  }
  const verdict = bestVerdict(p, sentences, siblings);
  if (verdict && ANSWERS(verdict.kind)) {
    const text = snippet(verdict.by.map((s) => s.sentence.text).join(' '));
    const reason = verdict.kind === 'deferred' ? `deferred with a promise: '${text}'` : `answered by: '${text}'`;
    return { question, answered: true, answeredBy: verdict.by.map((s) => s.sentence), reason };
  }
  const settled = settledByCondition(p, sentences);
  if (settled) {
    return {
      question,
      answered: true,
      answeredBy: [settled.sentence],
      reason: `settled by the answer to the question before it: '${snippet(settled.sentence.text)}'`,
    };
  }
  return { question, answered: false, answeredBy: [], reason: missingReason(p, sentences, verdict) };
}

/** A question's own topic words of full weight: what it is about, not what it frames. */
function strongKeysOf(p: Profile): string[] {
  const out: string[] = [];
  for (const [key, weight] of p.topic.keys) if (weight >= 1) out.push(key);
  return out;
}

/** How many of the questions have each strong topic key. */
function strongKeyCounts(questions: Question[], customerText: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (questions.length < 2) return counts;
  for (const q of questions) for (const key of strongKeysOf(cachedProfileOf(q, customerText))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function siblingsOf(question: Question, customerText: string, counts: Map<string, number>): Siblings {
  if (counts.size === 0) return NO_SIBLINGS;
  const p = cachedProfileOf(question, customerText);
  const own = new Set(strongKeysOf(p));
  const shared = new Set<string>();
  for (const key of p.topic.keys.keys()) if ((counts.get(key) ?? 0) - (own.has(key) ? 1 : 0) > 0) shared.add(key);
  const only: string[] = [];
  for (const key of counts.keys()) if (!p.topic.keys.has(key)) only.push(key);
  return { shared, only };
}

// The siblings depend only on the questions' profiles, which stay the same while the reply
// is typed; the last reading is kept and reused while every profile is the one it was made from.
let lastSiblings: { questions: Question[]; text: string; profiles: Profile[]; map: Map<Question, Siblings> } | null = null;

function siblingsByQuestion(questions: Question[], customerText: string): Map<Question, Siblings> {
  const profiles = questions.map((q) => cachedProfileOf(q, customerText));
  const kept = lastSiblings;
  if (
    kept &&
    kept.questions === questions &&
    kept.text === customerText &&
    kept.profiles.length === profiles.length &&
    kept.profiles.every((p, i) => p === profiles[i])
  ) {
    return kept.map;
  }
  const map = new Map<Question, Siblings>();
  const counts = strongKeyCounts(questions, customerText);
  for (const q of questions) map.set(q, siblingsOf(q, customerText, counts));
  lastSiblings = { questions, text: customerText, profiles, map };
  return map;
}

/**
 * For each customer question, whether the draft answers it and with which sentences.
 * `customerText` is the text the questions' ranges point into: the words around a short
 * clause ("if so, when?") are read from it. Never throws.
 */
export function matchAnswers(
  questions: Question[],
  customerText: string,
  draft: TextModel,
  options: MatchOptions = {},
): QuestionStatus[] {
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

  const text = typeof customerText === 'string' ? customerText : '';
  let siblings: Map<Question, Siblings> = new Map();
  try {
    siblings = siblingsByQuestion(questions, text);
  } catch {
    // Without the siblings' topics each question is judged on its own.
  }

  return questions.map((question) => {
    let status: QuestionStatus;
    try {
      const m = inline.get(question.id);
      const crowded =
        m !== undefined && (m.followed || ((perBlock.get(m.block) ?? 0) > 1 && lastInBlock.get(m.block)?.id !== question.id));
      status = statusOf(question, text, sentences, m, crowded, siblings.get(question) ?? NO_SIBLINGS);
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
