import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, parseExportText } from '../../lib/schemas/export.ts';
import type { Reminder } from '../../lib/schemas/reminder.ts';
import type { SendRecord } from '../../lib/schemas/send.ts';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings.ts';

// An import file is refused whole, with a message naming what is wrong.

const reminder: Reminder = {
  id: 'r1',
  threadId: 'thread-f:1',
  subject: 'Invoice',
  customer: null,
  etaText: 'by Friday',
  sentence: null,
  etaAt: 1_800_000_000_000,
  dueAt: 1_800_000_000_000,
  leadNotice: true,
  notified: [],
  source: 'send',
  createdAt: 1,
  updatedAt: 1,
};

const sent: SendRecord = {
  threadId: 'thread-f:1',
  subject: 'Invoice',
  customer: null,
  sentAt: 1_800_000_000_000,
  path: 'button',
  outcome: 'clean',
  failedRules: [],
  promise: null,
  answeredQuestionIds: [],
  openQuestionIds: [],
  customerMessageAt: null,
};

const good = () => ({
  format: EXPORT_FORMAT,
  version: 1,
  exportedAt: 1_800_000_000_000,
  storage: { settings: { version: 2, settings: { reminderLeadMinutes: 30 } } },
  threads: [{ threadId: 'thread-f:1', marks: { q1: 'answered' }, flags: { resolved: false, waitingOnCustomer: true }, updatedAt: 5 }],
  reminders: [reminder],
  sendLog: [],
});

describe('parseExportText', () => {
  it('accepts a complete export', () => {
    const result = parseExportText(JSON.stringify(good()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.file.reminders).toEqual([reminder]);
  });

  it('accepts the settings and directory the extension writes, and hands them on normalised', () => {
    const entry = { domain: 'acme.example', name: 'Acme' };
    const file = { ...good(), storage: { settings: { version: 2, settings: { reminderLeadMinutes: 30, schedule: DEFAULT_SETTINGS.schedule } }, directory: { version: 1, entries: [entry] } } };
    const result = parseExportText(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.storage.settings).toEqual({ version: 2, settings: { reminderLeadMinutes: 30, schedule: DEFAULT_SETTINGS.schedule } });
    expect((result.file.storage.directory as { entries: Array<{ domain: string; strategic: boolean }> }).entries[0]).toMatchObject({ domain: 'acme.example', strategic: false });
  });

  it.each([
    ['not JSON', '{"format":', /not JSON/],
    ['another program’s file', JSON.stringify({ ...good(), format: 'other' }), /not a Step Ahead export/],
    ['a table missing', JSON.stringify({ ...good(), reminders: undefined }), /reminders: /],
    ['a wrong type in a row', JSON.stringify({ ...good(), reminders: [{ ...reminder, dueAt: 'tomorrow' }] }), /reminders\[0\]\.dueAt/],
    ['a huge string', JSON.stringify({ ...good(), reminders: [{ ...reminder, subject: 'x'.repeat(100_000) }] }), /reminders\[0\]\.subject/],
    ['an unknown top-level key', JSON.stringify({ ...good(), extra: 1 }), /extra/],
    ['two reminders with one id', JSON.stringify({ ...good(), reminders: [reminder, reminder] }), /appears twice/],
    ['a broken setting', JSON.stringify({ ...good(), storage: { settings: { version: 2, settings: { reminderLeadMinutes: -5 } } } }), /reminderLeadMinutes/],
    ['a 20 MB string inside the settings envelope', JSON.stringify({ ...good(), storage: { settings: { version: 2, settings: {}, junk: 'x'.repeat(20 * 1024 * 1024) } } }), /storage\.settings.*junk/],
    ['a key the settings never have, deep inside', JSON.stringify({ ...good(), storage: { settings: { version: 2, settings: { schedule: { ...DEFAULT_SETTINGS.schedule, note: 'x' } } } } }), /storage\.settings.*note/],
    ['a key a customer entry never has', JSON.stringify({ ...good(), storage: { directory: { version: 1, entries: [{ domain: 'acme.example', blob: 'x' }] } } }), /storage\.directory.*blob/],
    ['a broken customer entry', JSON.stringify({ ...good(), storage: { directory: { version: 1, entries: [{ domain: 'not a domain' }] } } }), /storage\.directory/],
    ['two reminders for one thread', JSON.stringify({ ...good(), reminders: [reminder, { ...reminder, id: 'r2' }] }), /thread-f:1 appears twice/],
    ['two send-log rows with one id', JSON.stringify({ ...good(), sendLog: [{ ...sent, id: 4 }, { ...sent, id: 4 }] }), /send-log row 4 appears twice/],
    ['a __proto__ key', JSON.stringify(good()).replace('"q1":', '"__proto__":{"polluted":1},"q1":'), /__proto__/],
  ])('refuses %s, saying what is wrong', (_name, text, message) => {
    const result = parseExportText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
