import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setupSidePanelOpener } from '../../entrypoints/background/side-panel.ts';
import { handlers, resetMessaging } from './fake-messaging.ts';
import { GMAIL, gmailSender, installFakeTabs } from './fake-tabs.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('./fake-messaging.ts'));

// fakeBrowser has no sidePanel: that is Firefox. Chrome's is put in place per test.
type WithSidePanel = { sidePanel?: { open: (options: { tabId: number }) => Promise<void> } };
const browserWithPanel = fakeBrowser as unknown as WithSidePanel;

let stop: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  resetMessaging();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  installFakeTabs([{ id: 4, windowId: 1, url: GMAIL, active: true }]);
  stop = setupSidePanelOpener();
});
afterEach(() => {
  stop();
  delete browserWithPanel.sidePanel;
});

/** Calls the handler the way the messenger does: synchronously, inside the message event. */
function click(sender: unknown) {
  const handler = handlers.get('openSidePanel')!;
  return handler({ data: undefined, sender, id: 1, type: 'openSidePanel', timestamp: Date.now() });
}

describe('openSidePanel', () => {
  it('opens Chrome’s side panel for the clicking tab before anything is awaited (the user gesture)', async () => {
    const open = vi.fn(async () => {});
    browserWithPanel.sidePanel = { open };
    const answer = click(gmailSender(4));
    // Still in the same turn as the click's message: Chrome honours the gesture only here.
    expect(open).toHaveBeenCalledWith({ tabId: 4 });
    expect(await answer).toEqual({ opened: true });
  });

  it('answers opened: false when Chrome refuses, so the page shows its own panel', async () => {
    browserWithPanel.sidePanel = { open: vi.fn(async () => Promise.reject(new Error('`sidePanel.open()` may only be called in response to a user gesture.'))) };
    expect(await click(gmailSender(4))).toEqual({ opened: false });
  });

  it('answers opened: false when open() throws outright', async () => {
    browserWithPanel.sidePanel = {
      open: () => {
        throw new Error('No active side panel for tabId');
      },
    };
    expect(await click(gmailSender(4))).toEqual({ opened: false });
  });

  it('answers opened: false in Firefox, where there is no side panel API to call from here', async () => {
    expect(await click(gmailSender(4))).toEqual({ opened: false });
  });

  it('does nothing for a sender that is not a Gmail tab', async () => {
    const open = vi.fn(async () => {});
    browserWithPanel.sidePanel = { open };
    expect(await click({ id: fakeBrowser.runtime.id, tab: { id: 7, url: 'https://example.com/' } })).toEqual({ opened: false });
    expect(await click({ id: 'other', tab: { id: 4, url: GMAIL } })).toEqual({ opened: false });
    expect(open).not.toHaveBeenCalled();
  });
});
