// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../helpers/react-root.ts';
import { OpenCases } from '../../components/open-cases.tsx';
import { ThreadClocks } from '../../components/thread-clocks.tsx';
import { mergeCaseState } from '../../lib/case-state.ts';
import type { ThreadRecord } from '../../lib/schemas/panel.ts';
import { DEFAULT_SETTINGS, ROLE_TARGETS } from '../../lib/schemas/settings.ts';
import { computeClocks } from '../../lib/time/clocks.ts';

// What the side panel and the popup show of the clocks, rendered by React into happy-dom.

const view = reactRootPerTest();

const FRIDAY_EVENING = '2026-11-20T18:40:00-05:00';
const NO_FLAGS = { resolved: false, waitingOnCustomer: false };

function clockRows() {
  return [...view.container.querySelectorAll('[data-testid="step-ahead-clock"]')].map((row) => ({
    kind: row.getAttribute('data-kind'),
    state: row.getAttribute('data-state'),
    text: row.textContent ?? '',
  }));
}

describe('the side panel’s clocks', () => {
  const clocks = computeClocks(
    { customerMessageTimes: [FRIDAY_EVENING], ourReplyTimes: [], flags: NO_FLAGS },
    { schedule: DEFAULT_SETTINGS.schedule, targets: ROLE_TARGETS['support-engineer'], now: new Date('2026-11-21T12:00:00-05:00') },
  );

  it('names the day, time and zone each reply is due, counted from Monday’s opening', () => {
    act(() => view.root.render(<ThreadClocks clocks={clocks} now={Date.parse('2026-11-21T12:00:00-05:00')} />));
    const rows = clockRows();
    expect(rows.map((r) => [r.kind, r.state])).toEqual([
      ['acknowledge', 'running'],
      ['actionable', 'running'],
      ['resolution', 'running'],
    ]);
    expect(rows[0]!.text).toContain('Due Mon, Nov 23, 9:00 AM EST');
    expect(rows[0]!.text).toContain('1 business hour from Mon, Nov 23, 8:00 AM EST, the next opening');
    expect(rows[0]!.text).toContain('Fri, Nov 20, 6:40 PM EST');
    expect(rows[1]!.text).toContain('Due Wed, Nov 25, 2:00 PM EST');
    expect(rows[2]!.text).toContain('Due Wed, Dec 2, 5:00 PM EST');
  });

  it('turns a clock at risk and then breached as time passes, without a new report', () => {
    act(() => view.root.render(<ThreadClocks clocks={clocks} now={Date.parse('2026-11-23T08:50:00-05:00')} />));
    expect(clockRows()[0]!.state).toBe('at-risk');
    expect(view.container.textContent).toContain('At risk');
    act(() => view.root.render(<ThreadClocks clocks={clocks} now={Date.parse('2026-11-23T09:00:00-05:00')} />));
    expect(clockRows()[0]!.state).toBe('breached');
    expect(view.container.textContent).toContain('Breached');
  });

  it('shows the escalation nudge and nothing at all without clocks', () => {
    const old = computeClocks(
      { customerMessageTimes: ['2026-11-02T09:00:00-05:00'], ourReplyTimes: ['2026-11-02T09:30:00-05:00'], flags: NO_FLAGS },
      { schedule: DEFAULT_SETTINGS.schedule, targets: ROLE_TARGETS['support-engineer'], now: new Date('2026-11-05T10:00:00-05:00') },
    );
    act(() => view.root.render(<ThreadClocks clocks={old} now={Date.parse('2026-11-05T10:00:00-05:00')} />));
    expect(view.container.querySelector('[data-testid="step-ahead-nudge"]')?.getAttribute('data-kind')).toBe('engineering');
    act(() => view.root.render(<ThreadClocks clocks={undefined} />));
    expect(view.container.innerHTML).toBe('');
  });
});

describe('the popup’s open cases', () => {
  function record(threadId: string, subject: string, customer: string[], ours: string[] = [], flags = NO_FLAGS): ThreadRecord {
    return {
      threadId,
      marks: {},
      flags,
      updatedAt: 1,
      case: mergeCaseState(
        null,
        { subject, customer: { name: subject.split(' ')[0]!, email: 'x@customer.example' }, customerMessageTimes: customer, ourReplyTimes: ours },
        flags,
        { now: 1 },
      ),
    };
  }

  const now = Date.parse('2026-11-18T12:00:00-05:00');
  const records: ThreadRecord[] = [
    record('t-running', 'Running case', ['2026-11-18T11:50:00-05:00']),
    record('t-resolved', 'Resolved case', ['2026-11-16T09:00:00-05:00'], [], { resolved: true, waitingOnCustomer: false }),
    record('t-breached', 'Breached case', ['2026-11-18T10:00:00-05:00']),
    { threadId: 't-no-case', marks: {}, flags: NO_FLAGS, updatedAt: 1 },
    record('t-at-risk', 'At-risk case', ['2026-11-18T11:10:00-05:00']),
    record('t-answered', 'Answered case <b>bold</b>', ['2026-11-18T09:00:00-05:00'], ['2026-11-18T09:10:00-05:00']),
  ];

  it('lists the open cases worst first, leaving out resolved threads and threads with no case', () => {
    act(() => view.root.render(<OpenCases records={records} settings={DEFAULT_SETTINGS} now={now} />));
    const rows = [...view.container.querySelectorAll('[data-testid="step-ahead-case"]')];
    expect(rows.map((r) => [r.getAttribute('data-thread-id'), r.getAttribute('data-state')])).toEqual([
      ['t-breached', 'breached'],
      ['t-at-risk', 'at-risk'],
      ['t-running', 'running'],
      // Replied to: only the resolution clock still counts.
      ['t-answered', 'running'],
    ]);
    expect(rows[0]!.textContent).toContain('Due Wed, Nov 18, 11:00 AM EST');
    // Email text is text, never markup.
    expect(rows[3]!.textContent).toContain('Answered case <b>bold</b>');
    expect(rows[3]!.querySelector('b')).toBeNull();
  });

  it('opens a thread on a click on its subject', () => {
    const opened: string[] = [];
    act(() => view.root.render(<OpenCases records={records} settings={DEFAULT_SETTINGS} now={now} onOpenThread={(id) => opened.push(id)} />));
    const button = view.container.querySelector<HTMLButtonElement>('[data-thread-id="t-at-risk"] button')!;
    act(() => button.click());
    expect(opened).toEqual(['t-at-risk']);
  });

  it('uses the role’s targets: a sales consultant’s first reply is due in 15 minutes', () => {
    const sales = { ...DEFAULT_SETTINGS, role: 'sales-consultant' as const };
    act(() => view.root.render(<OpenCases records={[records[0]!]} settings={sales} now={now} />));
    expect(view.container.textContent).toContain('Due Wed, Nov 18, 12:05 PM EST');
  });

  it('teaches what the list is for when there is nothing open', () => {
    act(() => view.root.render(<OpenCases records={[records[1]!]} settings={DEFAULT_SETTINGS} now={now} />));
    expect(view.container.querySelector('[data-testid="step-ahead-open-cases-empty"]')?.textContent).toMatch(/open a customer/i);
  });
});
