import { describe, expect, it, vi } from 'vitest';
import { z as classic } from 'zod';
import { z } from '../../lib/schemas/zod-mini.ts';
import { panelSnapshotSchema } from '../../lib/schemas/panel.ts';
import { sendLogEntrySchema } from '../../lib/schemas/export.ts';
import { sendRecordSchema, type SendRecord } from '../../lib/schemas/send.ts';

// The schemas the Gmail content script reaches are written with zod/mini (bundle budget,
// issue 4); the background, options page and exports wrap them in classic zod. Both halves
// must read the same, and users must keep seeing worded problems, not "Invalid input".

const record: SendRecord = {
  threadId: 'thread-1',
  subject: 'Login fails',
  customer: { name: 'Ana', email: 'ana@acme.com' },
  sentAt: 1_700_000_000_000,
  path: 'button',
  outcome: 'clean',
  failedRules: [],
  promise: null,
  answeredQuestionIds: [],
  openQuestionIds: [],
  customerMessageAt: null,
};

describe('zod/mini schemas', () => {
  it('word their problems in English even where classic zod was never loaded (the Gmail page)', async () => {
    const config = z.config();
    const before = config.localeError;
    // As on a page where no classic schema was ever built: no locale chosen yet.
    config.localeError = undefined;
    try {
      vi.resetModules();
      const { readSettings } = await import('../../lib/schemas/settings.ts');
      expect(readSettings({ reminderLeadMinutes: -5, role: 'boss' }).problems).toEqual([
        'role: Invalid option: expected one of "support-engineer"|"sales-consultant"|"custom"; default used',
        'reminderLeadMinutes: Too small: expected number to be >=0; default used',
      ]);
    } finally {
      config.localeError = before;
    }
  });

  it('keep their own words for refusals', () => {
    const parsed = sendRecordSchema.safeParse({ ...record, customerMessageAt: 'yesterday-ish' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['customerMessageAt', 'not an ISO-8601 time']]);
  });

  it('work inside classic wrappers: the export file’s send log row', () => {
    expect(sendLogEntrySchema.parse({ ...record, id: 7, extra: 'dropped' })).toEqual({ ...record, id: 7 });
    const bad = sendLogEntrySchema.safeParse({ ...record, id: -1, subject: 'x'.repeat(1001) });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'subject: Too big: expected string to have <=1000 characters',
      'id: Too small: expected number to be >0',
    ]);
  });

  it('work inside classic wrappers: the background’s relayed panel report', () => {
    const report = classic.object({ snapshot: classic.nullable(panelSnapshotSchema) });
    expect(report.parse({ snapshot: null })).toEqual({ snapshot: null });
    const bad = report.safeParse({ snapshot: { composeId: 5 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['snapshot', 'composeId']);
    expect(bad.error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
  });
});
