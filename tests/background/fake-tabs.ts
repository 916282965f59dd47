import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

// fakeBrowser's tabs.query compares URLs for equality and has no notion of the last
// focused window, so the background's two queries are answered from a small tab table
// here; events are fired with fakeBrowser's own triggers.

export interface FakeTab {
  id: number;
  windowId: number;
  /** Undefined for a site the extension has no host permission for, as in Chrome. */
  url?: string;
  active: boolean;
}

export const world = { tabs: [] as FakeTab[], focusedWindow: 1 };

export const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz';

function matches(pattern: string, url: string | undefined): boolean {
  if (url === undefined) return false;
  return pattern.endsWith('*') ? url.startsWith(pattern.slice(0, -1)) : url === pattern;
}

export function installFakeTabs(tabs: FakeTab[], focusedWindow = 1): void {
  world.tabs = tabs;
  world.focusedWindow = focusedWindow;
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query: { url?: string | string[]; active?: boolean; lastFocusedWindow?: boolean }) => {
    return world.tabs
      .filter((t) => (query.active === undefined ? true : t.active === query.active))
      .filter((t) => (query.lastFocusedWindow ? t.windowId === world.focusedWindow : true))
      .filter((t) => (query.url === undefined ? true : [query.url].flat().some((p) => matches(p, t.url))))
      .map((t) => ({ ...t, index: 0, highlighted: t.active, incognito: false, pinned: false })) as never;
  });
}

/** Makes `tabId` the active tab of its window and fires tabs.onActivated. */
export async function activate(tabId: number): Promise<void> {
  const tab = world.tabs.find((t) => t.id === tabId)!;
  for (const t of world.tabs) if (t.windowId === tab.windowId) t.active = t.id === tabId;
  await fakeBrowser.tabs.onActivated.trigger({ tabId, windowId: tab.windowId });
}

export async function focusWindow(windowId: number): Promise<void> {
  world.focusedWindow = windowId;
  await fakeBrowser.windows.onFocusChanged.trigger(windowId);
}

export async function navigate(tabId: number, url: string | undefined): Promise<void> {
  const tab = world.tabs.find((t) => t.id === tabId)!;
  tab.url = url;
  // Chrome reports a navigation to a site without host permission as a load with no URL.
  const change = url === undefined ? { status: 'loading' } : { url, status: 'loading' };
  await fakeBrowser.tabs.onUpdated.trigger(tabId, change as never, { ...tab } as never);
}

export async function closeTab(tabId: number): Promise<void> {
  world.tabs = world.tabs.filter((t) => t.id !== tabId);
  await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
}

export const gmailSender = (tabId: number, url = GMAIL) => ({
  id: fakeBrowser.runtime.id,
  url,
  frameId: 0,
  tab: { id: tabId, url, windowId: world.tabs.find((t) => t.id === tabId)?.windowId ?? 1 },
});

export const panelSender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });
