import type { Frame, Locator, Page } from 'playwright-core';
import { gmailUrl, routeGmail, type ExtensionSession, type GmailRoutes } from './harness.ts';

// What the Gmail suites share: the fixture pages served at Gmail's address, the automation
// contract's hooks (README, "Automation contract"), and typing the way a user types.

export const FIXTURES = {
  inlineReply: 'tests/fixtures/gmail/thread-inline-reply-2026-11.html',
  earlierEta: 'tests/fixtures/gmail/thread-earlier-eta-2026-11.html',
  twoComposes: 'tests/fixtures/gmail/two-composes-2026-11.html',
  popout: 'tests/fixtures/gmail/popout-compose-2026-11.html',
  hostile: 'tests/fixtures/gmail/thread-hostile-2026-11.html',
} as const;
export type FixtureName = keyof typeof FIXTURES;

// Replies to Priya's thread (the inlineReply and send-paths fixtures). The good one leads
// with the status, answers both questions, gives next steps, a concrete ETA and
// expectations: every check passes. Without FIX_SENTENCE only the 4.2.1 question fails
// (questions-answered, an error: Send stops).
const FIX_SENTENCE = 'Yes, I can confirm the fix will ship in 4.2.1. ';
export const GOOD_DRAFT =
  'Hi Priya, status: we found the cause of the stall, a lock in the 4.2 sync job. ' +
  'Rolling back to 4.1 is not needed. ' +
  FIX_SENTENCE +
  'Next steps: engineering is testing the change and I will send you an update within 2 business days. ' +
  'Until then you can expect the nightly sync to keep stalling, so run it by hand.';
export const DRAFT_WITHOUT_FIX_VERSION = GOOD_DRAFT.replace(FIX_SENTENCE, '');

/** Where the fixture page is served: the signed-in account's Gmail, as in a real address. */
export const GMAIL_PATH = '/mail/u/0/';
const FAKE_GMAIL_SCRIPT = 'tests/fixtures/gmail/fake-gmail.js';

/**
 * Routes Gmail to `fixture` (and its shared fake-Gmail script, which the pages load with a
 * relative src that resolves under the page's path). `show` swaps the page served at the
 * same address, so one browser can visit several fixtures.
 */
export async function routeFixtures(
  session: ExtensionSession,
  fixture: FixtureName,
): Promise<GmailRoutes & { show(fixture: FixtureName): void }> {
  const routes = await routeGmail(session.context, {
    [GMAIL_PATH]: FIXTURES[fixture],
    [`${GMAIL_PATH}fake-gmail.js`]: FAKE_GMAIL_SCRIPT,
  });
  return { ...routes, show: (next) => routes.setPage(GMAIL_PATH, FIXTURES[next]) };
}

/** Opens the routed Gmail page on a thread address, the way Gmail's own URLs look. */
export async function openGmail(session: ExtensionSession, threadHash = '#inbox/FMfcgzQbdLwvXkZSsjzRkMtXwJpbfSrt'): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(gmailUrl(GMAIL_PATH, threadHash));
  return page;
}

/** Every compose body on the page, in page order (inline reply first, then pop-ups). */
export function composeBodies(page: Page): Locator {
  return page.locator('[g_editable="true"][contenteditable="true"]');
}

/** The in-compose status elements; Playwright's CSS locators pierce open shadow roots. */
export function statuses(scope: Page | Locator | Frame): Locator {
  return scope.locator('[data-testid="step-ahead-status"]');
}

/** The compose container (`.M9`) around the nth body, where that compose's status lives. */
export function composeRoot(page: Page, index: number): Locator {
  return page.locator('.M9').nth(index);
}

/** The `data-failing` count of a status element, or null while it has none. */
export async function failingOf(status: Locator): Promise<number | null> {
  const value = await status.getAttribute('data-failing', { timeout: 2_000 }).catch(() => null);
  return value === null ? null : Number(value);
}

/**
 * Types into a compose body like a user: click into it, put the caret at the start (before
 * the quoted history Gmail puts in a reply), type.
 */
export async function typeAtStart(page: Page, body: Locator, text: string): Promise<void> {
  await body.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text);
}

/** Selects everything in the body and types `text` over it, as a user rewriting a draft. */
export async function retype(page: Page, body: Locator, text: string): Promise<void> {
  await body.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/**
 * Milliseconds from now until `status` shows a failing count that satisfies `accept`, polling
 * every 25 ms; throws with the last value seen after `timeout`.
 */
export async function msUntilFailing(
  status: Locator,
  accept: (failing: number) => boolean,
  timeout = 5_000,
): Promise<number> {
  const started = Date.now();
  let last: number | null = null;
  while (Date.now() - started < timeout) {
    last = await failingOf(status);
    if (last !== null && accept(last)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the status never reached the expected count within ${timeout} ms; last data-failing: ${last}`);
}

/**
 * How many Chrome side panels (or tabs) show the extension's side panel page. Chrome's own
 * side panel is a target Playwright does not list among the context's pages, so this asks
 * the DevTools protocol, which lists every target of the browser.
 */
export async function sidePanelTargets(session: ExtensionSession, page: Page): Promise<number> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
    return targetInfos.filter((target) => target.url === `chrome-extension://${session.extensionId}/sidepanel.html`).length;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Makes Chrome refuse to open the side panel, as Firefox does, so a click on the status
 * opens the in-page checklist instead. Only the extension's worker sees the change.
 */
export async function refuseSidePanel(session: ExtensionSession): Promise<void> {
  await session.serviceWorker.evaluate(() => {
    const api = (globalThis as unknown as { chrome: { sidePanel: { open: unknown } } }).chrome.sidePanel;
    api.open = () => Promise.reject(new Error('the side panel is unavailable in this test'));
  });
}

/**
 * Stops the extension's service worker the way Chrome stops an idle one; the next message
 * starts it again from scratch, so only what it stored survives. Playwright keeps the old
 * Worker handle in `session.serviceWorker`, which is dead afterwards.
 */
export async function stopServiceWorkers(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const worker = `chrome-extension://${session.extensionId}/background.js`;
    const running = async () =>
      ((await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] }).targetInfos.some((t) => t.url === worker);
    for (let tries = 0; await running(); tries++) {
      if (tries > 100) throw new Error('the extension’s service worker did not stop');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await cdp.detach().catch(() => {});
  }
}
