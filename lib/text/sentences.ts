import type { Sentence } from '../types.ts';

// Sentence splitting tuned for email: lines matter as much as punctuation. Gmail compose
// lines are real lines (people press Enter at the end of a thought), list items and
// greetings stand alone, and a hard-wrapped plain-text paragraph is only rejoined when the
// next line plainly continues the previous one (it starts in lower case).
//
// Two passes, both linear: lines are grouped into blocks, then each block is cut at
// terminal punctuation that is followed by whitespace. Every look-back is bounded.

/** Never end a sentence: titles and Latin abbreviations that precede more text. */
const NON_FINAL_ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'vs', 'v', 'e.g', 'eg',
  'i.e', 'ie', 'cf', 'approx', 'appr', 'ca', 'fig', 'figs', 'dept', 'ref', 'refs', 'incl',
  'excl', 'est', 'tel', 'ph', 'ext', 'nr', 'nos', 'al', 'viz', 'gen', 'gov', 'sgt', 'capt',
  'col', 'lt', 'rev', 'hon', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat',
  'sun', 'p', 'pp', 'para', 'sec', 'vol', 'op', 'min', 'max', 'avg', 'hr', 'hrs', 'resp',
]);

/** Abbreviations that often close a sentence: they end one when a capital follows. */
const FINAL_ABBREVIATIONS = new Set([
  'etc', 'inc', 'ltd', 'co', 'corp', 'llc', 'plc', 'gmbh', 'am', 'pm', 'a.m', 'p.m', 'u.s',
  'u.k', 'u.s.a', 'e.u', 'ph.d', 'esq',
]);

/** A capitalised word after "3 p.m." that continues the sentence rather than opening one. */
const CONTINUING_AFTER_TIME = new Set([
  'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'mt', 'mst', 'mdt', 'pt', 'pst', 'pdt', 'utc', 'gmt',
  'cet', 'cest', 'bst', 'ist', 'aest', 'aedt', 'jst', 'eastern', 'central', 'mountain',
  'pacific', 'z',
]);

const TERMINATORS = '.?!…。？！';
const WIDE_TERMINATORS = '。？！';
const CLOSERS = '"\'”’)]»›}';

// Bullets, "1." / "1)" / "a)" / "(a)" numbering. Run on at most a dozen characters.
const LIST_MARKER = /^(?:[-*•·‣◦▪–—+]|\d{1,3}[.)]|[A-Za-z][)]|\(\w{1,3}\))[ \t\u00a0]+/;

const GREETING =
  /^(?:hi|hii|hello|hey|heya|dear|greetings|good (?:morning|afternoon|evening|day)|morning|hallo|hola|bonjour)\b[^?]{0,50}$/i;

const SIGN_OFF =
  /^(?:thanks|thank you|many thanks|thanks again|thanks in advance|thx|ty|cheers|best|best regards|kind regards|warm regards|warmest regards|regards|sincerely|yours|yours truly|all the best|best wishes|talk soon|take care|br|kr|with thanks)\b[^?]{0,25}$/i;

type LineKind = 'normal' | 'list' | 'greeting' | 'sign-off' | 'quote';

interface Block {
  start: number;
  end: number;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' ||
    ch === '\u00a0' || ch === '\u2028' || ch === '\u2029' || ch === '\u3000' || ch === '\u200b';
}

