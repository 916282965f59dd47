import { browser } from 'wxt/browser';

// Who may talk to the background. Messages can only come from this extension's own contexts
// (runtime.onMessage never sees other extensions), but a content script runs inside a web
// page: it is the least trusted of them, so each handler says which senders it serves and
// refuses the rest.

export const GMAIL_ORIGIN = 'https://mail.google.com';
/** Match pattern for Gmail tabs; host permission for it is what makes their URLs visible. */
export const GMAIL_TABS = 'https://mail.google.com/*';

/** The part of runtime.MessageSender the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; windowId?: number };
}

export function isGmailUrl(url: unknown): url is string {
  return typeof url === 'string' && url.startsWith(`${GMAIL_ORIGIN}/`);
}

/** The tab id when the sender is our content script in a Gmail tab, else null. */
export function gmailTabOf(sender: SenderInfo | undefined): number | null {
  if (!sender || sender.id !== browser.runtime.id) return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0 || !isGmailUrl(sender.tab?.url)) return null;
  return tabId;
}

/** True for our own pages: the side panel, popup and options (in their frame or opened as a tab). */
export function isExtensionPage(sender: SenderInfo | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Logs a refused message once per message type and reason, so a misbehaving page cannot flood the console. */
const refusals = new Set<string>();
export function logRefused(type: string, reason: string, detail?: unknown): void {
  const key = `${type}:${reason}`;
  if (refusals.has(key)) return;
  refusals.add(key);
  console.warn(`[step-ahead] refused ${type}: ${reason}`, detail ?? '');
}
