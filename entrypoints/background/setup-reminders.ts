import { browser } from 'wxt/browser';
import { z } from 'zod';
import { gmailAccountOf } from '../../lib/reminders/gmail-account.ts';
import { SNOOZE_PRESETS, snoozeTarget } from '../../lib/reminders/snooze.ts';
import { sendRecordSchema } from '../../lib/schemas/send.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings.ts';
import { onMessage } from '../../utils/messaging.ts';
import { armNextNotice, ensureCatchUpAlarm, isReminderAlarm } from './alarms.ts';
import { showBadge } from './badge.ts';
import { clearAll, exportAll, importAll } from './data-transfer.ts';
import { parseReminderRows, readReminder, readThreadRecord, type StepAheadDb } from './db.ts';
import { listenToNotices, raiseNotice } from './notifications.ts';
import { insertScaffoldInTab, openThread, type ThreadPlace } from './open-thread.ts';
import { noticeSettingsOf, readStoredSettings, SETTINGS_KEY } from './reminder-settings.ts';
import {
  claimDueNotices,
  completeReminder,
  createManualReminder,
  editReminder,
  nextNoticeAt,
  overdueCount,
  recordSend,
  rescheduleAll,
  snoozeReminder,
} from './reminders.ts';
import { GMAIL_TABS, gmailTabOf, isExtensionPage, logRefused, type SenderInfo } from './senders.ts';
import { hasStorageProblem, reportStorageProblem, STORAGE_PROBLEM_KEY } from './storage-problems.ts';

// Wires the reminders into the background: the messages that change them, the alarm, the
// notifications and the badge. After every change, and whenever the worker starts (a
// browser start, an install or update, a restart after Chrome stopped it idle, an alarm
// after sleep), one refresh raises what is due, arms the next alarm and redraws the badge.

export interface RemindersOptions {
  /** The clock; tests move it. */
  now?: () => number;
  /** The Gmail tab whose thread the side panel shows (panel-relay.ts), for a reminder set there. */
  panelTabId?: () => number | null;
}

export interface RemindersHandle {
  /** Settles when the first refresh after start-up has run. */
  ready: Promise<void>;
  refresh(): Promise<void>;
  dispose(): void;
}

const instant = z.number().finite().min(0).max(8_000_000_000_000);
const customer = z.object({ name: z.string().max(200), email: z.string().max(320) }).nullable();
const createSchema = z.object({
  threadId: z.string().min(1).max(200),
  subject: z.string().max(1000),
  customer,
  dueAt: instant,
  etaText: z.string().max(500).nullable(),
  sentence: z.string().max(2000).nullable(),
});
const idSchema = z.string().min(1).max(64);
const editSchema = z.object({ id: idSchema, dueAt: instant });
const snoozeSchema = z
  .object({ id: idSchema, preset: z.enum(SNOOZE_PRESETS).optional(), until: instant.optional() })
  .refine((d) => (d.preset === undefined) !== (d.until === undefined), 'give a preset or a time, not both');
const completeSchema = z.object({ id: idSchema });
const openSchema = z.object({ threadId: z.string().min(1).max(200), scaffoldId: z.string().min(1).max(64).optional() });
const importSchema = z.object({ text: z.string() });

function refused(type: string, reason: string, detail?: unknown): Error {
  logRefused(type, reason, detail);
  return new Error(`Step Ahead refused ${type}: ${reason}`);
}

