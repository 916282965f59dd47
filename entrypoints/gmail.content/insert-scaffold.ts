import { buildScaffold, isGreetingLine, type ScaffoldFacts, type ScaffoldId, type ScaffoldOverrides } from '../../lib/scaffolds/index.ts';
import { isBodyHistory, type ComposeHandle } from './adapter.ts';
import { selectRange } from './selection.ts';

// Puts a scaffold into a compose body the way the user's own paste would: through the
// browser's editing command (execCommand insertHTML), so it is one step on the editor's undo
// stack (one Ctrl+Z takes it out) and Gmail hears the `input` event that makes it save the
// draft. Where it goes: at the caret when the caret is in the body's own text, else after
// the greeting, else at the top — always above the quoted history and the signature, never
// in the subject or a recipient field (only the body is ever targeted). Nothing the user
// typed is replaced: a selection is collapsed to its end first.

export interface InsertResult {
  inserted: boolean;
  /** Why nothing was inserted, in the user's words. */
  reason?: string;
  /** Where it went. */
  where?: 'caret' | 'after-greeting' | 'top';
  /** The `[[…]]` slots the scaffold left for the writer, in order. */
  placeholders: string[];
  /** How long the insertion took, for the speed budget (50 ms). */
  ms?: number;
}

export interface InsertOptions {
  /** The team's wording (settings.scaffolds); built-in wording where it has none. */
  overrides?: ScaffoldOverrides;
  /** A caret saved before focus left the body (the in-page picker); used when still in the body. */
  caret?: Range | null;
}

// Elements that end a line in the body. Gmail writes a <div> per line; pasted mail brings
// paragraphs, lists and tables.
const BLOCKS = new Set([
  'DIV', 'P', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'TABLE', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'HR',
]);
const BLANK_LINE = '<div><br></div>';

function isBlock(node: Node): boolean {
  return node.nodeType === 1 && BLOCKS.has((node as Element).tagName);
}

/** Plain text of a fragment with each <br> and block edge as "\n" (no layout read). */
function linearText(node: Node, out: string[] = []): string[] {
  if (node.nodeType === 3) out.push((node as Text).data);
  else if (node.nodeType === 1 && (node as Element).tagName === 'BR') out.push('\n');
  else {
    const block = isBlock(node);
    if (block) out.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) linearText(child, out);
    if (block) out.push('\n');
  }
  return out;
}

function textOfRange(range: Range): string {
  return linearText(range.cloneContents()).join('');
}

/** The caret, when it is in the body's own text (above its history and signature). */
function caretInBody(body: HTMLElement, candidate: Range | null | undefined): Range | null {
  if (!candidate) return null;
  // Typing over a selection replaces it; a scaffold must not, so it goes after the selection.
  // Collapsed first: a select-all, or a drag into the quote, starts in the writer's text but
  // ends in the history, which is where the scaffold would go.
  const caret = candidate.cloneRange();
  caret.collapse(false);
  const container = caret.startContainer;
  if (!body.contains(container)) return null;
  const element = container.nodeType === 1 ? (container as Element) : container.parentElement;
  if (!element || (element !== body && isBodyHistory(element))) return null;
  // At or after the history's start (between two of the body's children, say) the editor may
  // put the scaffold at the start of the quote: the default spot is above it.
  const history = firstHistory(body);
  if (history) {
    const start = body.ownerDocument.createRange();
    start.setStartBefore(history);
    if (caret.compareBoundaryPoints(Range.START_TO_START, start) >= 0) return null;
  }
  // In quoted lines of the writer's own (a scaffold's questions, an indent) the scaffold's slots
  // would read as quoted text that no check flags: it goes on the line after the quote.
  let quote: Element | null = null;
  for (let node: Element | null = element; node && node !== body; node = node.parentElement) {
    if (node.tagName === 'BLOCKQUOTE') quote = node;
  }
  if (quote) {
    caret.setStartAfter(quote);
    caret.collapse(true);
  }
  return caret;
}

/** The outermost element of the quoted history or the signature that comes first in the body. */
function firstHistory(body: HTMLElement): Element | null {
  const all = body.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (isBodyHistory(all[i]!)) return all[i]!;
  return null;
}

