import { describe, expect, it } from 'vitest';
import type { CaseFlagChange, Clock, ClockKind } from '../../lib/schemas/case.ts';
import { DEFAULT_SCHEDULE, ROLE_TARGETS, type Targets } from '../../lib/schemas/settings.ts';
import {
  atRiskWindow,
  clockStateAt,
  compareUrgency,
  computeClocks,
  waitingPeriods,
  type ClockInput,
} from '../../lib/time/clocks.ts';
import type { Schedule } from '../../lib/types.ts';

// The response-time clocks as a support engineer (or sales consultant) would check them by
// hand on a calendar: Mon–Fri 08:00–17:00 New York unless a case says otherwise.

const SUPPORT = ROLE_TARGETS['support-engineer'];
const SALES = ROLE_TARGETS['sales-consultant'];

interface Case {
  customer: string[];
  ours?: string[];
  resolved?: boolean;
  waiting?: boolean;
  flagChanges?: CaseFlagChange[];
}

function input(c: Case): ClockInput {
  return {
    customerMessageTimes: c.customer,
    ourReplyTimes: c.ours ?? [],
    flags: { resolved: c.resolved ?? false, waitingOnCustomer: c.waiting ?? false },
    flagChanges: c.flagChanges ?? [],
  };
}

function clocksOf(c: Case, now: string, options: { targets?: Targets; schedule?: Schedule } = {}) {
  return computeClocks(input(c), {
    schedule: options.schedule ?? DEFAULT_SCHEDULE,
    targets: options.targets ?? SUPPORT,
    now: new Date(now),
  });
}

function clock(c: Case, now: string, kind: ClockKind, options?: { targets?: Targets; schedule?: Schedule }): Clock {
  const found = clocksOf(c, now, options).clocks.find((k) => k.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
}

const utc = (isoWithOffset: string) => new Date(isoWithOffset).toISOString();

describe('mail that arrives outside business hours is due from the next business day’s start', () => {
  // Friday Nov 20, 2026, 6:40 PM in New York: the office closed at 5.
  const fridayEvening: Case = { customer: ['2026-11-20T18:40:00-05:00'] };
  const saturday = '2026-11-21T12:00:00-05:00';

  it('acknowledge is due Monday 09:00: one business hour from Monday’s 08:00 opening', () => {
    const ack = clock(fridayEvening, saturday, 'acknowledge');
    expect(ack).toMatchObject({
      state: 'running',
      receivedAt: utc('2026-11-20T18:40:00-05:00'),
      startedAt: utc('2026-11-23T08:00:00-05:00'),
      dueAt: utc('2026-11-23T09:00:00-05:00'),
      atRiskAt: utc('2026-11-23T08:45:00-05:00'),
      remainingMinutes: 60,
    });
  });

  it('actionable is due Wednesday 14:00 (24 business hours) and resolution Wednesday next week at closing (72)', () => {
    expect(clock(fridayEvening, saturday, 'actionable').dueAt).toBe(utc('2026-11-25T14:00:00-05:00'));
    expect(clock(fridayEvening, saturday, 'resolution').dueAt).toBe(utc('2026-12-02T17:00:00-05:00'));
  });

  it('a Monday holiday moves the acknowledgement to Tuesday 09:00', () => {
    const schedule = { ...DEFAULT_SCHEDULE, holidays: [{ date: '2026-11-23', name: 'Office closed' }] };
    expect(clock(fridayEvening, saturday, 'acknowledge', { schedule }).dueAt).toBe(utc('2026-11-24T09:00:00-05:00'));
  });

  it('a message late on the eve of Thanksgiving is due on Friday morning', () => {
    const schedule = { ...DEFAULT_SCHEDULE, holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] };
    const ack = clock({ customer: ['2026-11-25T16:30:00-05:00'] }, '2026-11-25T16:31:00-05:00', 'acknowledge', { schedule });
    // Half an hour left on Wednesday, the rest from Friday's opening.
    expect(ack.dueAt).toBe(utc('2026-11-27T08:30:00-05:00'));
    expect(ack.state).toBe('running');
  });

  it('a message before opening on a weekday is due an hour after that day’s opening', () => {
    expect(clock({ customer: ['2026-11-17T06:12:00-05:00'] }, '2026-11-17T06:13:00-05:00', 'acknowledge').dueAt).toBe(
      utc('2026-11-17T09:00:00-05:00'),
    );
  });
});

