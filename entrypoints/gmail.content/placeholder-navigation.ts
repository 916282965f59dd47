import { findPlaceholders } from '../../lib/detect/placeholders.ts';
import { isBodyHistory, type ComposeHandle } from './adapter.ts';
import { selectRange } from './selection.ts';

// Tab-like travel through the `[[…]]` slots a scaffold left: selects the next (or previous)
// one after the caret, wrapping round, so the writer types straight over it. Only the
// body's own text counts; the quoted history and the signature are someone else's words.

export interface PlaceholderSpot {
  node: Text;
  start: number;
  end: number;
  text: string;
}

export interface PlaceholderStep {
  /** The slot now selected, or null when the draft has none left. */
  selected: string | null;
  /** Every slot left in the draft, in order. */
  remaining: string[];
}

/** The slots in the body's own text, in document order. A slot split across nodes by editing is not found. */
export function placeholdersIn(body: HTMLElement): PlaceholderSpot[] {
  const spots: PlaceholderSpot[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || (parent !== body && isBodyHistory(parent))) continue;
    if (!node.data.includes('[')) continue;
    for (const slot of findPlaceholders(node.data)) {
      // Only the scaffolds' own form: the writer's "[Name]" or "XXX" are the rule's business.
      if (!slot.text.startsWith('[[')) continue;
      spots.push({ node, start: slot.start, end: slot.end, text: slot.text });
    }
  }
  return spots;
}

/** -1, 0 or 1: where a spot's start lies relative to a boundary point. */
function compareSpot(spot: PlaceholderSpot, container: Node, offset: number): number {
  const range = spot.node.ownerDocument.createRange();
  range.setStart(spot.node, spot.start);
  range.collapse(true);
  return range.comparePoint(container, offset) * -1;
}

export function selectPlaceholder(handle: ComposeHandle, direction: 'next' | 'previous'): PlaceholderStep {
  const body = handle.body;
  if (!body.isConnected) return { selected: null, remaining: [] };
  const spots = placeholdersIn(body);
  const remaining = spots.map((s) => s.text);
  if (spots.length === 0) return { selected: null, remaining };
  const doc = body.ownerDocument;
  const selection = doc.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const inBody = range !== null && body.contains(range.startContainer);
  let target: PlaceholderSpot;
  if (!inBody) {
    target = direction === 'next' ? spots[0]! : spots[spots.length - 1]!;
  } else if (direction === 'next') {
    // After the selection's end, so a selected slot moves on to the one after it.
    target = spots.find((s) => compareSpot(s, range.endContainer, range.endOffset) >= 0) ?? spots[0]!;
  } else {
    const before = spots.filter((s) => compareSpot(s, range.startContainer, range.startOffset) < 0);
    target = before[before.length - 1] ?? spots[spots.length - 1]!;
  }
  const pick = doc.createRange();
  pick.setStart(target.node, target.start);
  pick.setEnd(target.node, target.end);
  selectRange(doc, pick, { focus: body, reveal: target.node.parentElement, block: 'nearest' });
  return { selected: target.text, remaining };
}
