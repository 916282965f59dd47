import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from './harness.ts';
import { gmailUrl } from './harness.ts';
import { routeFixtures, statuses } from './gmail-fixtures.ts';

// The question model ships beside the Gmail content script (bundle budget, wxt.config.ts).
// The script must get it; Gmail's page must not be able to probe for it, which is what
// use_dynamic_url is for: the file is reachable only under a per-session id.

describe('the question model in the Gmail tab', () => {
  let session: ExtensionSession;
  let page: Page;
  const finished: { url: string; status: number }[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFixtures(session, 'inlineReply');
    page = await session.context.newPage();
    page.on('requestfinished', async (request) => {
      finished.push({ url: request.url(), status: (await request.response())?.status() ?? -1 });
    });
    await page.goto(gmailUrl('/mail/u/0/', '#inbox/FMfcgzQXJWDsKmzKnXkTvRqbLfCcPgVr'));
    await statuses(page).first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('reaches the content script', async () => {
    await expect
      .poll(() => finished.some((r) => r.url.endsWith('/request-model.json') && r.status === 200))
      .toBe(true);
  });

  it("cannot be fetched by the page at the extension's fixed address", async () => {
    const outcome = await page.evaluate(async (id) => {
      try {
        return (await fetch(`chrome-extension://${id}/request-model.json`)).status;
      } catch {
        return 'refused';
      }
    }, session.extensionId);
    expect(outcome).toBe('refused');
  });
});
