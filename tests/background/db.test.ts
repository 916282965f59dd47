import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  declareSchema,
  LATEST_VERSION,
  readAllThreadRecords,
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
  it("is the 'step-ahead' database by default, with the threads table", () => {
    const db = new StepAheadDb();
    expect(db.name).toBe('step-ahead');
    expect(db.tables.map((t) => t.name)).toEqual(['threads']);
    expect(db.verno).toBe(LATEST_VERSION);
  });

  it('indexes only the thread id (primary key) and updatedAt', () => {
    const db = track(new StepAheadDb(freshName()));
    const schema = db.threads.schema;
    expect(schema.primKey.keyPath).toBe('threadId');
    expect(schema.indexes.map((i) => i.keyPath)).toEqual(['updatedAt']);
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
const EXAMPLE_DATA: Record<number, { threads: unknown[] }> = {
  1: {
    threads: [
      record('18c2f0a1b2c3d4e5', { marks: { 'q-0': 'answered' }, updatedAt: 1_763_000_000_000 }),
      record('draft:r-123456', { flags: { resolved: false, waitingOnCustomer: true }, updatedAt: 1_763_000_100_000 }),
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
    const threads = await readAllThreadRecords(db);
    expect(threads.map((t) => t.threadId).sort()).toEqual(EXAMPLE_DATA[version]!.threads.map((t) => (t as ThreadRecord).threadId).sort());
    expect(await readThreadRecord(db, '18c2f0a1b2c3d4e5')).toMatchObject({ marks: { 'q-0': 'answered' } });
  });
});
