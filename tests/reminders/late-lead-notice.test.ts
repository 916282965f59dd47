import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NEXT_NOTICE_ALARM } from '../../entrypoints/background/alarms.ts';
import { StepAheadDb } from '../../entrypoints/background/db.ts';
import { setupReminders, type RemindersHandle } from '../../entrypoints/background/setup-reminders.ts';
import { noticeText } from '../../lib/reminders/notice-text.ts';
import type { Reminder } from '../../lib/schemas/reminder.ts';
import type { SendRecord } from '../../lib/schemas/send.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import { settingsEnvelope } from '../../lib/settings/versions.ts';
import type { Schedule } from '../../lib/types.ts';
import { deliver, resetMessaging } from '../background/fake-messaging.ts';
import { GMAIL, gmailSender, installFakeTabs } from '../background/fake-tabs.ts';

// The early notice says how long is really left when it appears. It can appear late — the
// computer slept through its moment, or the lead time was just made longer — and "Due in
// 1 business hour" half an hour before the ETA would send the user off for an hour.

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('../background/fake-messaging.ts'));

const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();

function reminder(dueIso: string): Reminder {
  const dueAt = ny(dueIso);
  return {
    id: 'r1', threadId: 't1', subject: 'Invoice 4411', customer: { name: 'Dana', email: 'dana@northwind.example' },
    etaText: 'by 3 pm ET Thursday', sentence: null, etaAt: dueAt, dueAt, leadNotice: true, notified: [], source: 'send',
    createdAt: ny('2026-11-17T10:00'), updatedAt: ny('2026-11-17T10:00'),
  };
}

describe('the early notice’s words', () => {
  it('counts the business time left when it is shown, not the lead time', () => {
    const r = reminder('2026-11-19T15:00'); // Thursday
    expect(noticeText(r, 'lead', DEFAULT_SCHEDULE, ny('2026-11-19T14:00')).title).toBe('Due in 1 business hour: Invoice 4411');
    expect(noticeText(r, 'lead', DEFAULT_SCHEDULE, ny('2026-11-19T14:35')).title).toBe('Due in 25 business minutes: Invoice 4411');
    expect(noticeText(r, 'lead', DEFAULT_SCHEDULE, ny('2026-11-19T13:00')).title).toBe('Due in 2 business hours: Invoice 4411');
    expect(noticeText(r, 'lead', DEFAULT_SCHEDULE, ny('2026-11-19T11:30')).title).toBe('Due in 3 business hours 30 minutes: Invoice 4411');
  });

  it('counts only open hours: Wednesday evening to Thursday 9:00 is one business hour', () => {
    const r = reminder('2026-11-19T09:00');
    expect(noticeText(r, 'lead', DEFAULT_SCHEDULE, ny('2026-11-18T20:00')).title).toBe('Due in 1 business hour: Invoice 4411');
  });

  it('names the due time when no business time is left (after closing, due at the next opening)', () => {
    const r = reminder('2026-11-23T08:00'); // Monday, at opening
    expect(noticeText(r, 'lead', DEFAULT_SCHEDULE, ny('2026-11-20T17:30')).title).toBe('Due Mon, Nov 23, 8:00 AM EST: Invoice 4411');
  });

  it('counts calendar time on a schedule with no business hours, without calling it business time', () => {
    const closed: Schedule = { ...DEFAULT_SCHEDULE, week: [[], [], [], [], [], [], []] };
    const r = reminder('2026-11-19T15:00');
    expect(noticeText(r, 'lead', closed, ny('2026-11-19T13:45')).title).toBe('Due in 1 hour 15 minutes: Invoice 4411');
  });

  it('the notice at the ETA is unchanged', () => {
    expect(noticeText(reminder('2026-11-19T15:00'), 'due', DEFAULT_SCHEDULE, ny('2026-11-19T15:00')).title).toBe('Due now: Invoice 4411');
  });
});

describe('an early notice raised late by the background', () => {
  const clock = { now: ny('2026-11-18T10:00') };
  let dbName: string;
  let counter = 0;
  let db: StepAheadDb;
  let handle: RemindersHandle;

  const send = (): SendRecord => ({
    threadId: 'thread-f:1', subject: 'Invoice 4411', customer: null, sentAt: clock.now, path: 'button', outcome: 'clean',
    failedRules: [], answeredQuestionIds: [], openQuestionIds: [], customerMessageAt: null,
    promise: { due: new Date(ny('2026-11-19T15:00')).toISOString(), text: 'by 3 pm ET tomorrow', sentence: 'By 3 pm ET tomorrow.' },
  });
  const titles = async () => Object.values(await fakeBrowser.notifications.getAll()).map((n) => (n as { title: string }).title);

  beforeEach(async () => {
    fakeBrowser.reset();
    resetMessaging();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
    clock.now = ny('2026-11-18T10:00');
    dbName = `late-lead-test-${Date.now()}-${counter++}`;
    db = new StepAheadDb(dbName);
    handle = setupReminders(db, { now: () => clock.now });
    await handle.ready;
    await deliver('recordSend', send(), gmailSender(1));
    await handle.refresh();
  });

  afterEach(async () => {
    await handle.refresh().catch(() => undefined);
    handle.dispose();
    db.close();
    await Dexie.delete(dbName);
    vi.restoreAllMocks();
  });

  it('after the computer slept through its moment, says the half hour that is left', async () => {
    clock.now = ny('2026-11-19T14:30'); // the lid opens half an hour before the ETA
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_NOTICE_ALARM, scheduledTime: clock.now });
    await handle.refresh();
    expect(await titles()).toEqual(['Due in 30 business minutes: Invoice 4411']);
  });

  it('after the lead time was made longer than the time left, says the time left', async () => {
    clock.now = ny('2026-11-19T13:00');
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ reminderLeadMinutes: 240 }) });
    await vi.waitFor(async () => expect(await titles()).toEqual(['Due in 2 business hours: Invoice 4411']));
  });
});
