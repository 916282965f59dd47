import { browser } from 'wxt/browser';
import {
  insertScaffoldReplySchema,
  insertScaffoldRequestSchema,
  selectPlaceholderReplySchema,
  selectPlaceholderRequestSchema,
  type InsertScaffoldReply,
  type InsertScaffoldRequest,
  type SelectPlaceholderReply,
} from '../../lib/scaffolds/messages.ts';
import { onMessage, sendMessage } from '../../utils/messaging.ts';
import { GMAIL_ORIGIN, GMAIL_TABS, isExtensionPage, isGmailUrl, logRefused } from './senders.ts';

// Scaffolds from the side panel, the popup and the keyboard reach the Gmail tab through here
// (issue 5). The tab is the active tab of the focused window when that is Gmail, else the
// Gmail tab used last (the side panel opened as a tab, or beside another site). With a
// thread id, the tab whose compose is on that thread; when no tab has one, the thread is
// opened in a Gmail tab (an open one is reused) and the writer is told to click Reply.

/** Keyboard commands (wxt.config.ts `commands`). */
export const SCAFFOLD_COMMANDS = {
  picker: 'open-scaffold-picker',
  fullReply: 'insert-full-reply',
  nextPlaceholder: 'next-placeholder',
} as const;

interface TabInfo {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

const NO_GMAIL = 'Open Gmail and a reply first: no Gmail tab to insert into.';
const NOT_ANSWERING = 'The Gmail tab did not answer: reload it and try again.';

async function gmailTabs(): Promise<TabInfo[]> {
  const tabs = (await browser.tabs.query({ url: GMAIL_TABS })) as TabInfo[];
  return tabs.filter((t) => typeof t.id === 'number' && isGmailUrl(t.url));
}

/** Gmail tabs, the one the user is most likely looking at first. */
async function candidateTabs(): Promise<TabInfo[]> {
  const [active] = (await browser.tabs.query({ active: true, lastFocusedWindow: true })) as TabInfo[];
  const tabs = await gmailTabs();
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  if (active && typeof active.id === 'number' && isGmailUrl(active.url)) {
    return [active, ...tabs.filter((t) => t.id !== active.id)];
  }
  return tabs;
}

/**
 * Gmail's address for a thread id as the extension keeps it: `thread-f:<decimal>` is the
 * legacy hexadecimal id Gmail's URLs use (`#all/19aa0a79a530f6a1`); a bare hex id is used as
 * it is. Null for ids of drafts and new messages, which have no thread page.
 */
export function threadHash(threadId: string): string | null {
  const perm = /^thread-[a-z]:(\d{1,20})$/.exec(threadId);
  if (perm) return `#all/${BigInt(perm[1]!).toString(16)}`;
  if (/^[0-9a-f]{12,20}$/i.test(threadId)) return `#all/${threadId.toLowerCase()}`;
  return null;
}

async function openThread(threadId: string): Promise<boolean> {
  const hash = threadHash(threadId);
  if (!hash) return false;
  const [tab] = await candidateTabs();
  if (tab?.id !== undefined && tab.url) {
    const url = new URL(tab.url);
    await browser.tabs.update(tab.id, { url: `${url.origin}${url.pathname}${hash}`, active: true });
  } else {
    await browser.tabs.create({ url: `${GMAIL_ORIGIN}/mail/u/0/${hash}` });
  }
  return true;
}

async function askTab(tabId: number, request: InsertScaffoldRequest): Promise<InsertScaffoldReply | null> {
  try {
    const parsed = insertScaffoldReplySchema.safeParse(await sendMessage('insertScaffold', request, tabId));
    return parsed.success ? parsed.data : null;
  } catch {
    // Not loaded yet, discarded, or an old content script after an update.
    return null;
  }
}

export async function routeInsertScaffold(data: unknown): Promise<InsertScaffoldReply> {
  const parsed = insertScaffoldRequestSchema.safeParse(data);
  if (!parsed.success) return { inserted: false, reason: 'Unknown scaffold.' };
  const request = parsed.data;
  const tabs = await candidateTabs();
  if (!request.threadId) {
    const tab = tabs[0];
    if (tab?.id === undefined) return { inserted: false, reason: NO_GMAIL };
    return (await askTab(tab.id, request)) ?? { inserted: false, reason: NOT_ANSWERING };
  }
  // Each tab answers for its own composes; the first that has one on the thread takes it.
  let last: InsertScaffoldReply | null = null;
  for (const tab of tabs) {
    const reply = await askTab(tab.id!, request);
    if (reply?.inserted) return reply;
    last = reply ?? last;
  }
  if (await openThread(request.threadId).catch(() => false)) {
    return { inserted: false, reason: 'The thread is open in Gmail now: click Reply, then insert the scaffold again.' };
  }
  return last ?? { inserted: false, reason: NO_GMAIL };
}

export async function routeSelectPlaceholder(data: unknown): Promise<SelectPlaceholderReply> {
  const parsed = selectPlaceholderRequestSchema.safeParse(data);
  if (!parsed.success) return { selected: null, remaining: [], reason: 'Malformed request.' };
  const [tab] = await candidateTabs();
  if (tab?.id === undefined) return { selected: null, remaining: [], reason: NO_GMAIL };
  try {
    const reply = selectPlaceholderReplySchema.safeParse(await sendMessage('selectPlaceholder', parsed.data, tab.id));
    return reply.success ? reply.data : { selected: null, remaining: [], reason: NOT_ANSWERING };
  } catch {
    return { selected: null, remaining: [], reason: NOT_ANSWERING };
  }
}

async function runCommand(command: string, tab: TabInfo | undefined): Promise<void> {
  const target = tab?.id !== undefined && isGmailUrl(tab.url) ? tab : (await candidateTabs())[0];
  if (target?.id === undefined) return;
  if (command === SCAFFOLD_COMMANDS.picker) await sendMessage('openScaffoldPicker', undefined, target.id);
  else if (command === SCAFFOLD_COMMANDS.fullReply) await sendMessage('insertScaffold', { scaffoldId: 'full-reply' }, target.id);
  else if (command === SCAFFOLD_COMMANDS.nextPlaceholder) {
    await sendMessage('selectPlaceholder', { direction: 'next' }, target.id);
  }
}

export function setupScaffoldRelay(): () => void {
  const stops = [
    onMessage('insertScaffold', ({ data, sender }) => {
      if (!isExtensionPage(sender)) {
        logRefused('insertScaffold', 'not from an extension page', sender?.url);
        return { inserted: false, reason: 'Refused.' };
      }
      return routeInsertScaffold(data).catch((error: unknown) => {
        console.warn('[step-ahead] could not insert a scaffold', error);
        return { inserted: false, reason: 'Could not reach Gmail.' };
      });
    }),
    onMessage('selectPlaceholder', ({ data, sender }) => {
      if (!isExtensionPage(sender)) {
        logRefused('selectPlaceholder', 'not from an extension page', sender?.url);
        return { selected: null, remaining: [], reason: 'Refused.' };
      }
      return routeSelectPlaceholder(data).catch((error: unknown) => {
        console.warn('[step-ahead] could not move to a placeholder', error);
        return { selected: null, remaining: [], reason: 'Could not reach Gmail.' };
      });
    }),
  ];
  const commands = browser.commands?.onCommand;
  const onCommand = (command: string, tab?: TabInfo) => {
    runCommand(command, tab).catch((error: unknown) => console.warn(`[step-ahead] command ${command} failed`, error));
  };
  // A browser without the commands API (or a test double of one) costs the shortcuts only.
  let listening = false;
  try {
    commands?.addListener(onCommand);
    listening = commands !== undefined;
  } catch (error) {
    console.warn('[step-ahead] keyboard commands are unavailable', error);
  }
  return () => {
    for (const stop of stops) stop();
    if (listening) commands?.removeListener(onCommand);
  };
}
