import { describe, expect, it } from 'vitest';
import {
  NoBusinessHoursError,
  addBusinessDays,
  addBusinessMinutes,
  businessMinutesBetween,
  businessWeekBounds,
  endOfBusinessDay,
  endOfBusinessWeek,
  hasBusinessHours,
  isBusinessTime,
  isWithinBusinessHours,
  nextBusinessStart,
  startOfNextBusinessDay,
  workWeekEndWeekday,
} from '../../lib/time/business-time.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import type { Schedule } from '../../lib/types.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

// Every instant is written with its offset, so the machine's own zone never matters.
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const same = (d: Date, expected: string) => expect(iso(d)).toBe(iso(at(expected)));

const NY = DEFAULT_SCHEDULE;
const NY_THANKSGIVING: Schedule = {
  ...DEFAULT_SCHEDULE,
  holidays: [
    { date: '2026-11-26', name: 'Thanksgiving' },
    { date: '2026-11-27', name: 'Day after Thanksgiving' },
  ],
};
const hours = (start: string, end: string) => [{ start, end }];
const BERLIN: Schedule = {
  timeZone: 'Europe/Berlin',
  week: [
    [],
    [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }],
    [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }],
    [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }],
    [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }],
    [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '16:00' }],
    [],
  ],
  holidays: [{ date: '2026-12-25', name: 'Weihnachten' }],
};
const KOLKATA: Schedule = {
  timeZone: 'Asia/Kolkata',
  week: [[], ...Array.from({ length: 6 }, () => hours('09:30', '18:30'))],
  holidays: [],
};
const SUN_TO_THU: Schedule = {
  timeZone: 'Asia/Dubai',
  week: [hours('08:00', '16:00'), hours('08:00', '16:00'), hours('08:00', '16:00'), hours('08:00', '16:00'), hours('08:00', '16:00'), [], []],
  holidays: [],
};
const ALWAYS_OPEN: Schedule = {
  timeZone: 'America/New_York',
  week: Array.from({ length: 7 }, () => hours('00:00', '24:00')),
  holidays: [],
};
const LATE_SHIFT: Schedule = {
  timeZone: 'America/New_York',
  week: [[], hours('20:00', '24:00'), [], [], [], [], []],
  holidays: [],
};
const CLOSED: Schedule = { timeZone: 'America/New_York', week: [[], [], [], [], [], [], []], holidays: [] };

describe('isBusinessTime', () => {
  it('is open inside weekday hours and closed at and after closing, before opening and at weekends', () => {
    expect(isBusinessTime(at('2026-11-18T10:00:00-05:00'), NY)).toBe(true);
    expect(isBusinessTime(at('2026-11-18T08:00:00-05:00'), NY)).toBe(true);
    expect(isBusinessTime(at('2026-11-18T07:59:00-05:00'), NY)).toBe(false);
    expect(isBusinessTime(at('2026-11-18T17:00:00-05:00'), NY)).toBe(false);
    expect(isBusinessTime(at('2026-11-21T12:00:00-05:00'), NY)).toBe(false);
  });

  it('reads the hours in the schedule zone, not UTC', () => {
    // 14:00 UTC is 09:00 in New York in November: open. 12:30 UTC is 07:30: closed.
    expect(isBusinessTime(at('2026-11-18T14:00:00Z'), NY)).toBe(true);
    expect(isBusinessTime(at('2026-11-18T12:30:00Z'), NY)).toBe(false);
    // Kolkata is UTC+05:30: 04:00 UTC is 09:30 there.
    expect(isBusinessTime(at('2026-11-18T04:00:00Z'), KOLKATA)).toBe(true);
    expect(isBusinessTime(at('2026-11-18T03:59:00Z'), KOLKATA)).toBe(false);
  });

  it('treats holidays as closed all day', () => {
    expect(isBusinessTime(at('2026-11-26T10:00:00-05:00'), NY_THANKSGIVING)).toBe(false);
    expect(isBusinessTime(at('2026-12-25T10:00:00+01:00'), BERLIN)).toBe(false);
  });

  it('honours a lunch break', () => {
    expect(isBusinessTime(at('2026-11-18T12:30:00+01:00'), BERLIN)).toBe(false);
    expect(isBusinessTime(at('2026-11-18T13:00:00+01:00'), BERLIN)).toBe(true);
  });

  it('counts the closing instant as within hours for promises', () => {
    expect(isWithinBusinessHours(at('2026-11-18T17:00:00-05:00'), NY)).toBe(true);
    expect(isWithinBusinessHours(at('2026-11-18T17:01:00-05:00'), NY)).toBe(false);
    // A 24:00 closing is midnight at the start of the next date.
    expect(isWithinBusinessHours(at('2026-11-24T00:00:00-05:00'), LATE_SHIFT)).toBe(true);
  });
});

