// Setting the selection in Gmail's page (the draft, or a message in the thread) the one way
// that keeps it: focus the editable first, since focusing an editable body afterwards moves
// the caret and would drop the selection.

export interface SelectOptions {
  /** The editable to focus before selecting; null or absent for text that is not editable. */
  focus?: HTMLElement | null;
  /** Brought into view once selected. */
  reveal?: Element | null;
  block?: ScrollLogicalPosition;
}

/** Makes `range` the page's selection; false when the browser gives no selection to set. */
export function selectRange(doc: Document, range: Range, options: SelectOptions = {}): boolean {
  const { focus } = options;
  if (focus && doc.activeElement !== focus) focus.focus({ preventScroll: true });
  const selection = doc.getSelection();
  if (!selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  options.reveal?.scrollIntoView?.({ block: options.block ?? 'nearest' });
  return true;
}
