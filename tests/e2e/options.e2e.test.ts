import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openExtensionPage, type ExtensionSession } from './harness.ts';

// The options page against real extension storage: broken saved settings fall back to the
// defaults with a visible notice (never a blank page), an older saved shape is upgraded, a
// hostile team file is refused with a clear message and changes nothing, a good one imports.

type Chrome = { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>>; set(v: unknown): Promise<void>; clear(): Promise<void> } } } };

describe('the options page', () => {
  let session: ExtensionSession;
  const errors: string[] = [];

  const stored = () => session.serviceWorker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null));
  const store = (items: Record<string, unknown>) =>
    session.serviceWorker.evaluate(async (value) => {
      const local = (globalThis as unknown as Chrome).chrome.storage.local;
      await local.clear();
      await local.set(value);
    }, items);
  const open = async (): Promise<Page> => {
    const page = await openExtensionPage(session, 'options');
    page.on('pageerror', (error) => errors.push(error.message));
    await page.locator('[data-testid="step-ahead-options-rules"]').waitFor();
    return page;
  };

  beforeAll(async () => {
    session = await launchWithExtension();
  });

  afterAll(async () => {
    await session?.close();
    expect(errors).toEqual([]);
  });

  it('shows a notice and the defaults when the saved settings are broken', async () => {
    await store({ settings: { version: 2, settings: { reminderLeadMinutes: 'soon', schedule: { timeZone: 'Mars/Olympus' }, role: 'sales-consultant' } } });
    const page = await open();
    const notice = page.locator('[data-testid="step-ahead-options-problems"]');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('reminderLeadMinutes');
    expect(await notice.textContent()).toContain('schedule');
    expect(await page.locator('[data-testid="step-ahead-options-lead"]').inputValue()).toBe('60');
    expect(await page.locator('[data-testid="step-ahead-options-zone"]').inputValue()).toBe('America/New_York');
    // The valid field is kept.
    expect(await page.locator('[data-testid="step-ahead-options-role"] input[value="sales-consultant"]').isChecked()).toBe(true);
    await page.close();
  });

  it('upgrades settings saved before versioning into the envelope, keeping them', async () => {
    await store({ settings: { role: 'custom', reminderLeadMinutes: 15 } });
    const page = await open();
    await expect.poll(async () => (await stored()).settings, { timeout: 10_000 }).toEqual({ version: 2, settings: { role: 'custom', reminderLeadMinutes: 15 } });
    await expect.poll(() => page.locator('[data-testid="step-ahead-options-lead"]').inputValue(), { timeout: 10_000 }).toBe('15');
    expect(await page.locator('[data-testid="step-ahead-options-problems"]').count()).toBe(0);
    await page.close();
  });

  it.each([
    ['prototype pollution', '{"settings": {"__proto__": {"role": "custom"}}}', /"__proto__"/],
    ['wrong types', JSON.stringify({ settings: { reminderLeadMinutes: 'ten', rules: { ownership: 7 } } }), /reminderLeadMinutes/],
    ['a huge string', JSON.stringify({ directory: [{ domain: 'acme.example', name: 'A'.repeat(50_000) }] }), /directory\[0\]\.name/],
    ['not JSON', 'settings = { role: custom }', /not valid JSON/],
  ])('refuses a team file with %s, says why, and changes nothing', async (_name, text, reason) => {
    await store({ settings: { version: 2, settings: { reminderLeadMinutes: 45 } } });
    const before = await stored();
    const page = await open();
    await page.locator('[data-testid="step-ahead-options-import"]').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const result = page.locator('[data-testid="step-ahead-options-import-result"]');
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toMatch(reason);
    expect(await result.textContent()).toMatch(/^The file was not imported: .*Nothing was changed\.$/);
    expect(await result.getAttribute('role')).toBe('alert');
    expect(await stored()).toEqual(before);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).role)).toBeUndefined();
    await page.close();
  });

  it('imports a good team file and shows its values at once', async () => {
    await store({});
    const page = await open();
    const file = {
      stepAhead: 'team-file',
      version: 1,
      settings: { reminderLeadMinutes: 90, rules: { ownership: 'off' } },
      directory: [{ domain: 'acme.example', name: 'Acme Robotics', accountOwner: { name: 'Sam Ortiz', email: 'sam.ortiz@northwind.example' } }],
      locked: ['rules.ownership'],
    };
    await page.locator('[data-testid="step-ahead-options-import"]').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const result = page.locator('[data-testid="step-ahead-options-import-result"]');
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('Imported 2 settings and 1 customer.');
    expect(await result.textContent()).toContain('only a managed policy can lock');
    await expect.poll(() => page.locator('[data-testid="step-ahead-options-lead"]').inputValue(), { timeout: 10_000 }).toBe('90');
    const ownership = page.locator('[data-testid="step-ahead-options-rules"] [data-rule="ownership"] select');
    expect(await ownership.inputValue()).toBe('off');
    // A file's locks are not applied: the user can still change the rule.
    expect(await ownership.isDisabled()).toBe(false);
    expect(await page.locator('[data-testid="step-ahead-options-directory"]').textContent()).toContain('Sam Ortiz <sam.ortiz@northwind.example>');
    await page.close();
  });
});
