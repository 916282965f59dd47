import {
  CLAUSE_BREAKS,
  FUTURE_CUES,
  LEAD_FUTURE_CUES,
  NOT_PAST_ED,
  PAST_CUES,
  PRESENT_STATE_AUXILIARIES,
  STANDING_FACT_CUES,
} from './eta-phrases.ts';

// A date parser reads "on Monday we saw errors" as the coming Monday. Whether a date is a
// promise or a report is decided by the clause around it: a past cue ("yesterday", "was",
// "saw", a verb in -ed) with no future cue ("will", "by", "expect") makes it a report.

const PAST = new Set(PAST_CUES.map((w) => w.toLowerCase()));
const NOT_PAST = new Set(NOT_PAST_ED);
const BREAKS = new Set(CLAUSE_BREAKS);
const FUTURE_WORDS = new Set(FUTURE_CUES.filter((w) => /^[\p{L}]+$/u.test(w)));
const LEAD_FUTURE = new Set(LEAD_FUTURE_CUES);
const PRESENT_STATE = new Set(PRESENT_STATE_AUXILIARIES);
// Contractions and multi-word cues are looked for in the clause text itself.
const FUTURE_PHRASES = FUTURE_CUES.filter((w) => !/^[\p{L}]+$/u.test(w)).map((w) => w.toLowerCase());

const CLAUSE_LIMIT = 300;

/** The clause around [start, end): bounded by sentence ends, semicolons, line breaks and "and"/"but". */
function clauseAround(text: string, start: number, end: number): string {
  const lo = Math.max(0, start - CLAUSE_LIMIT);
  const hi = Math.min(text.length, end + CLAUSE_LIMIT);
  let from = lo;
  for (let i = start - 1; i >= lo; i--) {
    const ch = text[i]!;
    if (ch === '\n' || ch === ';' || ch === '!' || ch === '?' || (ch === '.' && /\s/.test(text[i + 1] ?? ' ') && !/\b[ap]\.m$/i.test(text.slice(Math.max(0, i - 3), i)))) {
      from = i + 1;
      break;
    }
  }
  let to = hi;
  for (let i = end; i < hi; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === ';' || ch === '!' || ch === '?' || (ch === '.' && /\s/.test(text[i + 1] ?? ' '))) {
      to = i;
      break;
    }
  }
  // Narrow to the coordinated clause that holds the phrase.
  const words = [...text.slice(from, to).matchAll(/[\p{L}'’]+/gu)];
  let clauseFrom = from;
  let clauseTo = to;
  for (const w of words) {
    const at = from + w.index;
    if (!BREAKS.has(w[0].toLowerCase())) continue;
    if (at + w[0].length <= start) clauseFrom = at + w[0].length;
    else if (at >= end && at < clauseTo) {
      clauseTo = at;
      break;
    }
  }
  return text.slice(clauseFrom, clauseTo);
}

/** True when the phrase at [start, end) sits in a clause that reports the past. */
export function isPastReport(text: string, start: number, end: number): boolean {
  const clause = clauseAround(text, start, end).toLowerCase();
  let past = false;
  // Whether the word before was itself a past cue: "caused by", "resolved by 9:40".
  let afterPast = false;
  let previous = '';
  for (const m of clause.matchAll(/[\p{L}'’]+/gu)) {
    const word = m[0];
    if (FUTURE_WORDS.has(word) && !(afterPast && LEAD_FUTURE.has(word))) return false;
    const pastWord =
      PAST.has(word) ||
      (word.length > 4 && word.endsWith('ed') && !NOT_PAST.has(word) && !PRESENT_STATE.has(previous));
    if (pastWord) past = true;
    afterPast = pastWord;
    previous = word;
  }
  if (!past) return false;
  return !FUTURE_PHRASES.some((p) => clause.includes(p));
}

const STANDING_WORDS = new Set(STANDING_FACT_CUES.filter((w) => /^[\p{L}]+$/u.test(w)));
const STANDING_PHRASES = STANDING_FACT_CUES.filter((w) => !/^[\p{L}]+$/u.test(w));

/**
 * True when the phrase at [start, end) sits in a clause that states regular hours or a
 * recurring event ("our office opens at 8 am", "runs at 2 am every day"): a fact about
 * every day, not a promise about one.
 */
export function isStandingFact(text: string, start: number, end: number): boolean {
  const clause = clauseAround(text, start, end).toLowerCase();
  for (const m of clause.matchAll(/[\p{L}'’]+/gu)) if (STANDING_WORDS.has(m[0])) return true;
  return STANDING_PHRASES.some((p) => clause.includes(p));
}
