import { CLAUSE_BREAKS, FUTURE_CUES, NOT_PAST_ED, PAST_CUES } from './eta-phrases.ts';

// A date parser reads "on Monday we saw errors" as the coming Monday. Whether a date is a
// promise or a report is decided by the clause around it: a past cue ("yesterday", "was",
// "saw", a verb in -ed) with no future cue ("will", "by", "expect") makes it a report.

const PAST = new Set(PAST_CUES.map((w) => w.toLowerCase()));
const NOT_PAST = new Set(NOT_PAST_ED);
const BREAKS = new Set(CLAUSE_BREAKS);
const FUTURE_WORDS = new Set(FUTURE_CUES.filter((w) => /^[\p{L}]+$/u.test(w)));
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
  for (const m of clause.matchAll(/[\p{L}'’]+/gu)) {
    const word = m[0];
    if (FUTURE_WORDS.has(word)) return false;
    if (PAST.has(word)) past = true;
    else if (word.length > 4 && word.endsWith('ed') && !NOT_PAST.has(word)) past = true;
  }
  if (!past) return false;
  return !FUTURE_PHRASES.some((p) => clause.includes(p));
}
