import { browser } from 'wxt/browser';
import { z } from 'zod';
import { markSchema, type ThreadRecord } from '../../lib/schemas/panel.ts';
import { onMessage, sendMessage } from '../../utils/messaging.ts';
import { readThreadRecord, updateThreadRecord, type StepAheadDb } from './db.ts';
import { GMAIL_TABS, gmailTabOf, isExtensionPage, isGmailUrl, logRefused, type SenderInfo } from './senders.ts';

// The user's marks on a thread's questions and its flags, kept in Dexie. Gmail tabs read
// them to check a draft; the side panel (or the in-page panel a Gmail tab shows where the
// side panel cannot open) changes them; every Gmail tab then hears about the change, since
// the same thread may be open in two of them.

const threadId = z.string().min(1).max(200);
const getSchema = z.object({ threadId });
const markChangeSchema = z.object({
  threadId,
  questionId: z.string().min(1).max(64),
  mark: z.nullable(markSchema),
});
const flagChangeSchema = z.object({
  threadId,
  flag: z.enum(['resolved', 'waitingOnCustomer']),
  value: z.boolean(),
});

/** Changes come from our pages, or from a Gmail tab's own fallback panel. */
function mayChange(sender: SenderInfo | undefined): boolean {
  return isExtensionPage(sender) || gmailTabOf(sender) !== null;
}

/** Tells every Gmail tab; a tab without our content script (still loading, discarded) just misses it. */
export async function notifyGmailTabs(record: ThreadRecord): Promise<void> {
  let tabs: Array<{ id?: number; url?: string }>;
  try {
    tabs = await browser.tabs.query({ url: GMAIL_TABS });
  } catch (error) {
    console.warn('[step-ahead] could not list Gmail tabs', error);
    return;
  }
  await Promise.all(
    tabs
      .filter((tab) => typeof tab.id === 'number' && isGmailUrl(tab.url))
      .map((tab) => sendMessage('threadRecordChanged', record, tab.id!).catch(() => undefined)),
  );
}

export function setupThreadRecords(db: StepAheadDb): () => void {
  const removers = [
    onMessage('getThreadRecord', async ({ data, sender }) => {
      if (gmailTabOf(sender) === null && !isExtensionPage(sender)) {
        logRefused('getThreadRecord', 'not from a Gmail tab or an extension page', sender?.url);
        return null;
      }
      const parsed = getSchema.safeParse(data);
      if (!parsed.success) {
        logRefused('getThreadRecord', 'malformed request', parsed.error.issues.slice(0, 3));
        return null;
      }
      return readThreadRecord(db, parsed.data.threadId);
    }),

    onMessage('setQuestionMark', async ({ data, sender }) => {
      if (!mayChange(sender)) throw refused('setQuestionMark', 'not from an extension page or a Gmail tab', sender?.url);
      const parsed = markChangeSchema.safeParse(data);
      if (!parsed.success) throw refused('setQuestionMark', 'malformed request', parsed.error.issues.slice(0, 3));
      const { threadId, questionId, mark } = parsed.data;
      const record = await updateThreadRecord(db, threadId, (current) => {
        const marks = { ...current.marks };
        if (mark === null) delete marks[questionId];
        else marks[questionId] = mark;
        return { ...current, marks };
      });
      void notifyGmailTabs(record);
      return record;
    }),

    onMessage('setThreadFlag', async ({ data, sender }) => {
      if (!mayChange(sender)) throw refused('setThreadFlag', 'not from an extension page or a Gmail tab', sender?.url);
      const parsed = flagChangeSchema.safeParse(data);
      if (!parsed.success) throw refused('setThreadFlag', 'malformed request', parsed.error.issues.slice(0, 3));
      const { threadId, flag, value } = parsed.data;
      const record = await updateThreadRecord(db, threadId, (current) => ({
        ...current,
        flags: { ...current.flags, [flag]: value },
      }));
      void notifyGmailTabs(record);
      return record;
    }),
  ];
  return () => removers.forEach((remove) => remove());
}

/** The error the sender's sendMessage rejects with; the background itself carries on. */
function refused(type: string, reason: string, detail: unknown): Error {
  logRefused(type, reason, detail);
  return new Error(`Step Ahead refused ${type}: ${reason}`);
}
