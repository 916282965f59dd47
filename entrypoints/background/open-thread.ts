import { browser } from 'wxt/browser';
import { gmailAccountOf } from '../../lib/reminders/gmail-account.ts';
import type { Reminder } from '../../lib/schemas/reminder.ts';
import { sendMessage } from '../../utils/messaging.ts';
import { GMAIL_TABS, isGmailUrl } from './senders.ts';

// Opens a thread in Gmail from a notification or the popup, in a Gmail tab that is already
// open when there is one (Gmail is heavy to load, and users keep one tab): the tab's own
// account path (/mail/u/1/) is kept and only the thread part of the address changes. When
// the reminder knows its account, only a tab of that account will do: a thread id means
// nothing in another account, so without one open the account's own address is opened.

const DEFAULT_BASE = 'https://mail.google.com/mail/u/0/';

/**
 * The id Gmail's addresses accept: a permanent id `thread-f:<decimal>` is the legacy thread
 * id written in decimal (InboxSDK notes; the fixtures carry both), and `#all/<legacy hex>`
 * opens a thread in any Gmail view.
 */
export function urlThreadId(threadId: string): string {
  const perm = /^thread-[fa]:(\d{1,20})$/.exec(threadId);
  if (perm) {
    try {
      return BigInt(perm[1]!).toString(16);
    } catch {
      return threadId;
    }
  }
  return threadId;
}

/**
 * Gmail's address part for a thread key (see utils/messaging.ts for the key forms). A new
 * message (`draft:` / `compose:`) has no thread id: unsent it is in Drafts; once sent
 * (`sent`) it has left Drafts, and Sent is where it is.
 */
export function threadHash(threadId: string, sent = false): string {
  if (threadId.startsWith('draft:') || threadId.startsWith('compose:')) return sent ? '#sent' : '#drafts';
  return `#all/${encodeURIComponent(urlThreadId(threadId))}`;
}

function accountBase(url: string): string {
  return gmailAccountOf(url) ?? DEFAULT_BASE;
}

function showsThread(url: string, threadId: string): boolean {
  if (!threadHash(threadId).startsWith('#all/')) return false;
  const hash = url.split('#')[1] ?? '';
  return hash.split('/').pop() === urlThreadId(threadId);
}

type Tab = { id?: number; url?: string; windowId?: number; active?: boolean };

function pickTab(tabs: Tab[], threadId: string, account: string | undefined): Tab | undefined {
  const gmail = tabs.filter((t) => typeof t.id === 'number' && isGmailUrl(t.url) && (!account || accountBase(t.url) === account));
  return gmail.find((t) => showsThread(t.url!, threadId)) ?? gmail.find((t) => t.active) ?? gmail[0];
}

/** What a reminder knows about where its thread is; both parts optional (a case from the popup has neither). */
export type ThreadPlace = Partial<Pick<Reminder, 'account' | 'source'>>;

/** Shows the thread; returns the tab id it is in, or null when no tab could be opened. */
export async function openThread(threadId: string, place: ThreadPlace = {}): Promise<number | null> {
  const hash = threadHash(threadId, place.source === 'send');
  try {
    const tabs = (await browser.tabs.query({ url: GMAIL_TABS })) as Tab[];
    const tab = pickTab(tabs, threadId, place.account);
    if (!tab) {
      const created = await browser.tabs.create({ url: `${place.account ?? DEFAULT_BASE}${hash}`, active: true });
      return created.id ?? null;
    }
    const alreadyThere = showsThread(tab.url!, threadId);
    await browser.tabs.update(tab.id!, alreadyThere ? { active: true } : { active: true, url: `${accountBase(tab.url!)}${hash}` });
    if (typeof tab.windowId === 'number') await browser.windows?.update(tab.windowId, { focused: true }).catch(() => undefined);
    return tab.id!;
  } catch (error) {
    console.warn('[step-ahead] could not open the thread in Gmail', error);
    return null;
  }
}

const INSERT_TRIES = 16;
const INSERT_INTERVAL_MS = 500;

/**
 * Asks the Gmail tab to put a scaffold into a reply on the thread ("send a new ETA"). The tab
 * is still showing the thread when this starts, so a few tries are made while it settles;
 * the first answer that inserted, or the last reason, is returned.
 */
export async function insertScaffoldInTab(
  tabId: number,
  threadId: string,
  scaffoldId: string,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<{ inserted: boolean; reason?: string }> {
  let last: { inserted: boolean; reason?: string } = { inserted: false, reason: 'the Gmail tab did not answer' };
  for (let i = 0; i < INSERT_TRIES; i++) {
    try {
      const answer = await sendMessage('insertScaffold', { scaffoldId, threadId }, tabId);
      if (answer?.inserted) return answer;
      if (answer) last = answer;
    } catch {
      // The content script is not listening yet (the tab is still loading).
    }
    await wait(INSERT_INTERVAL_MS);
  }
  return last;
}
