import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtTarget } from '../../build/output-dir.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailUrl, launchWithExtension, openExtensionPage, routeGmail, type ExtensionSession, type GmailRoutes } from './harness.ts';

// The built extension, loaded into Debian's Chromium the way a user's browser would load
// it, on a Gmail address served from a fixture. Later suites build on the same harness.

const builtManifest = JSON.parse(
  readFileSync(path.join(builtTarget('chrome-mv3'), 'manifest.json'), 'utf8'),
) as { name: string; version: string };

describe('the built Chrome extension in Chromium', () => {
  let session: ExtensionSession;
  let routes: GmailRoutes;

  beforeAll(async () => {
    session = await launchWithExtension();
    routes = await routeGmail(session.context, { '/mail/u/0/': 'tests/e2e/pages/smoke-inbox.html' });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('starts its background service worker and gets an extension id', () => {
    expect(session.serviceWorker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
    // Chrome derives ids from a hash written with the letters a–p.
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('is the Step Ahead build from the chrome-mv3 output', async () => {
    const tab = await openExtensionPage(session, 'manifest.json');
    const loaded = JSON.parse((await tab.textContent('body')) ?? '') as { name: string; version: string };
    await tab.close();
    expect(loaded.name).toBe('Step Ahead');
    expect(loaded.version).toBe(builtManifest.version);
  });

  it('shows the routed Gmail page at its real address, and nothing leaves the browser', async () => {
    const page = await session.context.newPage();
    await page.goto(gmailUrl('/mail/u/0/', '#inbox'));
    await expect.poll(() => page.textContent('[data-testid="smoke-heading"]')).toBe('Inbox');
    expect(page.url()).toBe('https://mail.google.com/mail/u/0/#inbox');
    expect(await page.title()).toBe('Inbox - smoke@example.com - Gmail');
    // Give the extension's worker and any content script time to do something foolish.
    await page.waitForTimeout(1_000);
    await page.close();

    expect(routes.servedRequests()).toEqual(['https://mail.google.com/mail/u/0/']);
    expect(routes.blockedRequests()).toEqual([]);
    expect(session.escapedRequests()).toEqual([]);
  });

  // Runs last: it deliberately makes the requests the test above proves absent.
  it('records what a page or the service worker tries to send anywhere but the fixtures', async () => {
    const page = await session.context.newPage();
    await page.goto(gmailUrl('/mail/u/0/'));
    await page.evaluate(async () => {
      await fetch('https://mail.google.com/sync/u/0/i/s').catch(() => undefined);
      await fetch('https://tracker.example/collect', { method: 'POST', body: 'draft text' }).catch(() => undefined);
    });
    await session.serviceWorker.evaluate(async () => {
      await fetch('https://api.example/v1/check').catch(() => undefined);
    });
    await page.close();

    expect(routes.blockedRequests()).toEqual([
      { url: 'https://mail.google.com/sync/u/0/i/s', method: 'GET', resourceType: 'fetch', fromServiceWorker: false },
      { url: 'https://tracker.example/collect', method: 'POST', resourceType: 'fetch', fromServiceWorker: false },
      { url: 'https://api.example/v1/check', method: 'GET', resourceType: 'fetch', fromServiceWorker: true },
    ]);
    expect(session.escapedRequests()).toEqual([]);
  });
});
