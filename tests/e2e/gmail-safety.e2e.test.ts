import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openExtensionPage, type ExtensionSession, type GmailRoutes } from './harness.ts';
import { composeBodies, openGmail, refuseSidePanel, routeFixtures, statuses, typeAtStart } from './gmail-fixtures.ts';

// What must never happen, whatever an email says: markup in a customer's message runs or
// renders in our UI, the extension sends anything anywhere, or it changes what the user
// typed or what Gmail sends. The hostile fixture carries an <img onerror> and a <script> as
// text in the customer's message, and markup in the subject and the sender's name; each
// would set window.__pwned if anything rendered it as HTML.

const HOSTILE_QUESTION = 'Why does the export write <img src=x onerror="window.__pwned=1"> into our files?';
const HOSTILE_SUBJECT = 'CSV export writes <b>markup</b> into cells';
const HOSTILE_NAME = 'Sam <img src=x onerror="window.__pwned=3"> Ortiz';

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
const sent = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sent: { bodyHtml: string; to: string[]; subject: string }[] }).__sent);

describe('email content is shown as text, and nothing leaves the browser', () => {
  let session: ExtensionSession;
  let routes: GmailRoutes;
  let gmail: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    routes = await routeFixtures(session, 'hostile');
    gmail = await openGmail(session);
    await statuses(gmail).first().waitFor();
    // A first line in the reply starts the checks, so the findings quote the question too.
    await typeAtStart(gmail, composeBodies(gmail).first(), 'Hi Sam, thanks for writing. ');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the fixture holds the markup as text, and the page itself never ran it', async () => {
    expect(await gmail.locator('.a3s').first().textContent()).toContain(HOSTILE_QUESTION);
    expect(await gmail.locator('.a3s img').count()).toBe(0);
    expect(await pwned(gmail)).toBeNull();
  });

  it('the side panel shows the question, subject and sender literally and creates no element from them', async () => {
    panel = await openExtensionPage(session, 'sidepanel');
    const question = panel.getByTestId('step-ahead-panel-question');
    await expect.poll(() => question.locator('.question-text').textContent()).toBe(HOSTILE_QUESTION);
    expect(await panel.locator('h1').textContent()).toBe(HOSTILE_SUBJECT);
    expect(await panel.locator('.customer-name').textContent()).toBe(HOSTILE_NAME);
    // The finding quotes the question too, once the checks have read the typed first line
    // (until then the rule is pending and says "Not yet").
    await expect
      .poll(() => panel.locator('[data-rule="questions-answered"]').textContent())
      .toContain(HOSTILE_QUESTION);
    expect(await panel.locator('img, script:not([src]), b').count()).toBe(0);
    expect(await pwned(panel)).toBeNull();
    expect(await pwned(gmail)).toBeNull();
  });

  it('the in-page checklist shows it literally too', async () => {
    await refuseSidePanel(session);
    await gmail.bringToFront();
    await statuses(gmail).first().click();
    const inPage = gmail.getByTestId('step-ahead-inpage-panel');
    await inPage.waitFor({ state: 'visible' });
    expect(await inPage.locator('li[data-question-id]').first().textContent()).toContain(HOSTILE_QUESTION);
    await expect.poll(() => inPage.locator('[data-rule="questions-answered"]').textContent()).toContain(HOSTILE_QUESTION);
    expect(await inPage.locator('img, script, b').count()).toBe(0);
    expect(await pwned(gmail)).toBeNull();
    await statuses(gmail).first().click();
    await inPage.waitFor({ state: 'hidden' });
  });

  it('never alters the draft: what was typed stays as typed while the checks run, and Send sends exactly that', async () => {
    const body = composeBodies(gmail).first();
    const typed = 'Hi Sam, the <img> text comes from a template field; we are on it & will write back within 2 business days.';
    await typeAtStart(gmail, body, typed);
    expect((await body.innerText()).startsWith(typed)).toBe(true);
    const afterTyping = await body.innerHTML();

    // The checks have read this draft once its ETA is in the side panel; then give them time
    // to do anything else they might.
    await expect.poll(() => panel.getByTestId('step-ahead-panel-eta').textContent()).toContain('within 2 business days');
    await gmail.waitForTimeout(1_000);
    expect(await body.innerHTML()).toBe(afterTyping);
    expect(afterTyping).not.toContain('step-ahead');

    await gmail.getByRole('button', { name: 'Send (Ctrl-Enter)' }).click();
    expect(await sent(gmail)).toEqual([
      { bodyHtml: afterTyping, to: ['sam.ortiz@acme.example'], subject: `Re: ${HOSTILE_SUBJECT}` },
    ]);
    // Gmail removed the compose, and our status went with it.
    await expect.poll(() => statuses(gmail).count()).toBe(0);
  });

  it('Ctrl+Enter in the compose sends once, with the typed text, through the pre-send checklist', async () => {
    await gmail.reload();
    await statuses(gmail).first().waitFor();
    const body = composeBodies(gmail).first();
    await typeAtStart(gmail, body, 'Thanks Sam, more soon.');
    const typedHtml = await body.innerHTML();
    // The reply leaves Sam's question open, so the checklist stops it first; it quotes the
    // question as text too.
    await gmail.keyboard.press('Control+Enter');
    const presend = gmail.getByTestId('step-ahead-presend');
    await presend.waitFor({ state: 'visible' });
    expect(await sent(gmail)).toEqual([]);
    await expect.poll(() => presend.locator('[data-rule="questions-answered"]').count()).toBe(1);
    expect(await presend.locator('img, script, b').count()).toBe(0);
    await gmail.getByTestId('step-ahead-send-anyway').click();
    await expect.poll(async () => (await sent(gmail)).length).toBe(1);
    expect((await sent(gmail))[0]!.bodyHtml).toBe(typedHtml);
    expect(await pwned(gmail)).toBeNull();
  });

  // Last: covers everything this file did.
  it('made no request beyond the routed Gmail pages', () => {
    expect(routes.servedRequests().every((url) => url.startsWith('https://mail.google.com/mail/u/0/'))).toBe(true);
    expect(routes.blockedRequests()).toEqual([]);
    expect(session.escapedRequests()).toEqual([]);
  });
});
