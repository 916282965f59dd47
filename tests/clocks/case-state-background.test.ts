import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setupCaseState, type CaseStateRecorder } from '../../entrypoints/background/case-state.ts';
import { readThreadRecord, StepAheadDb, updateThreadRecord } from '../../entrypoints/background/db.ts';
import { setupPanelRelay, type PanelRelay } from '../../entrypoints/background/panel-relay.ts';
import { caseReportOf } from '../../lib/case-state.ts';
import type { PanelSnapshot } from '../../lib/schemas/panel.ts';
import { deliver, resetMessaging } from '../background/fake-messaging.ts';
import { GMAIL, gmailSender, installFakeTabs } from '../background/fake-tabs.ts';
import { makeSnapshot } from '../helpers/panel-snapshot.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('../background/fake-messaging.ts'));

// The background keeps each reported thread's history on its record, so the popup can show
// the clocks of every open case later, with no Gmail tab open.

let db: StepAheadDb;
let cases: CaseStateRecorder;
let relay: PanelRelay;
let n = 0;

const FRIDAY_EVENING = '2026-11-20T18:40:00-05:00';

function snapshotWith(timeline: { from: 'customer' | 'us'; at: string }[], overrides: Partial<PanelSnapshot> = {}): PanelSnapshot {
  return makeSnapshot({
    case: caseReportOf({ subject: 'Export times out', customer: { name: 'Marco', email: 'marco@acme.example' }, timeline }),
    ...overrides,
  });
}

const report = (snapshot: PanelSnapshot | null) => deliver('reportComposeState', { snapshot }, gmailSender(1));

beforeEach(async () => {
  fakeBrowser.reset();
  resetMessaging();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  installFakeTabs([{ id: 1, windowId: 1, url: GMAIL, active: true }]);
  db = new StepAheadDb(`case-state-test-${n++}`);
  cases = setupCaseState(db);
  relay = setupPanelRelay({ onReport: cases.record });
  await relay.ready;
});
afterEach(async () => {
  relay.dispose();
  db.close();
  await Dexie.delete(db.name);
});

describe('the account a case was seen in', () => {
  it('keeps the Gmail account of the tab that reported the thread, and follows it when it changes', async () => {
    const u1 = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWxyz';
    await deliver('reportComposeState', { snapshot: snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }]) }, gmailSender(1, u1));
    await cases.idle();
    expect((await readThreadRecord(db, 'thread-abc'))?.account).toBe('https://mail.google.com/mail/u/1/');
    // The same history reported from account 2's tab: only the account changed, and it is written.
    await deliver('reportComposeState', { snapshot: snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }]) }, gmailSender(1, 'https://mail.google.com/mail/u/2/#inbox/x'));
    await cases.idle();
    expect((await readThreadRecord(db, 'thread-abc'))?.account).toBe('https://mail.google.com/mail/u/2/');
  });

  it('keeps no account from an address without one', async () => {
    await deliver('reportComposeState', { snapshot: snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }]) }, gmailSender(1, 'https://mail.google.com/mail/#inbox'));
    await cases.idle();
    const record = await readThreadRecord(db, 'thread-abc');
    expect(record?.case).toBeDefined();
    expect(record).not.toHaveProperty('account');
  });
});

describe('case state from Gmail reports', () => {
  it('stores the history a tab reports on the thread’s record, keeping its marks', async () => {
    await updateThreadRecord(db, 'thread-abc', (r) => ({ ...r, marks: { 'q-1': 'answered' } }));
    await report(snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }]));
    await cases.idle();
    const record = await readThreadRecord(db, 'thread-abc');
    expect(record?.marks).toEqual({ 'q-1': 'answered' });
    expect(record?.case).toMatchObject({
      subject: 'Export times out',
      firstCustomerAt: new Date(FRIDAY_EVENING).toISOString(),
      oldestUnansweredAt: new Date(FRIDAY_EVENING).toISOString(),
    });
  });

  it('writes only when something changed', async () => {
    const snapshot = snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }]);
    await report(snapshot);
    await cases.idle();
    const first = await readThreadRecord(db, 'thread-abc');
    await report({ ...snapshot, failing: 0 });
    await cases.idle();
    expect((await readThreadRecord(db, 'thread-abc'))?.updatedAt).toBe(first?.updatedAt);
    await report(snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }, { from: 'us', at: '2026-11-23T08:30:00-05:00' }]));
    await cases.idle();
    expect((await readThreadRecord(db, 'thread-abc'))?.case?.ourReplyTimes).toHaveLength(1);
  });

  it('logs when the thread was marked waiting on the customer', async () => {
    await report(snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }, { from: 'us', at: '2026-11-23T08:30:00-05:00' }]));
    await cases.idle();
    const flagged = await updateThreadRecord(db, 'thread-abc', (r) => ({ ...r, flags: { resolved: false, waitingOnCustomer: true } }));
    await report(
      snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }, { from: 'us', at: '2026-11-23T08:30:00-05:00' }], {
        flags: { resolved: false, waitingOnCustomer: true },
      }),
    );
    await cases.idle();
    const record = await readThreadRecord(db, 'thread-abc');
    expect(record?.case?.flagChanges).toEqual([
      { flag: 'waitingOnCustomer', value: true, at: new Date(flagged.updatedAt).toISOString() },
    ]);
  });

  it('keeps nothing for new messages with no thread, threads with no customer message, or no snapshot', async () => {
    await report(snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }], { thread: { ...makeSnapshot().thread, threadId: 'draft:r-1' } }));
    await report(snapshotWith([{ from: 'us', at: FRIDAY_EVENING }], { thread: { ...makeSnapshot().thread, threadId: 'outbound' } }));
    await report(null);
    await report(makeSnapshot({ thread: { ...makeSnapshot().thread, threadId: 'no-case' } }));
    await cases.idle();
    expect(await db.threads.count()).toBe(0);
  });

  it('two tabs reporting the same thread at once lose neither’s messages', async () => {
    const a = snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }]);
    const b = snapshotWith([{ from: 'customer', at: FRIDAY_EVENING }, { from: 'us', at: '2026-11-23T08:30:00-05:00' }]);
    installFakeTabs([
      { id: 1, windowId: 1, url: GMAIL, active: true },
      { id: 2, windowId: 1, url: GMAIL, active: false },
    ]);
    await Promise.all([report(b), deliver('reportComposeState', { snapshot: a }, gmailSender(2))]);
    await cases.idle();
    const record = await readThreadRecord(db, 'thread-abc');
    expect(record?.case?.ourReplyTimes).toEqual([new Date('2026-11-23T08:30:00-05:00').toISOString()]);
  });
});
