import {
  CLAUSE_BREAKS,
  COMMITMENT_CUES,
  FIRST_PERSON_WORDS,
  NOT_NEEDED_CUES,
  NOT_PLAIN_PRESENT,
  QUESTION_OPENERS,
  TERM_EVENT_VERBS,
} from './eta-phrases.ts';

// A date parser finds every time in a draft; only some are promises. A time is our ETA when
// its clause commits the writer or the team ("I'll send it by Friday", "the fix will ship
// by the 5th", "ETA: Friday", "by EOD"). These are mentions, not commitments:
// - a time inside a question the writer asks ("who owns it this week?", "would 3 pm work?"):
//   a proposal or a request waits for the customer's answer;
// - a time in a clause that says something need not happen or that no promise is made
//   ("rolling back before Friday is not needed", "we can't promise Friday");
// - a date of the customer's or a third party's own ("your licence expires on Dec 31",
//   "you have until Friday to renew"): a term running out is nobody's delivery, and a
//   clause about the customer's things with no "will"/"should"/"we" in it promises nothing;
// - a standing policy in the plain present ("we reply to P2 tickets within 8 business
//   hours", "refunds are processed within 5 business days"): a bound on every case, not a
//   time for this one.
// Each check reads only the sentence around the phrase (bounded), so the cost is per ETA.

export type NotCommitment = 'question' | 'not-needed' | 'their-event' | 'standing-policy';

const REACH = 300;

interface Item {
  /** Word parts ("don't" → "do", "not"), or null for a clause boundary (",", ";", "—"). */
  parts: string[] | null;
  start: number;
  end: number;
}

// A reason or a condition is a clause of its own: "no need to roll back because the fix
// ships tomorrow" says nothing against tomorrow.
const SUBORDINATORS = ['because', 'since', 'once', 'unless', 'when', 'however', 'instead', 'otherwise'];
const BREAK_WORDS = new Set([...CLAUSE_BREAKS, ...SUBORDINATORS]);
const CONTRAST_BREAKS = new Set([...CLAUSE_BREAKS.filter((w) => w !== 'and'), ...SUBORDINATORS]);
const COMMITMENT = new Set(COMMITMENT_CUES);
// "can"/"could" offer, but only these promise: "we can't promise" must not rescue a clause.
const PROMISE = new Set(['will', 'll', 'shall', 'going', 'gonna', 'plan', 'plans', 'planning', 'aim', 'aiming', 'expect', 'intend', 'promise']);
const FIRST_PERSON = new Set(FIRST_PERSON_WORDS);
const SUBJECT_PRONOUNS = new Set(['i', 'we']);
const NOT_PRESENT = new Set(NOT_PLAIN_PRESENT);
const OPENERS = new Set(QUESTION_OPENERS);
const SUBJECTS = new Set(['i', 'we', 'you', 'your', 'our', 'my', 'it', 'its', 'they', 'their', 'this', 'that', 'these', 'those', 'the', 'he', 'she', 'a', 'an', 'there']);
const BE_OR_GET = new Set(['are', 'get']);
const NOT_PLURAL_NOUN = new Set(['this', 'its', 'was', 'has', 'does', 'is', 'us', 'always', 'his', 'yes', 'thanks', 'as', 'plus']);

function phraseIndex(list: readonly string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const phrase of list) {
    const words = phrase.split(' ');
    const rests = index.get(words[0]!) ?? [];
    rests.push(words.slice(1));
    index.set(words[0]!, rests);
  }
  return index;
}

const NOT_NEEDED = phraseIndex(NOT_NEEDED_CUES);
const TERM_EVENTS = phraseIndex(TERM_EVENT_VERBS);

function hasPhrase(words: readonly string[], index: Map<string, string[][]>): boolean {
  for (let i = 0; i < words.length; i++) {
    const rests = index.get(words[i]!);
    if (!rests) continue;
    for (const rest of rests) {
      let k = 0;
      while (k < rest.length && words[i + 1 + k] === rest[k]) k++;
      if (k === rest.length) return true;
    }
  }
  return false;
}

