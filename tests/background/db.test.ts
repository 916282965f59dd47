import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  declareSchema,
  LATEST_VERSION,
  parseReminderRows,
  readAllThreadRecords,
  readRecentOpenCases,
  readThreadRecord,
  SCHEMA_VERSIONS,
  StepAheadDb,
  updateThreadRecord,
} from '../../entrypoints/background/db.ts';
import type { ThreadRecord } from '../../lib/schemas/panel.ts';

// Each test gets its own database name, so nothing leaks between them.
let counter = 0;
const open: Dexie[] = [];
function freshName(): string {
  return `step-ahead-test-${Date.now()}-${counter++}`;
}
function track<T extends Dexie>(db: T): T {
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
  vi.restoreAllMocks();
});

const record = (threadId: string, extra: Partial<ThreadRecord> = {}): ThreadRecord => ({
  threadId,
  marks: {},
  flags: { resolved: false, waitingOnCustomer: false },
  updatedAt: 1_700_000_000_000,
  ...extra,
});

describe('StepAheadDb', () => {
  it("is the 'step-ahead' database by default, with its tables", () => {
    const db = new StepAheadDb();
    expect(db.name).toBe('step-ahead');
    expect(db.tables.map((t) => t.name).sort()).toEqual(['reminders', 'sendLog', 'threads']);
    expect(db.verno).toBe(LATEST_VERSION);
  });

  it('indexes only the thread id (primary key) and updatedAt', () => {
    const db = track(new StepAheadDb(freshName()));
    const schema = db.threads.schema;
    expect(schema.primKey.keyPath).toBe('threadId');
    expect(schema.indexes.map((i) => i.keyPath)).toEqual(['updatedAt']);
  });

  it('indexes reminders by thread, due time and next notice only; the send log by its key', () => {
    const db = track(new StepAheadDb(freshName()));
    expect(db.reminders.schema.primKey.keyPath).toBe('id');
    expect(db.reminders.schema.indexes.map((i) => i.keyPath)).toEqual(['threadId', 'dueAt', 'nextNoticeAt']);
    expect(db.sendLog.schema.primKey.auto).toBe(true);
    expect(db.sendLog.schema.indexes).toEqual([]);
  });

  it('writes a record and reads the same record back', async () => {
    const db = track(new StepAheadDb(freshName()));
    const stored = record('thread-1', { marks: { q1: 'answered', q2: 'not-applicable' }, flags: { resolved: true, waitingOnCustomer: false } });
    await db.threads.put(stored);
    expect(await readThreadRecord(db, 'thread-1')).toEqual(stored);
    expect(await readThreadRecord(db, 'nope')).toBeNull();
  });

  it('updates a record in place, adding and removing marks, and creates one when missing', async () => {
    const db = track(new StepAheadDb(freshName()));
    const first = await updateThreadRecord(db, 't', (r) => ({ ...r, marks: { ...r.marks, a: 'answered' } }), 10);
    expect(first).toEqual(record('t', { marks: { a: 'answered' }, updatedAt: 10 }));
    const second = await updateThreadRecord(db, 't', (r) => ({ ...r, marks: { ...r.marks, b: 'not-applicable' } }), 20);
    expect(second.marks).toEqual({ a: 'answered', b: 'not-applicable' });
    expect(second.updatedAt).toBe(20);
    expect(await readThreadRecord(db, 't')).toEqual(second);
  });

  it('keeps both marks when two writers change the same thread at once', async () => {
    const db = track(new StepAheadDb(freshName()));
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((q) => updateThreadRecord(db, 't', (r) => ({ ...r, marks: { ...r.marks, [q]: 'answered' } }))),
    );
    expect(Object.keys((await readThreadRecord(db, 't'))!.marks).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('skips a broken row with one warning instead of throwing, and reads the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = track(new StepAheadDb(freshName()));
    await db.threads.put(record('good'));
    // What an older or buggy build might have left behind.
    await (db.threads as unknown as Dexie.Table<unknown, string>).put({ threadId: 'broken', marks: { q: 'maybe' }, updatedAt: 'yesterday' });
    expect(await readThreadRecord(db, 'broken')).toBeNull();
    expect(await readThreadRecord(db, 'broken')).toBeNull();
    expect(await readAllThreadRecords(db)).toEqual([record('good')]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('replaces a broken row when the user marks something on its thread', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = track(new StepAheadDb(freshName()));
    await (db.threads as unknown as Dexie.Table<unknown, string>).put({ threadId: 'broken-2', flags: 'yes' });
    const next = await updateThreadRecord(db, 'broken-2', (r) => ({ ...r, marks: { q: 'answered' } }), 5);
    expect(next).toEqual(record('broken-2', { marks: { q: 'answered' }, updatedAt: 5 }));
  });
});

// Example rows as each released version wrote them. When version n+1 lands, add its entry in
// SCHEMA_VERSIONS and a line here; every older version's data must reopen at the latest.
const EXAMPLE_DATA: Record<number, Record<string, unknown[]>> = {
  1: {
    threads: [
      record('18c2f0a1b2c3d4e5', { marks: { 'q-0': 'answered' }, updatedAt: 1_763_000_000_000 }),
      record('draft:r-123456', { flags: { resolved: false, waitingOnCustomer: true }, updatedAt: 1_763_000_100_000 }),
      // Written before flags had a default: the upgrade fills them in.
      { threadId: 'thread-f:42', marks: {}, updatedAt: 1_763_000_200_000 },
      // Unreadable: kept as it is, never dropped by an upgrade.
      { threadId: 'broken-v1', marks: 'none', updatedAt: 'yesterday' },
    ],
  },
  2: {
    threads: [record('18c2f0a1b2c3d4e5', { marks: { 'q-0': 'answered' }, updatedAt: 1_763_000_000_000 })],
    reminders: [
      {
        id: 'r-1',
        threadId: '18c2f0a1b2c3d4e5',
        subject: 'Invoice 4411',
        customer: { name: 'Dana', email: 'dana@northwind.example' },
        etaText: 'by 3 pm ET Thursday',
        sentence: 'I will send the corrected invoice by 3 pm ET Thursday.',
        etaAt: 1_763_582_400_000,
        dueAt: 1_763_582_400_000,
        leadNotice: true,
        notified: [],
        nextNoticeAt: 1_763_578_800_000,
        source: 'send',
        createdAt: 1_763_000_000_000,
        updatedAt: 1_763_000_000_000,
      },
    ],
    sendLog: [
      {
        threadId: '18c2f0a1b2c3d4e5',
        subject: 'Invoice 4411',
        customer: null,
        sentAt: 1_763_000_000_000,
        path: 'button',
        outcome: 'clean',
        failedRules: [],
        promise: null,
        answeredQuestionIds: [],
        openQuestionIds: [],
        customerMessageAt: null,
      },
    ],
  },
};

describe('schema upgrades', () => {
  it('has example data for every released version', () => {
    expect(Object.keys(EXAMPLE_DATA).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('opens a version %i database with rows and keeps every row', async (version) => {
    const name = freshName();
    const old = new Dexie(name);
    declareSchema(old, version);
    await old.open();
    expect(old.verno).toBe(version);
    for (const [table, rows] of Object.entries(EXAMPLE_DATA[version]!)) await old.table(table).bulkPut(rows);
    old.close();

    const db = track(new StepAheadDb(name));
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Every row of every table is still there, readable or not.
    for (const [table, rows] of Object.entries(EXAMPLE_DATA[version]!)) {
      expect(await db.table(table).count()).toBe(rows.length);
    }
    const readable = (await readAllThreadRecords(db)).map((t) => t.threadId);
    expect(readable).toContain('18c2f0a1b2c3d4e5');
    expect(readable).not.toContain('broken-v1');
    expect(await readThreadRecord(db, '18c2f0a1b2c3d4e5')).toMatchObject({ marks: { 'q-0': 'answered' } });
    if (version === 1) {
      expect(await db.threads.get('thread-f:42')).toMatchObject({ flags: { resolved: false, waitingOnCustomer: false } });
      expect(await db.table('threads').get('broken-v1')).toEqual({ threadId: 'broken-v1', marks: 'none', updatedAt: 'yesterday' });
    }
    if (version >= 2) expect(parseReminderRows(await db.reminders.toArray()).map((r) => r.id)).toEqual(['r-1']);
  });
});

describe('the popup’s read of open cases', () => {
  const caseState = (at: string) => ({
    subject: 'S',
    customer: null,
    customerMessageTimes: [at],
    ourReplyTimes: [],
    firstCustomerAt: at,
    oldestUnansweredAt: at,
    flagChanges: [],
    observedAt: 1,
  });

  it('reads only the most recently written open cases inside the window, newest first', async () => {
    const db = track(new StepAheadDb(freshName()));
    const at = '2026-11-18T10:00:00Z';
    await db.threads.bulkPut([
      ...Array.from({ length: 10 }, (_, i) => record(`open-${i}`, { updatedAt: 1_000 + i, case: caseState(at) })),
      record('resolved', { updatedAt: 2_000, flags: { resolved: true, waitingOnCustomer: false }, case: caseState(at) }),
      record('no-case', { updatedAt: 2_001 }),
      record('too-old', { updatedAt: 10, case: caseState(at) }),
    ]);
    expect((await readRecentOpenCases(db, 500, 3)).map((r) => r.threadId)).toEqual(['open-9', 'open-8', 'open-7']);
    expect((await readRecentOpenCases(db, 500, 100)).map((r) => r.threadId)).toHaveLength(10);
  });
});
