import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessMinutesBefore } from '../../lib/reminders/lead-time.ts';
import type { PanelSnapshot } from '../../lib/schemas/panel.ts';
import type { SendRecord } from '../../lib/schemas/send.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import { settingsEnvelope } from '../../lib/settings/versions.ts';
import { launchWithExtension, openExtensionPage, type ExtensionSession } from './harness.ts';
import { composeBodies, openGmail, routeFixtures, stopServiceWorkers, typeAtStart } from './gmail-fixtures.ts';

// The "Done when" for reminders, in Chromium with the built extension: a reply that
// promises "by 3 pm ET tomorrow" becomes a reminder the popup lists; it survives Chrome
// stopping the service worker (and the alarm is armed again when the worker restarts); a
// notice fires at its lead time.
//
// The reply is typed into the fixture thread and sent with Gmail's Send button; the pre-send
// guard lets it go (through "Send anyway" when a check fails) and the Gmail tab reports the
// promise to the background. Later cases that need a promise on another thread deliver a
// `recordSend` message from an extension page, the same message the tab sends.

// The extension page's chrome.* API, as far as these tests call it inside page.evaluate.
declare const chrome: {
  runtime: { sendMessage(message: unknown, callback: (response?: { res?: unknown; err?: unknown }) => void): void };
  alarms: {
    getAll(): Promise<Array<{ name: string; scheduledTime: number; periodInMinutes?: number }>>;
    get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined>;
    clearAll(): Promise<boolean>;
  };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

const PROMISE = 'I will send you the patched build by 3 pm ET tomorrow.';
const DRAFT = `Hi Dana, status: we reproduced the stall. ${PROMISE} Next steps: I will test it on a copy of your data first.`;

/** Sends a protocol message the way @webext-core/messaging does, from an extension page. */
async function message<T>(page: Page, type: string, data: unknown): Promise<T> {
  const answer = await page.evaluate(
    ([type, data]) =>
      new Promise<{ res?: unknown; err?: unknown }>((resolve) =>
        chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }, (response) => resolve(response ?? {})),
      ),
    [type, data] as const,
  );
  if (answer.err) throw new Error(`${type} failed: ${JSON.stringify(answer.err)}`);
  return answer.res as T;
}

function sendRecordFrom(snapshot: PanelSnapshot, sentAt: number): SendRecord {
  return {
    threadId: snapshot.thread.threadId!,
    subject: snapshot.thread.subject,
    customer: snapshot.thread.customer,
    sentAt,
    path: 'button',
    outcome: 'clean',
    failedRules: [],
    promise: { due: snapshot.eta!.end!, text: snapshot.eta!.text, sentence: PROMISE },
    answeredQuestionIds: [],
    openQuestionIds: [],
    customerMessageAt: snapshot.thread.lastCustomerAt,
  };
}

// The fixture's permanent thread id (its legacy id 19aa0a79a530f6a1 in decimal).
const THREAD_ID = 'thread-f:1849302114567780001';

const rows = (page: Page) => page.locator('[data-testid="step-ahead-reminder"]');

