import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openExtensionPage, unpackedExtensionId, type ExtensionSession, type GmailRoutes } from './harness.ts';
import { composeBodies, openGmail, routeFixtures, statuses, typeAtStart } from './gmail-fixtures.ts';

// Issue 8's "Done when": the sample team file (docs/policy/team-file.json: a custom schedule,
// a customer directory entry, a locked rule) set as real Chromium enterprise policy changes
// the checks and the clocks in the Gmail fixture, shows the customer's context in the side
// panel, and flags a reply that leaves the account owner off Cc.
//
// Chromium on Linux reads policy files from /etc/chromium/policies/managed/; an extension's
// own policy sits under 3rdparty.extensions.<id>. The id of an unpacked extension comes
// from its folder, so it is computed before launch and checked after. The file is written
// only for this run and always removed. Tests run as root here and in CI; a machine where
// the folder cannot be written fails here with the reason rather than passing vacuously.

const POLICY_DIR = '/etc/chromium/policies/managed';
const repoRoot = path.resolve(import.meta.dirname, '../..');
const team = JSON.parse(readFileSync(path.join(repoRoot, 'docs/policy/team-file.json'), 'utf8')) as Record<string, unknown>;
const { stepAhead: _marker, version: _version, ...policy } = team;

// Answers nothing of note; the point is the recipients: Priya on To, Lee Wong on Cc, and
// the account owner (Sam Ortiz) on neither. "it will be looked into" is what `ownership`
// flags, and the team's policy switches that rule off.
const DRAFT = 'Hi Priya, thanks for the log. It will be looked into.';

function panelRule(panel: Page, ruleId: string): Locator {
  return panel.locator(`[data-testid="step-ahead-panel-rule"][data-rule="${ruleId}"]`);
}

describe('a team file set as managed policy in Chromium', () => {
  const extensionId = unpackedExtensionId();
  const policyFile = path.join(POLICY_DIR, `step-ahead-e2e-${extensionId}.json`);
  let session: ExtensionSession;
  let routes: GmailRoutes;
  let gmail: Page;
  let panel: Page;

  beforeAll(async () => {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
    try {
      session = await launchWithExtension();
      routes = await routeFixtures(session, 'inlineReply');
    } catch (error) {
      rmSync(policyFile, { force: true });
      throw error;
    }
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      rmSync(policyFile, { force: true });
    }
  });

  it('loads the extension under the id the policy was written for, and chrome.storage.managed returns the policy', async () => {
    expect(session.extensionId).toBe(extensionId);
    await expect
      .poll(() => session.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<unknown> } } } }).chrome.storage.managed.get(null)), {
        timeout: 15_000,
      })
      .toMatchObject({
        locked: ['schedule', 'rules.cc-account-owner'],
        settings: { rules: { 'cc-account-owner': 'error', ownership: 'off' }, schedule: { timeZone: 'Asia/Tokyo' } },
        directory: [{ domain: 'acme.example', accountOwner: { email: 'sam.ortiz@northwind.example' } }],
      });
  });

  it('flags the reply that leaves the account owner off Cc, at the locked severity, with the switched-off rule off', async () => {
    gmail = await openGmail(session);
    const body = composeBodies(gmail).first();
    await statuses(gmail).first().waitFor();
    await typeAtStart(gmail, body, DRAFT);
    panel = await openExtensionPage(session, 'sidepanel');
    const cc = panelRule(panel, 'cc-account-owner');
    await expect.poll(() => cc.getAttribute('data-status'), { timeout: 15_000 }).toBe('fail');
    expect(await cc.textContent()).toContain('Sam Ortiz (sam.ortiz@northwind.example) owns the Acme Robotics account');
    // The default severity is a warning; the team's policy made it an error.
    expect(await cc.locator('.tag').textContent()).toBe('Error');
    await expect.poll(() => panelRule(panel, 'ownership').getAttribute('data-status'), { timeout: 10_000 }).toBe('off');
  });

  it('shows the customer’s context from the directory in the side panel', async () => {
    const context = panel.locator('[data-testid="step-ahead-customer-context"]');
    await expect.poll(() => context.getAttribute('data-domain'), { timeout: 10_000 }).toBe('acme.example');
    await expect.poll(() => context.textContent(), { timeout: 10_000 }).toContain('Acme Robotics');
    const text = (await context.textContent()) ?? '';
    expect(text).toContain('Strategic');
    expect(await context.locator('[data-testid="step-ahead-customer-accountOwner"]').textContent()).toBe('Sam Ortiz <sam.ortiz@northwind.example>');
    expect(text).toContain('Self-hosted on Kubernetes 1.29');
    expect(text).toContain('The nightly sync stalls on large batches');
  });

  it('counts the clocks in the team’s schedule: Tokyo, open 10:00–11:00 on weekdays', async () => {
    const clocks = panel.locator('[data-testid="step-ahead-clock"]');
    await expect.poll(() => clocks.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The due time of each running clock (components/thread-clocks.tsx).
    const dues = await panel.locator('[data-testid="step-ahead-clocks"] time.clock-due').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dues.length).toBeGreaterThan(0);
    for (const due of dues) {
      // Every time a clock names is inside the team's business hours (an hour a day), which
      // the default schedule (New York, 08:00–17:00) would almost never give.
      const tokyo = DateTime.fromISO(due).setZone('Asia/Tokyo');
      const minutes = tokyo.hour * 60 + tokyo.minute;
      expect(minutes, `${due} in Tokyo`).toBeGreaterThanOrEqual(10 * 60);
      expect(minutes, `${due} in Tokyo`).toBeLessThanOrEqual(11 * 60);
    }
  });

  it('shows the locked values as locked in the options page', async () => {
    const options = await openExtensionPage(session, 'options');
    const rule = options.locator('[data-testid="step-ahead-options-rules"] [data-rule="cc-account-owner"]');
    await expect.poll(() => rule.getAttribute('data-locked'), { timeout: 10_000 }).toBe('true');
    expect(await rule.locator('select').isDisabled()).toBe(true);
    expect(await rule.textContent()).toContain('Set by your team’s policy');
    expect(await options.locator('[data-testid="step-ahead-options-zone"]').isDisabled()).toBe(true);
    expect(await options.locator('[data-testid="step-ahead-options-zone"]').inputValue()).toBe('Asia/Tokyo');
    // Unlocked: the team's choice is a default the user may change.
    expect(await options.locator('[data-testid="step-ahead-options-rules"] [data-rule="ownership"] select').isDisabled()).toBe(false);
    await options.close();
  });

  it('follows an edit made in the side panel without reloading Gmail: the owner changed to someone on Cc, the flag goes', async () => {
    const context = panel.locator('[data-testid="step-ahead-customer-context"]');
    await context.locator('[data-testid="step-ahead-customer-edit"]').click();
    const editor = context.locator('[data-testid="step-ahead-customer-editor"]');
    const owner = editor.locator('fieldset').filter({ hasText: 'Account owner' });
    await owner.getByLabel('Name').fill('Lee Wong');
    await owner.getByLabel('Email').fill('lee.wong@acme.example');
    await editor.locator('[data-testid="step-ahead-customer-save"]').click();
    await expect.poll(() => panelRule(panel, 'cc-account-owner').getAttribute('data-status'), { timeout: 15_000 }).toBe('pass');
    expect(await context.locator('[data-testid="step-ahead-customer-accountOwner"]').textContent()).toBe('Lee Wong <lee.wong@acme.example>');
    expect(routes.blockedRequests()).toEqual([]);
    expect(session.escapedRequests()).toEqual([]);
  });
});
