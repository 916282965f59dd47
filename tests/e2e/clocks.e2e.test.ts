import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailUrl, launchWithExtension, openExtensionPage, routeGmail, type ExtensionSession } from './harness.ts';

// The response-time clocks of a thread whose customer message arrived on a Friday evening,
// as the side panel shows them. Chromium runs in Los Angeles time while the team's schedule
// (the default: Mon–Fri 08:00–17:00) is New York's: the message came in at 3:40 PM on the
// reader's clock, 6:40 PM in New York, after closing — so its clocks start at Monday's
// opening and the due times are named in New York time.
//
// The content script reads the real clock, which Playwright's page.clock does not reach (see
// gmail-threads.e2e.test.ts), so the fixture's dates are fixed in November 2026 and the due
// times, which do not depend on "now", are what is asserted; the state each clock shows is
// checked against the real time of the run.

const FIXTURE = 'tests/fixtures/gmail/thread-friday-evening-2026-11.html';
const GMAIL_PATH = '/mail/u/0/';
const BROWSER_ZONE = 'America/Los_Angeles';

const DUE = {
  acknowledge: { text: 'Mon, Nov 23, 9:00 AM EST', at: Date.parse('2026-11-23T09:00:00-05:00') },
  actionable: { text: 'Wed, Nov 25, 2:00 PM EST', at: Date.parse('2026-11-25T14:00:00-05:00') },
  resolution: { text: 'Wed, Dec 2, 5:00 PM EST', at: Date.parse('2026-12-02T17:00:00-05:00') },
} as const;

function clockRow(panel: Page, kind: keyof typeof DUE): Locator {
  return panel.locator(`[data-testid="step-ahead-clock"][data-kind="${kind}"]`);
}

describe('clocks of a thread whose customer wrote on a Friday evening', () => {
  let session: ExtensionSession;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    // Chromium takes its zone from TZ when it starts; the test process's own zone is put back
    // at once, so other suites in this process are not affected.
    const before = process.env.TZ;
    process.env.TZ = BROWSER_ZONE;
    try {
      session = await launchWithExtension();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    await routeGmail(session.context, { [GMAIL_PATH]: FIXTURE, [`${GMAIL_PATH}fake-gmail.js`]: 'tests/fixtures/gmail/fake-gmail.js' });
    page = await session.context.newPage();
    await page.goto(gmailUrl(GMAIL_PATH, '#inbox/FMfcgzQbdLwvXkZSsjzRkMtXwJpbfSrt'));
    panel = await openExtensionPage(session, 'sidepanel');
    await page.bringToFront();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('runs the browser in a zone other than the schedule’s', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);
  });

  it('shows each clock due from Monday’s opening, with the day, time and zone', async () => {
    await expect.poll(() => panel.locator('[data-testid="step-ahead-clock"]').count(), { timeout: 15_000 }).toBe(3);
    for (const [kind, due] of Object.entries(DUE) as [keyof typeof DUE, (typeof DUE)[keyof typeof DUE]][]) {
      const row = clockRow(panel, kind);
      expect(await row.textContent()).toContain(`Due ${due.text}`);
      // Before the due time the clock runs (or is at risk); from it on it is breached.
      const state = await row.getAttribute('data-state');
      if (Date.now() >= due.at) expect(state).toBe('breached');
      else expect(['running', 'at-risk']).toContain(state);
    }
    // The first reply's clock says why it starts on Monday.
    const why = await clockRow(panel, 'acknowledge').textContent();
    expect(why).toContain('1 business hour from Mon, Nov 23, 8:00 AM EST, the next opening');
    expect(why).toContain('Fri, Nov 20, 6:40 PM EST');
  });

  it('keeps the thread’s case in the extension’s database, for the popup’s open cases', async () => {
    const storedCases = () =>
      session.serviceWorker.evaluate(
        () =>
          new Promise<string>((resolve, reject) => {
            const open = indexedDB.open('step-ahead');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const rows = db.transaction('threads').objectStore('threads').getAll();
              rows.onsuccess = () => {
                db.close();
                resolve(JSON.stringify((rows.result as { case?: unknown }[]).map((row) => row.case).filter(Boolean)));
              };
              rows.onerror = () => reject(rows.error);
            };
          }),
      );
    await expect.poll(async () => JSON.parse(await storedCases()).length, { timeout: 10_000 }).toBe(1);
    const [stored] = JSON.parse(await storedCases()) as Record<string, unknown>[];
    expect(stored).toMatchObject({
      subject: 'Webhook deliveries stopped this evening',
      customer: { name: 'Priya Natarajan', email: 'priya.natarajan@globex.example' },
      firstCustomerAt: '2026-11-20T23:40:00.000Z',
      oldestUnansweredAt: '2026-11-20T23:40:00.000Z',
      ourReplyTimes: [],
    });
  });
});
