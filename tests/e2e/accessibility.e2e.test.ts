import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { composeBodies, openGmail, routeFixtures, statuses, typeAtStart } from './gmail-fixtures.ts';
import { launchWithExtension, openExtensionPage, type ExtensionSession, type GmailRoutes } from './harness.ts';

// Issue 8's accessibility bar: the options page, the side panel, the popup and the pre-send
// modal have no serious or critical axe-core violations in Chromium, and their actions work
// from the keyboard alone (reached with Tab, used with Enter, Space or typing).

const ACME = {
  domain: 'acme.example',
  name: 'Acme Robotics',
  strategic: true,
  accountOwner: { name: 'Sam Ortiz', email: 'sam.ortiz@northwind.example' },
  notes: { environment: 'Kubernetes 1.29', versions: '4.2.0', contacts: 'Priya Shah' },
  checkIn: { frustrations: 'The nightly sync stalls', updatedOn: '2026-11-13' },
};

/** Presses Tab until `target` has focus: proof it is reachable from the keyboard. */
async function tabTo(page: Page, target: Locator, maxPresses = 200): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

describe('accessibility of Step Ahead’s pages', () => {
  let session: ExtensionSession;
  let routes: GmailRoutes;

  beforeAll(async () => {
    session = await launchWithExtension();
    routes = await routeFixtures(session, 'inlineReply');
    await session.serviceWorker.evaluate(
      (entries) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set({ directory: { version: 1, entries } }),
      [ACME],
    );
  });

  afterAll(async () => {
    await session?.close();
  });

  it('options page: no serious violations, and holidays, domains and rules change from the keyboard', async () => {
    const options = await openExtensionPage(session, 'options');
    await options.locator('[data-testid="step-ahead-options-rules"]').waitFor();
    await expect.poll(() => options.locator('[data-testid="step-ahead-options-directory"]').textContent(), { timeout: 10_000 }).toContain('Acme Robotics');
    expect(await seriousViolations(options)).toEqual([]);

    const preset = options.locator('[data-testid="step-ahead-options-us-holidays"]');
    await tabTo(options, preset);
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('[data-testid="step-ahead-options-holidays"] li').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(10);

    const domain = options.getByLabel('Add a domain');
    await tabTo(options, domain);
    await options.keyboard.type('northwind.example');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('[data-testid="step-ahead-options-domains"]').textContent(), { timeout: 10_000 }).toContain('northwind.example');

    const ownership = options.locator('[data-testid="step-ahead-options-rules"] [data-rule="ownership"] select');
    await tabTo(options, ownership);
    // A closed <select> takes its value from the keyboard: End picks the last choice, Off.
    await options.keyboard.press('End');
    await expect.poll(() => ownership.inputValue(), { timeout: 10_000 }).toBe('off');
    // Saved: a fresh page reads it back from storage.
    const again = await openExtensionPage(session, 'options');
    const ownershipAgain = again.locator('[data-testid="step-ahead-options-rules"] [data-rule="ownership"] select');
    await expect.poll(() => ownershipAgain.inputValue(), { timeout: 10_000 }).toBe('off');
    expect(await seriousViolations(again)).toEqual([]);
    await again.close();
    await options.close();
  });

  it('side panel with a reply open: no serious violations, and the customer is edited from the keyboard', async () => {
    const gmail = await openGmail(session);
    await statuses(gmail).first().waitFor();
    await typeAtStart(gmail, composeBodies(gmail).first(), 'Hi Priya, thanks for the log.');
    const panel = await openExtensionPage(session, 'sidepanel');
    const context = panel.locator('[data-testid="step-ahead-customer-context"]');
    await expect.poll(() => context.textContent(), { timeout: 15_000 }).toContain('Acme Robotics');
    await panel.locator('[data-testid="step-ahead-panel-rule"]').first().waitFor();
    // Collected and asserted at the end, so a violation does not hide a keyboard failure.
    const violations = { closed: await seriousViolations(panel), editing: [] as Awaited<ReturnType<typeof seriousViolations>> };

    await tabTo(panel, context.locator('[data-testid="step-ahead-customer-edit"]'));
    await panel.keyboard.press('Enter');
    const editor = context.locator('[data-testid="step-ahead-customer-editor"]');
    await editor.waitFor();
    violations.editing = await seriousViolations(panel);
    const goingWell = editor.getByLabel('What’s going well');
    await tabTo(panel, goingWell);
    await panel.keyboard.type('Dashboards adopted plant-wide');
    await tabTo(panel, editor.locator('[data-testid="step-ahead-customer-save"]'));
    await panel.keyboard.press('Enter');
    await expect.poll(() => context.textContent(), { timeout: 10_000 }).toContain('Dashboards adopted plant-wide');
    await panel.close();
    await gmail.close();
    expect(violations).toEqual({ closed: [], editing: [] });
  });

  it('popup: no serious violations', async () => {
    const popup = await openExtensionPage(session, 'popup');
    await popup.locator('#root > *').first().waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('pre-send modal: no serious violations, and Back to draft works from the keyboard', async () => {
    const gmail = await openGmail(session);
    await statuses(gmail).first().waitFor();
    await typeAtStart(gmail, composeBodies(gmail).first(), 'Hi Priya, thanks for the log.');
    await expect.poll(() => statuses(gmail).first().getAttribute('data-failing'), { timeout: 10_000 }).toMatch(/^[1-9]/);
    await gmail.locator('.M9 [role="button"][data-tooltip^="Send ("]').first().click();
    const modal = gmail.locator('[data-testid="step-ahead-presend"]');
    await modal.waitFor();
    expect(await seriousViolations(gmail, { include: [['[data-step-ahead-presend-host]', '[data-testid="step-ahead-presend"]']] })).toEqual([]);
    // "Back to draft" has focus when the checklist opens; Enter takes the writer back.
    await gmail.keyboard.press('Enter');
    await expect.poll(() => modal.count(), { timeout: 10_000 }).toBe(0);
    await gmail.close();
    expect(routes.blockedRequests()).toEqual([]);
  });
});