/** The first child of the body that is (or holds) the quoted history or the signature. */
function historyStart(body: HTMLElement): ChildNode | null {
  for (let child = body.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (isBodyHistory(element)) return child;
    if (Array.from(element.getElementsByTagName('*')).some(isBodyHistory)) return child;
  }
  return null;
}

interface Spot {
  caret: Range;
  where: InsertResult['where'];
  /** The body's text above the spot starts with a greeting. */
  greeted: boolean;
}

/** Where a scaffold goes when the caret is not in the body: after the greeting, else at the top. */
function defaultSpot(body: HTMLElement): Spot | null {
  const doc = body.ownerDocument;
  const end = historyStart(body);
  const own = doc.createRange();
  own.setStart(body, 0);
  if (end) own.setEndBefore(end);
  else own.setEnd(body, body.childNodes.length);
  const lines = textOfRange(own).split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const caret = doc.createRange();
  if (first >= 0 && isGreetingLine(lines[first]!)) {
    const greetingEnd = endOfLine(body, first, end);
    if (greetingEnd) return { caret: greetingEnd, where: 'after-greeting', greeted: true };
  }
  // With nothing at all above the history, the editor would put the scaffold inside the
  // quote (or signature) it starts at: the writer must say where instead.
  if (end && lines.every((line) => line.trim() === '') && !hasLineBefore(body, end)) return null;
  caret.setStart(body, 0);
  caret.collapse(true);
  return { caret, where: 'top', greeted: false };
}

/** Whether anything (an empty line counts) comes before `node` among the body's children. */
function hasLineBefore(body: HTMLElement, node: ChildNode): boolean {
  for (let child = body.firstChild; child && child !== node; child = child.nextSibling) {
    if (child.nodeType === 1 || (child.nodeType === 3 && (child as Text).data.trim() !== '')) return true;
  }
  return false;
}

/**
 * A collapsed range at the end of the text of line `index` (counted as linearText counts),
 * found by walking the text nodes; null when the walk finds no such line.
 */
function endOfLine(body: HTMLElement, index: number, stop: ChildNode | null): Range | null {
  const doc = body.ownerDocument;
  let line = 0;
  let last: { node: Text; offset: number } | null = null;
  const visit = (node: Node): boolean => {
    if (node === stop) return true;
    if (node.nodeType === 3) {
      const text = node as Text;
      if (line === index && text.data.trim() !== '') last = { node: text, offset: text.data.replace(/\s+$/, '').length };
      return false;
    }
    if (node.nodeType === 1 && (node as Element).tagName === 'BR') {
      line += 1;
      return line > index;
    }
    const block = isBlock(node);
    if (block) line += 1;
    if (line > index && last) return true;
    for (let child = node.firstChild; child; child = child.nextSibling) if (visit(child)) return true;
    if (block) line += 1;
    return line > index && last !== null;
  };
  for (let child = body.firstChild; child; child = child.nextSibling) if (visit(child)) break;
  const found = last as { node: Text; offset: number } | null;
  if (!found) return null;
  const range = doc.createRange();
  range.setStart(found.node, found.offset);
  range.collapse(true);
  return range;
}

/**
 * The body's text (as linearText reads it) before and after a caret, each up to the body's
 * edge: the caret is found while walking, so a block it sits in is not closed early the way
 * a cloned range closes it.
 */
function textAroundCaret(body: HTMLElement, caret: Range): { before: string; after: string } {
  const parts: string[] = [];
  let split = -1;
  const mark = () => {
    if (split < 0) split = parts.join('').length;
  };
  const visit = (node: Node): void => {
    if (node === caret.startContainer && node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(data.slice(0, caret.startOffset));
      mark();
      parts.push(data.slice(caret.startOffset));
      return;
    }
    if (node.nodeType === 3) {
      parts.push((node as Text).data);
      return;
    }
    if (node.nodeType === 1 && (node as Element).tagName === 'BR') {
      parts.push('\n');
      return;
    }
    const block = isBlock(node);
    if (block) parts.push('\n');
    let index = 0;
    for (let child = node.firstChild; child; child = child.nextSibling, index++) {
      if (node === caret.startContainer && index === caret.startOffset) mark();
      visit(child);
    }
    if (node === caret.startContainer && index === caret.startOffset) mark();
    if (block) parts.push('\n');
  };
  let index = 0;
  for (let child = body.firstChild; child; child = child.nextSibling, index++) {
    if (body === caret.startContainer && index === caret.startOffset) mark();
    visit(child);
  }
  const text = parts.join('');
  const at = split < 0 ? text.length : split;
  return { before: text.slice(0, at), after: text.slice(at) };
}

