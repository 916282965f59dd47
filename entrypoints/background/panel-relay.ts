import { browser } from 'wxt/browser';
import { z } from 'zod';
import { panelSnapshotSchema, type PanelSnapshot } from '../../lib/schemas/panel.ts';
import { onMessage, sendMessage } from '../../utils/messaging.ts';
import { GMAIL_TABS, gmailTabOf, isExtensionPage, isGmailUrl, logRefused } from './senders.ts';

// Relays what each Gmail tab reports about its compose to the side panel. The panel follows
// the active tab of the last focused window when that is Gmail; otherwise (the panel open
// beside another site, or opened as a tab of its own) the Gmail tab that reported last.
//
// The latest snapshot per tab is kept in memory and mirrored to storage.session, because
// Chrome stops an idle service worker: a panel opened after that must still get an answer
// without waiting for the user to type again.

const reportSchema = z.object({ snapshot: z.nullable(panelSnapshotSchema) });
const storedReportSchema = z.object({ snapshot: z.nullable(panelSnapshotSchema), reportedAt: z.number() });
type StoredReport = z.infer<typeof storedReportSchema>;

const SESSION_PREFIX = 'panel:';
/** windows.WINDOW_ID_NONE in Chrome and Firefox alike. */
const WINDOW_ID_NONE = -1;
const sessionKey = (tabId: number) => `${SESSION_PREFIX}${tabId}`;

interface ActiveTab {
  id: number;
  gmail: boolean;
}

interface Selection {
  tabId: number | null;
  snapshot: PanelSnapshot | null;
}

export interface PanelRelay {
  /** Settles once stored snapshots are restored and the active tab is known. */
  ready: Promise<void>;
  /** What the panel should show now. */
  current(): Selection;
  /** Stops listening (tests; a background never stops). */
  dispose(): void;
}

function sessionArea() {
  // storage.session is missing in Firefox before 115; the relay then lives in memory only,
  // which is fine there because Firefox's MV2 background page is not stopped when idle.
  return browser.storage?.session;
}

export interface PanelRelayOptions {
  /** Hears every accepted report, e.g. to keep the thread's case state (case-state.ts). Must not throw. */
  onReport?(snapshot: PanelSnapshot | null, tabUrl?: string): void;
}