/** A lower-case word in the form the tables use: "don't" → do not, "cannot" → can not, "we'll" → we ll. */
function partsOf(w: string): string[] {
  if (w === 'cannot') return ['can', 'not'];
  if (!w.includes("'")) return [w];
  if (w === "won't") return ['will', 'not'];
  if (w === "can't") return ['can', 'not'];
  if (w === "shan't") return ['shall', 'not'];
  if (w.endsWith("n't")) return [w.slice(0, -3), 'not'];
  const apostrophe = w.indexOf("'");
  if (apostrophe > 0) return [w.slice(0, apostrophe), w.slice(apostrophe + 1)];
  return [w];
}

// Every word a check below needs to see ("no need", "don't have to", "your", "expires");
// a sentence without any of them is a promise as far as these checks go.
// "you"/"your" only matter as a clause's subject, so only after a clause start or a lead word.
const MAY_NOT_COMMIT =
  /\b(?:no|not|need|needn|unable|unnecessary|expir|laps|renews|runs? out)|n['’]t\b|cannot|(?:^|[,;:()\u2014\u2013]|\b(?:and|but|so|then|please|note|if|as|also|just|now|remember|fyi|reminder|quick|though|although|whereas|while|because|since|once|unless|when|however|instead|otherwise))\s*your?\b/i;

function isSentenceDot(text: string, i: number): boolean {
  return /\s/.test(text[i + 1] ?? ' ') && !/\b[ap]\.m$/i.test(text.slice(Math.max(0, i - 3), i));
}

// Words (letters and digits, with an apostrophe part) or a clause mark. A ":" or "," between
// digits ("3:30", "1,200") is part of a number, so those marks count only before a space.
const ITEM = /([\p{L}\p{N}]+(?:'[\p{L}]+)?)|([;()\u2014\u2013]|[,:](?=\s)|\s-\s)/gu;

interface SentenceReading {
  before: Item[];
  after: Item[];
  question: boolean;
}

interface SentenceBounds {
  from: number;
  to: number;
  question: boolean;
}

function sentenceBounds(text: string, start: number, end: number): SentenceBounds {
  const lo = Math.max(0, start - REACH);
  const hi = Math.min(text.length, end + REACH);
  let from = lo;
  for (let i = start - 1; i >= lo; i--) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '!' || ch === '?' || (ch === '.' && isSentenceDot(text, i))) {
      from = i + 1;
      break;
    }
  }
  let to = hi;
  let question = false;
  for (let i = end; i < hi; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '!' || ch === '?' || (ch === '.' && isSentenceDot(text, i))) {
      to = i;
      question = ch === '?';
      break;
    }
  }
  return { from, to, question };
}

function readSentence(text: string, { from, to, question }: SentenceBounds, start: number, end: number): SentenceReading {
  const before: Item[] = [];
  const after: Item[] = [];
  ITEM.lastIndex = 0;
  const raw = text.slice(from, to);
  const lowered = raw.toLowerCase().replace(/’/g, "'");
  // Offsets must keep pointing into `text`; a rare letter that changes length when lowered
  // leaves the sentence as written.
  const sentence = lowered.length === raw.length ? lowered : raw;
  for (let m = ITEM.exec(sentence); m; m = ITEM.exec(sentence)) {
    const item: Item = { parts: m[1] ? partsOf(m[1]) : null, start: from + m.index, end: from + m.index + m[0].length };
    if (item.end <= start) before.push(item);
    else if (item.start >= end) after.push(item);
  }
  return { before, after, question };
}

const isBreak = (item: Item, words: Set<string>) => item.parts === null || (item.parts.length === 1 && words.has(item.parts[0]!));

/** The words of the clause holding the phrase, split at marks and at the given break words. */
function clause(r: SentenceReading, breaks: Set<string>): { before: string[]; after: string[] } {
  let first = r.before.length;
  while (first > 0 && !isBreak(r.before[first - 1]!, breaks)) first--;
  const before: string[] = [];
  for (let i = first; i < r.before.length; i++) before.push(...r.before[i]!.parts!);
  const after: string[] = [];
  for (const item of r.after) {
    if (isBreak(item, breaks)) break;
    after.push(...item.parts!);
  }
  return { before, after };
}

const some = (words: readonly string[], set: Set<string>) => words.some((w) => set.has(w));

/** "I'll", "we will", "we plan to": the writer or the team promises something. */
function promisesByUs(words: readonly string[]): boolean {
  return some(words, SUBJECT_PRONOUNS) && some(words, PROMISE);
}

