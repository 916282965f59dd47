import { NOT_SLOTS, SLOT_LEADERS, SLOT_VERBS, SLOT_WORDS } from './phrases/placeholder-words.ts';

// Unfilled template slots left in a draft. Our own scaffolds write `[[name]]`; the other
// forms are what other tools and copied snippets leave behind:
//   {{name}}  <<name>>               mail-merge and snippet tools
//   [INSERT …] [Your Name] [DATE]    hand-written templates (see bracketLooksLikeSlot)
//   XXX  XX/XX  XX:XX                masks; upper case only, two X or more ("xx" signs off
//                                    friendly mail, a single "X" is a variable name)
//   TODO  FIXME                      notes to self, upper case only
//   ____                             a blank to fill in, 3+ underscores with other text on
//                                    its line (a line of only underscores is Outlook's
//                                    separator above quoted mail)
// "TBD" alone is not reported: "Date: TBD" is an honest answer in real mail.
//
// One left-to-right pass; every bracket attempt looks at most MAX_SLOT_LENGTH characters
// ahead and stops at the first character a slot cannot contain, so the scan is linear.

export interface Placeholder {
  start: number;
  end: number;
  /** The placeholder as written, e.g. `[[ETA]]`. */
  text: string;
  /** What should go there, e.g. `ETA`; `blank` for underscores. */
  name: string;
}

const MAX_SLOT_LENGTH = 80;
const MAX_BRACKET_WORDS = 4;

const slotWords = new Set(SLOT_WORDS);
const slotLeaders = new Set(SLOT_LEADERS);
const slotVerbs = new Set(SLOT_VERBS);
const notSlots = new Set(NOT_SLOTS);
const SMALL_WORDS = new Set(['of', 'the', 'a', 'an', 'for', 'to', 'and', 'or', 'in', 'on']);

const HAS_LETTER = /\p{L}/u;
const LETTERS_ONLY = /^\p{L}+$/u;
const TITLE_WORD = /^\p{Lu}\p{Ll}*$/u;
const CAPS_WORD = /^\p{Lu}+$/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Index of the closing pair for a doubled opener at `i`, or -1. */
function closeOfDouble(text: string, i: number, open: string, close: string): number {
  const limit = Math.min(text.length - 1, i + 2 + MAX_SLOT_LENGTH);
  for (let j = i + 2; j < limit; j += 1) {
    const ch = text[j];
    if (ch === close) return text[j + 1] === close ? j : -1;
    if (ch === open || ch === '\n') return -1;
  }
  return -1;
}

function closeOfSingle(text: string, i: number): number {
  const limit = Math.min(text.length, i + 1 + MAX_SLOT_LENGTH);
  for (let j = i + 1; j < limit; j += 1) {
    const ch = text[j];
    if (ch === ']') return j;
    if (ch === '[' || ch === '\n') return -1;
  }
  return -1;
}

/**
 * A single-bracketed phrase is a slot when it reads like one, not like the brackets real
 * mail uses ("[1]" footnotes, "[sic]", "[…]", "[image: logo]", Markdown "[text](url)"):
 *   - one word that names a slot: [Name] [DATE] [link] [ETA]
 *   - anything starting "insert", "enter", "add"…: [INSERT …] [add screenshot here]
 *   - two to four words starting "your", "customer"…: [your name] [customer company]
 *   - up to three words ending in a slot word: [customer first name] [ticket number]
 *   - two to four Title Case or ALL CAPS words: [Customer Name] [PRODUCT VERSION]
 * Mail banners that look the same ("[EXTERNAL]", "[Action Required]") are excluded.
 */
