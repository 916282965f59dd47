import { scaffoldFactsOf } from '../../lib/scaffolds/facts.ts';
import { scaffoldIdSchema } from '../../lib/scaffolds/schema.ts';
import { readAccountName, type ComposeHandle } from './adapter.ts';
import { insertScaffold } from './insert-scaffold.ts';
import type { SendCheck } from './send-check.ts';

// The pre-send checklist's "Insert next steps" (and the like): the scaffolds feature's own
// insertion (insert-scaffold.ts, issue 5), with its variables filled from the check made at
// Send, so the scaffold and the checklist agree on the customer, questions and ETAs.

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
  return insertScaffold(handle, id.data, facts, { overrides: check.settings.scaffolds }).inserted;
}