export function setupPanelRelay(options: PanelRelayOptions = {}): PanelRelay {
  const reports = new Map<number, StoredReport>();
  let active: ActiveTab | null = null;
  // What the panel was last told; starts as "nothing", which a panel shows until told otherwise.
  let shown: Selection = { tabId: null, snapshot: null };
  let lastStamp = 0;
  let refreshSeq = 0;

  const stamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));

  function current(): Selection {
    if (active?.gmail) return { tabId: active.id, snapshot: reports.get(active.id)?.snapshot ?? null };
    let latest: [number, StoredReport] | null = null;
    for (const entry of reports) if (!latest || entry[1].reportedAt > latest[1].reportedAt) latest = entry;
    return latest ? { tabId: latest[0], snapshot: latest[1].snapshot } : { tabId: null, snapshot: null };
  }

  function announceIfChanged(): void {
    const next = current();
    // The panel shows a snapshot, not a tab: switching between two tabs with nothing to show is no news.
    if (shown.snapshot === next.snapshot) return;
    shown = next;
    // Rejects with "Receiving end does not exist" whenever no panel is open: the normal case.
    sendMessage('panelStateChanged', next.snapshot).catch(() => undefined);
  }

  function persist(tabId: number, report: StoredReport): void {
    sessionArea()
      ?.set({ [sessionKey(tabId)]: report })
      .catch((error: unknown) => console.warn('[step-ahead] could not keep a panel snapshot in session storage', error));
  }

  function forget(tabId: number): void {
    if (!reports.delete(tabId)) return;
    sessionArea()?.remove(sessionKey(tabId)).catch(() => undefined);
  }

  async function refreshActive(): Promise<void> {
    const seq = ++refreshSeq;
    let tab: { id?: number; url?: string } | undefined;
    try {
      [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    } catch (error) {
      console.warn('[step-ahead] could not read the active tab', error);
      return;
    }
    // A newer event already asked again; its answer wins.
    if (seq !== refreshSeq) return;
    active = typeof tab?.id === 'number' ? { id: tab.id, gmail: isGmailUrl(tab.url) } : null;
    if (active && !active.gmail) forget(active.id);
    announceIfChanged();
  }

  async function restore(): Promise<void> {
    const area = sessionArea();
    if (!area) return;
    try {
      const stored = await area.get(null);
      const openGmailTabs = new Set((await browser.tabs.query({ url: GMAIL_TABS })).map((t) => t.id));
      for (const [key, value] of Object.entries(stored)) {
        if (!key.startsWith(SESSION_PREFIX)) continue;
        const tabId = Number(key.slice(SESSION_PREFIX.length));
        const parsed = storedReportSchema.safeParse(value);
        // Closed while the worker was stopped, or written by an older build.
        if (!parsed.success || !openGmailTabs.has(tabId)) {
          void area.remove(key).catch(() => undefined);
          continue;
        }
        // A report that arrived while restoring is newer than anything stored.
        if (!reports.has(tabId)) reports.set(tabId, parsed.data);
        lastStamp = Math.max(lastStamp, parsed.data.reportedAt);
      }
    } catch (error) {
      console.warn('[step-ahead] could not restore panel snapshots', error);
    }
  }

  const ready = restore().then(refreshActive);

  const removers: Array<() => void> = [];
  const listen = <A extends unknown[]>(
    event: { addListener(cb: (...args: A) => void): void; removeListener(cb: (...args: A) => void): void } | undefined,
    cb: (...args: A) => void,
  ) => {
    if (!event) return;
    event.addListener(cb);
    removers.push(() => event.removeListener(cb));
  };

  removers.push(
    onMessage('reportComposeState', async ({ data, sender }) => {
      const tabId = gmailTabOf(sender);
      if (tabId === null) return logRefused('reportComposeState', 'not from a Gmail tab', sender?.url);
      const parsed = reportSchema.safeParse(data);
      if (!parsed.success) return logRefused('reportComposeState', 'malformed snapshot', parsed.error.issues.slice(0, 3));
      await ready;
      const report = { snapshot: parsed.data.snapshot, reportedAt: stamp() };
      reports.set(tabId, report);
      persist(tabId, report);
      announceIfChanged();
      try {
        options.onReport?.(report.snapshot, sender?.tab?.url);
      } catch (error) {
        console.warn('[step-ahead] a report listener failed', error);
      }
    }),
  );

  removers.push(
    onMessage('getPanelState', async ({ sender }) => {
      if (!isExtensionPage(sender)) {
        logRefused('getPanelState', 'not from an extension page', sender?.url);
        return null;
      }
      await ready;
      shown = current();
      return shown.snapshot;
    }),
  );

  listen(browser.tabs.onActivated, () => void refreshActive());
  listen(browser.windows?.onFocusChanged, (windowId: number) => {
    // Focus left the browser (another app, or devtools): the last focused window stays put.
    if (windowId !== WINDOW_ID_NONE) void refreshActive();
  });
  listen(browser.tabs.onRemoved, (tabId: number) => {
    forget(tabId);
    if (active?.id === tabId) void refreshActive();
    else announceIfChanged();
  });
  listen(
    browser.tabs.onUpdated,
    (tabId: number, change: { url?: string; status?: string }, tab: { url?: string }) => {
      if (change.url === undefined && change.status === undefined) return;
      // Without the "tabs" permission a URL is only visible while it is Gmail's, so a
      // navigation elsewhere shows up as a load with no readable URL.
      const gmail = isGmailUrl(change.url ?? tab.url);
      if (!gmail) forget(tabId);
      if (active?.id === tabId) active = { id: tabId, gmail };
      announceIfChanged();
    },
  );

  return {
    ready,
    current,
    dispose: () => removers.splice(0).forEach((remove) => remove()),
  };
}
