import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openExtensionPage, routeGmail, type ExtensionSession, type GmailRoutes } from './harness.ts';

// The side panel page of the built extension, opened as a tab, with no Gmail tab anywhere:
// it asks the background for the panel state, gets nothing, and teaches how to start.

describe('the side panel with no Gmail tab', () => {
  let session: ExtensionSession;
  let routes: GmailRoutes;

  beforeAll(async () => {
    session = await launchWithExtension();
    routes = await routeGmail(session.context, {});
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the empty state that explains how to start, and sends nothing anywhere', async () => {
    const errors: string[] = [];
    const page = await openExtensionPage(session, 'sidepanel');
    page.on('pageerror', (error) => errors.push(error.message));
    const empty = page.locator('[data-testid="step-ahead-panel-empty"]');
    await empty.waitFor({ state: 'visible' });
    expect(await empty.locator('h1').textContent()).toBe('Step Ahead');
    expect(await empty.textContent()).toContain(
      'Open a customer’s email in Gmail and click Reply — Step Ahead checks your reply as you type.',
    );
    expect(await page.title()).toBe('Step Ahead');
    await page.close();
    expect(errors).toEqual([]);
    expect(routes.blockedRequests()).toEqual([]);
    expect(session.escapedRequests()).toEqual([]);
  });
});