describe('daylight saving changes keep the local opening hour', () => {
  it('spring: Friday evening before the change is due Monday 09:00 EDT', () => {
    const ack = clock({ customer: ['2026-03-06T18:00:00-05:00'] }, '2026-03-07T12:00:00-05:00', 'acknowledge');
    expect(ack.dueAt).toBe('2026-03-09T13:00:00.000Z');
  });

  it('autumn: Friday evening before the change is due Monday 09:00 EST', () => {
    const ack = clock({ customer: ['2026-10-30T18:00:00-04:00'] }, '2026-10-31T12:00:00-04:00', 'acknowledge');
    expect(ack.dueAt).toBe('2026-11-02T14:00:00.000Z');
  });

  it('autumn: 24 business hours across the change land on the local hour', () => {
    // Thursday Oct 29 09:00 EDT + 24 business hours: Thu 8 h, Fri 9 h, Mon 7 h → Mon 15:00 EST.
    const actionable = clock({ customer: ['2026-10-29T09:00:00-04:00'] }, '2026-10-29T09:05:00-04:00', 'actionable');
    expect(actionable.dueAt).toBe(utc('2026-11-02T15:00:00-05:00'));
  });
});

describe('a schedule in another zone than the computer’s', () => {
  const berlin: Schedule = {
    timeZone: 'Europe/Berlin',
    week: [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '17:00' }]), []],
    holidays: [],
  };

  function withTimeZone<T>(zone: string, run: () => T): T {
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      return run();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  }

  it('reads the Berlin office’s hours while the computer keeps Los Angeles time', () => {
    withTimeZone('America/Los_Angeles', () => {
      // The computer's own zone is really in effect for Date.
      expect(new Date('2026-11-20T17:30:00Z').getHours()).toBe(9);
      // Friday 18:30 in Berlin (09:30 on the computer's clock): due Monday 10:00 Berlin.
      const ack = clock({ customer: ['2026-11-20T17:30:00Z'] }, '2026-11-20T18:00:00Z', 'acknowledge', { schedule: berlin });
      expect(ack.startedAt).toBe(utc('2026-11-23T09:00:00+01:00'));
      expect(ack.dueAt).toBe(utc('2026-11-23T10:00:00+01:00'));
    });
  });

  it('follows Berlin’s change to winter time, a week before New York’s, with the computer in New York', () => {
    withTimeZone('America/New_York', () => {
      // Friday Oct 23 18:00 CEST; Berlin's clocks go back on Oct 25, New York's on Nov 1.
      const ack = clock({ customer: ['2026-10-23T16:00:00Z'] }, '2026-10-24T12:00:00Z', 'acknowledge', { schedule: berlin });
      expect(ack.dueAt).toBe(utc('2026-10-26T10:00:00+01:00'));
    });
  });
});

describe('role targets', () => {
  const tuesdayMorning: Case = { customer: ['2026-11-17T10:00:00-05:00'] };

  it('a sales consultant acknowledges within 15 minutes and answers within the hour; no resolution clock', () => {
    const clocks = clocksOf(tuesdayMorning, '2026-11-17T10:01:00-05:00', { targets: SALES }).clocks;
    const byKind = Object.fromEntries(clocks.map((c) => [c.kind, c]));
    expect(byKind.acknowledge).toMatchObject({ dueAt: utc('2026-11-17T10:15:00-05:00'), state: 'running' });
    expect(byKind.actionable).toMatchObject({ dueAt: utc('2026-11-17T11:00:00-05:00'), state: 'running' });
    expect(byKind.resolution).toMatchObject({ state: 'not-applicable', targetMinutes: null });
  });

  it('warns 7.5 minutes before a 15-minute target runs out (never more than half the target)', () => {
    expect(atRiskWindow(15)).toBe(7.5);
    expect(clock(tuesdayMorning, '2026-11-17T10:07:00-05:00', 'acknowledge', { targets: SALES }).state).toBe('running');
    expect(clock(tuesdayMorning, '2026-11-17T10:08:00-05:00', 'acknowledge', { targets: SALES }).state).toBe('at-risk');
    expect(clock(tuesdayMorning, '2026-11-17T10:15:00-05:00', 'acknowledge', { targets: SALES }).state).toBe('breached');
  });

  it('custom targets are used as given', () => {
    const custom = { acknowledgeMinutes: 120, actionableMinutes: 480, resolutionMinutes: 960 };
    expect(clock(tuesdayMorning, '2026-11-17T10:01:00-05:00', 'acknowledge', { targets: custom }).dueAt).toBe(
      utc('2026-11-17T12:00:00-05:00'),
    );
  });
});

