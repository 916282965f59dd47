import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CATCH_UP_ALARM, NEXT_NOTICE_ALARM } from '../../entrypoints/background/alarms.ts';
import { StepAheadDb, parseReminderRows } from '../../entrypoints/background/db.ts';
import { setupReminders, type RemindersHandle } from '../../entrypoints/background/setup-reminders.ts';
import { STORAGE_PROBLEM_KEY, STORAGE_PROBLEM_NOTIFICATION } from '../../entrypoints/background/storage-problems.ts';
import type { SendRecord } from '../../lib/schemas/send.ts';
import { settingsEnvelope } from '../../lib/settings/versions.ts';
import { deliver, resetMessaging } from '../background/fake-messaging.ts';
import { GMAIL, gmailSender, installFakeTabs, panelSender } from '../background/fake-tabs.ts';

// The reminders in the background with fake-browser (alarms, notifications, badge, storage)
// and fake-indexeddb, on a clock the test moves: what a user relies on when the worker is
// stopped, the browser restarted, the computer asleep, or the disk full.

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('../background/fake-messaging.ts'));

const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const clock = { now: ny('2026-11-18T10:00') };
let dbName: string;
let counter = 0;
const dbs: StepAheadDb[] = [];
const handles: RemindersHandle[] = [];

function openDb(): StepAheadDb {
  const db = new StepAheadDb(dbName);
  dbs.push(db);
  return db;
}

async function start(db = openDb()): Promise<{ db: StepAheadDb; handle: RemindersHandle }> {
  const handle = setupReminders(db, { now: () => clock.now });
  handles.push(handle);
  await handle.ready;
  return { db, handle };
}

function send(threadId: string, dueIso: string | null, extra: Partial<SendRecord> = {}): SendRecord {
  return {
    threadId,
    subject: `Subject of ${threadId}`,
    customer: { name: 'Dana', email: 'dana@northwind.example' },
    sentAt: clock.now,
    path: 'button',
    outcome: 'clean',
    failedRules: [],
    promise: dueIso ? { due: new Date(ny(dueIso)).toISOString(), text: 'by 3 pm ET tomorrow', sentence: 'I will write by 3 pm ET tomorrow.' } : null,
    answeredQuestionIds: [],
    openQuestionIds: [],
    customerMessageAt: null,
    ...extra,
  };
}

const notificationIds = async () => Object.keys(await fakeBrowser.notifications.getAll());
const alarmAt = async (name = NEXT_NOTICE_ALARM) => (await fakeBrowser.alarms.get(name))?.scheduledTime ?? null;
async function fire(handle: RemindersHandle, name = NEXT_NOTICE_ALARM) {
  await fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: clock.now });
  await handle.refresh();
}
const reminders = async (db: StepAheadDb) => parseReminderRows(await db.reminders.toArray());

beforeEach(() => {
  fakeBrowser.reset();
  resetMessaging();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
  clock.now = ny('2026-11-18T10:00');
  dbName = `reminders-test-${Date.now()}-${counter++}`;
});

afterEach(async () => {
  // Let refreshes a change queued finish before the database goes.
  for (const handle of handles.splice(0)) {
    await handle.refresh().catch(() => undefined);
    handle.dispose();
  }
  for (const db of dbs.splice(0)) db.close();
  await Dexie.delete(dbName);
  vi.restoreAllMocks();
});