export function setupReminders(db: StepAheadDb, options: RemindersOptions = {}): RemindersHandle {
  const now = options.now ?? Date.now;
  let settingsRead: Promise<Settings> | null = null;
  const settings = () => (settingsRead ??= readStoredSettings());
  const notices = async () => noticeSettingsOf(await settings());
  let problemShown = false;

  /** Runs a database change; a failure is told to the user, then passed on to the caller. */
  async function guarded<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      problemShown = true;
      await reportStorageProblem(action, error, now());
      await showBadge(0, true);
      throw error;
    }
  }

  async function refreshNow(): Promise<void> {
    const current = await settings();
    const raised = await guarded('check the reminders that are due', () => claimDueNotices(db, noticeSettingsOf(current), now()));
    for (const { reminder, phase } of raised) {
      await raiseNotice(reminder, phase, current, now()).catch((error: unknown) =>
        console.error('[step-ahead] could not show a reminder notification', error),
      );
    }
    await armNextNotice(await nextNoticeAt(db), now());
    const problem = problemShown || (await hasStorageProblem());
    await showBadge(await overdueCount(db, now()), problem);
  }

  // Refreshes (and moves after a settings change) run one after another: two at once could
  // read the same "next" before either armed it.
  let queue: Promise<void> = Promise.resolve();
  function enqueue(job: () => Promise<void>, failure: string): Promise<void> {
    const run = queue.then(job);
    queue = run.catch((error: unknown) => console.error(`[step-ahead] ${failure}`, error));
    return run;
  }
  const refresh = () => enqueue(refreshNow, 'reminder refresh failed');

  /**
   * The settings (the user's or the team policy) changed. Reminders move only when what
   * places their notices — the lead time or the schedule in force — changed: an unrelated
   * setting, or a policy that leaves both alone, rewrites nothing.
   */
  async function settingsChanged(): Promise<void> {
    const before = settingsRead;
    settingsRead = null;
    const previous = before ? noticeSettingsOf(await before.catch(() => DEFAULT_SETTINGS)) : null;
    const next = await notices();
    if (previous === null || JSON.stringify(previous) !== JSON.stringify(next)) await rescheduleAll(db, next);
    await refreshNow();
  }
  const changed = <T>(result: T): T => {
    void refresh().catch(() => undefined);
    return result;
  };

  const mayChange = (sender: SenderInfo | undefined) => isExtensionPage(sender) || gmailTabOf(sender) !== null;

  /**
   * The Gmail account a reminder is made in: the sending tab's, or for the side panel (an
   * extension page) the account of the Gmail tab it shows. Null when not known.
   */
  async function accountOf(sender: SenderInfo | undefined): Promise<string | null> {
    if (gmailTabOf(sender) !== null) return gmailAccountOf(sender?.tab?.url);
    const tabId = options.panelTabId?.() ?? null;
    if (tabId === null) return null;
    try {
      const tabs = await browser.tabs.query({ url: GMAIL_TABS });
      return gmailAccountOf(tabs.find((t) => t.id === tabId)?.url);
    } catch {
      return null;
    }
  }

  /** The thread's reminder, if it has one: it knows the thread's account and where a sent message is. */
  async function reminderOfThread(threadId: string) {
    try {
      return parseReminderRows(await db.reminders.where('threadId').equals(threadId).toArray())[0];
    } catch {
      return undefined;
    }
  }

  /** An open case with no reminder still knows the account its thread was seen in. */
  async function caseOfThread(threadId: string): Promise<ThreadPlace> {
    try {
      const account = (await readThreadRecord(db, threadId))?.account;
      return account ? { account } : {};
    } catch {
      return {};
    }
  }

  const removers: Array<() => void> = [
    onMessage('recordSend', async ({ data, sender }) => {
      // The pre-send check in a Gmail tab sends it; an extension page may too (tools, tests).
      if (!mayChange(sender)) throw refused('recordSend', 'not from a Gmail tab or an extension page', sender?.url);
      const parsed = sendRecordSchema.safeParse(data);
      if (!parsed.success) throw refused('recordSend', 'malformed send record', parsed.error.issues.slice(0, 3));
      const subject = parsed.data.subject.trim() || '(no subject)';
      const account = await accountOf(sender);
      const reminder = await guarded(`keep the promise made on “${subject}”`, async () =>
        recordSend(db, parsed.data, await notices(), now(), account),
      );
      changed(reminder);
    }),

    onMessage('createReminder', async ({ data, sender }) => {
      if (!mayChange(sender)) throw refused('createReminder', 'not from an extension page or a Gmail tab', sender?.url);
      const parsed = createSchema.safeParse(data);
      if (!parsed.success) throw refused('createReminder', 'malformed reminder', parsed.error.issues.slice(0, 3));
      const account = await accountOf(sender);
      const input = account ? { ...parsed.data, account } : parsed.data;
      return changed(await guarded('save the reminder', async () => createManualReminder(db, input, await notices(), now())));
    }),

    onMessage('editReminder', async ({ data, sender }) => {
      if (!isExtensionPage(sender)) throw refused('editReminder', 'not from an extension page', sender?.url);
      const parsed = editSchema.safeParse(data);
      if (!parsed.success) throw refused('editReminder', 'malformed change', parsed.error.issues.slice(0, 3));
      const { id, dueAt } = parsed.data;
      return changed(await guarded('change the reminder', async () => editReminder(db, id, dueAt, await notices(), now())));
    }),

    onMessage('snoozeReminder', async ({ data, sender }) => {
      if (!isExtensionPage(sender)) throw refused('snoozeReminder', 'not from an extension page', sender?.url);
      const parsed = snoozeSchema.safeParse(data);
      if (!parsed.success) throw refused('snoozeReminder', 'malformed snooze', parsed.error.issues.slice(0, 3));
      const { id, preset, until } = parsed.data;
      const current = await settings();
      const at = preset ? snoozeTarget(preset, now(), current.schedule) : until!;
      if (at <= now()) throw new Error('Choose a time in the future.');
      return changed(await guarded('snooze the reminder', () => snoozeReminder(db, id, at, noticeSettingsOf(current), now())));
    }),

    onMessage('completeReminder', async ({ data, sender }) => {
      if (!isExtensionPage(sender)) throw refused('completeReminder', 'not from an extension page', sender?.url);
      const parsed = completeSchema.safeParse(data);
      if (!parsed.success) throw refused('completeReminder', 'malformed request', parsed.error.issues.slice(0, 3));
      const removed = await guarded('mark the reminder done', () => completeReminder(db, parsed.data.id));
      return changed({ removed });
    }),

    onMessage('openThread', async ({ data, sender }) => {
      if (!isExtensionPage(sender)) throw refused('openThread', 'not from an extension page', sender?.url);
      const parsed = openSchema.safeParse(data);
      if (!parsed.success) throw refused('openThread', 'malformed request', parsed.error.issues.slice(0, 3));
      const { threadId, scaffoldId } = parsed.data;
      const tabId = await openThread(threadId, (await reminderOfThread(threadId)) ?? (await caseOfThread(threadId)));
      if (tabId !== null && scaffoldId) {
        // Not awaited: the popup that asked is closed by now, and the answer goes nowhere.
        void insertScaffoldInTab(tabId, threadId, scaffoldId).then((result) => {
          if (!result.inserted) console.warn('[step-ahead] the Gmail tab did not insert the scaffold', result.reason);
        });
      }
      return { opened: tabId !== null };
    }),

    onMessage('exportData', async ({ sender }) => {
      if (!isExtensionPage(sender)) throw refused('exportData', 'not from an extension page', sender?.url);
      return exportAll(db, now());
    }),

    onMessage('importData', async ({ data, sender }) => {
      if (!isExtensionPage(sender)) throw refused('importData', 'not from an extension page', sender?.url);
      const parsed = importSchema.safeParse(data);
      if (!parsed.success) return { ok: false as const, error: 'The import carried no file text.' };
      try {
        const result = await importAll(db, parsed.data.text);
        if (result.ok) settingsRead = null;
        return changed(result);
      } catch (error) {
        await reportStorageProblem('import the file', error, now());
        return { ok: false as const, error: `Nothing was changed: the browser refused to store the data (${(error as Error).name}).` };
      }
    }),

    onMessage('clearData', async ({ sender }) => {
      if (!isExtensionPage(sender)) throw refused('clearData', 'not from an extension page', sender?.url);
      try {
        await clearAll(db);
        return changed({ ok: true as const });
      } catch (error) {
        await reportStorageProblem('clear the data', error, now());
        return { ok: false as const, error: `Nothing was deleted: ${(error as Error).message}` };
      }
    }),

    listenToNotices({
      async onAction(reminderId, action) {
        const reminder = await readReminder(db, reminderId);
        if (!reminder) return;
        if (action === 'open') {
          await openThread(reminder.threadId, reminder);
          return;
        }
        // On the early notice, an hour from now may still be before the promised time: the
        // reminder then comes back at its due time, never earlier (that would be a false alarm).
        await guarded('snooze the reminder', async () =>
          snoozeReminder(
            db,
            reminderId,
            Math.max(snoozeTarget('1h', now(), (await settings()).schedule), reminder.dueAt),
            await notices(),
            now(),
          ),
        );
        await refresh();
      },
    }),
  ];

  const onAlarm = (alarm: { name: string }) => {
    if (isReminderAlarm(alarm.name)) void refresh().catch(() => undefined);
  };
  const onStartup = () => void refresh().catch(() => undefined);
  const onInstalled = () => {
    void ensureCatchUpAlarm().catch((error: unknown) => console.warn('[step-ahead] could not set the catch-up alarm', error));
    void refresh().catch(() => undefined);
  };
  const onStorage = (changes: Record<string, { newValue?: unknown } | undefined>, area: string) => {
    // Any change of the team policy may change the lead time or schedule in force.
    if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') {
      void enqueue(settingsChanged, 'could not move reminders to the new settings').catch(() => undefined);
    } else if (area === 'local' && STORAGE_PROBLEM_KEY in changes && changes[STORAGE_PROBLEM_KEY]?.newValue == null) {
      // The user dismissed the problem in the popup: redraw the badge (and report again if it
      // persists). A problem being written is not a reason to refresh: when the refresh is
      // what failed, that would fail and write again, for ever.
      problemShown = false;
      void refresh().catch(() => undefined);
    }
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onStartup?.addListener(onStartup);
  browser.runtime.onInstalled.addListener(onInstalled);
  browser.storage.onChanged.addListener(onStorage);
  removers.push(
    () => browser.alarms.onAlarm.removeListener(onAlarm),
    () => browser.runtime.onStartup?.removeListener(onStartup),
    () => browser.runtime.onInstalled.removeListener(onInstalled),
    () => browser.storage.onChanged.removeListener(onStorage),
  );

  // Every start of the worker catches up: whatever fell due while it was stopped, the
  // browser closed or the computer asleep is raised now, once.
  void ensureCatchUpAlarm().catch((error: unknown) => console.warn('[step-ahead] could not set the catch-up alarm', error));
  const ready = refresh().catch(() => undefined);

  return { ready, refresh, dispose: () => removers.splice(0).forEach((remove) => remove()) };
}