function isLowerStart(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpperStart(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function endsThought(ch: string | undefined): boolean {
  return ch !== undefined && (TERMINATORS.includes(ch) || ch === ':' || ch === ';');
}

function lineBlocks(text: string, start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let openKind: LineKind = 'normal';
  let openLastChar: string | undefined;

  let ls = start;
  while (ls <= end) {
    let le = ls;
    while (le < end && text[le] !== '\n') le++;
    const next = le + 1;

    let cs = ls;
    while (cs < le && isSpace(text[cs])) cs++;
    let ce = le;
    while (ce > cs && isSpace(text[ce - 1])) ce--;

    if (cs >= ce) {
      // A blank line always ends what came before.
      if (open) blocks.push(open);
      open = null;
    } else {
      let kind: LineKind = 'normal';
      let contentStart = cs;
      const first = text[cs];
      if (first === '>') {
        kind = 'quote';
      } else {
        const marker = LIST_MARKER.exec(text.slice(cs, Math.min(ce, cs + 12)));
        if (marker && cs + marker[0].length < ce) {
          kind = 'list';
          contentStart = cs + marker[0].length;
        } else if (ce - cs <= 60) {
          const line = text.slice(cs, ce);
          if (GREETING.test(line)) kind = 'greeting';
          else if (ce - cs <= 40 && SIGN_OFF.test(line)) kind = 'sign-off';
        }
      }

      // A wrapped line continues the previous one only when nothing marks either as a line
      // of its own and the new line starts mid-sentence (lower case).
      const joins =
        open !== null &&
        kind === 'normal' &&
        (openKind === 'normal' || openKind === 'list') &&
        !endsThought(openLastChar) &&
        isLowerStart(text[contentStart]);

      if (joins && open) {
        open.end = ce;
      } else {
        if (open) blocks.push(open);
        open = { start: contentStart, end: ce };
        openKind = kind;
      }
      openLastChar = lastSignificantChar(text, contentStart, ce);
    }
    if (le >= end) break;
    ls = next;
  }
  if (open) blocks.push(open);
  return blocks;
}

/** The last character before any closing quotes/brackets, bounded look-back. */
function lastSignificantChar(text: string, from: number, to: number): string | undefined {
  let i = to - 1;
  const stop = Math.max(from, to - 8);
  while (i > stop && CLOSERS.includes(text[i] ?? '')) i--;
  return text[i];
}

/** The word just before `dot` (bounded), without leading brackets or quotes. */
function tokenBefore(text: string, from: number, dot: number): string {
  let i = dot;
  const stop = Math.max(from, dot - 24);
  while (i > stop && !isSpace(text[i - 1])) i--;
  let token = text.slice(i, dot);
  while (token.length > 0 && '("\'“‘[<'.includes(token[0] ?? '')) token = token.slice(1);
  return token;
}

function nextWord(text: string, from: number, end: number): string {
  let i = from;
  const stop = Math.min(end, from + 64);
  while (i < stop && isSpace(text[i])) i++;
  let j = i;
  const wordStop = Math.min(end, i + 16);
  while (j < wordStop && /[\p{L}\p{N}]/u.test(text[j] ?? '')) j++;
  return text.slice(i, j);
}

function isBoundaryAfterPeriod(text: string, blockStart: number, dot: number, after: number, blockEnd: number): boolean {
  const token = tokenBefore(text, blockStart, dot);
  if (token === '') return true;
  const lower = token.toLowerCase();
  if (lower === 'no' || lower === 'nr' || lower === 'no#') {
    // "No. 5" is a number sign; "No. It is not." is an answer.
    const word = nextWord(text, after, blockEnd);
    return !/^\d/.test(word) && text[after + 1] !== '#';
  }
  if (NON_FINAL_ABBREVIATIONS.has(lower)) return false;
  const word = nextWord(text, after, blockEnd);
  if (FINAL_ABBREVIATIONS.has(lower) || /^(?:[a-z]\.)+[a-z]$/i.test(lower)) {
    return isUpperStart(word[0]) && !CONTINUING_AFTER_TIME.has(word.toLowerCase());
  }
  // A lone capital is an initial ("J. Smith"), not a sentence.
  if (/^\p{Lu}$/u.test(token)) return false;
  return true;
}

function splitBlock(text: string, block: Block, out: Sentence[]): void {
  let sentenceStart = block.start;
  let i = block.start;
  const end = block.end;
  while (i < end) {
    const ch = text[i] ?? '';
    if (!TERMINATORS.includes(ch)) {
      i++;
      continue;
    }
    let j = i;
    let hasQuestionOrBang = false;
    let hasEllipsis = false;
    let hasWide = false;
    while (j < end && TERMINATORS.includes(text[j] ?? '')) {
      const t = text[j] ?? '';
      if (t === '?' || t === '!' || t === '？' || t === '！') hasQuestionOrBang = true;
      if (t === '…') hasEllipsis = true;
      if (WIDE_TERMINATORS.includes(t)) hasWide = true;
      j++;
    }
    const runLength = j - i;
    let closedBracket = false;
    while (j < end && CLOSERS.includes(text[j] ?? '')) {
      if (text[j] === ')' || text[j] === ']') closedBracket = true;
      j++;
    }

    // Inside a URL, a version number, an address or "e.g": no whitespace follows.
    if (j < end && !isSpace(text[j]) && !hasWide) {
      i = j;
      continue;
    }

    let boundary: boolean;
    if (hasQuestionOrBang || hasWide) {
      // "He said (really?) yes" — an aside in brackets, the sentence goes on.
      boundary = !(closedBracket && isLowerStart(nextWord(text, j, end)[0]));
    } else if (hasEllipsis || runLength >= 2) {
      // "I tried... but no luck" continues; "I tried... Nothing." does not.
      const word = nextWord(text, j, end);
      boundary = word === '' || isUpperStart(word[0]) || /^\d/.test(word);
    } else {
      boundary = isBoundaryAfterPeriod(text, block.start, i, j, end);
    }

    if (boundary) {
      pushTrimmed(text, sentenceStart, j, out);
      sentenceStart = j;
    }
    i = j;
  }
  pushTrimmed(text, sentenceStart, end, out);
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

function pushTrimmed(text: string, start: number, end: number, out: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (s >= e) return;
  const slice = text.slice(s, e);
  // Separators such as "----" or a stray "?" carry no sentence.
  if (!HAS_WORD_CHAR.test(slice)) return;
  out.push({ text: slice, start: s, end: e });
}

/**
 * Sentences of `text` between `start` and `end`, in order. Offsets are UTF-16 indices into
 * `text`; each sentence's `text` is `text.slice(start, end)` with surrounding space trimmed.
 * List markers ("- ", "1. ") are left out of the item's sentence.
 */
export function splitSentences(text: string, start = 0, end: number = text.length): Sentence[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const from = Math.max(0, Math.min(text.length, Math.floor(Number.isFinite(start) ? start : 0)));
  const to = Math.max(from, Math.min(text.length, Math.floor(Number.isFinite(end) ? end : text.length)));
  if (from >= to) return [];
  const out: Sentence[] = [];
  for (const block of lineBlocks(text, from, to)) splitBlock(text, block, out);
  return out;
}