describe('nextBusinessStart', () => {
  it('returns the instant itself inside hours', () => {
    same(nextBusinessStart(at('2026-11-18T10:15:00-05:00'), NY), '2026-11-18T10:15:00-05:00');
  });
  it('moves to the same day opening before hours', () => {
    same(nextBusinessStart(at('2026-11-18T06:00:00-05:00'), NY), '2026-11-18T08:00:00-05:00');
  });
  it('skips the weekend from Friday evening', () => {
    same(nextBusinessStart(at('2026-11-20T18:00:00-05:00'), NY), '2026-11-23T08:00:00-05:00');
  });
  it('skips holidays', () => {
    same(nextBusinessStart(at('2026-11-25T17:30:00-05:00'), NY_THANKSGIVING), '2026-11-30T08:00:00-05:00');
  });
  it('moves from a lunch break to the afternoon interval', () => {
    same(nextBusinessStart(at('2026-11-18T12:10:00+01:00'), BERLIN), '2026-11-18T13:00:00+01:00');
  });
});

describe('addBusinessMinutes', () => {
  it('carries over the weekend', () => {
    same(addBusinessMinutes(at('2026-11-20T16:00:00-05:00'), 120, NY), '2026-11-23T09:00:00-05:00');
  });
  it('stops at closing when the minutes run out exactly there', () => {
    same(addBusinessMinutes(at('2026-11-18T16:00:00-05:00'), 60, NY), '2026-11-18T17:00:00-05:00');
  });
  it('starts counting at the next opening when started outside hours', () => {
    same(addBusinessMinutes(at('2026-11-21T11:00:00-05:00'), 30, NY), '2026-11-23T08:30:00-05:00');
  });
  it('returns the next business instant for zero or negative minutes', () => {
    same(addBusinessMinutes(at('2026-11-21T11:00:00-05:00'), 0, NY), '2026-11-23T08:00:00-05:00');
    same(addBusinessMinutes(at('2026-11-18T11:00:00-05:00'), -30, NY), '2026-11-18T11:00:00-05:00');
  });
  it('skips a lunch break', () => {
    same(addBusinessMinutes(at('2026-11-18T11:30:00+01:00'), 60, BERLIN), '2026-11-18T13:30:00+01:00');
  });
  it('keeps 08:00 opening across the spring-forward weekend (2026-03-08)', () => {
    // Friday 16:00 EST + 2 h: one hour Friday, one hour from Monday's 08:00 EDT opening.
    same(addBusinessMinutes(at('2026-03-06T16:00:00-05:00'), 120, NY), '2026-03-09T09:00:00-04:00');
  });
  it('keeps 08:00 opening across the fall-back weekend (2026-11-01)', () => {
    same(addBusinessMinutes(at('2026-10-30T16:00:00-04:00'), 120, NY), '2026-11-02T09:00:00-05:00');
  });
  it('handles a large count without walking minute by minute', () => {
    const started = performance.now();
    // 100,000 minutes is 185 business days and a bit.
    const end = addBusinessMinutes(at('2026-01-05T08:00:00-05:00'), 100_000, NY);
    expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
    expect(businessMinutesBetween(at('2026-01-05T08:00:00-05:00'), end, NY)).toBe(100_000);
  });
  it('runs to a 24:00 closing and not into the next day', () => {
    same(addBusinessMinutes(at('2026-11-23T23:00:00-05:00'), 60, LATE_SHIFT), '2026-11-24T00:00:00-05:00');
    expect(isBusinessTime(at('2026-11-23T23:30:00-05:00'), LATE_SHIFT)).toBe(true);
    expect(isBusinessTime(at('2026-11-24T00:00:00-05:00'), LATE_SHIFT)).toBe(false);
  });
});