function asksQuestion(r: SentenceReading): boolean {
  if (!r.question) return false;
  // The phrase runs up to the question mark in one clause: it is part of what is asked.
  if (!r.after.some((item) => isBreak(item, BREAK_WORDS))) return true;
  // "I'll send it by Friday, does that work?": a promise before the question still stands.
  const { before, after } = clause(r, BREAK_WORDS);
  const words = [...before, ...after];
  if (words.length > 0 && OPENERS.has(words[0]!)) return true;
  return !promisesByUs(words);
}

function saysNotNeeded(r: SentenceReading): boolean {
  const wide = clause(r, CONTRAST_BREAKS);
  if (!hasPhrase([...wide.before, ...wide.after], NOT_NEEDED)) return false;
  // "You don't need to do anything and we'll ship it by Friday": the promise is its own clause.
  const narrow = clause(r, BREAK_WORDS);
  const words = [...narrow.before, ...narrow.after];
  return !(promisesByUs(words) && !hasPhrase(words, NOT_NEEDED));
}

// Words that may come before a clause's subject: "please note your licence expires…".
const SUBJECT_LEADS = new Set(['please', 'note', 'just', 'fyi', 'reminder', 'quick', 'also', 'as', 'if', 'now', 'so', 'then', 'remember']);

/** The clause's subject word when it is one of SUBJECTS, read from the clause's start only. */
function subjectOf(words: readonly string[]): string | null {
  for (const w of words) {
    if (SUBJECTS.has(w)) return w;
    if (!SUBJECT_LEADS.has(w)) return null;
  }
  return null;
}

function theirEvent(r: SentenceReading): boolean {
  const { before, after } = clause(r, BREAK_WORDS);
  const words = [...before, ...after];
  if (some(words, FIRST_PERSON)) return false;
  if (hasPhrase(words, TERM_EVENTS)) return true;
  // Only the subject counts: "…and call you Monday" is about the writer's call.
  const subject = subjectOf(before.length > 0 ? before : after);
  return (subject === 'you' || subject === 'your') && !some(words, COMMITMENT);
}

function standingPolicy(r: SentenceReading, phrase: string): boolean {
  if (!/^within\b/i.test(phrase)) return false;
  const { before, after } = clause(r, BREAK_WORDS);
  if (some(before, COMMITMENT) || some(after, COMMITMENT)) return false;
  const plainVerb = (w: string | undefined) => w !== undefined && !NOT_PRESENT.has(w) && !/(?:ing|ed)$/.test(w);
  const we = before.indexOf('we');
  if (we >= 0) return plainVerb(before[we + 1]);
  // "Our support team responds to P2 tickets within 4 hours."
  if (before[0] === 'our') return before.slice(1).every((w) => !NOT_PRESENT.has(w) && w !== 'is' && w !== 'am' && !/ing$/.test(w));
  // "Refunds are processed within 5 business days."
  const subject = before[0];
  return (
    subject !== undefined &&
    subject.length > 3 &&
    subject.endsWith('s') &&
    !NOT_PLURAL_NOUN.has(subject) &&
    BE_OR_GET.has(before[1] ?? '') &&
    (before[2] ?? '').endsWith('ed')
  );
}

/**
 * Why the time at [start, end) of `text` is not one the writer commits to, or null when it
 * may be. `text` is the masked draft the offsets point into. Never throws on odd input.
 */
export function whyNotCommitment(text: string, start: number, end: number): NotCommitment | null {
  // chrono may keep a trailing comma or space; the mark belongs to the sentence.
  while (end > start + 1 && /[\s,;:]/.test(text[end - 1]!)) end--;
  const bounds = sentenceBounds(text, start, end);
  // Most promises hold none of the words any check looks for; they are passed unread.
  if (!bounds.question && !/^within\b/i.test(text.slice(start, start + 7)) && !MAY_NOT_COMMIT.test(text.slice(bounds.from, bounds.to))) {
    return null;
  }
  const r = readSentence(text, bounds, start, end);
  if (asksQuestion(r)) return 'question';
  if (saysNotNeeded(r)) return 'not-needed';
  if (theirEvent(r)) return 'their-event';
  if (standingPolicy(r, text.slice(start, end))) return 'standing-policy';
  return null;
}
