import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setupCaseState } from './case-state.ts';
import { StepAheadDb } from './db.ts';
import { setupPanelRelay } from './panel-relay.ts';
import { setupReminders } from './setup-reminders.ts';
import { setupScaffoldRelay } from './scaffold-relay.ts';
import { setupSidePanelOpener } from './side-panel.ts';
import { setupThreadRecords } from './thread-records.ts';

// The background owns the database and routes messages (DESIGN.md §4): Gmail tabs report
// their compose, the side panel follows the active one, marks and flags live in Dexie.
// Every listener is registered synchronously in main(), as a service worker woken by a
// message must have its handlers in place before that message is dispatched.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Lets the options page greet a new user.
    if (reason === 'install') void browser.storage.local.set({ installedAt: Date.now() });
  });

  const db = new StepAheadDb();
  const panel = setupPanelRelay({ onReport: setupCaseState(db).record });
  setupThreadRecords(db);
  setupSidePanelOpener();
  setupReminders(db, { panelTabId: () => panel.current().tabId });
  setupScaffoldRelay();
});
