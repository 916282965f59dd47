import type { InlineReply, Segment, SegmentKind, TextModel } from '../types.ts';
import { decodeEntityAt } from './entities.ts';
import { htmlToText } from './html-to-text.ts';
import { KIND_NEW, KIND_NONE, SEGMENT_KIND_OF_CODE, isBlankCode } from './kind-codes.ts';
import { applyTextMarkers } from './quote-markers.ts';

// The message model every detector and rule reads: plain text, where each character came
// from in the source, which part of a reply it belongs to, and its colour.

export type MessageFormat = 'html' | 'text' | 'auto';

export interface ParseOptions {
  /** `auto` (default) reads the input as HTML when it contains a tag or an entity. */
  format?: MessageFormat;
}

// Tags that make a string HTML for `auto`. A name must be one of these so that plain text
// such as "<jane@x.com>" or "if a<b then" is not taken for markup.
const SNIFFED_TAGS = new Set([
  'a', 'abbr', 'b', 'big', 'blockquote', 'body', 'br', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'font', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'img', 'ins', 'kbd', 'li', 'link',
  'main', 'mark', 'meta', 'ol', 'p', 'pre', 'q', 's', 'section', 'small', 'span', 'strike',
  'strong', 'style', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title',
  'tr', 'tt', 'u', 'ul', 'wbr',
]);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

/** True when the input has a tag-like `<name` / `</name` or a character reference like `&amp;`. */
export function looksLikeHtml(input: string): boolean {
  for (let lt = input.indexOf('<'); lt >= 0; lt = input.indexOf('<', lt + 1)) {
    let i = lt + 1;
    if (input.charCodeAt(i) === 47) i++;
    const nameStart = i;
    while (i < input.length && i - nameStart <= 10 && isAsciiAlnum(input.charCodeAt(i))) i++;
    const after = input.charCodeAt(i);
    const endsName = after === 62 || after === 47 || after === 32 || after === 9 || after === 10 || after === 13 || Number.isNaN(after);
    if (endsName && SNIFFED_TAGS.has(input.slice(nameStart, i).toLowerCase())) return true;
  }
  for (let amp = input.indexOf('&'); amp >= 0; amp = input.indexOf('&', amp + 1)) {
    const decoded = decodeEntityAt(input, amp);
    if (decoded && input.charCodeAt(amp + decoded.length - 1) === 59) return true;
  }
  return false;
}

function emptyModel(): TextModel {
  return { text: '', htmlOffsets: new Int32Array(1), segments: [], colours: [], inlineReplies: [] };
}

function segmentsOf(text: string, kinds: Uint8Array): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = kinds[i] as number;
    if (code === KIND_NONE || isBlankCode(text.charCodeAt(i))) continue;
    const kind = SEGMENT_KIND_OF_CODE[code] ?? 'new';
    if (current !== null && current.kind === kind) {
      current.end = i + 1;
    } else {
      current = { kind, start: i, end: i + 1 };
      segments.push(current);
    }
  }
  return segments;
}

/**
 * Answers typed between quoted parts. A `new` segment directly under a `quoted` one is a
 * reply to it when more quoted text follows, or, once the message is interleaved at all,
 * when it follows the last quoted part. A top-posted reply (new text, then the history)
 * has none.
 */
function inlineRepliesOf(segments: readonly Segment[]): InlineReply[] {
  const candidates: number[] = [];
  let interleaved = false;
  let quotedSeen = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    if (segment.kind === 'quoted') {
      if (candidates.length > 0) interleaved = true;
      quotedSeen = true;
    } else if (segment.kind === 'new' && quotedSeen && segments[i - 1]?.kind === 'quoted') {
      candidates.push(i);
    }
  }
  if (!interleaved) return [];
  return candidates.map((i) => ({ quoted: segments[i - 1] as Segment, reply: segments[i] as Segment }));
}

function parsePlainText(input: string): TextModel {
  const kinds = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) kinds[i] = isBlankCode(input.charCodeAt(i)) ? KIND_NONE : KIND_NEW;
  applyTextMarkers(input, kinds);
  const htmlOffsets = new Int32Array(input.length + 1);
  for (let i = 0; i <= input.length; i++) htmlOffsets[i] = i;
  const segments = segmentsOf(input, kinds);
  return { text: input, htmlOffsets, segments, colours: [], inlineReplies: inlineRepliesOf(segments) };
}

function parseHtml(input: string): TextModel {
  const { text, htmlOffsets, kinds, colours } = htmlToText(input);
  applyTextMarkers(text, kinds);
  const segments = segmentsOf(text, kinds);
  return { text, htmlOffsets, segments, colours, inlineReplies: inlineRepliesOf(segments) };
}

/**
 * Reads a message body (HTML or plain text) into a TextModel. Never throws: input that
 * defeats the HTML reader is read as plain text, and anything else yields an empty model.
 */
export function parseMessage(input: string, options: ParseOptions = {}): TextModel {
  if (typeof input !== 'string' || input.length === 0) return emptyModel();
  const format = options.format ?? 'auto';
  const html = format === 'html' || (format === 'auto' && looksLikeHtml(input));
  try {
    return html ? parseHtml(input) : parsePlainText(input);
  } catch {
    try {
      return parsePlainText(input);
    } catch {
      return emptyModel();
    }
  }
}

// ---------------------------------------------------------------------------------------
// Reading parts of a model
// ---------------------------------------------------------------------------------------

export interface SegmentText {
  text: string;
  /** Offsets into `model.text`. */
  start: number;
  end: number;
}

/** The text of every segment whose kind is one of `kinds`, in order. */
export function segmentText(model: TextModel, kinds: readonly SegmentKind[]): SegmentText[] {
  return model.segments
    .filter((segment) => kinds.includes(segment.kind))
    .map(({ start, end }) => ({ text: model.text.slice(start, end), start, end }));
}

export interface JoinedText {
  /** The pieces joined by a blank line, so no sentence runs from one piece into the next. */
  text: string;
  pieces: SegmentText[];
  /**
   * Maps an offset in `text` back to `model.text`. An offset inside a separator maps to the
   * end of the piece before it.
   */
  toModelOffset(offset: number): number;
}

export const PIECE_SEPARATOR = '\n\n';

/** The segments of the given kinds as one string, with a way back to model offsets. */
export function joinSegments(model: TextModel, kinds: readonly SegmentKind[]): JoinedText {
  const pieces = segmentText(model, kinds);
  const joinedStarts: number[] = [];
  let text = '';
  for (const piece of pieces) {
    if (text.length > 0) text += PIECE_SEPARATOR;
    joinedStarts.push(text.length);
    text += piece.text;
  }
  const toModelOffset = (offset: number): number => {
    if (pieces.length === 0) return 0;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((joinedStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const piece = pieces[lo] as SegmentText;
    const local = Math.max(0, offset - (joinedStarts[lo] as number));
    return piece.start + Math.min(local, piece.end - piece.start);
  };
  return { text, pieces, toModelOffset };
}

/** What the author of this message wrote themselves (no quotes, headers or signature). */
export function newTextOf(model: TextModel): JoinedText {
  return joinSegments(model, ['new']);
}

/** The segment containing `offset` in `model.text`, if any. */
export function segmentAt(model: TextModel, offset: number): Segment | undefined {
  const segments = model.segments;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const segment = segments[mid] as Segment;
    if (offset < segment.start) hi = mid - 1;
    else if (offset >= segment.end) lo = mid + 1;
    else return segment;
  }
  return undefined;
}
