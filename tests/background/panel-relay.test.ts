import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setupPanelRelay, type PanelRelay } from '../../entrypoints/background/panel-relay.ts';
import { makeSnapshot } from '../helpers/panel-snapshot.ts';
import { deliver, panel, resetMessaging, sent } from './fake-messaging.ts';
import { activate, closeTab, focusWindow, GMAIL, gmailSender, installFakeTabs, navigate, panelSender } from './fake-tabs.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('./fake-messaging.ts'));

let relay: PanelRelay | undefined;

async function start(): Promise<PanelRelay> {
  relay = setupPanelRelay();
  await relay.ready;
  return relay;
}

const report = (tabId: number, snapshot: unknown) => deliver('reportComposeState', { snapshot }, gmailSender(tabId));
const panelState = async () => (await deliver('getPanelState', undefined, panelSender())).res;
const broadcasts = () => sent.filter((m) => m.type === 'panelStateChanged').map((m) => m.data);

beforeEach(() => {
  fakeBrowser.reset();
  resetMessaging();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  relay?.dispose();
  relay = undefined;
});

describe('the panel follows the active Gmail tab', () => {
  it('answers getPanelState with the active Gmail tab’s snapshot, not another Gmail tab’s', async () => {
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: true },
      { id: 2, windowId: 1, url: GMAIL, active: false },
    ]);
    await start();
    const mine = makeSnapshot({ composeId: 'in-tab-1' });
    await report(1, mine);
    await report(2, makeSnapshot({ composeId: 'in-tab-2' }));
    expect(await panelState()).toEqual(mine);
  });

  it('broadcasts a report from the active tab at once, and stays quiet about background tabs', async () => {
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: true },
      { id: 2, windowId: 1, url: GMAIL, active: false },
    ]);
    await start();
    await report(2, makeSnapshot({ composeId: 'background' }));
    expect(broadcasts()).toEqual([]);
    const typed = makeSnapshot({ failing: 0 });
    await report(1, typed);
    expect(broadcasts()).toEqual([typed]);
  });

  it('switches to the other Gmail tab’s snapshot when the user switches tabs', async () => {
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: true },
      { id: 2, windowId: 1, url: GMAIL, active: false },
    ]);
    await start();
    const one = makeSnapshot({ composeId: 'one' });
    const two = makeSnapshot({ composeId: 'two' });
    await report(2, two);
    await report(1, one);
    expect(broadcasts().at(-1)).toEqual(one);
    await activate(2);
    await vi.waitFor(() => expect(broadcasts().at(-1)).toEqual(two));
    expect(await panelState()).toEqual(two);
  });

  it('follows window focus to the Gmail tab of another window', async () => {
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: true },
      { id: 3, windowId: 2, url: GMAIL, active: true },
    ]);
    await start();
    const other = makeSnapshot({ composeId: 'window-2' });
    await report(3, other);
    await report(1, makeSnapshot());
    await focusWindow(2);
    await vi.waitFor(() => expect(broadcasts().at(-1)).toEqual(other));
    // Focus leaving the browser does not change what the panel shows.
    await fakeBrowser.windows.onFocusChanged.trigger(-1);
    expect(await panelState()).toEqual(other);
  });

  it('falls back to the Gmail tab that reported last when the active tab is another site', async () => {
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: false },
      { id: 2, windowId: 1, url: GMAIL, active: false },
      { id: 9, windowId: 1, url: undefined, active: true },
    ]);
    await start();
    await report(1, makeSnapshot({ composeId: 'older' }));
    const latest = makeSnapshot({ composeId: 'latest' });
    await report(2, latest);
    expect(await panelState()).toEqual(latest);
  });

  it('answers null when no Gmail tab has reported anything', async () => {
    installFakeTabs([{ id: 9, windowId: 1, url: undefined, active: true }]);
    await start();
    expect(await panelState()).toBeNull();
  });

  it('shows the thread-only snapshot and then null when the user leaves the thread', async () => {
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    await start();
    const threadOnly = makeSnapshot({ composeId: null });
    await report(1, threadOnly);
    await report(1, null);
    expect(broadcasts()).toEqual([threadOnly, null]);
    expect(await panelState()).toBeNull();
  });
});

