import { reminderFromSend, replaces } from '../../lib/reminders/from-send.ts';
import { noticeDue, scheduled, withNextNotice, type NoticeSettings } from '../../lib/reminders/notices.ts';
import type { Reminder, ReminderPhase } from '../../lib/schemas/reminder.ts';
import type { SendRecord } from '../../lib/schemas/send.ts';
import { parseReminderRows, readReminder, type StepAheadDb } from './db.ts';
import { appendSendLog } from './send-log.ts';

// The reminders kept in Dexie and every change to them. Each change is one transaction, so
// two Gmail tabs sending on the same thread at once, or a catch-up racing the alarm, cannot
// lose a row or raise a notice twice. Callers re-arm the alarm and the badge afterwards.

export function newReminderId(): string {
  return crypto.randomUUID();
}

/** Keeps `incoming` as the thread's reminder unless a later promise is already stored. */
async function replaceThreadReminder(db: StepAheadDb, incoming: Reminder): Promise<Reminder | null> {
  const existing = parseReminderRows(await db.reminders.where('threadId').equals(incoming.threadId).toArray());
  if (existing.some((r) => !replaces(incoming.createdAt, r))) return null;
  await db.reminders.where('threadId').equals(incoming.threadId).delete();
  await db.reminders.put(incoming);
  return incoming;
}

/**
 * A reply left through Send: it goes to the send log, and a promise in it becomes (or
 * replaces) the thread's reminder. `account` is the sending tab's Gmail account, when known.
 * Returns the reminder kept, or null.
 */
export async function recordSend(
  db: StepAheadDb,
  record: SendRecord,
  settings: NoticeSettings,
  now: number,
  account: string | null = null,
): Promise<Reminder | null> {
  return db.transaction('rw', db.sendLog, db.reminders, async () => {
    await appendSendLog(db, record);
    const reminder = reminderFromSend(record, newReminderId(), now);
    if (!reminder) return null;
    return replaceThreadReminder(db, scheduled(account ? { ...reminder, account } : reminder, settings, now));
  });
}

export interface ManualReminder {
  threadId: string;
  subject: string;
  customer: Reminder['customer'];
  dueAt: number;
  etaText: string | null;
  sentence: string | null;
  /** The Gmail account the thread is in, when known (see Reminder.account). */
  account?: string;
}

/** "Remind me" from the side panel: the thread's reminder, made now, so it replaces an older one. */
export async function createManualReminder(
  db: StepAheadDb,
  input: ManualReminder,
  settings: NoticeSettings,
  now: number,
): Promise<Reminder> {
  const reminder: Reminder = {
    id: newReminderId(),
    ...input,
    etaAt: input.dueAt,
    leadNotice: true,
    notified: [],
    source: 'manual',
    createdAt: now,
    updatedAt: now,
  };
  return db.transaction('rw', db.reminders, async () => {
    const kept = await replaceThreadReminder(db, scheduled(reminder, settings, now));
    // Only a promise stamped in the future (a clock that jumped back) outranks "now"; keep
    // the user's explicit request regardless.
    if (kept) return kept;
    await db.reminders.where('threadId').equals(input.threadId).delete();
    const forced = scheduled(reminder, settings, now);
    await db.reminders.put(forced);
    return forced;
  });
}

async function change(
  db: StepAheadDb,
  id: string,
  edit: (reminder: Reminder) => Reminder,
): Promise<Reminder | null> {
  return db.transaction('rw', db.reminders, async () => {
    const current = await readReminder(db, id);
    if (!current) return null;
    const next = edit(current);
    await db.reminders.put(next);
    return next;
  });
}

/** Moves the reminder to `dueAt` as a new promise time: it gets its lead notice again. */
export function editReminder(db: StepAheadDb, id: string, dueAt: number, settings: NoticeSettings, now: number) {
  return change(db, id, (r) => scheduled({ ...r, dueAt, etaAt: dueAt, leadNotice: true, updatedAt: now }, settings, now));
}

/** Brings the reminder back at `until`, with one notice then (no lead notice for a snooze). */
export function snoozeReminder(db: StepAheadDb, id: string, until: number, settings: NoticeSettings, now: number) {
  return change(db, id, (r) => scheduled({ ...r, dueAt: until, leadNotice: false, updatedAt: now }, settings, now));
}

/** Done: the reminder goes; the send log keeps the history. */
export async function completeReminder(db: StepAheadDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.reminders, async () => {
    const exists = (await db.reminders.where('id').equals(id).count()) > 0;
    await db.reminders.delete(id);
    return exists;
  });
}

export interface RaisedNotice {
  reminder: Reminder;
  phase: ReminderPhase;
}

/**
 * Claims every notice due at `now`: marks it raised in the same transaction that finds it,
 * so a second run (the catch-up alarm racing the due alarm, a restarted worker) finds
 * nothing. The caller raises what is returned. Marking first means a crash in between loses
 * a notice rather than doubling it; the reminder itself stays listed as overdue.
 */
export async function claimDueNotices(db: StepAheadDb, settings: NoticeSettings, now: number): Promise<RaisedNotice[]> {
  return db.transaction('rw', db.reminders, async () => {
    const due = db.reminders.where('nextNoticeAt').belowOrEqual(now);
    const rows = parseReminderRows(await due.toArray());
    // A row that fails its schema can't be raised; it loses its place in the notice index
    // so it does not wake the alarm again and again. It stays in the database for a later
    // version to repair; an export leaves it out (the import would refuse the whole file).
    const readable = new Set(rows.map((r) => r.id));
    await due.modify((row: Partial<Reminder>) => {
      if (!readable.has(String(row.id))) delete row.nextNoticeAt;
    });
    const raised: RaisedNotice[] = [];
    for (const row of rows) {
      const decision = noticeDue(row, settings, now);
      await db.reminders.put(decision.reminder);
      if (decision.phase) raised.push({ reminder: decision.reminder, phase: decision.phase });
    }
    return raised;
  });
}

/** The instant of the next notice across all reminders, or null when none is pending. */
export async function nextNoticeAt(db: StepAheadDb): Promise<number | null> {
  const first = await db.reminders.orderBy('nextNoticeAt').first();
  const at = first?.nextNoticeAt;
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

export async function overdueCount(db: StepAheadDb, now: number): Promise<number> {
  // Due exactly now counts: the due notice is raised at that instant, and the popup lists it as overdue.
  return db.reminders.where('dueAt').belowOrEqual(now).count();
}

/** The lead time or schedule changed: every pending notice moves with it. */
export async function rescheduleAll(db: StepAheadDb, settings: NoticeSettings): Promise<void> {
  await db.transaction('rw', db.reminders, async () => {
    const rows = parseReminderRows(await db.reminders.where('nextNoticeAt').aboveOrEqual(0).toArray());
    await db.reminders.bulkPut(rows.map((r) => withNextNotice(r, settings)));
  });
}
