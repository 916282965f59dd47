import { createCheckSession } from './compose-checker.ts';
import { ensureRequestModel } from './request-model.ts';
import { setupScaffoldActions } from './scaffold-actions.ts';
import { createGmailLog } from './script-lifetime.ts';
import { createSendGuard } from './send-guard.ts';
import { insertScaffoldAtSend } from './send-scaffold.ts';
import { watchComposes } from './watch-composes.ts';

// Step Ahead in Gmail: a status in every compose, kept current as the user types. Only
// wiring here; nothing runs at import (WXT imports this file in Node at build time).
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const log = createGmailLog();
    try {
      const ready = ensureRequestModel().catch((error: unknown) => log(error, 'Step Ahead (question model)'));
      const session = createCheckSession({ doc: document, lifetime: ctx, log, ready });
      const watcher = watchComposes({
        doc: document,
        lifetime: ctx,
        log,
        onAdded: session.attach,
        onRemoved: session.detach,
        onScanned: session.scanned,
      });
      watcher.scan();
      // Scaffolds (issue 5): side panel buttons, keyboard commands and the quick picker.
      setupScaffoldActions({ doc: document, session, lifetime: ctx, log });
      // The pre-send checklist (issue 6): every way of sending is checked first.
      createSendGuard({
        doc: document,
        lifetime: ctx,
        log,
        composes: watcher.composes,
        checkNow: session.checkNow,
        insertScaffold: (handle, scaffoldId, check) => insertScaffoldAtSend(document, handle, scaffoldId, check),
      });
    } catch (error) {
      // Whatever broke, Gmail must keep working.
      log(error, 'Step Ahead (start)');
    }
  },
});