describe('forgetting tabs', () => {
  it('forgets a closed tab and tells the panel', async () => {
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: true },
      { id: 9, windowId: 1, url: undefined, active: false },
    ]);
    await start();
    await report(1, makeSnapshot());
    await activate(9);
    await closeTab(1);
    await vi.waitFor(() => expect(broadcasts().at(-1)).toBeNull());
    expect(await panelState()).toBeNull();
  });

  it('forgets a tab that navigates away from Gmail', async () => {
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    await start();
    await report(1, makeSnapshot());
    await navigate(1, undefined);
    expect(await panelState()).toBeNull();
    expect(broadcasts().at(-1)).toBeNull();
  });

  it('keeps the snapshot while Gmail changes its own address (a new view in the single-page app)', async () => {
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    await start();
    const snap = makeSnapshot();
    await report(1, snap);
    await navigate(1, 'https://mail.google.com/mail/u/0/#sent');
    expect(await panelState()).toEqual(snap);
  });
});

describe('refusing what it should not trust', () => {
  it('drops a malformed snapshot without crashing and keeps serving the last good one', async () => {
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    await start();
    const good = makeSnapshot();
    await report(1, good);
    for (const bad of [
      { ...good, failing: -1 },
      { ...good, rules: 'all fine' },
      { ...good, thread: { ...good.thread, lastCustomerAt: 'yesterday-ish' } },
      'a string',
      undefined,
    ]) {
      expect(await report(1, bad)).toEqual({ res: undefined });
    }
    expect(await deliver('reportComposeState', 42, gmailSender(1))).toEqual({ res: undefined });
    expect(await panelState()).toEqual(good);
    expect(broadcasts()).toEqual([good]);
  });

  it('ignores reports from anything but a Gmail tab of this extension', async () => {
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    await start();
    const snap = { snapshot: makeSnapshot() };
    await deliver('reportComposeState', snap, { ...gmailSender(1), id: 'some-other-extension' });
    await deliver('reportComposeState', snap, { id: fakeBrowser.runtime.id, tab: { id: 1, url: 'https://evil.example/mail.google.com/' } });
    await deliver('reportComposeState', snap, { id: fakeBrowser.runtime.id, tab: { id: 1, url: 'https://mail.google.com.evil.example/' } });
    await deliver('reportComposeState', snap, panelSender());
    await deliver('reportComposeState', snap, undefined);
    expect(await panelState()).toBeNull();
    expect(broadcasts()).toEqual([]);
  });

  it('answers getPanelState only to extension pages', async () => {
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    await start();
    await report(1, makeSnapshot());
    expect(await deliver('getPanelState', undefined, gmailSender(1))).toEqual({ res: null });
    expect(await deliver('getPanelState', undefined, { id: fakeBrowser.runtime.id, url: 'https://example.com/' })).toEqual({ res: null });
  });

  it('carries on when no panel is open to hear a broadcast', async () => {
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    panel.open = false;
    await start();
    await report(1, makeSnapshot({ failing: 1 }));
    await report(1, makeSnapshot({ failing: 0 }));
    panel.open = true;
    expect(await panelState()).toMatchObject({ failing: 0 });
  });
});

describe('a restarted service worker', () => {
  it('still knows the last snapshot per tab from session storage, minus tabs closed meanwhile', async () => {
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: false },
      { id: 2, windowId: 1, url: GMAIL, active: false },
      { id: 9, windowId: 1, url: undefined, active: true },
    ]);
    await start();
    const first = makeSnapshot({ composeId: 'first' });
    await report(1, first);
    await report(2, makeSnapshot({ composeId: 'second' }));
    relay!.dispose();

    // The worker stops; tab 2 closes while nothing listens.
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: false },
      { id: 9, windowId: 1, url: undefined, active: true },
    ]);
    resetMessaging();
    await start();
    expect(await panelState()).toEqual(first);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['panel:1']);
  });

  it('ignores stored entries that no longer parse', async () => {
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    await fakeBrowser.storage.session.set({ 'panel:1': { snapshot: { composeId: 7 }, reportedAt: 1 } });
    await start();
    expect(await panelState()).toBeNull();
  });
});