describe('reminders kept from a sent promise', () => {
  let session: ExtensionSession;
  let gmail: Page;
  let popup: Page;
  let snapshot: PanelSnapshot;

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFixtures(session, 'inlineReply');
    gmail = await openGmail(session);
    popup = await openExtensionPage(session, 'popup');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('teaches what it is for while there is nothing to remind', async () => {
    await popup.locator('[data-testid="step-ahead-popup-empty"]').waitFor();
    expect(await popup.locator('[data-testid="step-ahead-popup-empty"]').textContent()).toContain('by 3 pm ET tomorrow');
  });

  it('lists the reminder for a reply that promised "by 3 pm ET tomorrow", due at that instant', async () => {
    const body = composeBodies(gmail).first();
    await body.waitFor();
    await typeAtStart(gmail, body, DRAFT);
    await expect
      .poll(async () => {
        const state = await message<PanelSnapshot | null>(popup, 'getPanelState', undefined);
        if (state?.eta?.end) snapshot = state;
        return state?.eta?.end ?? null;
      }, { timeout: 15_000 })
      .not.toBeNull();

    // The ETA the tab read is 15:00 New York time on the day after today (New York's today).
    const due = DateTime.fromISO(snapshot.eta!.end!).setZone('America/New_York');
    const tomorrow = DateTime.now().setZone('America/New_York').plus({ days: 1 });
    expect([due.toISODate(), due.hour, due.minute]).toEqual([tomorrow.toISODate(), 15, 0]);

    await gmail.bringToFront();
    await gmail.getByRole('button', { name: 'Send (Ctrl-Enter)' }).first().click();
    // Either the mail goes at once, or the checklist stops it and "Send anyway" sends it as
    // it is; the promise is recorded either way.
    const sentCount = () => gmail.evaluate(() => (window as unknown as { __sent: unknown[] }).__sent.length);
    const presend = gmail.getByTestId('step-ahead-presend');
    await expect.poll(async () => (await sentCount()) === 1 || (await presend.isVisible())).toBe(true);
    if ((await sentCount()) === 0) await gmail.getByTestId('step-ahead-send-anyway').click();
    await expect.poll(sentCount).toBe(1);
    // The popup's live query redraws without a reload.
    const row = rows(popup).filter({ hasText: 'Nightly sync stalls' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-thread-id')).toBe(THREAD_ID);
    expect(await row.locator('time').getAttribute('datetime')).toBe(new Date(snapshot.eta!.end!).toISOString());
    expect(await row.locator('q').textContent()).toBe(snapshot.eta!.text);
  });

  it('keeps the reminder when Chrome stops the worker, and the restarted worker arms its alarm again', async () => {
    const dueMs = Date.parse(snapshot.eta!.end!);
    const lead = businessMinutesBefore(dueMs, 60, DEFAULT_SCHEDULE);
    const expected = lead > Date.now() ? lead : dueMs;
    const nextAlarm = async () =>
      (await popup.evaluate(() => chrome.alarms.getAll())).find((a) => a.name === 'step-ahead:next-notice')?.scheduledTime ?? null;
    await expect.poll(nextAlarm).toBe(expected);

    // Take the alarms away, so only a restart that re-arms can bring them back.
    await popup.evaluate(() => chrome.alarms.clearAll());
    await stopServiceWorkers(session, popup);
    await popup.reload();
    await rows(popup).first().waitFor();
    expect(await rows(popup).getAttribute('data-thread-id')).toBe(THREAD_ID);

    // Any message wakes the worker, as a Gmail tab's next report would.
    await message(popup, 'getPanelState', undefined);
    await expect.poll(nextAlarm, { timeout: 10_000 }).toBe(expected);
    const catchUp = await popup.evaluate(() => chrome.alarms.get('step-ahead:catch-up'));
    expect(catchUp?.periodInMinutes).toBe(5);
  });

  it('"Remind me" in the side panel replaces the thread’s reminder instead of adding a second', async () => {
    const before = await rows(popup).filter({ hasText: 'Nightly sync stalls' }).getAttribute('data-reminder-id');
    // A new reply on the same thread, with the same promise in it.
    await gmail.reload();
    await typeAtStart(gmail, composeBodies(gmail).first(), DRAFT);
    const panel = await openExtensionPage(session, 'sidepanel');
    await expect.poll(() => panel.getByTestId('step-ahead-panel-eta').textContent(), { timeout: 15_000 }).toContain('3 pm ET tomorrow');
    await panel.locator('[data-testid="step-ahead-remind-me"] button', { hasText: 'Remind me' }).first().click();
    await panel.locator('[data-testid="step-ahead-remind-me"] [role="status"]').waitFor();
    const row = rows(popup).filter({ hasText: 'Nightly sync stalls' });
    await expect.poll(() => row.getAttribute('data-reminder-id')).not.toBe(before);
    expect(await row.count()).toBe(1);
    await panel.close();
  });

  it('"Open thread" shows the thread in the Gmail tab already open, by its legacy id', async () => {
    const pages = session.context.pages().length;
    await rows(popup).filter({ hasText: 'Nightly sync stalls' }).getByRole('button', { name: 'Open thread' }).click();
    await expect.poll(() => gmail.url()).toContain('#all/19aa0a79a530f6a1');
    expect(session.context.pages().length).toBe(pages);
  });

  it('raises the notice at its lead time, before the one at the ETA', async () => {
    // A schedule open around the clock, with a one-minute lead, so the lead notice falls
    // half a minute from now on any day of the week.
    const always = Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]);
    await popup.evaluate(
      (value) => chrome.storage.local.set({ settings: value }),
      settingsEnvelope({ schedule: { ...DEFAULT_SCHEDULE, week: always }, reminderLeadMinutes: 1 }),
    );
    const sentAt = Date.now();
    const due = new Date(sentAt + 90_000);
    await message(popup, 'recordSend', {
      ...sendRecordFrom(snapshot, sentAt),
      threadId: 'thread-near-future',
      subject: 'Near future promise',
      promise: { due: due.toISOString(), text: 'in 90 seconds', sentence: 'I will be back in 90 seconds.' },
    });
    const row = rows(popup).filter({ hasText: 'Near future promise' });
    await row.waitFor();
    const reminderId = (await row.getAttribute('data-reminder-id'))!;
    const leadAt = due.getTime() - 60_000;

    const notices = () => popup.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all)));
    await expect.poll(notices, { timeout: 45_000, interval: 250 }).toContain(`step-ahead:reminder:${reminderId}:lead`);
    const seenAt = Date.now();
    expect(seenAt).toBeGreaterThanOrEqual(leadAt);
    expect(await notices()).not.toContain(`step-ahead:reminder:${reminderId}:due`);
  });
});
