import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openExtensionPage, type ExtensionSession } from './harness.ts';
import {
  composeBodies,
  failingOf,
  msUntilFailing,
  openGmail,
  retype,
  routeFixtures,
  statuses,
  typeAtStart,
} from './gmail-fixtures.ts';

// Threads with history: our earlier reply promised an ETA that has passed, and a thread with
// an inline reply and a pop-up open at once. The fixture dates are November 2026 and the ETA
// they promise ("by 3 pm ET Tuesday", Nov 17) is before any day these tests run: the content
// script reads the real clock in its own isolated world, which Playwright's page.clock does
// not reach (checked on Chromium 156), so the dates are chosen to be past instead.

function missedEtaRule(panel: Page): Locator {
  return panel.locator('[data-testid="step-ahead-panel-rule"][data-rule="missed-eta-followup"]');
}

describe('a thread where our earlier ETA has passed', () => {
  let session: ExtensionSession;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFixtures(session, 'earlierEta');
    page = await openGmail(session);
    await statuses(page).first().waitFor();
    panel = await openExtensionPage(session, 'sidepanel');
    await page.bringToFront();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('flags the missed ETA, naming when it was due, and lists the ETA among the thread’s facts', async () => {
    // An untouched draft has nothing to judge yet; the first words start the checks.
    await typeAtStart(page, composeBodies(page).first(), 'Hi Marco, here is where things stand. ');
    await msUntilFailing(statuses(page).first(), (n) => n > 0);
    await expect.poll(() => missedEtaRule(panel).getAttribute('data-status')).toBe('fail');
    // "by 3 pm ET Tuesday", written on Thu Nov 12, is Tue Nov 17, 20:00 UTC (the browser's zone).
    const text = await missedEtaRule(panel).textContent();
    expect(text).toContain('Tue, Nov 17');
    expect(text).toMatch(/missed/i);
    expect(await panel.locator('.earlier-etas').textContent()).toContain('I will have an answer for you by 3 pm ET Tuesday.');
  });

  it('still flags it when the draft answers the customer but says nothing about the miss', async () => {
    await typeAtStart(page, composeBodies(page).first(), 'Hi Marco, yes, the fix also covers the April export.');
    await expect
      .poll(() => panel.locator('[data-testid="step-ahead-panel-question"]').getAttribute('data-state'))
      .toBe('answered');
    expect(await missedEtaRule(panel).getAttribute('data-status')).toBe('fail');
    expect(await failingOf(statuses(page).first())).toBeGreaterThan(0);
  });

  it('clears it once the draft owns the miss and gives a new, concrete ETA', async () => {
    await retype(
      page,
      composeBodies(page).first(),
      'Hi Marco, sorry for the delay: I promised you an answer by Tuesday and missed it. ' +
        'Status: engineering found the cause of the March timeout. Yes, the fix also covers the April export. ' +
        'Next steps: we deploy the fix and I will confirm it worked within 2 business days. ' +
        'Until then you can expect the export to keep timing out, so please run it in smaller batches.',
    );
    await msUntilFailing(statuses(page).first(), (n) => n === 0);
    await expect.poll(() => missedEtaRule(panel).getAttribute('data-status')).toBe('pass');
  });
});

describe('an inline reply and a pop-up compose open at once', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFixtures(session, 'twoComposes');
    page = await openGmail(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('gives each compose a status of its own, inside that compose', async () => {
    await expect.poll(() => statuses(page).count()).toBe(2);
    // Which compose (`.M9`, in page order) each status sits in, through its shadow host.
    const owners = await statuses(page).evaluateAll((elements) => {
      const composes = Array.from(document.querySelectorAll('.M9'));
      return elements.map((element) => {
        const root = element.getRootNode();
        const host = root instanceof ShadowRoot ? root.host : null;
        return { open: root instanceof ShadowRoot && root.mode === 'open', compose: host ? composes.indexOf(host.closest('.M9')!) : -1 };
      });
    });
    expect(owners).toEqual([
      { open: true, compose: 0 },
      { open: true, compose: 1 },
    ]);
  });

  it('checks each draft on its own: fixing the inline reply leaves the pop-up’s count alone', async () => {
    const [inline, popup] = [statuses(page).nth(0), statuses(page).nth(1)];
    // Both drafts start empty (nothing judged yet); a first line in each starts their checks.
    await typeAtStart(page, composeBodies(page).nth(0), 'Hi Priya, thanks for the report. ');
    await typeAtStart(page, composeBodies(page).nth(1), 'Hi Lee, a quick question about the queue. ');
    await msUntilFailing(inline, (n) => n > 0);
    await msUntilFailing(popup, (n) => n > 0);
    const popupBefore = await failingOf(popup);
    expect(popupBefore).not.toBeNull();

    await retype(
      page,
      composeBodies(page).nth(0),
      'Hi Priya, status: we reproduced the duplicate orders and found the cause in our retry queue. ' +
        'Yes, we can make retries idempotent, and that work has started. ' +
        'Yes, there is an idempotency key you can use today: send the Idempotency-Key header with each order. ' +
        'Next steps: I will send you the release notes for the fix within 2 business days. ' +
        'Until then you can expect a retry to post an order twice unless the header is set.',
    );
    await msUntilFailing(inline, (n) => n === 0);
    expect(await failingOf(popup)).toBe(popupBefore);

    // And the other way round: typing in the pop-up changes only the pop-up.
    await typeAtStart(page, composeBodies(page).nth(1), 'Team, ');
    await page.waitForTimeout(800);
    expect(await failingOf(inline)).toBe(0);
  });
});
