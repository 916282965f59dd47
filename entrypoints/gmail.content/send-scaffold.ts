import { scaffoldFactsOf } from '../../lib/scaffolds/facts.ts';
import { scaffoldIdSchema } from '../../lib/scaffolds/schema.ts';
import { readAccountName, type ComposeHandle } from './adapter.ts';
import { insertScaffold } from './insert-scaffold.ts';
import type { SendCheck } from './send-check.ts';

// The pre-send checklist's "Insert next steps" (and the like): the scaffolds feature's own
// insertion (insert-scaffold.ts, issue 5), with its variables filled from the check made at
// Send, so the scaffold and the checklist agree on the customer, questions and ETAs. It goes
// where a scaffold goes by default, never at a stale caret.

/** Inserts scaffold `scaffoldId` into the compose; false when the id is unknown or nothing went in. */
export function insertScaffoldAtSend(doc: Document, handle: ComposeHandle, scaffoldId: string, check: SendCheck, now = new Date()): boolean {
  const id = scaffoldIdSchema.safeParse(scaffoldId);
  if (!id.success) return false;
  const facts = scaffoldFactsOf({
    snapshot: check.snapshot,
    settings: check.settings,
    now,
    myName: readAccountName(doc),
    subject: check.subject,
  });
  // Where the caret last was (often the end of the draft, from before Send) is not where the
  // writer asked for it: with no selection, insertScaffold takes its default spot (after the
  // greeting, else the top, above the quote). The selection comes back if nothing went in.
  const selection = doc.getSelection();
  const saved = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  selection?.removeAllRanges();
  const inserted = insertScaffold(handle, id.data, facts, { overrides: check.settings.scaffolds }).inserted;
  if (!inserted && saved && selection?.rangeCount === 0) selection.addRange(saved);
  return inserted;
}
