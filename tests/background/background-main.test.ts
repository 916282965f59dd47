import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background/index.ts';
import { makeSnapshot } from '../helpers/panel-snapshot.ts';
import { deliver, handlers, resetMessaging, sent } from './fake-messaging.ts';
import { GMAIL, gmailSender, installFakeTabs, panelSender } from './fake-tabs.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('./fake-messaging.ts'));

beforeEach(() => {
  fakeBrowser.reset();
  resetMessaging();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
});

describe('the background entry', () => {
  it('does nothing when imported: WXT loads entry files at build time', () => {
    expect(handlers.size).toBe(0);
  });

  it('serves every message of the protocol once main() runs', () => {
    background.main();
    expect([...handlers.keys()].sort()).toEqual(
      [
        // Gmail tabs and the side panel (issue 4)
        'getPanelState', 'getThreadRecord', 'openSidePanel', 'reportComposeState', 'setQuestionMark', 'setThreadFlag',
        // scaffolds relayed to the Gmail tab (issue 5)
        'insertScaffold', 'selectPlaceholder',
        // sends, reminders and the data they keep (issues 6 and 7)
        'recordSend', 'createReminder', 'editReminder', 'snoozeReminder', 'completeReminder', 'openThread',
        'exportData', 'importData', 'clearData',
      ].sort(),
    );
  });

  it('carries a mark from the panel to the Gmail tab, and a snapshot from the tab to the panel', async () => {
    background.main();
    const snap = makeSnapshot();
    await deliver('reportComposeState', { snapshot: snap }, gmailSender(1));
    expect((await deliver('getPanelState', undefined, panelSender())).res).toEqual(snap);

    await deliver('setQuestionMark', { threadId: 'thread-abc', questionId: 'q-1', mark: 'answered' }, panelSender());
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'threadRecordChanged' && m.tabId === 1)).toBe(true));
    expect((await deliver('getThreadRecord', { threadId: 'thread-abc' }, gmailSender(1))).res).toMatchObject({ marks: { 'q-1': 'answered' } });
  });

  it('notes the install time on a fresh install only', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    expect(await fakeBrowser.storage.local.get('installedAt')).toEqual({});
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('installedAt')).installedAt).toEqual(expect.any(Number)));
  });
});
