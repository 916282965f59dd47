import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine.ts';
import { buildPanelSnapshot, buildPanelThread } from '../../lib/panel-snapshot.ts';
import { decideSend } from '../../lib/presend/decision.ts';
import { acceptableReason, buildPresendModel, fixFor, MAX_MESSAGES } from '../../lib/presend/modal-model.ts';
import { buildSendRecord, promiseOf } from '../../lib/presend/send-record.ts';
import { sendRecordSchema } from '../../lib/schemas/send.ts';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings.ts';

// The checklist's model and the send record, from real analyses of a customer email and
// replies to it.

const NOW = new Date('2026-11-18T10:00:00-05:00');
const ZONE = 'America/New_York';
const CUSTOMER = 'Hi team, the nightly sync stalls at 80%. Do we need to roll back to 4.1? Can you confirm the fix ships in 4.2.1?';
const GOOD =
  'Hi Priya, status: we found the cause of the stall. Rolling back to 4.1 is not needed. Yes, I can confirm the fix will ship in 4.2.1. ' +
  'Next steps: I will send you an update by Friday at 3 pm ET. Until then you can expect the sync to stall, so run it by hand.';

function check(draft: string) {
  const analysis = analyze({ customer: CUSTOMER, draft, now: NOW, timeZone: ZONE, format: 'html' }, DEFAULT_SETTINGS);
  const snapshot = buildPanelSnapshot(analysis, {
    composeId: 'c1',
    thread: buildPanelThread({ threadId: 't1', subject: 'Sync', customer: null, messageCount: 1, lastCustomerAt: null, ourLastReplyAt: null, earlierEtas: [] }),
    flags: { resolved: false, waitingOnCustomer: false },
    settings: DEFAULT_SETTINGS,
    timeZone: ZONE,
  });
  return { analysis, snapshot };
}

describe('the checklist model', () => {
  it('offers to show the unanswered question, remove red text and select a placeholder', () => {
    const draft = `${GOOD.replace('Yes, I can confirm the fix will ship in 4.2.1. ', '')} <font color="#cc0000">Note the [[workaround]].</font>`;
    const { analysis, snapshot } = check(draft);
    const decision = decideSend(snapshot, DEFAULT_SETTINGS.presend);
    expect(decision.action).toBe('block');
    const model = buildPresendModel(decision.failing, analysis.findings, analysis.draft.text, DEFAULT_SETTINGS.presend);
    const byRule = Object.fromEntries(model.items.map((item) => [item.ruleId, item.fix]));
    expect(byRule['questions-answered']).toMatchObject({ kind: 'show-question', text: expect.stringContaining('4.2.1') });
    expect(byRule['no-red-text']).toEqual({ kind: 'remove-red', label: 'Remove the red colour' });
    expect(byRule['placeholders-filled']).toEqual({ kind: 'select-text', label: 'Select the placeholder', text: '[[workaround]]' });
    expect(model.heading).toBe(`${model.items.length} checks fail on this reply`);
    expect(model.requireReason).toBe(false);
  });

  it('offers the scaffold a rule suggests, and nothing where only the writer can help', () => {
    expect(fixFor('next-steps', [{ ruleId: 'next-steps', severity: 'warning', message: 'm', suggestions: [{ action: 'insert-scaffold:next-steps', label: 'Insert next steps' }] }], '')).toEqual({
      kind: 'insert-scaffold',
      scaffoldId: 'next-steps',
      label: 'Insert next steps',
    });
    expect(fixFor('cc-account-owner', [{ ruleId: 'cc-account-owner', severity: 'warning', message: 'm', suggestions: [{ action: 'add-cc:x@y.example', label: 'Cc X' }] }], '')).toBeNull();
  });

  it('shows a few messages per check and counts the rest', () => {
    const messages = Array.from({ length: MAX_MESSAGES + 3 }, (_, i) => `red ${i}`);
    const model = buildPresendModel([{ ruleId: 'no-red-text', title: 'No red text', severity: 'error', messages }], [], '', { requireReason: true });
    expect(model.items[0]!.messages).toHaveLength(MAX_MESSAGES);
    expect(model.items[0]!.more).toBe(3);
    expect(model.requireReason).toBe(true);
    expect(model.heading).toBe('1 check fails on this reply');
  });

  it('accepts a short reason that says something', () => {
    expect(acceptableReason('  ok ')).toBeNull();
    expect(acceptableReason('  customer   asked ')).toBe('customer asked');
    expect(acceptableReason('x'.repeat(900))).toHaveLength(500);
  });
});

describe('the send record', () => {
  it('keeps the promise (instant, phrase, sentence) and which questions were answered', () => {
    const { analysis } = check(GOOD);
    const record = buildSendRecord({
      threadId: 't1',
      subject: 'Re: Sync',
      customer: { name: 'Priya', email: 'priya@acme.example' },
      customerMessageAt: '2026-11-17T08:05:00-05:00',
      sentAt: NOW.getTime(),
      path: 'button',
      outcome: 'clean',
      failedRules: [],
      analysis,
      timeZone: ZONE,
    });
    expect(sendRecordSchema.safeParse(record).success).toBe(true);
    expect(record!.promise).toEqual({
      due: '2026-11-20T15:00:00-05:00',
      text: expect.stringContaining('Friday at 3 pm ET'),
      sentence: 'Next steps: I will send you an update by Friday at 3 pm ET.',
    });
    expect(record!.answeredQuestionIds).toHaveLength(analysis.questions.length);
    expect(record!.openQuestionIds).toEqual([]);
  });

  it('has no promise for a vague ETA, and lists the open questions', () => {
    const { analysis } = check('Hi Priya, thanks. I will get back to you soon.');
    expect(promiseOf(analysis, ZONE)).toBeNull();
    const record = buildSendRecord({
      threadId: 't1', subject: '', customer: null, customerMessageAt: null, sentAt: 1, path: 'shortcut',
      outcome: 'sent-anyway', failedRules: ['questions-answered', 'questions-answered'], reason: 'customer asked', analysis, timeZone: ZONE,
    });
    expect(record).toMatchObject({ outcome: 'sent-anyway', failedRules: ['questions-answered'], reason: 'customer asked', promise: null });
    expect(record!.openQuestionIds.length).toBeGreaterThan(0);
  });

  it('a failed-open record carries what went wrong and no analysis', () => {
    const record = buildSendRecord({
      threadId: 'compose:unknown', subject: '', customer: null, customerMessageAt: null, sentAt: 1, path: 'button',
      outcome: 'failed-open', failedRules: [], failure: 'check took longer than 300 ms', analysis: null, timeZone: 'UTC',
    });
    expect(record).toMatchObject({ outcome: 'failed-open', failure: 'check took longer than 300 ms', promise: null, answeredQuestionIds: [], openQuestionIds: [] });
  });
});