describe('businessMinutesBetween', () => {
  it('counts open minutes across a weekend', () => {
    expect(businessMinutesBetween(at('2026-11-20T16:00:00-05:00'), at('2026-11-23T09:00:00-05:00'), NY)).toBe(120);
  });
  it('is negative when the second instant is earlier', () => {
    expect(businessMinutesBetween(at('2026-11-23T09:00:00-05:00'), at('2026-11-20T16:00:00-05:00'), NY)).toBe(-120);
  });
  it('counts wall-clock hours on the DST change days for a schedule open around the clock', () => {
    // Saturday 00:00 EST to Monday 00:00 EDT is 47 real hours: 2026-03-08 has 23.
    expect(businessMinutesBetween(at('2026-03-07T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'), ALWAYS_OPEN)).toBe(47 * 60);
    // And 2026-11-01 has 25.
    expect(businessMinutesBetween(at('2026-10-31T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'), ALWAYS_OPEN)).toBe(49 * 60);
  });
  it('gives a full nine-hour day on both sides of spring forward', () => {
    expect(businessMinutesBetween(at('2026-03-06T08:00:00-05:00'), at('2026-03-09T17:00:00-04:00'), NY)).toBe(18 * 60);
  });
  it('leaves out the lunch break and the Friday short day in Berlin', () => {
    // Thursday 09:00 → Friday 18:00: 8 h Thursday + 6 h Friday.
    expect(businessMinutesBetween(at('2026-11-19T09:00:00+01:00'), at('2026-11-20T18:00:00+01:00'), BERLIN)).toBe(14 * 60);
  });
});

describe('addBusinessDays (closing of the Nth business day after today)', () => {
  it('Friday 15:00 + 2 is Tuesday at closing', () => {
    same(addBusinessDays(at('2026-11-20T15:00:00-05:00'), 2, NY), '2026-11-24T17:00:00-05:00');
  });
  it('Wednesday morning + 2 is Friday at closing', () => {
    same(addBusinessDays(at('2026-11-18T10:00:00-05:00'), 2, NY), '2026-11-20T17:00:00-05:00');
  });
  it('Saturday + 1 is Monday at closing', () => {
    same(addBusinessDays(at('2026-11-21T10:00:00-05:00'), 1, NY), '2026-11-23T17:00:00-05:00');
  });
  it('skips holidays', () => {
    same(addBusinessDays(at('2026-11-25T10:00:00-05:00'), 1, NY_THANKSGIVING), '2026-11-30T17:00:00-05:00');
  });
  it('zero days is end of business day', () => {
    same(addBusinessDays(at('2026-11-18T10:00:00-05:00'), 0, NY), '2026-11-18T17:00:00-05:00');
  });
  it('crosses spring forward with the closing on the local clock', () => {
    same(addBusinessDays(at('2026-03-06T10:00:00-05:00'), 2, NY), '2026-03-10T17:00:00-04:00');
  });
  it('uses the schedule zone: Kolkata works Saturdays', () => {
    same(addBusinessDays(at('2026-11-20T12:00:00+05:30'), 1, KOLKATA), '2026-11-21T18:30:00+05:30');
  });
});

describe('endOfBusinessDay', () => {
  it('is today’s closing during the day and at closing itself', () => {
    same(endOfBusinessDay(at('2026-11-18T10:00:00-05:00'), NY), '2026-11-18T17:00:00-05:00');
    same(endOfBusinessDay(at('2026-11-18T17:00:00-05:00'), NY), '2026-11-18T17:00:00-05:00');
  });
  it('is the next business day’s closing after hours and at weekends', () => {
    same(endOfBusinessDay(at('2026-11-18T18:00:00-05:00'), NY), '2026-11-19T17:00:00-05:00');
    same(endOfBusinessDay(at('2026-11-20T18:00:00-05:00'), NY), '2026-11-23T17:00:00-05:00');
    same(endOfBusinessDay(at('2026-11-22T09:00:00-05:00'), NY), '2026-11-23T17:00:00-05:00');
  });
  it('is the short Friday closing in Berlin', () => {
    same(endOfBusinessDay(at('2026-11-20T10:00:00+01:00'), BERLIN), '2026-11-20T16:00:00+01:00');
  });
});

describe('endOfBusinessWeek', () => {
  it('is Friday’s closing for a Mon–Fri week', () => {
    same(endOfBusinessWeek(at('2026-11-18T10:00:00-05:00'), NY), '2026-11-20T17:00:00-05:00');
  });
  it('is next week’s once this week has closed', () => {
    same(endOfBusinessWeek(at('2026-11-20T17:30:00-05:00'), NY), '2026-11-27T17:00:00-05:00');
    same(endOfBusinessWeek(at('2026-11-21T09:00:00-05:00'), NY), '2026-11-27T17:00:00-05:00');
  });
  it('ends early when Friday is a holiday', () => {
    same(endOfBusinessWeek(at('2026-11-23T10:00:00-05:00'), NY_THANKSGIVING), '2026-11-25T17:00:00-05:00');
  });
  it('is Thursday for a Sunday–Thursday week', () => {
    expect(workWeekEndWeekday(SUN_TO_THU)).toBe(4);
    same(endOfBusinessWeek(at('2026-11-16T10:00:00+04:00'), SUN_TO_THU), '2026-11-19T16:00:00+04:00');
  });
  it('is Saturday for a Monday–Saturday week', () => {
    same(endOfBusinessWeek(at('2026-11-18T10:00:00+05:30'), KOLKATA), '2026-11-21T18:30:00+05:30');
  });
});

describe('startOfNextBusinessDay and businessWeekBounds', () => {
  it('opens the next business day', () => {
    same(startOfNextBusinessDay(at('2026-11-18T10:00:00-05:00'), NY), '2026-11-19T08:00:00-05:00');
    same(startOfNextBusinessDay(at('2026-11-20T10:00:00-05:00'), NY), '2026-11-23T08:00:00-05:00');
  });
  it('gives next week’s first opening and last closing', () => {
    const next = businessWeekBounds(at('2026-11-18T10:00:00-05:00'), 1, NY);
    same(next.start, '2026-11-23T08:00:00-05:00');
    same(next.end, '2026-11-27T17:00:00-05:00');
  });
  it('counts a weekend day with the week it ends', () => {
    const next = businessWeekBounds(at('2026-11-22T10:00:00-05:00'), 1, NY);
    same(next.start, '2026-11-23T08:00:00-05:00');
  });
});

describe('a schedule with no open hours', () => {
  it('is detected and never hangs', () => {
    expect(hasBusinessHours(CLOSED)).toBe(false);
    expect(hasBusinessHours(NY)).toBe(true);
    const t = at('2026-11-18T10:00:00-05:00');
    const started = performance.now();
    expect(isBusinessTime(t, CLOSED)).toBe(false);
    expect(businessMinutesBetween(t, at('2027-11-18T10:00:00-05:00'), CLOSED)).toBe(0);
    expect(() => nextBusinessStart(t, CLOSED)).toThrow(NoBusinessHoursError);
    expect(() => addBusinessMinutes(t, 60, CLOSED)).toThrow(NoBusinessHoursError);
    expect(() => addBusinessDays(t, 2, CLOSED)).toThrow(NoBusinessHoursError);
    expect(() => endOfBusinessDay(t, CLOSED)).toThrow(NoBusinessHoursError);
    expect(() => endOfBusinessWeek(t, CLOSED)).toThrow(NoBusinessHoursError);
    expect(() => startOfNextBusinessDay(t, CLOSED)).toThrow(NoBusinessHoursError);
    expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
  });

  it('finds the first open day after a long run of holidays', () => {
    // Mondays only, and every Monday of 2026 is a holiday: the first opening is in 2027.
    const holidays = [];
    for (let d = new Date(Date.UTC(2026, 0, 5)); d.getUTCFullYear() === 2026; d = new Date(d.getTime() + 7 * 86_400_000)) {
      holidays.push({ date: d.toISOString().slice(0, 10), name: 'closed' });
    }
    const mondays: Schedule = { timeZone: 'America/New_York', week: [[], hours('09:00', '10:00'), [], [], [], [], []], holidays };
    same(nextBusinessStart(at('2026-01-01T00:00:00-05:00'), mondays), '2027-01-04T09:00:00-05:00');
  });

  it('treats intervals that end before they start as closed', () => {
    const broken: Schedule = { timeZone: 'UTC', week: Array.from({ length: 7 }, () => hours('17:00', '08:00')), holidays: [] };
    expect(hasBusinessHours(broken)).toBe(false);
    expect(() => addBusinessMinutes(at('2026-11-18T10:00:00Z'), 5, broken)).toThrow(NoBusinessHoursError);
  });
});

describe('invalid instants', () => {
  it('give an invalid Date back instead of throwing or hanging', () => {
    const bad = new Date(NaN);
    expect(Number.isNaN(nextBusinessStart(bad, NY).getTime())).toBe(true);
    expect(Number.isNaN(addBusinessMinutes(bad, 30, NY).getTime())).toBe(true);
    expect(Number.isNaN(addBusinessDays(bad, 2, NY).getTime())).toBe(true);
    expect(Number.isNaN(endOfBusinessDay(bad, NY).getTime())).toBe(true);
    expect(Number.isNaN(endOfBusinessWeek(bad, NY).getTime())).toBe(true);
    expect(isBusinessTime(bad, NY)).toBe(false);
    expect(businessMinutesBetween(bad, at('2026-11-18T10:00:00-05:00'), NY)).toBe(0);
  });
});

describe('the computer’s own zone does not matter', () => {
  // Everything above runs in whatever zone the test machine has; here it is set on purpose to
  // zones that differ from the schedules', including one whose DST runs the other way round.
  function inZone<T>(zone: string, run: () => T): T {
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      return run();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  }

  it.each(['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Tokyo'])('gives New York’s and Berlin’s answers with the computer in %s', (zone) => {
    inZone(zone, () => {
      // Date really reads the computer's zone here (checked, so the test can't pass vacuously).
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      // Friday evening → Monday opening, across New York's spring and autumn changes.
      same(nextBusinessStart(at('2026-03-06T18:00:00-05:00'), NY), '2026-03-09T08:00:00-04:00');
      same(addBusinessMinutes(at('2026-10-30T18:00:00-04:00'), 60, NY), '2026-11-02T09:00:00-05:00');
      // A holiday is closed all day in the schedule's zone.
      same(addBusinessMinutes(at('2026-11-25T16:30:00-05:00'), 60, NY_THANKSGIVING), '2026-11-30T08:30:00-05:00');
      // Berlin's lunch break and short Friday, the week its clocks go back.
      expect(businessMinutesBetween(at('2026-10-23T09:00:00+02:00'), at('2026-10-26T18:00:00+01:00'), BERLIN)).toBe(6 * 60 + 8 * 60);
    });
  });
});