describe('at risk before a breach, breached after it', () => {
  // Monday 09:00; 24 business hours: Mon 8 h, Tue 9 h, Wed 7 h → Wed 15:00. The last quarter
  // (6 business hours) starts Wed 09:00.
  const monday: Case = { customer: ['2026-11-16T09:00:00-05:00'] };

  it.each([
    ['2026-11-18T08:59:00-05:00', 'running'],
    ['2026-11-18T09:00:00-05:00', 'at-risk'],
    ['2026-11-18T14:59:00-05:00', 'at-risk'],
    ['2026-11-18T15:00:00-05:00', 'breached'],
    ['2026-11-19T10:00:00-05:00', 'breached'],
  ])('actionable at %s is %s', (now, state) => {
    const actionable = clock(monday, now, 'actionable');
    expect(actionable.dueAt).toBe(utc('2026-11-18T15:00:00-05:00'));
    expect(actionable.atRiskAt).toBe(utc('2026-11-18T09:00:00-05:00'));
    expect(actionable.state).toBe(state);
  });

  it('counts the business minutes left while the clock runs', () => {
    expect(clock(monday, '2026-11-16T09:59:00-05:00', 'acknowledge').remainingMinutes).toBe(1);
    expect(clock(monday, '2026-11-16T11:00:00-05:00', 'acknowledge').remainingMinutes).toBeNull();
    // Over a night the clock does not move: 16:30 Monday and 08:30 Tuesday both leave the same.
    expect(clock(monday, '2026-11-16T16:30:00-05:00', 'actionable').remainingMinutes).toBe(1440 - 450);
    expect(clock(monday, '2026-11-17T08:00:00-05:00', 'actionable').remainingMinutes).toBe(1440 - 480);
  });

  it('a panel left open moves a running clock to at risk and breached without the history', () => {
    const ack = clock(monday, '2026-11-16T09:10:00-05:00', 'acknowledge');
    expect(ack.state).toBe('running');
    expect(clockStateAt(ack, Date.parse('2026-11-16T09:46:00-05:00'))).toBe('at-risk');
    expect(clockStateAt(ack, Date.parse('2026-11-16T10:00:00-05:00'))).toBe('breached');
  });
});

describe('replies stop the clocks', () => {
  it('the first reply meets the acknowledgement; a late one is met late', () => {
    const onTime = clock({ customer: ['2026-11-16T09:00:00-05:00'], ours: ['2026-11-16T09:40:00-05:00'] }, '2026-11-16T12:00:00-05:00', 'acknowledge');
    expect(onTime).toMatchObject({ state: 'met', late: false, metAt: utc('2026-11-16T09:40:00-05:00') });
    const late = clock({ customer: ['2026-11-16T09:00:00-05:00'], ours: ['2026-11-16T10:20:00-05:00'] }, '2026-11-16T12:00:00-05:00', 'acknowledge');
    expect(late).toMatchObject({ state: 'met', late: true });
  });

  it('the next reply is owed from the oldest customer message we have not answered', () => {
    const c: Case = {
      customer: ['2026-11-16T09:00:00-05:00', '2026-11-17T10:00:00-05:00', '2026-11-17T11:00:00-05:00'],
      ours: ['2026-11-16T09:20:00-05:00'],
    };
    const actionable = clock(c, '2026-11-17T12:00:00-05:00', 'actionable');
    // Tue 10:00 + 24 business hours: Tue 7 h, Wed 9 h, Thu 8 h → Thu 16:00.
    expect(actionable).toMatchObject({ state: 'running', receivedAt: utc('2026-11-17T10:00:00-05:00'), dueAt: utc('2026-11-19T16:00:00-05:00') });
    // The acknowledgement belongs to the first message and stays met.
    expect(clock(c, '2026-11-17T12:00:00-05:00', 'acknowledge').state).toBe('met');
  });

  it('when every message is answered the last exchange shows as met', () => {
    const c: Case = {
      customer: ['2026-11-16T09:00:00-05:00', '2026-11-17T10:00:00-05:00'],
      ours: ['2026-11-16T09:20:00-05:00', '2026-11-17T15:00:00-05:00'],
    };
    expect(clock(c, '2026-11-18T12:00:00-05:00', 'actionable')).toMatchObject({
      state: 'met',
      receivedAt: utc('2026-11-17T10:00:00-05:00'),
      metAt: utc('2026-11-17T15:00:00-05:00'),
    });
  });

  it('a thread with no customer message has no clocks running', () => {
    const clocks = clocksOf({ customer: [], ours: ['2026-11-16T09:00:00-05:00'] }, '2026-11-17T12:00:00-05:00');
    expect(clocks.clocks.map((c) => c.state)).toEqual(['not-applicable', 'not-applicable', 'not-applicable']);
    expect(clocks.nudges).toEqual([]);
  });
});

