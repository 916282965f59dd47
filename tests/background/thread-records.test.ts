import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { StepAheadDb } from '../../entrypoints/background/db.ts';
import { setupThreadRecords } from '../../entrypoints/background/thread-records.ts';
import { deadTabs, deliver, resetMessaging, sent } from './fake-messaging.ts';
import { GMAIL, gmailSender, installFakeTabs, panelSender } from './fake-tabs.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));
vi.mock('../../utils/messaging.ts', () => import('./fake-messaging.ts'));

let db: StepAheadDb;
let stop: () => void;
let n = 0;

beforeEach(() => {
  fakeBrowser.reset();
  resetMessaging();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  installFakeTabs([
    { id: 1, windowId: 1, url: GMAIL, active: true },
    { id: 2, windowId: 1, url: 'https://mail.google.com/mail/u/1/#inbox', active: false },
    { id: 5, windowId: 1, url: undefined, active: false },
  ]);
  db = new StepAheadDb(`thread-records-test-${n++}`);
  stop = setupThreadRecords(db);
});
afterEach(async () => {
  stop();
  db.close();
  await Dexie.delete(db.name);
});

const mark = (data: unknown, sender: unknown = panelSender()) => deliver('setQuestionMark', data, sender);
const flag = (data: unknown, sender: unknown = panelSender()) => deliver('setThreadFlag', data, sender);
const read = async (threadId: string) => (await deliver('getThreadRecord', { threadId }, gmailSender(1))).res;
const changes = () => sent.filter((m) => m.type === 'threadRecordChanged');

describe('question marks', () => {
  it('stores a mark and gives it back to a Gmail tab asking for the thread', async () => {
    const { res } = await mark({ threadId: 'thread-abc', questionId: 'q-1', mark: 'answered' });
    expect(res).toMatchObject({ threadId: 'thread-abc', marks: { 'q-1': 'answered' } });
    expect(await read('thread-abc')).toMatchObject({ marks: { 'q-1': 'answered' }, flags: { resolved: false, waitingOnCustomer: false } });
  });

  it('keeps marks of several questions, changes one, and clears one with mark null', async () => {
    await mark({ threadId: 't', questionId: 'q-0', mark: 'answered' });
    await mark({ threadId: 't', questionId: 'q-1', mark: 'answered' });
    await mark({ threadId: 't', questionId: 'q-1', mark: 'not-applicable' });
    await mark({ threadId: 't', questionId: 'q-0', mark: null });
    expect(await read('t')).toMatchObject({ marks: { 'q-1': 'not-applicable' } });
    expect(Object.keys((await read('t')) as object)).toContain('marks');
    expect(((await read('t')) as { marks: object }).marks).not.toHaveProperty('q-0');
  });

  it('keeps marks in the database, so a new background (worker restart) reads them', async () => {
    await mark({ threadId: 't', questionId: 'q-0', mark: 'not-applicable' });
    stop();
    const reopened = new StepAheadDb(db.name);
    stop = setupThreadRecords(reopened);
    expect(await read('t')).toMatchObject({ marks: { 'q-0': 'not-applicable' } });
    reopened.close();
  });

  it('answers null for a thread nobody marked', async () => {
    expect(await read('never-seen')).toBeNull();
  });

  it('accepts a mark from a Gmail tab’s own panel too', async () => {
    const { res, err } = await mark({ threadId: 't', questionId: 'q-0', mark: 'answered' }, gmailSender(2, 'https://mail.google.com/mail/u/1/'));
    expect(err).toBeUndefined();
    expect(res).toMatchObject({ marks: { 'q-0': 'answered' } });
  });
});

