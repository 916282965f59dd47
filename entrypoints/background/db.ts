import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import { threadRecordSchema, type ThreadRecord } from '../../lib/schemas/panel.ts';
import { reminderSchema, type Reminder } from '../../lib/schemas/reminder.ts';
import type { SendRecord } from '../../lib/schemas/send.ts';

// The extension's one database, owned by the background (DESIGN.md §4). Every schema the
// database ever had stays in SCHEMA_VERSIONS, oldest first, so Dexie can upgrade a profile
// from any of them and the migration tests can open a database exactly as an older build
// left it. A later version adds its tables (reminders, sendLog) as a new entry with an
// `upgrade` that rewrites older rows; existing entries never change once released.

export const DB_NAME = 'step-ahead';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then only what a where() or orderBy() uses. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    // updatedAt is indexed for the export/clear features that list threads by recency.
    stores: { threads: 'threadId, updatedAt' },
  },
  {
    version: 2,
    // reminders: by thread (a newer promise replaces the thread's reminder), by due time (the
    // popup's lists and the overdue badge) and by next notice (the one alarm and the
    // catch-up). sendLog is only appended to, exported and trimmed oldest-first, which the
    // auto-increment key alone serves.
    stores: { reminders: 'id, threadId, dueAt, nextNoticeAt', sendLog: '++id' },
    upgrade: normaliseThreadRows,
  },
];

/**
 * v1 → v2: thread rows written before marks and flags had defaults get them filled in, so
 * every reader sees complete rows. A row that cannot be read is kept as it is (the readers
 * skip it) rather than dropped: an upgrade never loses a row.
 */
async function normaliseThreadRows(tx: Transaction): Promise<void> {
  await tx
    .table('threads')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      const parsed = threadRecordSchema.safeParse(row);
      if (parsed.success) Object.assign(row, parsed.data);
    });
}

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Declares versions up to and including `upTo` on `db`; tests use it to build an old database. */
export function declareSchema(db: Dexie, upTo: number = LATEST_VERSION): void {
  for (const schema of SCHEMA_VERSIONS) {
    if (schema.version > upTo) break;
    const version = db.version(schema.version).stores(schema.stores);
    if (schema.upgrade) version.upgrade(schema.upgrade);
  }
}

/** A send log row: the record as it arrived, keyed by an increasing number. */
export type SendLogEntry = SendRecord & { id?: number };

export class StepAheadDb extends Dexie {
  threads!: Table<ThreadRecord, string>;
  reminders!: Table<Reminder, string>;
  sendLog!: Table<SendLogEntry, number>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    declareSchema(this);
  }
}

/** Warnings for rows that fail their schema: one per row key, so a broken row is not re-logged on every read. */
const warnedRows = new Set<string>();

function parseThreadRow(row: unknown): ThreadRecord | null {
  if (row === undefined) return null;
  const parsed = threadRecordSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const key =
    typeof row === 'object' && row !== null && 'threadId' in row ? String((row as { threadId: unknown }).threadId) : '?';
  if (!warnedRows.has(key)) {
    warnedRows.add(key);
    console.warn(`[step-ahead] skipped a stored thread record that does not match its schema (${key})`, parsed.error.issues);
  }
  return null;
}

/** The stored record for a thread; a missing or broken row reads as null. */
export async function readThreadRecord(db: StepAheadDb, threadId: string): Promise<ThreadRecord | null> {
  return parseThreadRow(await db.threads.get(threadId));
}

/** Every readable thread record; broken rows are left out. */
export async function readAllThreadRecords(db: StepAheadDb): Promise<ThreadRecord[]> {
  const rows: unknown[] = await db.threads.toArray();
  const records: ThreadRecord[] = [];
  for (const row of rows) {
    const record = parseThreadRow(row);
    if (record) records.push(record);
  }
  return records;
}

/**
 * The `limit` most recently written records of open cases (a customer message, not resolved)
 * written at or after `since`, newest first, from the updatedAt index: older threads are never
 * read, however many pile up. Broken rows are left out.
 */
export async function readRecentOpenCases(db: StepAheadDb, since: number, limit: number): Promise<ThreadRecord[]> {
  const rows: unknown[] = await db.threads
    .where('updatedAt')
    .aboveOrEqual(since)
    .reverse()
    .filter((row: Partial<ThreadRecord>) => Boolean(row.case?.firstCustomerAt) && row.flags?.resolved !== true)
    .limit(limit)
    .toArray();
  return rows.map(parseThreadRow).filter((record): record is ThreadRecord => record !== null);
}

/**
 * Reads, changes and writes one thread's record in a single transaction, so two Gmail tabs
 * (or the side panel and a tab) marking the same thread at once cannot lose each other's mark.
 * A broken stored row is replaced by a fresh record rather than blocking the change.
 */
export async function updateThreadRecord(
  db: StepAheadDb,
  threadId: string,
  change: (record: ThreadRecord) => ThreadRecord,
  now: number = Date.now(),
): Promise<ThreadRecord> {
  return db.transaction('rw', db.threads, async () => {
    const current = parseThreadRow(await db.threads.get(threadId)) ?? emptyThreadRecord(threadId, now);
    const next = threadRecordSchema.parse({ ...change(current), threadId, updatedAt: now });
    await db.threads.put(next);
    return next;
  });
}

export function emptyThreadRecord(threadId: string, now: number = Date.now()): ThreadRecord {
  return { threadId, marks: {}, flags: { resolved: false, waitingOnCustomer: false }, updatedAt: now };
}

function parseReminderRow(row: unknown): Reminder | null {
  if (row === undefined) return null;
  const parsed = reminderSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const key = typeof row === 'object' && row !== null && 'id' in row ? String((row as { id: unknown }).id) : '?';
  if (!warnedRows.has(`reminder:${key}`)) {
    warnedRows.add(`reminder:${key}`);
    console.warn(`[step-ahead] skipped a stored reminder that does not match its schema (${key})`, parsed.error.issues);
  }
  return null;
}

/** Parses rows read from the reminders table; broken rows are left out (and warned about once). */
export function parseReminderRows(rows: readonly unknown[]): Reminder[] {
  const out: Reminder[] = [];
  for (const row of rows) {
    const reminder = parseReminderRow(row);
    if (reminder) out.push(reminder);
  }
  return out;
}

export async function readReminder(db: StepAheadDb, id: string): Promise<Reminder | null> {
  return parseReminderRow(await db.reminders.get(id));
}
