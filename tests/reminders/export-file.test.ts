import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, parseExportText } from '../../lib/schemas/export.ts';
import type { Reminder } from '../../lib/schemas/reminder.ts';

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

  it.each([
    ['not JSON', '{"format":', /not JSON/],
    ['another program’s file', JSON.stringify({ ...good(), format: 'other' }), /not a Step Ahead export/],
    ['a table missing', JSON.stringify({ ...good(), reminders: undefined }), /reminders: /],
    ['a wrong type in a row', JSON.stringify({ ...good(), reminders: [{ ...reminder, dueAt: 'tomorrow' }] }), /reminders\[0\]\.dueAt/],
    ['a huge string', JSON.stringify({ ...good(), reminders: [{ ...reminder, subject: 'x'.repeat(100_000) }] }), /reminders\[0\]\.subject/],
    ['an unknown top-level key', JSON.stringify({ ...good(), extra: 1 }), /extra/],
    ['two reminders with one id', JSON.stringify({ ...good(), reminders: [reminder, reminder] }), /appears twice/],
    ['a broken setting', JSON.stringify({ ...good(), storage: { settings: { version: 2, settings: { reminderLeadMinutes: -5 } } } }), /reminderLeadMinutes/],
    ['a __proto__ key', JSON.stringify(good()).replace('"q1":', '"__proto__":{"polluted":1},"q1":'), /__proto__/],
  ])('refuses %s, saying what is wrong', (_name, text, message) => {
    const result = parseExportText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
