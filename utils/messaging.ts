import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PanelSnapshot, ThreadRecord } from '../lib/schemas/panel.ts';
import type { SendRecord } from '../lib/schemas/send.ts';

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
  insertScaffold(data: { scaffoldId: string; threadId?: string }): { inserted: boolean; reason?: string };
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