describe('a promise sent from Gmail', () => {
  it('becomes the thread’s reminder, logged, with the alarm at the lead time (one business hour before)', async () => {
    const { db } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await vi.waitFor(async () => expect(await alarmAt()).toBe(ny('2026-11-19T14:00')));
    const [reminder] = await reminders(db);
    expect(reminder).toMatchObject({ threadId: 'thread-f:1', dueAt: ny('2026-11-19T15:00'), etaText: 'by 3 pm ET tomorrow', source: 'send' });
    expect(await db.sendLog.count()).toBe(1);
    expect((await fakeBrowser.alarms.get(CATCH_UP_ALARM))?.periodInMinutes).toBe(5);
  });

  it('a reply without a promise is logged and makes no reminder', async () => {
    const { db } = await start();
    await deliver('recordSend', send('thread-f:1', null), gmailSender(1));
    expect(await db.sendLog.count()).toBe(1);
    expect(await db.reminders.count()).toBe(0);
  });

  it('refuses a malformed record and one from outside Gmail', async () => {
    const { db } = await start();
    expect((await deliver('recordSend', { ...send('t', '2026-11-19T15:00'), sentAt: 'now' }, gmailSender(1))).err).toBeDefined();
    const elsewhere = { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' } };
    expect((await deliver('recordSend', send('t', '2026-11-19T15:00'), elsewhere)).err).toBeDefined();
    expect(await db.sendLog.count()).toBe(0);
  });

  it('a newer ETA on the thread replaces the older reminder; an older one arriving late does not', async () => {
    const { db } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00', { sentAt: clock.now }), gmailSender(1));
    await deliver('recordSend', send('thread-f:1', '2026-11-20T12:00', { sentAt: clock.now + 60_000 }), gmailSender(1));
    await deliver('recordSend', send('thread-f:1', '2026-11-24T12:00', { sentAt: clock.now + 30_000 }), gmailSender(1));
    const kept = await reminders(db);
    expect(kept.map((r) => r.dueAt)).toEqual([ny('2026-11-20T12:00')]);
    expect(await db.sendLog.count()).toBe(3);
  });

  it('two Gmail tabs sending at once lose nothing', async () => {
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: true },
      { id: 2, windowId: 1, url: GMAIL, active: false },
    ]);
    const { db } = await start();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        deliver('recordSend', send(`thread-${i % 10}`, '2026-11-19T15:00', { sentAt: clock.now + i }), gmailSender(1 + (i % 2))),
      ),
    );
    expect(await db.sendLog.count()).toBe(20);
    const kept = await reminders(db);
    expect(kept.map((r) => r.threadId).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `thread-${i}`).sort());
    // Each thread keeps its later promise (sent second).
    expect(kept.every((r) => r.createdAt >= clock.now + 10)).toBe(true);
  });
});

