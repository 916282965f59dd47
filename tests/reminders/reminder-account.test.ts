import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NEXT_NOTICE_ALARM } from '../../entrypoints/background/alarms.ts';
import { StepAheadDb, parseReminderRows, updateThreadRecord } from '../../entrypoints/background/db.ts';
import { setupReminders, type RemindersHandle } from '../../entrypoints/background/setup-reminders.ts';
import { EXPORT_FORMAT, parseExportText } from '../../lib/schemas/export.ts';
import type { SendRecord } from '../../lib/schemas/send.ts';
import { deliver, resetMessaging } from '../background/fake-messaging.ts';
import { gmailSender, installFakeTabs, panelSender, type FakeTab } from '../background/fake-tabs.ts';

// A user signed in to two Gmail accounts (/mail/u/0/ and /mail/u/1/): a reminder keeps the
// account its promise was made in, and "Open thread" goes there — never to the thread id in
// the other account, where it means nothing. A promise sent on a new message (no thread id
// yet) opens Sent, where the message now is, not Drafts.

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('../background/fake-messaging.ts'));

const U0 = 'https://mail.google.com/mail/u/0/';
const U1 = 'https://mail.google.com/mail/u/1/';
const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const clock = { now: ny('2026-11-18T10:00') };
let dbName: string;
let counter = 0;
const dbs: StepAheadDb[] = [];
const handles: RemindersHandle[] = [];
/** The Gmail tab the side panel shows, as panel-relay.ts would say. */
let panelTab: number | null = null;

async function start(): Promise<{ db: StepAheadDb; handle: RemindersHandle }> {
  const db = new StepAheadDb(dbName);
  dbs.push(db);
  const handle = setupReminders(db, { now: () => clock.now, panelTabId: () => panelTab });
  handles.push(handle);
  await handle.ready;
  return { db, handle };
}

function send(threadId: string): SendRecord {
  return {
    threadId,
    subject: 'Invoice 4411',
    customer: { name: 'Dana', email: 'dana@northwind.example' },
    sentAt: clock.now,
    path: 'button',
    outcome: 'clean',
    failedRules: [],
    promise: { due: new Date(ny('2026-11-19T15:00')).toISOString(), text: 'by 3 pm ET tomorrow', sentence: 'I will write by 3 pm ET tomorrow.' },
    answeredQuestionIds: [],
    openQuestionIds: [],
    customerMessageAt: null,
  };
}

const reminders = async (db: StepAheadDb) => parseReminderRows(await db.reminders.toArray());
const tab = (id: number, url: string, active: boolean): FakeTab => ({ id, windowId: 1, url, active });

let update: ReturnType<typeof vi.fn>;
let create: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  resetMessaging();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  clock.now = ny('2026-11-18T10:00');
  panelTab = null;
  dbName = `reminder-account-test-${Date.now()}-${counter++}`;
  // Account 0 in the active tab, account 1 in another.
  installFakeTabs([tab(1, `${U0}#inbox`, true), tab(2, `${U1}#inbox/FMfcgzQXJWxyz`, false)]);
  update = vi.fn(async () => ({}));
  create = vi.fn(async () => ({ id: 77 }));
  vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation(update as never);
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(create as never);
});

afterEach(async () => {
  for (const handle of handles.splice(0)) {
    await handle.refresh().catch(() => undefined);
    handle.dispose();
  }
  for (const db of dbs.splice(0)) db.close();
  await Dexie.delete(dbName);
  vi.restoreAllMocks();
});