function bracketLooksLikeSlot(inner: string): boolean {
  const words = inner.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return false;
  if (slotVerbs.has((words[0] ?? '').toLowerCase())) return true;
  if (words.length > MAX_BRACKET_WORDS) return false;
  if (!words.every((w) => LETTERS_ONLY.test(w))) return false;
  const lower = words.map((w) => w.toLowerCase());
  if (notSlots.has(lower.join(' '))) return false;
  const first = lower[0] ?? '';
  const last = lower[lower.length - 1] ?? '';
  if (words.length === 1) return slotWords.has(first);
  if (slotLeaders.has(first)) return true;
  if (words.length <= 3 && slotWords.has(last)) return true;
  return words.every(
    (w, k) => TITLE_WORD.test(w) || CAPS_WORD.test(w) || (k > 0 && SMALL_WORDS.has(w)),
  );
}

/**
 * Scans an X mask starting at `i` (XXX, XX/XX, XX:XX:XX). `end` is where the scan stopped;
 * when the mask is not a placeholder no other mask can start before `end` either (it would
 * run to the same word character), so the caller resumes there.
 */
function scanMask(text: string, i: number): { end: number; ok: boolean } {
  let j = i;
  let xs = 0;
  for (;;) {
    while (text[j] === 'X') {
      j += 1;
      xs += 1;
    }
    const sep = text[j];
    if ((sep === '/' || sep === ':' || sep === '.' || sep === '-') && text[j + 1] === 'X') {
      j += 1;
      continue;
    }
    break;
  }
  return { end: j, ok: xs >= 2 && !isWordChar(text[j]) };
}

const NOTE_WORDS = ['TODO', 'FIXME'] as const;

function noteAt(text: string, i: number): string | undefined {
  for (const word of NOTE_WORDS) {
    if (text.startsWith(word, i) && !isWordChar(text[i + word.length])) return word;
  }
  return undefined;
}

/** True when only spaces or tabs separate `from` (exclusive of it) from the line's edge. */
function onlyBlanksToLineEdge(text: string, from: number, step: 1 | -1): boolean {
  for (let j = from; j >= 0 && j < text.length; j += step) {
    const ch = text[j];
    if (ch === '\n' || ch === '\r') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\u00a0') return false;
  }
  return true;
}

export function findPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  if (typeof text !== 'string') return out;
  const n = text.length;
  const push = (start: number, end: number, name: string) =>
    out.push({ start, end, text: text.slice(start, end), name });

  let i = 0;
  while (i < n) {
    const ch = text[i];
    if ((ch === '[' || ch === '{' || ch === '<') && text[i + 1] === ch) {
      const close = ch === '[' ? ']' : ch === '{' ? '}' : '>';
      const j = closeOfDouble(text, i, ch, close);
      const inner = j < 0 ? '' : text.slice(i + 2, j).trim();
      if (j >= 0 && HAS_LETTER.test(inner)) {
        push(i, j + 2, inner);
        i = j + 2;
        continue;
      }
    }
    if (ch === '[') {
      const j = closeOfSingle(text, i);
      if (j >= 0 && text[j + 1] !== '(') {
        const inner = text.slice(i + 1, j).trim();
        if (bracketLooksLikeSlot(inner)) {
          push(i, j + 1, inner);
          i = j + 1;
          continue;
        }
      }
    } else if (ch === '_') {
      let j = i;
      while (text[j] === '_') j += 1;
      const isSeparatorLine =
        onlyBlanksToLineEdge(text, i - 1, -1) && onlyBlanksToLineEdge(text, j, 1);
      if (j - i >= 3 && !isSeparatorLine) push(i, j, 'blank');
      i = j;
      continue;
    } else if ((ch === 'X' || ch === 'T' || ch === 'F') && !isWordChar(text[i - 1])) {
      if (ch === 'X') {
        const mask = scanMask(text, i);
        if (mask.ok) push(i, mask.end, text.slice(i, mask.end));
        i = Math.max(mask.end, i + 1);
        continue;
      } else {
        const note = noteAt(text, i);
        if (note !== undefined) {
          push(i, i + note.length, note);
          i += note.length;
          continue;
        }
      }
    }
    i += 1;
  }
  return out;
}
