import { decodeEntities } from './entities.ts';

// A forgiving HTML tokenizer for mail bodies. It follows what browsers do with broken
// markup where that is cheap (a stray `<` is text, a tag cut off by the end of input is
// dropped, a quoted attribute may contain `>`), and it never looks back: every character
// is examined a bounded number of times, so any input tokenizes in linear time.

export interface HtmlAttribute {
  /** Lower case. */
  name: string;
  /** Entities decoded. */
  value: string;
}

export type HtmlToken =
  /** Raw source range of character data; entities are still encoded. */
  | { type: 'text'; start: number; end: number }
  | { type: 'start'; name: string; attrs: HtmlAttribute[]; start: number; end: number; selfClosing: boolean }
  | { type: 'end'; name: string; start: number; end: number };

// Their content is not markup and is never shown as text (innerText skips form controls,
// titles, scripts and styles alike).
const RAW_TEXT_ELEMENTS = new Set([
  'script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext',
]);

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Ends a tag or attribute name. */
function isNameEnd(c: number): boolean {
  return isWhitespace(c) || c === 47 || c === 62 || Number.isNaN(c);
}

export class HtmlTokenizer {
  private pos = 0;
  /** Set after a raw-text start tag: its content is skipped up to `</name`. */
  private rawTextOf: string | null = null;

  constructor(private readonly src: string) {}

  /** The next token, or null at the end of input. Comments and doctypes are skipped. */
  next(): HtmlToken | null {
    const src = this.src;
    for (;;) {
      if (this.rawTextOf !== null) this.skipRawText(this.rawTextOf);
      const start = this.pos;
      if (start >= src.length) return null;
      if (src.charCodeAt(start) !== 60) {
        const lt = src.indexOf('<', start + 1);
        this.pos = lt < 0 ? src.length : lt;
        return { type: 'text', start, end: this.pos };
      }
      const c1 = src.charCodeAt(start + 1);
      if (isAsciiLetter(c1)) {
        const token = this.readTag(start, start + 1, 'start');
        if (token === null) return null;
        if (token.type === 'start' && RAW_TEXT_ELEMENTS.has(token.name)) this.rawTextOf = token.name;
        return token;
      }
      if (c1 === 47) {
        const c2 = src.charCodeAt(start + 2);
        if (isAsciiLetter(c2)) return this.readTag(start, start + 2, 'end');
        if (c2 === 62) {
          this.pos = start + 3; // `</>` is dropped
          continue;
        }
        if (Number.isNaN(c2)) {
          this.pos = src.length;
          return { type: 'text', start, end: src.length };
        }
        this.skipPast('>', start + 2);
        continue;
      }
      if (c1 === 33) {
        if (src.startsWith('<!--', start)) {
          // `<!-->` and `<!--->` are complete (empty) comments.
          if (src.charCodeAt(start + 4) === 62) this.pos = start + 5;
          else if (src.startsWith('->', start + 4)) this.pos = start + 6;
          else this.skipPast('-->', start + 4);
        } else if (src.startsWith('<![CDATA[', start)) {
          this.skipPast(']]>', start + 9);
        } else {
          this.skipPast('>', start + 2);
        }
        continue;
      }
      if (c1 === 63) {
        this.skipPast('>', start + 2);
        continue;
      }
      // `<` that starts nothing, e.g. "a < b" or "<<<": it is text.
      const lt = src.indexOf('<', start + 1);
      this.pos = lt < 0 ? src.length : lt;
      return { type: 'text', start, end: this.pos };
    }
  }

  private skipPast(marker: string, from: number): void {
    const at = this.src.indexOf(marker, from);
    this.pos = at < 0 ? this.src.length : at + marker.length;
  }

  private skipRawText(name: string): void {
    const src = this.src;
    this.rawTextOf = null;
    let from = this.pos;
    for (;;) {
      const at = src.indexOf('</', from);
      if (at < 0) {
        this.pos = src.length;
        return;
      }
      const after = at + 2 + name.length;
      if (src.slice(at + 2, after).toLowerCase() === name && isNameEnd(src.charCodeAt(after))) {
        this.pos = at;
        return;
      }
      from = at + 2;
    }
  }

  /** Reads `<name attrs>` or `</name attrs>`; null when the input ends inside the tag. */
  private readTag(start: number, nameStart: number, type: 'start' | 'end'): HtmlToken | null {
    const src = this.src;
    const len = src.length;
    let i = nameStart;
    while (i < len && !isNameEnd(src.charCodeAt(i))) i++;
    const name = src.slice(nameStart, i).toLowerCase();
    const attrs: HtmlAttribute[] = [];
    let selfClosing = false;
    for (;;) {
      while (i < len && isWhitespace(src.charCodeAt(i))) i++;
      if (i >= len) {
        // A tag cut off by the end of input is dropped, as browsers do.
        this.pos = len;
        return null;
      }
      const c = src.charCodeAt(i);
      if (c === 62) {
        i++;
        break;
      }
      if (c === 47) {
        if (src.charCodeAt(i + 1) === 62) {
          selfClosing = true;
          i += 2;
          break;
        }
        i++;
        continue;
      }
      const attrStart = i;
      i++; // the first character may be anything, even `=`
      while (i < len) {
        const d = src.charCodeAt(i);
        if (isNameEnd(d) || d === 61) break;
        i++;
      }
      const attrName = src.slice(attrStart, i).toLowerCase();
      while (i < len && isWhitespace(src.charCodeAt(i))) i++;
      let value = '';
      if (src.charCodeAt(i) === 61) {
        i++;
        while (i < len && isWhitespace(src.charCodeAt(i))) i++;
        const q = src.charCodeAt(i);
        if (q === 34 || q === 39) {
          const close = src.indexOf(q === 34 ? '"' : "'", i + 1);
          if (close < 0) {
            this.pos = len;
            return null;
          }
          value = src.slice(i + 1, close);
          i = close + 1;
        } else {
          const valueStart = i;
          while (i < len) {
            const d = src.charCodeAt(i);
            if (isWhitespace(d) || d === 62) break;
            i++;
          }
          value = src.slice(valueStart, i);
        }
      }
      if (type === 'start') attrs.push({ name: attrName, value: decodeEntities(value) });
    }
    this.pos = i;
    if (type === 'end') return { type, name, start, end: i };
    return { type, name, attrs, start, end: i, selfClosing };
  }
}

/** The first value of an attribute (browsers ignore repeats), or undefined. */
export function attributeOf(attrs: readonly HtmlAttribute[], name: string): string | undefined {
  for (const attr of attrs) if (attr.name === name) return attr.value;
  return undefined;
}