describe('notices', () => {
  it('raises the lead notice at its time with buttons, then the one at the ETA, and counts it overdue', async () => {
    const { handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await handle.refresh();
    clock.now = ny('2026-11-19T13:59');
    await fire(handle);
    expect(await notificationIds()).toEqual([]);

    clock.now = ny('2026-11-19T14:00');
    await fire(handle);
    const [leadId] = await notificationIds();
    expect(leadId).toMatch(/^step-ahead:reminder:.+:lead$/);
    const lead = (await fakeBrowser.notifications.getAll())[leadId!] as { title: string; buttons?: unknown[] };
    expect(lead.title).toBe('Due in 1 business hour: Subject of thread-f:1');
    expect(lead.buttons).toHaveLength(2);
    expect(await alarmAt()).toBe(ny('2026-11-19T15:00'));

    clock.now = ny('2026-11-19T15:00');
    await fire(handle);
    expect((await notificationIds()).filter((id) => id.endsWith(':due'))).toHaveLength(1);
    expect(await alarmAt()).toBeNull();
    clock.now += 1;
    await fire(handle, CATCH_UP_ALARM);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('falls back to a plain notification where buttons are refused (Firefox)', async () => {
    const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
    vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, options: { buttons?: unknown }) => {
      if (options.buttons) throw new Error('Property "buttons" is unsupported by Firefox');
      return create(id, options as never);
    }) as never);
    const { handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    clock.now = ny('2026-11-19T14:00');
    await fire(handle);
    const all = await fakeBrowser.notifications.getAll();
    expect(Object.values(all)).toHaveLength(1);
    expect(Object.values(all)[0]).not.toHaveProperty('buttons');
  });

  it('after sleeping through both notices, raises one, once — however many alarms and restarts follow', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const { db, handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await handle.refresh();
    create.mockClear();

    clock.now = ny('2026-11-20T09:30'); // the lid opens the next morning
    await Promise.all([fire(handle), fire(handle, CATCH_UP_ALARM)]);
    handle.dispose();
    const restarted = await start(openDb());
    await fakeBrowser.runtime.onStartup.trigger();
    await restarted.handle.refresh();

    const raised = create.mock.calls.map((call) => String(call[0]));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatch(/:due$/);
    expect((await reminders(db))[0]!.notified.sort()).toEqual(['due', 'lead']);
  });

  it('a clock that jumps back raises nothing early, and the alarm still points at the right instant', async () => {
    const { handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    clock.now = ny('2026-11-17T09:00');
    await fire(handle, CATCH_UP_ALARM);
    expect(await notificationIds()).toEqual([]);
    expect(await alarmAt()).toBe(ny('2026-11-19T14:00'));
  });

  it('keeps due times right across the autumn DST change', async () => {
    clock.now = ny('2026-10-30T10:00');
    const { db, handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-02T09:00'), gmailSender(1));
    await handle.refresh();
    // Monday 09:00 EST is 14:00 UTC (it was 13:00 UTC the week before); the lead is 08:00 EST.
    expect((await reminders(db))[0]!.dueAt).toBe(Date.parse('2026-11-02T14:00:00Z'));
    expect(await alarmAt()).toBe(Date.parse('2026-11-02T13:00:00Z'));
  });
});

describe('restarts', () => {
  it('a stopped and restarted worker finds the reminders and arms the alarm again', async () => {
    const first = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await first.handle.refresh();
    first.handle.dispose();
    first.db.close();
    resetMessaging();
    await fakeBrowser.alarms.clearAll();

    const second = await start(openDb());
    expect((await reminders(second.db)).map((r) => r.threadId)).toEqual(['thread-f:1']);
    expect(await alarmAt()).toBe(ny('2026-11-19T14:00'));
    expect(await alarmAt(CATCH_UP_ALARM)).not.toBeNull();
  });

  it('re-arms on browser start-up and on install or update', async () => {
    const { handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await handle.refresh();
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await handle.refresh();
    expect(await alarmAt()).toBe(ny('2026-11-19T14:00'));
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await handle.refresh();
    expect(await alarmAt()).toBe(ny('2026-11-19T14:00'));
    await vi.waitFor(async () => expect(await alarmAt(CATCH_UP_ALARM)).not.toBeNull());
  });

  it('moves pending notices when the lead time setting changes', async () => {
    const { handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await handle.refresh();
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ reminderLeadMinutes: 120 }) });
    await vi.waitFor(async () => expect(await alarmAt()).toBe(ny('2026-11-19T13:00')));
  });

  it('moves pending notices when the team’s policy changes the lead time', async () => {
    const { handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await handle.refresh();
    await fakeBrowser.storage.managed.set({ settings: { reminderLeadMinutes: 120 }, locked: ['reminderLeadMinutes'] });
    await vi.waitFor(async () => expect(await alarmAt()).toBe(ny('2026-11-19T13:00')));
  });

  it('a settings change that leaves the lead time and schedule alone does not rewrite the reminders', async () => {
    const { db, handle } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await handle.refresh();
    const bulkPut = vi.spyOn(db.reminders, 'bulkPut');
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ teamDomains: ['northwind.example'] }) });
    await handle.refresh();
    // A real change right after is handled; the one before it rewrote nothing.
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ teamDomains: ['northwind.example'], reminderLeadMinutes: 120 }) });
    await vi.waitFor(async () => expect(await alarmAt()).toBe(ny('2026-11-19T13:00')));
    expect(bulkPut).toHaveBeenCalledTimes(1);
  });
});

