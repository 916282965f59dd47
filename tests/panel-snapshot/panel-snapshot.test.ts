import { checksSummary } from '../../lib/checks-summary.ts';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../lib/engine.ts';
import {
  buildPanelSnapshot,
  buildPanelThread,
  clip,
  snapshotSignature,
  VAGUE_ETA_DISPLAY,
  type SnapshotOptions,
} from '../../lib/panel-snapshot.ts';
import { RULES } from '../../lib/rules/index.ts';
import { panelSnapshotSchema } from '../../lib/schemas/panel.ts';
import { DEFAULT_SETTINGS, settingsSchema } from '../../lib/schemas/settings.ts';

const NOW = new Date('2026-11-17T10:00:00-05:00');
const NY = 'America/New_York';
const THREAD = buildPanelThread({
  threadId: 'thread-f:1849302114567780001',
  subject: 'Nightly sync stalls after the 4.2 upgrade',
  customer: { name: 'Priya Shah', email: 'priya.shah@acme.example' },
  messageCount: 3,
  lastCustomerAt: '2026-11-17T08:05:00-05:00',
  ourLastReplyAt: '2026-11-16T11:40:00-05:00',
  earlierEtas: [],
});
const options = (over: Partial<SnapshotOptions> = {}): SnapshotOptions => ({
  composeId: '2',
  thread: THREAD,
  flags: { resolved: false, waitingOnCustomer: false },
  settings: DEFAULT_SETTINGS,
  timeZone: NY,
  updatedAt: 1_700_000_000_000,
  ...over,
});

const CUSTOMER = 'Hi, is the sync fixed? Can you send the logs?';
const weak = () => analyze({ customer: CUSTOMER, draft: 'Hi Priya, we will look into it soon. [NAME]', now: NOW, timeZone: NY });

