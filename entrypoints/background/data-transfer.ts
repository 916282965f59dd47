import { browser } from 'wxt/browser';
import { withNextNotice, type NoticeSettings } from '../../lib/reminders/notices.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExportText, type ExportFileOut } from '../../lib/schemas/export.ts';
import { teamConfigOf } from '../../lib/settings/store.ts';
import { DIRECTORY_KEY } from '../../lib/settings/versions.ts';
import { parseReminderRows, readAllThreadRecords, type StepAheadDb } from './db.ts';
import { SETTINGS_KEY, noticeSettingsOf } from './reminder-settings.ts';

// Export, import and clear of everything Step Ahead keeps: the database's rows and the
// settings in storage.local. An import replaces all of it or nothing: the file is checked
// whole first (lib/schemas/export.ts, which also normalises the settings and directory to
// what the extension itself writes), the rows are written in one Dexie transaction, and the
// settings written before it are put back if anything after the first write fails.
// Settings are kept by lib/settings under its own keys; an export carries them as stored.
// Reminder and thread rows that fail their schema are left out of an export (the import
// would refuse them, and so the whole file); they stay in the database.

const STORED_KEYS = [SETTINGS_KEY, DIRECTORY_KEY] as const;

export async function exportAll(db: StepAheadDb, now: number): Promise<ExportFileOut> {
  const stored = await browser.storage.local.get([...STORED_KEYS]);
  const storage: ExportFileOut['storage'] = {};
  for (const key of STORED_KEYS) if (stored[key] !== undefined) storage[key] = stored[key];
  return db.transaction('r', db.threads, db.reminders, db.sendLog, async () => ({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    storage,
    threads: await readAllThreadRecords(db),
    reminders: parseReminderRows(await db.reminders.toArray()),
    sendLog: await db.sendLog.toArray(),
  }));
}

export type ImportResult = { ok: true; reminders: number; threads: number } | { ok: false; error: string };

export async function importAll(db: StepAheadDb, text: string): Promise<ImportResult> {
  const parsed = parseExportText(text);
  if (!parsed.ok) return parsed;
  const { file } = parsed;
  const before = await browser.storage.local.get([...STORED_KEYS]);
  // The notice times follow the imported settings (the team policy in force still applies).
  const managed = await browser.storage.managed?.get(null).catch(() => null);
  const notices: NoticeSettings = noticeSettingsOf(teamConfigOf(file.storage, managed ?? null).settings);
  const restore = async () => {
    for (const key of STORED_KEYS) {
      if (before[key] === undefined) await browser.storage.local.remove(key).catch(() => undefined);
      else await browser.storage.local.set({ [key]: before[key] }).catch(() => undefined);
    }
  };
  try {
    // One set first: refused (quota), it changes nothing. What the file leaves out is removed
    // after, so the result is exactly the exported state.
    await browser.storage.local.set(file.storage);
    await browser.storage.local.remove(STORED_KEYS.filter((key) => file.storage[key] === undefined));
    await db.transaction('rw', db.threads, db.reminders, db.sendLog, async () => {
      await Promise.all([db.threads.clear(), db.reminders.clear(), db.sendLog.clear()]);
      await db.threads.bulkPut(file.threads);
      // Notice times follow the settings in force, not whatever the exporting browser had.
      await db.reminders.bulkPut(file.reminders.map((r) => withNextNotice(r, notices)));
      await db.sendLog.bulkPut(file.sendLog);
    });
  } catch (error) {
    await restore();
    throw error;
  }
  return { ok: true, reminders: file.reminders.length, threads: file.threads.length };
}

/** Deletes every row (thread marks, reminders, the send log) in one transaction; settings stay. */
export async function clearAll(db: StepAheadDb): Promise<void> {
  await db.transaction('rw', db.threads, db.reminders, db.sendLog, async () => {
    await Promise.all([db.threads.clear(), db.reminders.clear(), db.sendLog.clear()]);
  });
}