describe('actions from the popup and notifications', () => {
  async function withReminder() {
    const started = await start();
    await deliver('recordSend', send('thread-f:1849302114567780001', '2026-11-19T15:00'), gmailSender(1));
    const [reminder] = await reminders(started.db);
    return { ...started, reminder: reminder! };
  }

  it('snoozes to the next business morning, with one notice then and none before', async () => {
    const { db, reminder } = await withReminder();
    clock.now = ny('2026-11-20T16:30'); // Friday afternoon
    const res = (await deliver('snoozeReminder', { id: reminder.id, preset: 'next-morning' }, panelSender())).res as { dueAt: number };
    expect(res.dueAt).toBe(ny('2026-11-23T08:00'));
    expect((await reminders(db))[0]).toMatchObject({ leadNotice: false, notified: [], nextNoticeAt: ny('2026-11-23T08:00') });
    await vi.waitFor(async () => expect(await alarmAt()).toBe(ny('2026-11-23T08:00')));
  });

  it('snoozes until a chosen time, refusing one in the past', async () => {
    const { reminder } = await withReminder();
    const until = clock.now + 3 * 60 * 60_000;
    expect(((await deliver('snoozeReminder', { id: reminder.id, until }, panelSender())).res as { dueAt: number }).dueAt).toBe(until);
    expect((await deliver('snoozeReminder', { id: reminder.id, until: clock.now - 1 }, panelSender())).err?.message).toMatch(/future/);
  });

  it('edits the time and marks done; a Gmail page may not do either', async () => {
    const { db, reminder } = await withReminder();
    expect((await deliver('editReminder', { id: reminder.id, dueAt: ny('2026-11-25T12:00') }, gmailSender(1))).err).toBeDefined();
    await deliver('editReminder', { id: reminder.id, dueAt: ny('2026-11-25T12:00') }, panelSender());
    expect((await reminders(db))[0]).toMatchObject({ dueAt: ny('2026-11-25T12:00'), leadNotice: true });
    expect((await deliver('completeReminder', { id: reminder.id }, panelSender())).res).toEqual({ removed: true });
    expect(await db.reminders.count()).toBe(0);
  });

  it('a click on the notice opens the thread in the open Gmail tab; its second button snoozes an hour', async () => {
    const { db, handle, reminder } = await withReminder();
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    clock.now = ny('2026-11-19T14:00');
    await fire(handle);
    const [id] = await notificationIds();
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await vi.waitFor(() =>
      expect(update).toHaveBeenCalledWith(1, { active: true, url: 'https://mail.google.com/mail/u/0/#all/19aa0a79a530f6a1' }),
    );
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(async () => expect((await reminders(db))[0]!.dueAt).toBe(clock.now + 60 * 60_000));
    expect((await reminders(db))[0]!.id).toBe(reminder.id);
  });

  it('"Snooze 1 hour" on an early notice never brings the reminder before the promised time', async () => {
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ reminderLeadMinutes: 120 }) });
    const { db, handle, reminder } = await withReminder();
    clock.now = ny('2026-11-19T13:00'); // two business hours before 15:00
    await fire(handle);
    const [id] = await notificationIds();
    expect(id).toMatch(/:lead$/);
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(async () => expect((await reminders(db))[0]!.updatedAt).toBe(clock.now));
    expect((await reminders(db))[0]).toMatchObject({ id: reminder.id, dueAt: ny('2026-11-19T15:00'), nextNoticeAt: ny('2026-11-19T15:00') });
  });

  it('counts a reminder on the badge the moment it falls due', async () => {
    const { handle } = await withReminder();
    clock.now = ny('2026-11-19T15:00');
    await fire(handle);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('"Remind me" from the side panel replaces the thread’s reminder', async () => {
    const { db } = await withReminder();
    const res = await deliver(
      'createReminder',
      { threadId: 'thread-f:1849302114567780001', subject: 'S', customer: null, dueAt: ny('2026-11-21T09:00'), etaText: null, sentence: null },
      panelSender(),
    );
    expect(res.err).toBeUndefined();
    expect((await reminders(db)).map((r) => [r.source, r.dueAt])).toEqual([['manual', ny('2026-11-21T09:00')]]);
  });
});

describe('storage problems reach the user', () => {
  it('a full disk refuses the send record: a notification, the badge "!" and a banner for the popup', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { db } = await start();
    vi.spyOn(db.sendLog, 'add').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const result = await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00', { subject: 'Invoice 4411' }), gmailSender(1));
    expect(result.err).toBeDefined();
    const stored = (await fakeBrowser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY] as { action: string; message: string };
    expect(stored.action).toContain('Invoice 4411');
    expect(stored.message).toMatch(/no room/);
    expect(await notificationIds()).toContain(STORAGE_PROBLEM_NOTIFICATION);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await db.reminders.count()).toBe(0);
  });

  it('a database that keeps failing is reported once, not in an endless loop of writes and notifications', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { db, handle } = await start();
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    let failures = 0;
    // Fails like a broken database would, but gives up after 40 tries so a loop ends.
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (failures >= 40) return transaction(...args);
      failures++;
      return Promise.reject(new DOMException('The database could not be opened.', 'UnknownError'));
    }) as never);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await expect(handle.refresh()).rejects.toThrow();
    // The catch-up alarm five minutes later finds the same problem: nothing new to tell.
    clock.now += 5 * 60_000;
    await expect(fire(handle, CATCH_UP_ALARM)).rejects.toThrow();
    await vi.waitFor(() => expect(failures).toBeGreaterThanOrEqual(3));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    const problemWrites = set.mock.calls.filter(([items]) => STORAGE_PROBLEM_KEY in (items as object));
    expect(problemWrites).toHaveLength(1);
    expect(create.mock.calls.filter((call) => String(call[0]) === STORAGE_PROBLEM_NOTIFICATION)).toHaveLength(1);
    // The start-up refresh, the alarm's and the one the test awaited: nothing more.
    expect(failures).toBe(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');

    // Dismissed in the popup: the badge is redrawn, and a problem still there is told again, once.
    await fakeBrowser.storage.local.remove(STORAGE_PROBLEM_KEY);
    await handle.refresh().catch(() => undefined);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failures).toBeLessThanOrEqual(5);
    expect(create.mock.calls.filter((call) => String(call[0]) === STORAGE_PROBLEM_NOTIFICATION)).toHaveLength(2);
  });
});

