import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PanelSnapshot, ThreadRecord } from '../lib/schemas/panel.ts';
import type { SendRecord } from '../lib/schemas/send.ts';
import type { Reminder } from '../lib/schemas/reminder.ts';
import type { SnoozePreset } from '../lib/reminders/snooze.ts';

// The one message protocol of the extension. @webext-core/messaging types both ends; it does
// not check what arrives, so every handler parses its `data` with the Zod schema named in the
// comment before trusting it (lib/schemas/panel.ts).
//
//   Gmail tab (content)   ──reportComposeState / getThreadRecord / openSidePanel──▶ background
//   side panel            ──getPanelState / setQuestionMark / setThreadFlag────────▶ background
//   background            ──threadRecordChanged (tabs.sendMessage)────────────────▶ Gmail tabs
//   background            ──panelStateChanged (runtime broadcast)─────────────────▶ side panel
//
// A thread key is the Gmail thread id, or `draft:<id>` / `compose:<id>` for a new message
// that has no thread yet; marks and flags are kept under it.

export interface ProtocolMap {
  /** The tab's active compose changed (null: no compose open). Data: panelSnapshotSchema | null. */
  reportComposeState(data: { snapshot: PanelSnapshot | null }): void;
  /** Marks and flags kept for a thread. Data: { threadId: string }. */
  getThreadRecord(data: { threadId: string }): ThreadRecord | null;
  /** From a click in the in-compose status: open the side panel for the sender's tab. */
  openSidePanel(): { opened: boolean };

  /** The snapshot of the active Gmail tab, or of the Gmail tab that reported last. */
  getPanelState(): PanelSnapshot | null;
  /** mark null clears it. */
  setQuestionMark(data: { threadId: string; questionId: string; mark: 'answered' | 'not-applicable' | null }): ThreadRecord;
  setThreadFlag(data: { threadId: string; flag: 'resolved' | 'waitingOnCustomer'; value: boolean }): ThreadRecord;

  /** To Gmail tabs: a thread's marks or flags changed; re-check composes on that thread. */
  threadRecordChanged(data: ThreadRecord): void;
  /** To the side panel: what it shows changed. */
  panelStateChanged(data: PanelSnapshot | null): void;

  /**
   * Gmail tab → background, fire-and-forget, after a reply left through Send (issue 6).
   * The background logs it (sendLog) and keeps the thread's promise as a reminder (issue 7).
   * Data: sendRecordSchema (lib/schemas/send.ts).
   */
  recordSend(data: SendRecord): void;

  /**
   * Side panel / popup → background → the Gmail tab: insert a scaffold into the active compose
   * (issue 5). With threadId, into a compose on that thread (the popup's "send a new ETA").
   */
  insertScaffold(data: { scaffoldId: string; threadId?: string }): {
    inserted: boolean;
    reason?: string;
    /** The `[[…]]` slots the scaffold left for the writer (issue 5). */
    placeholders?: string[];
    /** Milliseconds the insertion took in the page. */
    ms?: number;
  };
  /**
   * Side panel → background → the Gmail tab (issue 5): select the next (or previous) `[[…]]`
   * slot in the active compose, Tab-like. Data: selectPlaceholderRequestSchema (lib/scaffolds/messages.ts).
   */
  selectPlaceholder(data: { direction: 'next' | 'previous'; threadId?: string }): {
    selected: string | null;
    remaining: string[];
    reason?: string;
  };
  /** Background → the Gmail tab, from the keyboard command: open the quick scaffold picker. */
  openScaffoldPicker(): { opened: boolean };

  // Reminders (issue 7). The popup reads reminders from IndexedDB directly (same origin as
  // the background, live queries); every change goes through the background, which owns the
  // alarm, the notifications and the badge. Data is parsed in entrypoints/background/setup-reminders.ts.

  /** Side panel "remind me": the thread's reminder at dueAt (epoch ms); replaces an older one. */
  createReminder(data: {
    threadId: string;
    subject: string;
    customer: { name: string; email: string } | null;
    dueAt: number;
    etaText: string | null;
    sentence: string | null;
  }): Reminder;
  /** Moves a reminder to a new promise time (epoch ms). Null when it no longer exists. */
  editReminder(data: { id: string; dueAt: number }): Reminder | null;
  /** Snoozes to a preset, or `until` a chosen instant (epoch ms). */
  snoozeReminder(data: { id: string; preset?: SnoozePreset; until?: number }): Reminder | null;
  /** Done: the reminder goes. */
  completeReminder(data: { id: string }): { removed: boolean };
  /**
   * Opens the thread in Gmail (an open Gmail tab is reused). With scaffoldId (the popup's
   * "send a new ETA": `missed-eta`), the background then asks that tab to insert the
   * scaffold with `insertScaffold`, since the popup closes as soon as Gmail takes focus.
   */
  openThread(data: { threadId: string; scaffoldId?: string }): { opened: boolean };
  /** All data as the export file (lib/schemas/export.ts). */
  exportData(): unknown;
  /** Replaces all data with an export file's text, or refuses it whole with the reason. */
  importData(data: { text: string }): { ok: true; reminders: number; threads: number } | { ok: false; error: string };
  /** Deletes every stored thread record, reminder and send-log row; the settings stay. */
  clearData(): { ok: true } | { ok: false; error: string };
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
