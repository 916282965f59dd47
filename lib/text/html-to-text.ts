import type { ColourRun } from '../types.ts';
import { decodeEntityAt } from './entities.ts';
import { HtmlTokenizer, attributeOf, type HtmlAttribute } from './html-tokenizer.ts';
import { parseInlineStyle } from './inline-style.ts';
import {
  KIND_HEADER,
  KIND_NEW,
  KIND_NONE,
  KIND_QUOTED,
  KIND_SIGNATURE,
  isBlankCode,
  type KindCode,
} from './kind-codes.ts';

// HTML → the text a reader sees, the way a browser's innerText lays it out, without a DOM.
// Alongside each output character it records where in the source it came from, which
// structural part of a reply it sits in (new / quoted / header / signature), and the colour
// its nearest coloured ancestor gives it.
//
// Open elements live on an explicit stack (a 10,000-deep body must not overflow the JS
// stack), and an end tag only searches the stack when an element of that name is open, so
// the work stays linear however broken the nesting is.
//
// List items get no "- " / "1. " prefix: every output character maps to real source, and
// an item already starts on its own line.

export interface HtmlText {
  text: string;
  /** Length text.length + 1; see TextModel.htmlOffsets. */
  htmlOffsets: Int32Array;
  /** Structural kind of every character (KIND_* codes); blanks are KIND_NONE. */
  kinds: Uint8Array;
  /** Trimmed to non-blank edges, in order. */
  colours: ColourRun[];
}

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen',
]);

/** Line breaks a block element asks for before and after itself (innerText's rule: p is 2). */
const BLOCK_BREAKS: Record<string, number> = {
  p: 2,
  address: 1, article: 1, aside: 1, blockquote: 1, center: 1, dd: 1, details: 1, dialog: 1,
  dir: 1, div: 1, dl: 1, dt: 1, fieldset: 1, figcaption: 1, figure: 1, footer: 1, form: 1,
  h1: 1, h2: 1, h3: 1, h4: 1, h5: 1, h6: 1, header: 1, hgroup: 1, hr: 1, legend: 1, li: 1,
  main: 1, menu: 1, nav: 1, ol: 1, pre: 1, section: 1, summary: 1, table: 1, caption: 1,
  tr: 1, ul: 1, listing: 1, body: 1, html: 1,
};

/** A second one of these opened directly inside the first closes the first (`<li>a<li>b`). */
const CLOSED_BY_SIBLING = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

const PREFORMATTED = new Set(['pre', 'listing', 'plaintext']);

// Reply structure as the big clients mark it up. Gmail: div.gmail_quote holds the
// attribution (div.gmail_attr) and blockquote.gmail_quote; Thunderbird: .moz-cite-prefix
// before blockquote[type=cite]; Yahoo: .yahoo_quoted; signatures: .gmail_signature (or
// data-smartmail), .moz-signature.
const HEADER_CLASSES = ['gmail_attr', 'moz-cite-prefix'];
const QUOTED_CLASSES = ['yahoo_quoted'];
const SIGNATURE_CLASSES = ['gmail_signature', 'moz-signature'];
// Outlook puts the history after one of these with no wrapper around it: everything from
// here to the end is quoted. #divRplyFwdMsg itself is the From/Sent/To/Subject block.
const HISTORY_STARTS_AT_IDS = new Set([
  'appendonsend', 'divrplyfwdmsg', 'mail-editor-reference-message-container',
]);
const HEADER_IDS = new Set(['divrplyfwdmsg']);
// Outlook on the web and Apple Mail wrap the signature they insert in these.
const SIGNATURE_IDS = new Set(['signature', 'applemailsignature']);

interface Frame {
  name: string;
  /** Kind of text directly inside. Mutable only on a quote container. */
  kind: KindCode;
  /** div.gmail_quote: text typed between its blockquotes is the writer's own. */
  isContainer: boolean;
  /** The kind around a container, which text between its blockquotes returns to. */
  outerKind: KindCode;
  /** Nearest quote container, this frame included. */
  container: Frame | null;
  colour: string | null;
  pre: boolean;
  hidden: boolean;
  breaks: number;
}

function hasClass(classAttr: string | undefined, names: readonly string[]): boolean {
  if (!classAttr) return false;
  for (const token of classAttr.split(/[ \t\n\f\r]+/)) if (names.includes(token)) return true;
  return false;
}

class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