describe('export, import and clear', () => {
  it('round-trips everything; a bad file changes nothing; clear keeps the settings', async () => {
    const { db } = await start();
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ reminderLeadMinutes: 30 }) });
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    await db.threads.put({ threadId: 'thread-f:1', marks: { q: 'answered' }, flags: { resolved: false, waitingOnCustomer: false }, updatedAt: 1 });
    const exported = (await deliver('exportData', undefined, panelSender())).res;
    const text = JSON.stringify(exported);

    const bad = text.replace('"threadId":"thread-f:1"', '"threadId":7');
    const refused = (await deliver('importData', { text: bad }, panelSender())).res as { ok: boolean; error: string };
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/threadId/);
    expect(await db.reminders.count()).toBe(1);

    expect((await deliver('clearData', undefined, panelSender())).res).toEqual({ ok: true });
    expect(await db.reminders.count() + (await db.threads.count()) + (await db.sendLog.count())).toBe(0);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeDefined();

    await fakeBrowser.storage.local.remove('settings');
    const imported = (await deliver('importData', { text }, panelSender())).res;
    expect(imported).toEqual({ ok: true, reminders: 1, threads: 1 });
    expect((await reminders(db))[0]!.threadId).toBe('thread-f:1');
    expect(await db.sendLog.count()).toBe(1);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settingsEnvelope({ reminderLeadMinutes: 30 }));
  });

  it('puts the settings back when the database refuses the import', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { db } = await start();
    const text = JSON.stringify({
      format: 'step-ahead-export', version: 1, exportedAt: 1, storage: { settings: settingsEnvelope({ reminderLeadMinutes: 5 }) },
      threads: [], reminders: [], sendLog: [],
    });
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ reminderLeadMinutes: 45 }) });
    vi.spyOn(db.threads, 'bulkPut').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const res = (await deliver('importData', { text }, panelSender())).res as { ok: boolean };
    expect(res.ok).toBe(false);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settingsEnvelope({ reminderLeadMinutes: 45 }));
  });

  it('refuses settings carrying 20 MB of junk, saying where, and keeps everything as it was', async () => {
    const { db } = await start();
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ reminderLeadMinutes: 45 }) });
    const text = JSON.stringify({
      format: 'step-ahead-export', version: 1, exportedAt: 1,
      storage: { settings: { ...settingsEnvelope({ reminderLeadMinutes: 5 }), junk: 'x'.repeat(20 * 1024 * 1024) } },
      threads: [], reminders: [], sendLog: [],
    });
    const res = (await deliver('importData', { text }, panelSender())).res as { ok: boolean; error: string };
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/storage\.settings.*junk/);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settingsEnvelope({ reminderLeadMinutes: 45 }));
    expect(await db.reminders.count()).toBe(0);
  });

  it('a storage.set the browser refuses (quota) leaves the old settings, directory and database as they were', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { db } = await start();
    await deliver('recordSend', send('thread-f:1', '2026-11-19T15:00'), gmailSender(1));
    const directory = { version: 1, entries: [{ domain: 'acme.example', name: 'Acme' }] };
    await fakeBrowser.storage.local.set({ settings: settingsEnvelope({ reminderLeadMinutes: 45 }), directory });
    const storedBefore = await fakeBrowser.storage.local.get(['settings', 'directory']);
    // The file has settings but no directory: an import would remove the directory.
    const text = JSON.stringify({
      format: 'step-ahead-export', version: 1, exportedAt: 1, storage: { settings: settingsEnvelope({ reminderLeadMinutes: 5 }) },
      threads: [], reminders: [], sendLog: [],
    });
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((async (items: Record<string, unknown>) => {
      if ('settings' in items && JSON.stringify(items).includes('"reminderLeadMinutes":5')) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    }) as never);
    const res = (await deliver('importData', { text }, panelSender())).res as { ok: boolean; error: string };
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/Nothing was changed/);
    expect(await fakeBrowser.storage.local.get(['settings', 'directory'])).toEqual(storedBefore);
    expect((await reminders(db)).map((r) => r.threadId)).toEqual(['thread-f:1']);
    expect(await db.sendLog.count()).toBe(1);
  });
});
