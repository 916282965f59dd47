import { isRedColour } from '../../lib/detect/colour.ts';
import { locateText } from '../../lib/presend/locate-text.ts';
import type { FixAction } from '../../lib/presend/modal-model.ts';
import { findMessageBodies, isInBodyQuote, type ComposeHandle } from './adapter.ts';
import { selectRange } from './selection.ts';

// The pre-send checklist's fix actions, carried out in Gmail's page after the writer clicks
// one (never on their own). Each returns whether it did something; a fix that finds nothing
// leaves the draft as it was and the writer back in it.

export interface FixContext {
  doc: Document;
  handle: ComposeHandle;
  /** Inserts a scaffold into this compose (the scaffolds feature, issue 5); true when it did. */
  insertScaffold?: (handle: ComposeHandle, scaffoldId: string) => boolean;
}

function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * Selects `text` under root and brings it into view; false when it is not there. With
 * `caretAfter` it puts a caret just after the text instead of selecting it.
 */
export function selectTextIn(root: HTMLElement, text: string, caretAfter = false): boolean {
  const nodes = textNodes(root);
  const found = locateText(
    nodes.map((node) => node.data),
    text,
  );
  if (!found) return false;
  const doc = root.ownerDocument;
  const range = doc.createRange();
  range.setStart(nodes[found.start.chunk]!, found.start.offset);
  range.setEnd(nodes[found.end.chunk]!, found.end.offset);
  if (caretAfter) range.collapse(false);
  selectRange(doc, range, {
    focus: root.isContentEditable ? root : null,
    reveal: nodes[found.start.chunk]!.parentElement,
    block: 'center',
  });
  return true;
}

/**
 * The customer's question: selected in the thread's messages, newest first, where a selection
 * is harmless. Only when it is not there, in the reply's quoted copy: a caret after it (ready
 * for an inline answer), never a selection, which the writer's next keystroke would delete.
 */
function showQuestion(context: FixContext, text: string): boolean {
  const { body } = context.handle;
  for (const message of findMessageBodies(context.doc).reverse()) {
    if (message.isContentEditable || body.contains(message) || message.contains(body)) continue;
    if (selectTextIn(message, text)) return true;
  }
  return selectTextIn(body, text, true);
}

// Elements that can colour text in a draft: <font color> and inline styles. Plain HTML, not
// Gmail's markup; pasted mail may write its styles in capitals.
const COLOURED = 'font[color], [style*="color" i]';

/** Takes the red colour off what the writer wrote (the quoted history is left alone). */
export function removeRedColour(body: HTMLElement): boolean {
  let changed = false;
  for (const element of Array.from(body.querySelectorAll<HTMLElement>(COLOURED))) {
    if (isInBodyQuote(element)) continue;
    const attribute = element.getAttribute('color');
    if (attribute !== null && isRedColour(attribute)) {
      element.removeAttribute('color');
      changed = true;
    }
    const styled = element.style?.getPropertyValue('color');
    if (styled && isRedColour(styled)) {
      element.style.removeProperty('color');
      if (element.getAttribute('style')?.trim() === '') element.removeAttribute('style');
      changed = true;
    }
  }
  if (changed) {
    // Gmail saves the draft, and the status re-checks, on input.
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return changed;
}

export function applyFix(fix: FixAction, context: FixContext): boolean {
  switch (fix.kind) {
    case 'show-question':
      return showQuestion(context, fix.text);
    case 'select-text':
      return selectTextIn(context.handle.body, fix.text);
    case 'remove-red':
      return removeRedColour(context.handle.body);
    case 'insert-scaffold':
      return context.insertScaffold ? context.insertScaffold(context.handle, fix.scaffoldId) : false;
  }
}