describe('thread flags', () => {
  it('sets and unsets "resolves the issue" and "waiting on the customer" independently', async () => {
    await flag({ threadId: 't', flag: 'resolved', value: true });
    await flag({ threadId: 't', flag: 'waitingOnCustomer', value: true });
    await flag({ threadId: 't', flag: 'resolved', value: false });
    expect(await read('t')).toMatchObject({ flags: { resolved: false, waitingOnCustomer: true } });
  });

  it('keeps the marks when a flag changes', async () => {
    await mark({ threadId: 't', questionId: 'q-0', mark: 'answered' });
    await flag({ threadId: 't', flag: 'resolved', value: true });
    expect(await read('t')).toMatchObject({ marks: { 'q-0': 'answered' }, flags: { resolved: true } });
  });
});

describe('telling Gmail tabs', () => {
  it('sends threadRecordChanged with the new record to every Gmail tab and to no other tab', async () => {
    const { res } = await mark({ threadId: 't', questionId: 'q-0', mark: 'answered' });
    await vi.waitFor(() => expect(changes()).toHaveLength(2));
    expect(changes().map((m) => m.tabId).sort()).toEqual([1, 2]);
    expect(changes().every((m) => JSON.stringify(m.data) === JSON.stringify(res))).toBe(true);
  });

  it('does the same for a flag, and shrugs off a tab whose content script does not answer', async () => {
    deadTabs.add(1);
    const { err } = await flag({ threadId: 't', flag: 'waitingOnCustomer', value: true });
    expect(err).toBeUndefined();
    await vi.waitFor(() => expect(changes().map((m) => m.tabId).sort()).toEqual([1, 2]));
    // And the next change still goes out.
    await flag({ threadId: 't', flag: 'waitingOnCustomer', value: false });
    await vi.waitFor(() => expect(changes()).toHaveLength(4));
  });
});

describe('refusing bad requests', () => {
  it.each([
    ['no thread id', { questionId: 'q-0', mark: 'answered' }],
    ['an empty thread id', { threadId: '', questionId: 'q-0', mark: 'answered' }],
    ['an unknown mark', { threadId: 't', questionId: 'q-0', mark: 'done' }],
    ['a question id that is an object', { threadId: 't', questionId: { $gt: '' }, mark: 'answered' }],
    ['a huge thread id', { threadId: 'x'.repeat(10_000), questionId: 'q-0', mark: 'answered' }],
    ['nothing at all', undefined],
  ])('rejects a mark with %s, writes nothing, and keeps working', async (_, data) => {
    const { err } = await mark(data);
    expect(err).toBeInstanceOf(Error);
    expect(await db.threads.count()).toBe(0);
    expect(changes()).toEqual([]);
    expect((await mark({ threadId: 't', questionId: 'q-0', mark: 'answered' })).err).toBeUndefined();
  });

  it('rejects an unknown flag name', async () => {
    const { err } = await flag({ threadId: 't', flag: 'urgent', value: true });
    expect(err).toBeInstanceOf(Error);
    expect(await db.threads.count()).toBe(0);
  });

  it('refuses changes from a sender that is neither our page nor a Gmail tab', async () => {
    const data = { threadId: 't', questionId: 'q-0', mark: 'answered' };
    expect((await mark(data, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).err).toBeInstanceOf(Error);
    expect((await mark(data, { id: fakeBrowser.runtime.id, tab: { id: 5, url: 'https://example.com/' }, url: 'https://example.com/' })).err).toBeInstanceOf(Error);
    expect((await flag({ threadId: 't', flag: 'resolved', value: true }, {})).err).toBeInstanceOf(Error);
    expect(await db.threads.count()).toBe(0);
  });

  it('answers getThreadRecord with null for a malformed request or a foreign sender', async () => {
    await mark({ threadId: 't', questionId: 'q-0', mark: 'answered' });
    expect(await deliver('getThreadRecord', { threadId: 42 }, gmailSender(1))).toEqual({ res: null });
    expect(await deliver('getThreadRecord', null, gmailSender(1))).toEqual({ res: null });
    expect(await deliver('getThreadRecord', { threadId: 't' }, { id: fakeBrowser.runtime.id, tab: { id: 5, url: 'https://example.com/' } })).toEqual({
      res: null,
    });
  });
});