describe('the resolution clock pauses while we wait on the customer', () => {
  // Monday 09:00 the customer writes; 10:00 we ask for logs and mark "waiting on the customer";
  // Wednesday 09:00 the logs arrive. Paused Mon 10:00 → Wed 09:00: 7 + 9 + 1 = 17 business hours.
  const waitingForLogs: Case = {
    customer: ['2026-11-16T09:00:00-05:00', '2026-11-18T09:00:00-05:00'],
    ours: ['2026-11-16T10:00:00-05:00'],
    waiting: true,
    flagChanges: [{ flag: 'waitingOnCustomer', value: true, at: utc('2026-11-16T10:05:00-05:00') }],
  };

  it('without a pause 72 business hours from Monday 09:00 end Thursday next week at 09:00', () => {
    expect(clock({ customer: ['2026-11-16T09:00:00-05:00'] }, '2026-11-16T09:30:00-05:00', 'resolution').dueAt).toBe(
      utc('2026-11-26T09:00:00-05:00'),
    );
  });

  it('is paused from our question until the customer’s answer, with no due time meanwhile', () => {
    const during = { ...waitingForLogs, customer: waitingForLogs.customer.slice(0, 1) };
    const resolution = clock(during, '2026-11-17T12:00:00-05:00', 'resolution');
    expect(resolution).toMatchObject({
      state: 'paused',
      dueAt: null,
      pausedSince: utc('2026-11-16T10:00:00-05:00'),
      remainingMinutes: 72 * 60 - 60,
    });
  });

  it('runs again when the customer answers, due 17 business hours later than without the pause', () => {
    const resolution = clock(waitingForLogs, '2026-11-18T10:00:00-05:00', 'resolution');
    // Thu Nov 26 09:00 + 17 h: Thu 8 h, Fri 9 h → Fri Nov 27 17:00.
    expect(resolution).toMatchObject({ state: 'running', dueAt: utc('2026-11-27T17:00:00-05:00') });
    expect(resolution.remainingMinutes).toBe(72 * 60 - 60 - 60);
  });

  it('ends the pause when the flag goes off, even before the customer writes', () => {
    const c: Case = {
      ...waitingForLogs,
      customer: waitingForLogs.customer.slice(0, 1),
      waiting: false,
      flagChanges: [
        ...waitingForLogs.flagChanges!,
        { flag: 'waitingOnCustomer', value: false, at: utc('2026-11-17T08:00:00-05:00') },
      ],
    };
    // Paused Mon 10:00 → 17:00 only (7 h): Thu Nov 26 09:00 + 7 h = 16:00.
    expect(clock(c, '2026-11-17T12:00:00-05:00', 'resolution')).toMatchObject({
      state: 'running',
      dueAt: utc('2026-11-26T16:00:00-05:00'),
    });
  });

  it('a flag that is on with no logged time is taken to start with our last reply', () => {
    const c: Case = { customer: ['2026-11-16T09:00:00-05:00'], ours: ['2026-11-16T10:00:00-05:00'], waiting: true };
    expect(waitingPeriods(input(c), Date.parse('2026-11-17T12:00:00-05:00'))).toEqual([
      { start: Date.parse('2026-11-16T10:00:00-05:00'), end: null },
    ]);
  });

  it('while the flag stays on, each of our replies after a customer message hands the thread back', () => {
    const c: Case = {
      customer: ['2026-11-16T09:00:00-05:00', '2026-11-17T09:00:00-05:00', '2026-11-18T09:00:00-05:00'],
      ours: ['2026-11-16T10:00:00-05:00', '2026-11-17T11:00:00-05:00'],
      waiting: true,
      flagChanges: [{ flag: 'waitingOnCustomer', value: true, at: utc('2026-11-16T10:01:00-05:00') }],
    };
    expect(waitingPeriods(input(c), Date.parse('2026-11-18T12:00:00-05:00'))).toEqual([
      { start: Date.parse('2026-11-16T10:00:00-05:00'), end: Date.parse('2026-11-17T09:00:00-05:00') },
      { start: Date.parse('2026-11-17T11:00:00-05:00'), end: Date.parse('2026-11-18T09:00:00-05:00') },
    ]);
  });

  it('a resolved thread has its resolution met when it was marked, and pending replies no longer count', () => {
    const c: Case = {
      customer: ['2026-11-16T09:00:00-05:00', '2026-11-17T09:00:00-05:00'],
      ours: ['2026-11-16T09:30:00-05:00'],
      resolved: true,
      flagChanges: [{ flag: 'resolved', value: true, at: utc('2026-11-17T16:00:00-05:00') }],
    };
    const result = clocksOf(c, '2026-11-30T12:00:00-05:00');
    expect(result.open).toBe(false);
    expect(result.nudges).toEqual([]);
    const byKind = Object.fromEntries(result.clocks.map((k) => [k.kind, k]));
    expect(byKind.resolution).toMatchObject({ state: 'met', metAt: utc('2026-11-17T16:00:00-05:00'), late: false });
    expect(byKind.acknowledge!.state).toBe('met');
    // The last exchange was answered on Monday; Tuesday's message was closed by the resolution.
    expect(byKind.actionable).toMatchObject({ state: 'met', receivedAt: utc('2026-11-16T09:00:00-05:00') });
  });
});

describe('escalation nudges', () => {
  // Opened Monday Nov 2, 09:00 (after the autumn change); a business day is 9 hours.
  const opened: Case = { customer: ['2026-11-02T09:00:00-05:00'], ours: ['2026-11-02T09:30:00-05:00'] };
  const nudges = (now: string) => clocksOf(opened, now).nudges.map((n) => n.kind);

  it.each([
    ['2026-11-04T17:00:00-05:00', []], // Wed closing: 26 business hours, under 3 days
    ['2026-11-05T08:59:00-05:00', []],
    ['2026-11-05T09:00:00-05:00', ['engineering']], // day 4 morning: 27 h = 3 business days
    ['2026-11-06T17:00:00-05:00', ['engineering']], // Fri closing: 44 h
    ['2026-11-07T12:00:00-05:00', ['engineering']], // the weekend adds nothing
    ['2026-11-09T09:00:00-05:00', ['call']], // a week: 45 h = 5 business days
  ])('at %s: %j', (now, expected) => {
    expect(nudges(now)).toEqual(expected);
  });

  it('says what to do: engineering at day 3–4, a call with engineering invited at a week', () => {
    expect(clocksOf(opened, '2026-11-05T10:00:00-05:00').nudges[0]!.message).toMatch(/engineering/i);
    const call = clocksOf(opened, '2026-11-09T10:00:00-05:00').nudges[0]!;
    expect(call.message).toMatch(/call/i);
    expect(call.message).toMatch(/engineering/i);
    expect(call.openBusinessDays).toBe(5);
  });

  it('a holiday is not a day open', () => {
    const schedule = { ...DEFAULT_SCHEDULE, holidays: [{ date: '2026-11-04', name: 'Closed' }] };
    expect(clocksOf(opened, '2026-11-05T09:00:00-05:00', { schedule }).nudges).toEqual([]);
  });
});

describe('ordering cases worst first', () => {
  it('breached before at risk before running, then by the earliest due time; resolved cases last', () => {
    const now = '2026-11-18T12:00:00-05:00';
    const unanswered = (at: string) => clocksOf({ customer: [at] }, now);
    const breached = unanswered('2026-11-18T10:00:00-05:00'); // acknowledge was due 11:00
    const atRisk = unanswered('2026-11-18T11:10:00-05:00'); // due 12:10, at risk from 11:55
    const runningSooner = unanswered('2026-11-18T11:40:00-05:00');
    const runningLater = unanswered('2026-11-18T11:50:00-05:00');
    const resolved = clocksOf(
      { customer: ['2026-11-18T08:00:00-05:00'], ours: ['2026-11-18T08:10:00-05:00'], resolved: true },
      now,
    );
    expect([breached, atRisk, runningSooner].map((c) => c.clocks[0]!.state)).toEqual(['breached', 'at-risk', 'running']);
    const sorted = [runningLater, resolved, runningSooner, breached, atRisk].sort((a, b) => compareUrgency(a, b, Date.parse(now)));
    expect(sorted).toEqual([breached, atRisk, runningSooner, runningLater, resolved]);
  });
});