/** Whether the body's own text before the caret opens with a greeting. */
function greetedBefore(before: string): boolean {
  const first = before.split('\n').find((line) => line.trim() !== '');
  return first !== undefined && isGreetingLine(first);
}

/** Text on the caret's line before it: the scaffold then starts on a fresh line. */
function textBeforeOnLine(before: string): boolean {
  return before.slice(before.lastIndexOf('\n') + 1).trim() !== '';
}

// Gmail's page enforces Trusted Types for its own scripts. A content script's isolated world
// is not bound by it in current Chrome and Firefox; if a browser ever applies it there, the
// HTML (escaped and built by lib/scaffolds, no markup from email text) goes through a policy.
let policy: { createHTML(html: string): unknown } | null | undefined;
function trustedHtml(view: Window, html: string): unknown {
  if (policy === undefined) {
    const factory = (view as unknown as { trustedTypes?: { createPolicy(name: string, rules: object): { createHTML(html: string): unknown } } })
      .trustedTypes;
    try {
      policy = factory ? factory.createPolicy('step-ahead-scaffold', { createHTML: (s: string) => s }) : null;
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createHTML(html) : html;
}

function execInsert(doc: Document, html: string): boolean {
  try {
    return doc.execCommand('insertHTML', false, html);
  } catch (error) {
    const view = doc.defaultView;
    if (!(error instanceof TypeError) || !view) throw error;
    return doc.execCommand('insertHTML', false, trustedHtml(view, html) as string);
  }
}

function bodyOf(handle: ComposeHandle): HTMLElement | null {
  return handle.body.isConnected ? handle.body : null;
}

/**
 * Inserts scaffold `scaffoldId` into the compose, its variables filled from `facts`. Never
 * throws for a missing or redrawn compose: the result says what happened.
 */
export function insertScaffold(
  handle: ComposeHandle,
  scaffoldId: ScaffoldId,
  facts: ScaffoldFacts,
  options: InsertOptions = {},
): InsertResult {
  const started = performance.now();
  const body = bodyOf(handle);
  if (!body) return { inserted: false, reason: 'The draft is no longer open.', placeholders: [] };
  const doc = body.ownerDocument;
  const selection = doc.getSelection();
  const current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const atCaret = caretInBody(body, options.caret) ?? caretInBody(body, current);
  const spot: Spot | null = atCaret
    ? { caret: atCaret, where: 'caret', greeted: greetedBefore(textAroundCaret(body, atCaret).before) }
    : defaultSpot(body);
  if (!spot) {
    return { inserted: false, reason: 'Click in the draft where the scaffold should go, then insert it.', placeholders: [] };
  }

  const rendered = buildScaffold(scaffoldId, facts, options.overrides, { dropGreeting: spot.greeted });
  const lead = textBeforeOnLine(textAroundCaret(body, spot.caret).before) ? BLANK_LINE : '';
  const html = `${lead}${rendered.html}${BLANK_LINE}`;

  // The editing command acts on the focused editable's selection.
  if (!selectRange(doc, spot.caret, { focus: body })) {
    return { inserted: false, reason: 'The browser gave no selection to insert at.', placeholders: [] };
  }
  const before = body.innerHTML;
  const ok = execInsert(doc, html);
  if (!ok || body.innerHTML === before) {
    return { inserted: false, reason: 'The browser refused to edit the draft.', placeholders: [] };
  }
  return {
    inserted: true,
    where: spot.where,
    placeholders: rendered.placeholders,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
