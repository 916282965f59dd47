import { browser } from 'wxt/browser';
import { onMessage } from '../../utils/messaging.ts';
import { gmailTabOf, logRefused } from './senders.ts';

// Opens the side panel when the user clicks the in-compose status. Chrome only allows
// sidePanel.open() in answer to a user gesture, and it counts the click in the page as one
// only while the call happens in the same turn as the message arriving: so the call comes
// first, before anything is awaited. Firefox's sidebarAction.open() accepts only gestures
// in the extension's own UI, so there the answer is { opened: false } and the content
// script shows its in-page panel instead. The toolbar action is left alone: it becomes the
// reminders popup.

interface SidePanelApi {
  open(options: { tabId: number }): Promise<void>;
}

function chromeSidePanel(): SidePanelApi | undefined {
  const api = (browser as unknown as { sidePanel?: Partial<SidePanelApi> }).sidePanel;
  return typeof api?.open === 'function' ? (api as SidePanelApi) : undefined;
}

export function setupSidePanelOpener(): () => void {
  return onMessage('openSidePanel', ({ sender }) => {
    const tabId = gmailTabOf(sender);
    if (tabId === null) {
      logRefused('openSidePanel', 'not from a Gmail tab', sender?.url);
      return { opened: false };
    }
    const sidePanel = chromeSidePanel();
    if (!sidePanel) return { opened: false };
    let opening: Promise<void>;
    try {
      opening = sidePanel.open({ tabId });
    } catch (error) {
      console.warn('[step-ahead] could not open the side panel', error);
      return { opened: false };
    }
    return Promise.resolve(opening).then(
      () => ({ opened: true }),
      (error: unknown) => {
        console.warn('[step-ahead] could not open the side panel', error);
        return { opened: false };
      },
    );
  });
}
