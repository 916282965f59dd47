import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setupScaffoldRelay, threadHash } from '../../entrypoints/background/scaffold-relay.ts';
import { deliver, resetMessaging, sendMessage, sent } from '../background/fake-messaging.ts';
import { GMAIL, installFakeTabs, world } from '../background/fake-tabs.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('../background/fake-messaging.ts'));

// The background routes scaffolds from the side panel to the right Gmail tab, and opens the
// thread when no tab has a compose on it.

const panelSender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });

// fakeBrowser has no commands API: the listener is caught here and called as Chrome would.
const commandListeners: Array<(command: string, tab?: unknown) => void> = [];
function pressCommand(command: string, tab: unknown): void {
  for (const listener of commandListeners) listener(command, tab);
}

let stop: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  resetMessaging();
  commandListeners.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => void commandListeners.push(listener as never));
  vi.spyOn(fakeBrowser.commands.onCommand, 'removeListener').mockImplementation(() => {});
  stop = setupScaffoldRelay();
});
afterEach(() => stop());

/** Tabs answer insertScaffold with `answers[tabId]`. */
function tabsAnswer(answers: Record<number, unknown>) {
  sendMessage.mockImplementation((async (type: string, data: unknown, tabId?: number) => {
    sent.push({ type: type as never, data, ...(tabId === undefined ? {} : { tabId }) });
    if (tabId === undefined) return undefined;
    if (!(tabId in answers)) throw new Error('No response');
    return answers[tabId];
  }) as never);
}

describe('insertScaffold', () => {
  it('goes to the active Gmail tab and returns its answer', async () => {
    installFakeTabs([
      { id: 3, windowId: 1, url: GMAIL, active: false },
      { id: 4, windowId: 1, url: GMAIL, active: true },
    ]);
    tabsAnswer({ 4: { inserted: true, placeholders: ['[[x]]'], ms: 3 } });
    const { res } = await deliver('insertScaffold', { scaffoldId: 'full-reply' }, panelSender());
    expect(res).toEqual({ inserted: true, placeholders: ['[[x]]'], ms: 3 });
    expect(sent.filter((m) => m.type === 'insertScaffold').map((m) => m.tabId)).toEqual([4]);
  });

  it('with the panel in a tab of its own, goes to the Gmail tab used last', async () => {
    installFakeTabs([
      { id: 3, windowId: 1, url: GMAIL, active: false },
      { id: 5, windowId: 1, url: GMAIL, active: false },
      { id: 9, windowId: 1, url: undefined, active: true },
    ]);
    const query = fakeBrowser.tabs.query as unknown as { getMockImplementation(): (q: object) => Promise<object[]> };
    const original = query.getMockImplementation();
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (q: object) =>
      (await original(q)).map((t) => ({ ...t, lastAccessed: (t as { id: number }).id === 3 ? 200 : 100 }))) as never);
    tabsAnswer({ 3: { inserted: true }, 5: { inserted: true } });
    await deliver('insertScaffold', { scaffoldId: 'status' }, panelSender());
    expect(sent.filter((m) => m.type === 'insertScaffold').map((m) => m.tabId)).toEqual([3]);
  });

  it('with a thread id, asks each Gmail tab until one has a compose on that thread', async () => {
    installFakeTabs([
      { id: 3, windowId: 1, url: GMAIL, active: true },
      { id: 5, windowId: 1, url: GMAIL, active: false },
    ]);
    tabsAnswer({ 3: { inserted: false, reason: 'No reply is open on that thread' }, 5: { inserted: true } });
    const { res } = await deliver('insertScaffold', { scaffoldId: 'missed-eta', threadId: 'thread-f:1849302114567780001' }, panelSender());
    expect(res).toEqual({ inserted: true });
  });

  it('opens the thread in a Gmail tab when none has a compose on it', async () => {
    installFakeTabs([{ id: 3, windowId: 1, url: 'https://mail.google.com/mail/u/1/#inbox', active: true }]);
    tabsAnswer({ 3: { inserted: false, reason: 'No reply is open on that thread' } });
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    const { res } = await deliver('insertScaffold', { scaffoldId: 'missed-eta', threadId: 'thread-f:1849302114567780001' }, panelSender());
    expect(update).toHaveBeenCalledWith(3, { url: 'https://mail.google.com/mail/u/1/#all/19aa0a79a530f6a1', active: true });
    expect((res as { reason: string }).reason).toMatch(/click Reply/);
  });

  it('says so when there is no Gmail tab, and when the tab does not answer', async () => {
    installFakeTabs([]);
    expect((await deliver('insertScaffold', { scaffoldId: 'status' }, panelSender())).res).toMatchObject({ inserted: false, reason: expect.stringMatching(/Open Gmail/) });
    installFakeTabs([{ id: 3, windowId: 1, url: GMAIL, active: true }]);
    tabsAnswer({});
    expect((await deliver('insertScaffold', { scaffoldId: 'status' }, panelSender())).res).toMatchObject({ inserted: false, reason: expect.stringMatching(/did not answer/) });
  });

  it('refuses unknown scaffolds and messages from Gmail pages', async () => {
    installFakeTabs([{ id: 3, windowId: 1, url: GMAIL, active: true }]);
    tabsAnswer({ 3: { inserted: true } });
    expect((await deliver('insertScaffold', { scaffoldId: '<script>' }, panelSender())).res).toEqual({ inserted: false, reason: 'Unknown scaffold.' });
    const page = { id: fakeBrowser.runtime.id, url: GMAIL, tab: { id: 3, url: GMAIL } };
    expect((await deliver('insertScaffold', { scaffoldId: 'status' }, page)).res).toEqual({ inserted: false, reason: 'Refused.' });
    expect(sent.filter((m) => m.type === 'insertScaffold')).toEqual([]);
  });
});

describe('selectPlaceholder and the keyboard commands', () => {
  it('relays "next placeholder" to the active Gmail tab', async () => {
    installFakeTabs([{ id: 4, windowId: 1, url: GMAIL, active: true }]);
    sendMessage.mockImplementation((async () => ({ selected: '[[x]]', remaining: ['[[x]]', '[[y]]'] })) as never);
    const { res } = await deliver('selectPlaceholder', { direction: 'next' }, panelSender());
    expect(res).toEqual({ selected: '[[x]]', remaining: ['[[x]]', '[[y]]'] });
  });

  it('sends each command to the Gmail tab it was pressed in', async () => {
    installFakeTabs([{ id: 4, windowId: 1, url: GMAIL, active: true }]);
    tabsAnswer({ 4: { opened: true } });
    const tab = { id: 4, url: GMAIL } as never;
    pressCommand('open-scaffold-picker', tab);
    pressCommand('insert-full-reply', tab);
    pressCommand('next-placeholder', tab);
    await vi.waitFor(() => expect(sent.length).toBe(3));
    expect(sent.map((m) => [m.type, m.data, m.tabId])).toEqual([
      ['openScaffoldPicker', undefined, 4],
      ['insertScaffold', { scaffoldId: 'full-reply' }, 4],
      ['selectPlaceholder', { direction: 'next' }, 4],
    ]);
    expect(world.tabs).toHaveLength(1);
  });
});

describe('threadHash', () => {
  it.each([
    ['thread-f:1849302114567780001', '#all/19aa0a79a530f6a1'],
    ['19AA0A79A530F6A1', '#all/19aa0a79a530f6a1'],
    ['draft:msg-a:r-1', null],
    ['compose:local-1', null],
  ])('%s → %s', (id, hash) => expect(threadHash(id)).toBe(hash));
});