class GrowableUint8 {
  data = new Uint8Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

class TextBuilder {
  private readonly parts: string[] = [];
  readonly offsets = new GrowableInt32();
  readonly kinds = new GrowableUint8();
  readonly colours: ColourRun[] = [];
  length = 0;
  trailingNewlines = 0;

  private pendingBreaks = 0;
  private pendingBreakOffset = 0;
  private pendingBreakColour: string | null = null;
  private pendingSpace = false;
  private pendingSpaceOffset = 0;
  private pendingSpaceColour: string | null = null;

  requestBreaks(count: number, offset: number, colour: string | null): void {
    if (count <= this.pendingBreaks) return;
    if (this.pendingBreaks === 0) {
      this.pendingBreakOffset = offset;
      this.pendingBreakColour = colour;
    }
    this.pendingBreaks = count;
  }

  /** Collapsible white space: becomes one space if text follows on the same line. */
  requestSpace(offset: number, colour: string | null): void {
    if (this.pendingSpace) return;
    this.pendingSpace = true;
    this.pendingSpaceOffset = offset;
    this.pendingSpaceColour = colour;
  }

  /** Settles pending breaks/space before content is appended. */
  private flush(keepSpace: boolean): void {
    if (this.pendingBreaks > 0) {
      if (this.length > 0) {
        for (let n = this.trailingNewlines; n < this.pendingBreaks; n++) {
          this.append('\n', this.pendingBreakOffset, KIND_NONE, this.pendingBreakColour);
        }
      }
      this.pendingBreaks = 0;
      this.pendingSpace = false;
    }
    if (this.pendingSpace) {
      this.pendingSpace = false;
      if (keepSpace && this.length > 0 && this.trailingNewlines === 0) {
        this.append(' ', this.pendingSpaceOffset, KIND_NONE, this.pendingSpaceColour);
      }
    }
  }

  private append(str: string, offset: number, kind: KindCode, colour: string | null): void {
    this.parts.push(str);
    const start = this.length;
    for (let i = 0; i < str.length; i++) {
      this.offsets.push(offset);
      this.kinds.push(isBlankCode(str.charCodeAt(i)) ? KIND_NONE : kind);
    }
    this.length += str.length;
    this.trailingNewlines = str === '\n' ? this.trailingNewlines + 1 : 0;
    this.noteColour(start, this.length, colour);
  }

  private noteColour(start: number, end: number, colour: string | null): void {
    if (colour === null) return;
    const last = this.colours[this.colours.length - 1];
    if (last && last.end === start && last.color === colour) last.end = end;
    else this.colours.push({ start, end, color: colour });
  }

  /** Characters copied from the source one-for-one (no entities, no white space). */
  appendSource(src: string, start: number, end: number, kind: KindCode, colour: string | null): void {
    this.flush(true);
    this.parts.push(src.slice(start, end));
    const from = this.length;
    for (let i = start; i < end; i++) {
      this.offsets.push(i);
      this.kinds.push(isBlankCode(src.charCodeAt(i)) ? KIND_NONE : kind);
    }
    this.length += end - start;
    this.trailingNewlines = 0;
    this.noteColour(from, this.length, colour);
  }

  /** Decoded or substituted text standing for the source at `offset`. */
  appendAt(str: string, offset: number, kind: KindCode, colour: string | null): void {
    this.flush(true);
    this.append(str, offset, kind, colour);
  }

  /** `<br>` or a newline in preformatted text: always a line break. */
  appendNewline(offset: number, colour: string | null): void {
    this.flush(false);
    this.append('\n', offset, KIND_NONE, colour);
  }

  finish(sourceLength: number): HtmlText {
    const text = this.parts.join('');
    const htmlOffsets = new Int32Array(this.length + 1);
    htmlOffsets.set(this.offsets.data.subarray(0, this.length));
    htmlOffsets[this.length] = sourceLength;
    const kinds = this.kinds.data.slice(0, this.length);
    return { text, htmlOffsets, kinds, colours: trimColourRuns(this.colours, text) };
  }
}

function trimColourRuns(runs: ColourRun[], text: string): ColourRun[] {
  const out: ColourRun[] = [];
  for (const run of runs) {
    let { start, end } = run;
    while (start < end && isBlankCode(text.charCodeAt(start))) start++;
    while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
    if (start < end) out.push({ start, end, color: run.color });
  }
  return out;
}

function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

class Converter {
  private readonly out = new TextBuilder();
  private readonly stack: Frame[];
  /** How many frames of each name are open, so a stray end tag costs O(1). */
  private readonly openCount = new Map<string, number>();
  /** Set once an Outlook history marker opens: later new text is quoted. */
  private historyStarted = false;
  /** The parser drops a newline right after `<pre>`; it is only there for the source's looks. */
  private dropNewlineAt = -1;
  private tagEnd = 0;

  constructor(private readonly src: string) {
    this.stack = [
      {
        name: '#root', kind: KIND_NEW, isContainer: false, outerKind: KIND_NEW, container: null,
        colour: null, pre: false, hidden: false, breaks: 0,
      },
    ];
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  private effectiveKind(frame: Frame): KindCode {
    if (this.historyStarted && (frame.kind === KIND_NEW || frame.kind === KIND_SIGNATURE)) return KIND_QUOTED;
    return frame.kind;
  }

  run(): HtmlText {
    const tokenizer = new HtmlTokenizer(this.src);
    for (let token = tokenizer.next(); token !== null; token = tokenizer.next()) {
      if (token.type === 'text') this.text(token.start, token.end);
      else if (token.type === 'start') {
        this.tagEnd = token.end;
        this.startTag(token.name, token.attrs, token.start, token.selfClosing);
      }
      else this.endTag(token.name, token.start);
    }
    return this.out.finish(this.src.length);
  }

  private text(start: number, end: number): void {
    const frame = this.top;
    if (frame.hidden) return;
    const src = this.src;
    const out = this.out;
    const kind = this.effectiveKind(frame);
    const colour = frame.colour;
    let i = start;
    if (start === this.dropNewlineAt && frame.pre) {
      if (src.charCodeAt(i) === 13) i++;
      if (src.charCodeAt(i) === 10) i++;
    }
    while (i < end) {
      const c = src.charCodeAt(i);
      if (c === 13 || c === 10) {
        if (frame.pre) {
          // "\r\n" is one line break; it maps to the "\n".
          if (!(c === 13 && src.charCodeAt(i + 1) === 10)) out.appendNewline(i, colour);
        } else {
          out.requestSpace(i, colour);
        }
        i++;
      } else if (isHtmlSpace(c)) {
        if (frame.pre) out.appendSource(src, i, i + 1, kind, colour);
        else out.requestSpace(i, colour);
        i++;
      } else if (c === 38) {
        const decoded = decodeEntityAt(src, i);
        if (decoded === null) {
          out.appendSource(src, i, i + 1, kind, colour);
          i++;
        } else {
          this.decoded(decoded.text, i, kind, colour);
          i += decoded.length;
        }
      } else if (c === 0xa0) {
        out.appendAt(' ', i, kind, colour);
        i++;
      } else {
        let j = i + 1;
        while (j < end) {
          const d = src.charCodeAt(j);
          if (isHtmlSpace(d) || d === 38 || d === 0xa0) break;
          j++;
        }
        out.appendSource(src, i, j, kind, colour);
        i = j;
      }
    }
  }

  private decoded(text: string, offset: number, kind: KindCode, colour: string | null): void {
    const frame = this.top;
    const c = text.charCodeAt(0);
    if (text.length === 1 && isHtmlSpace(c)) {
      if (!frame.pre) this.out.requestSpace(offset, colour);
      else if (c === 10 || c === 13) this.out.appendNewline(offset, colour);
      else this.out.appendAt(text, offset, kind, colour);
    } else if (c === 0xa0) {
      // &nbsp; is an ordinary space to every reader of our text, but it does not collapse.
      this.out.appendAt(' ', offset, kind, colour);
    } else {
      this.out.appendAt(text, offset, kind, colour);
    }
  }

  private startTag(name: string, attrs: HtmlAttribute[], offset: number, selfClosing: boolean): void {
    if (name === 'br') {
      if (!this.top.hidden) this.out.appendNewline(offset, this.top.colour);
      return;
    }
    if (CLOSED_BY_SIBLING.has(name) && this.top.name === name) this.popTo(this.stack.length - 1, offset);
    const parent = this.top;
    const frame = this.frameFor(name, attrs, parent);
    if (!frame.hidden && frame.breaks > 0) this.out.requestBreaks(frame.breaks, offset, parent.colour);
    if (VOID_ELEMENTS.has(name)) return;
    if (selfClosing) {
      // `<div/>` is an empty element here, not (as in browsers) an unclosed one: in mail it
      // comes from XHTML generators, and an unclosed hidden div would swallow the message.
      if (!frame.hidden && frame.breaks > 0) this.out.requestBreaks(frame.breaks, offset, parent.colour);
      return;
    }
    this.stack.push(frame);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (PREFORMATTED.has(name)) this.dropNewlineAt = this.tagEnd;
  }

  private frameFor(name: string, attrs: HtmlAttribute[], parent: Frame): Frame {
    const classAttr = attributeOf(attrs, 'class');
    const id = attributeOf(attrs, 'id')?.toLowerCase();
    let kind = parent.kind;
    let isContainer = false;
    if (hasClass(classAttr, HEADER_CLASSES)) kind = KIND_HEADER;
    else if (name === 'blockquote') kind = KIND_QUOTED;
    else if (hasClass(classAttr, ['gmail_quote'])) {
      kind = KIND_QUOTED;
      isContainer = true;
    } else if (hasClass(classAttr, QUOTED_CLASSES)) kind = KIND_QUOTED;
    else if (
      parent.kind === KIND_NEW &&
      (hasClass(classAttr, SIGNATURE_CLASSES) || attributeOf(attrs, 'data-smartmail') === 'gmail_signature' ||
        (id !== undefined && SIGNATURE_IDS.has(id)))
    ) {
      kind = KIND_SIGNATURE;
    }
    if (id !== undefined && HISTORY_STARTS_AT_IDS.has(id)) {
      if (HEADER_IDS.has(id) && (parent.kind === KIND_NEW || parent.kind === KIND_SIGNATURE)) kind = KIND_HEADER;
      this.historyStarted = true;
    }

    let colour = parent.colour;
    if (name === 'font') {
      const fontColour = attributeOf(attrs, 'color')?.trim();
      if (fontColour) colour = fontColour;
    }
    let pre = parent.pre || PREFORMATTED.has(name);
    let hidden = parent.hidden || name === 'template' || attributeOf(attrs, 'hidden') !== undefined;
    const styleAttr = attributeOf(attrs, 'style');
    if (styleAttr) {
      const style = parseInlineStyle(styleAttr);
      if (style.color !== undefined) colour = style.color;
      if (style.preserveWhitespace !== undefined && !PREFORMATTED.has(name)) pre = style.preserveWhitespace;
      if (style.hidden) hidden = true;
    }
    const frame: Frame = {
      name,
      kind,
      isContainer,
      outerKind: parent.kind,
      container: parent.container,
      colour,
      pre,
      hidden,
      breaks: BLOCK_BREAKS[name] ?? 0,
    };
    if (isContainer) frame.container = frame;
    return frame;
  }

  private endTag(name: string, offset: number): void {
    if (name === 'br') {
      // `</br>` is read as `<br>` by browsers.
      this.startTag('br', [], offset, false);
      return;
    }
    if (!this.openCount.get(name)) {
      // `</p>` with no open p still makes a paragraph break in a browser.
      if (name === 'p' && !this.top.hidden) this.out.requestBreaks(2, offset, this.top.colour);
      return;
    }
    for (let i = this.stack.length - 1; i > 0; i--) {
      if ((this.stack[i] as Frame).name === name) {
        this.popTo(i, offset);
        return;
      }
    }
  }

  /** Closes every frame from the top down to and including `stack[index]`. */
  private popTo(index: number, offset: number): void {
    while (this.stack.length > index && this.stack.length > 1) {
      const frame = this.stack.pop() as Frame;
      this.openCount.set(frame.name, (this.openCount.get(frame.name) ?? 1) - 1);
      const parent = this.top;
      if (frame.hidden) continue;
      if (frame.breaks > 0) this.out.requestBreaks(frame.breaks, offset, parent.colour);
      else if (frame.name === 'td' || frame.name === 'th') this.out.requestSpace(offset, parent.colour);
      // The writer split the quote and typed below this part of it (Gmail inline reply).
      if (frame.name === 'blockquote' && frame.container && frame.container !== frame) {
        const container = frame.container;
        if (container.outerKind === KIND_NEW && parent === container) container.kind = KIND_NEW;
      }
    }
  }
}

/** Converts an HTML mail body to text with offsets, structural kinds and colour runs. */
export function htmlToText(html: string): HtmlText {
  return new Converter(html).run();
}