describe('the Gmail account of a reminder', () => {
  it('a promise sent from account 1 opens in account 1’s tab, though account 0’s tab is the active one', async () => {
    const { db } = await start();
    await deliver('recordSend', send('thread-f:1849302114567780001'), gmailSender(2, `${U1}#inbox/FMfcgzQXJWxyz`));
    expect((await reminders(db))[0]).toMatchObject({ account: U1, source: 'send' });

    expect((await deliver('openThread', { threadId: 'thread-f:1849302114567780001' }, panelSender())).res).toEqual({ opened: true });
    expect(update).toHaveBeenCalledWith(2, { active: true, url: `${U1}#all/19aa0a79a530f6a1` });
    expect(create).not.toHaveBeenCalled();
  });

  it('the notification opens the thread in its account too', async () => {
    const { handle } = await start();
    await deliver('recordSend', send('thread-f:1849302114567780001'), gmailSender(2, `${U1}#inbox`));
    clock.now = ny('2026-11-19T15:00');
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_NOTICE_ALARM, scheduledTime: clock.now });
    await handle.refresh();
    const [id] = Object.keys(await fakeBrowser.notifications.getAll());
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await vi.waitFor(() => expect(update).toHaveBeenCalledWith(2, { active: true, url: `${U1}#all/19aa0a79a530f6a1` }));
  });

  it('with no tab of that account open, opens the account’s own address in a new tab rather than another account’s tab', async () => {
    installFakeTabs([tab(1, `${U0}#inbox`, true)]);
    const { db } = await start();
    await deliver('recordSend', send('thread-f:1849302114567780001'), gmailSender(2, `${U1}#inbox`));
    expect((await reminders(db))[0]!.account).toBe(U1);
    await deliver('openThread', { threadId: 'thread-f:1849302114567780001' }, panelSender());
    expect(create).toHaveBeenCalledWith({ url: `${U1}#all/19aa0a79a530f6a1`, active: true });
    expect(update).not.toHaveBeenCalled();
  });

  it('with no Gmail tab at all, opens the reminder’s account, not /u/0/', async () => {
    const { db } = await start();
    await deliver('recordSend', send('thread-f:1849302114567780001'), gmailSender(2, `${U1}#inbox`));
    expect((await reminders(db))[0]!.account).toBe(U1);
    installFakeTabs([]);
    await deliver('openThread', { threadId: 'thread-f:1849302114567780001' }, panelSender());
    expect(create).toHaveBeenCalledWith({ url: `${U1}#all/19aa0a79a530f6a1`, active: true });
  });

  it('"Remind me" in the side panel keeps the account of the Gmail tab the panel shows', async () => {
    const { db } = await start();
    panelTab = 2;
    const res = await deliver(
      'createReminder',
      { threadId: 'thread-f:1849302114567780001', subject: 'S', customer: null, dueAt: ny('2026-11-21T09:00'), etaText: null, sentence: null },
      panelSender(),
    );
    expect(res.err).toBeUndefined();
    expect((await reminders(db))[0]).toMatchObject({ source: 'manual', account: U1 });
    await deliver('openThread', { threadId: 'thread-f:1849302114567780001' }, panelSender());
    expect(update).toHaveBeenCalledWith(2, { active: true, url: `${U1}#all/19aa0a79a530f6a1` });
  });

  it('keeps no account from an address that is not a Gmail account’s, and then opens as before', async () => {
    const { db } = await start();
    await deliver('recordSend', send('thread-f:1849302114567780001'), gmailSender(1, 'https://mail.google.com/mail/#inbox'));
    const [reminder] = await reminders(db);
    expect(reminder).toBeDefined();
    expect(reminder).not.toHaveProperty('account');
    await deliver('openThread', { threadId: 'thread-f:1849302114567780001' }, panelSender());
    expect(update).toHaveBeenCalledWith(1, { active: true, url: `${U0}#all/19aa0a79a530f6a1` });
  });
});

describe('an open case with no reminder', () => {
  it('opens in the account its thread was last seen in', async () => {
    const { db } = await start();
    await updateThreadRecord(db, 'thread-f:1849302114567780001', (r) => ({ ...r, account: U1 }));
    expect(await reminders(db)).toEqual([]);
    await deliver('openThread', { threadId: 'thread-f:1849302114567780001' }, panelSender());
    expect(update).toHaveBeenCalledWith(2, { active: true, url: `${U1}#all/19aa0a79a530f6a1` });
  });

  it('a reminder’s account wins over the thread record’s', async () => {
    const { db } = await start();
    await updateThreadRecord(db, 'thread-f:1849302114567780001', (r) => ({ ...r, account: U0 }));
    await deliver('recordSend', send('thread-f:1849302114567780001'), gmailSender(2, `${U1}#inbox`));
    await deliver('openThread', { threadId: 'thread-f:1849302114567780001' }, panelSender());
    expect(update).toHaveBeenCalledWith(2, { active: true, url: `${U1}#all/19aa0a79a530f6a1` });
  });
});

describe('a promise made on a new message', () => {
  it('opens Sent after the send (the message has left Drafts), in its account', async () => {
    const { db } = await start();
    await deliver('recordSend', send('draft:r-4127'), gmailSender(2, `${U1}#inbox?compose=new`));
    expect((await reminders(db))[0]).toMatchObject({ threadId: 'draft:r-4127', source: 'send' });
    await deliver('openThread', { threadId: 'draft:r-4127' }, panelSender());
    expect(update).toHaveBeenCalledWith(2, { active: true, url: `${U1}#sent` });
  });

  it('a reminder set by hand on an unsent draft still opens Drafts', async () => {
    const { db } = await start();
    panelTab = 1;
    await deliver(
      'createReminder',
      { threadId: 'compose:c9', subject: 'New', customer: null, dueAt: ny('2026-11-21T09:00'), etaText: null, sentence: null },
      panelSender(),
    );
    expect((await reminders(db))[0]).toMatchObject({ source: 'manual', account: U0 });
    await deliver('openThread', { threadId: 'compose:c9' }, panelSender());
    expect(update).toHaveBeenCalledWith(1, { active: true, url: `${U0}#drafts` });
  });
});

describe('the export file', () => {
  const file = (account: unknown) =>
    JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: 1,
      storage: {},
      threads: [],
      reminders: [
        {
          id: 'r1', threadId: 'thread-f:1', subject: 'Invoice', customer: null, etaText: null, sentence: null,
          etaAt: 1_800_000_000_000, dueAt: 1_800_000_000_000, leadNotice: true, notified: [], source: 'send',
          createdAt: 1, updatedAt: 1, account,
        },
      ],
      sendLog: [],
    });

  it('keeps a reminder’s account through an export and import', () => {
    const parsed = parseExportText(file(U1));
    expect(parsed.ok && parsed.file.reminders[0]!.account).toBe(U1);
  });

  it('refuses an account that is not a Gmail account address', () => {
    const parsed = parseExportText(file('https://evil.example/mail/u/1/'));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/reminders\[0\]\.account/);
  });
});