describe('buildPanelSnapshot', () => {
  it('lists every rule in checklist order, with what failed and the draft text it points at', () => {
    const snapshot = panelSnapshotSchema.parse(buildPanelSnapshot(weak(), options()));
    expect(snapshot.rules.map((rule) => rule.ruleId)).toEqual(RULES.map((rule) => rule.meta.id));
    const byId = Object.fromEntries(snapshot.rules.map((rule) => [rule.ruleId, rule]));
    expect(byId['placeholders-filled']).toMatchObject({ status: 'fail', severity: 'error' });
    expect(byId['placeholders-filled']!.findings[0]!.excerpt).toBe('[NAME]');
    expect(byId['eta-concrete']!.findings[0]).toMatchObject({ severity: 'warning', excerpt: 'soon' });
    expect(byId['no-red-text']).toMatchObject({ status: 'pass', findings: [] });
    expect(byId['questions-answered']!.findings).toHaveLength(2);
    // Failing checks, not findings: questions-answered (two questions) and placeholders-filled
    // are errors; eta-concrete, status-summary and expectations warnings.
    expect(byId['questions-answered']!.findings).toHaveLength(2);
    expect(snapshot.failing).toBe(5);
    expect(snapshot.composeId).toBe('2');
    expect(snapshot.thread).toEqual(THREAD);
  });

  it("carries the customer's questions with their state and the vague ETA's reason", () => {
    const snapshot = buildPanelSnapshot(weak(), options());
    expect(snapshot.questions.map((q) => [q.text, q.kind, q.answered])).toEqual([
      ['Hi, is the sync fixed?', 'question', false],
      ['Can you send the logs?', 'request', false],
    ]);
    expect(snapshot.questions.every((q) => q.reason.length > 0 && q.answeredBy.length === 0)).toBe(true);
    expect(snapshot.eta).toEqual({ text: 'soon', end: null, vague: true, display: VAGUE_ETA_DISPLAY });
  });

  it("shows a concrete ETA in the writer's zone and counts nothing when the draft is good", () => {
    const analysis = analyze({
      customer: 'Hi, is the sync fixed?',
      draft:
        'Hi Priya, the sync is not fixed yet: engineering has reproduced the stall and is testing a patch. ' +
        'I will send you an update by Thursday at 3 pm ET.',
      now: NOW,
      timeZone: NY,
    });
    const snapshot = panelSnapshotSchema.parse(buildPanelSnapshot(analysis, options({ timeZone: 'Europe/London' })));
    expect(snapshot.eta).toEqual({
      text: 'by Thursday at 3 pm ET',
      end: '2026-11-19T20:00:00Z'.replace('Z', '+00:00'),
      vague: false,
      display: 'Thu, Nov 19, 8:00 PM GMT',
    });
    const failingRules = snapshot.rules.filter((rule) => rule.status === 'fail' && rule.severity !== 'info');
    expect(snapshot.failing).toBe(failingRules.length);
    expect(snapshot.questions[0]!.answered).toBe(true);
    expect(snapshot.questions[0]!.answeredBy[0]).toContain('not fixed yet');
  });

  it('reports a rule the team switched off as off, whatever the analysis found, and marks as marked', () => {
    const settings = settingsSchema.parse({ rules: { 'placeholders-filled': 'off', expectations: 'info' } });
    const analysis = analyze(
      { customer: CUSTOMER, draft: 'Hi Priya, we will look into it soon. [NAME]', now: NOW, timeZone: NY, thread: { marks: {} } },
      settings,
    );
    const marked = analyze({
      customer: CUSTOMER,
      draft: 'Hi',
      now: NOW,
      timeZone: NY,
      thread: { marks: { [analysis.questions[1]!.question.id]: 'not-applicable' } },
    });
    const snapshot = buildPanelSnapshot(weak(), options({ settings }));
    const byId = Object.fromEntries(snapshot.rules.map((rule) => [rule.ruleId, rule]));
    expect(byId['placeholders-filled']).toEqual({
      ruleId: 'placeholders-filled',
      title: RULES.find((r) => r.meta.id === 'placeholders-filled')!.meta.title,
      status: 'off',
      severity: 'off',
      findings: [],
    });
    expect(buildPanelSnapshot(marked, options()).questions[1]!.mark).toBe('not-applicable');
    // An info-level rule is listed but not counted in the status number.
    const infoOnly = buildPanelSnapshot(analysis, options({ settings }));
    expect(infoOnly.rules.find((r) => r.ruleId === 'expectations')).toMatchObject({ status: 'fail', severity: 'info' });
    expect(infoOnly.failing).toBe(infoOnly.rules.filter((r) => r.status === 'fail' && r.severity !== 'info').length);
  });

  it('clips what a huge email would push past the schema, so the snapshot always validates', () => {
    const long = 'Why? '.repeat(3_000);
    const analysis = analyze({ customer: long, draft: `[${'X'.repeat(5_000)}] ${'soon '.repeat(2_000)}`, now: NOW, timeZone: NY });
    const hostile: Analysis = {
      ...analysis,
      findings: [
        ...analysis.findings,
        { ruleId: 'ownership', severity: 'warning', message: 'm'.repeat(9_000), range: [0, 5_000], suggestions: Array(30).fill({ action: 'a', label: 'l' }) },
      ],
    };
    const thread = buildPanelThread({
      ...THREAD,
      subject: 's'.repeat(5_000),
      earlierEtas: Array.from({ length: 150 }, (_, i) => ({ due: '2026-11-19T15:00:00-05:00', text: `${i} ${'p'.repeat(3_000)}` })),
    });
    const snapshot = buildPanelSnapshot(hostile, options({ thread, composeId: 'c'.repeat(500) }));
    expect(panelSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const ownership = snapshot.rules.find((r) => r.ruleId === 'ownership')!;
    expect(ownership.findings.at(-1)!.excerpt!.length).toBeLessThanOrEqual(200);
    expect(thread.earlierEtas).toHaveLength(100);
    expect(thread.earlierEtas[0]!.text.startsWith('50 ')).toBe(true);
  });

  it('clips without splitting an emoji', () => {
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('short', 10)).toBe('short');
  });

  it('gives equal signatures to snapshots that differ only in when they were made', () => {
    const a = buildPanelSnapshot(weak(), options({ updatedAt: 1 }));
    const b = buildPanelSnapshot(weak(), options({ updatedAt: 2 }));
    const fixed = buildPanelSnapshot(analyze({ customer: CUSTOMER, draft: 'Hi', now: NOW, timeZone: NY }), options());
    expect(snapshotSignature(a)).toBe(snapshotSignature(b));
    expect(snapshotSignature(a)).not.toBe(snapshotSignature(fixed));
    expect(snapshotSignature(null)).toBe('null');
  });
});

describe('an empty draft', () => {
  it('has judged nothing yet: every rule that is on is pending, nothing counts as failing', () => {
    const settings = settingsSchema.parse({ rules: { ownership: 'off' } });
    const empty = analyze({ customer: CUSTOMER, draft: '<div><br></div>', now: NOW, timeZone: NY }, settings);
    const snapshot = panelSnapshotSchema.parse(buildPanelSnapshot(empty, options({ settings })));
    expect(snapshot.rules.filter((r) => r.ruleId !== 'ownership').every((r) => r.status === 'pending' && r.findings.length === 0)).toBe(true);
    expect(snapshot.rules.find((r) => r.ruleId === 'ownership')!.status).toBe('off');
    expect(snapshot.failing).toBe(0);
    expect(checksSummary(snapshot)).toBe('Checks start as you type');
    // The customer's questions are still listed, open, so the writer sees what to answer.
    expect(snapshot.questions.map((q) => q.answered)).toEqual([false, false]);
  });

  it('says how many checks fail once there is text', () => {
    const snapshot = buildPanelSnapshot(weak(), options());
    expect(checksSummary(snapshot)).toBe('5 checks failing');
    expect(checksSummary({ ...snapshot, rules: snapshot.rules.map((r) => ({ ...r, status: 'pass' as const })), failing: 0 })).toBe('All checks pass');
    expect(checksSummary({ ...snapshot, failing: 1 })).toBe('1 check failing');
  });
});
