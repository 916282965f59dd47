import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessMinutesBefore } from '../../lib/reminders/lead-time.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import type { Schedule } from '../../lib/types.ts';

// The lead notice falls a lead time of business hours before the ETA (America/New_York,
// Monday–Friday 08:00–17:00 unless a test says otherwise).

const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const inNy = (ms: number) => DateTime.fromMillis(ms, { zone: 'America/New_York' }).toFormat("ccc yyyy-LL-dd HH:mm");

describe('businessMinutesBefore', () => {
  it.each([
    ['an hour inside one business day', '2026-11-17T15:00', 60, 'Tue 2026-11-17 14:00'],
    ['back over the weekend', '2026-11-23T08:30', 60, 'Fri 2026-11-20 16:30'],
    ['an ETA after closing counts from the closing', '2026-11-18T20:00', 60, 'Wed 2026-11-18 16:00'],
    ['an ETA on a Saturday counts from Friday’s closing', '2026-11-21T15:00', 60, 'Fri 2026-11-20 16:00'],
    ['a whole business day', '2026-11-19T12:00', 9 * 60, 'Wed 2026-11-18 12:00'],
    ['across the spring DST change (08:00 stays 08:00)', '2026-03-09T08:30', 60, 'Fri 2026-03-06 16:30'],
    ['across the autumn DST change', '2026-11-02T09:00', 120, 'Fri 2026-10-30 16:00'],
  ])('%s', (_name, due, minutes, expected) => {
    expect(inNy(businessMinutesBefore(ny(due), minutes, DEFAULT_SCHEDULE))).toBe(expected);
  });

  it('skips a holiday', () => {
    const schedule: Schedule = { ...DEFAULT_SCHEDULE, holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] };
    expect(inNy(businessMinutesBefore(ny('2026-11-27T08:30'), 60, schedule))).toBe('Wed 2026-11-25 16:30');
  });

  it('works in the schedule’s zone, whatever the computer’s zone is', () => {
    // Tokyo, 09:00–18:00: an ETA at 09:30 Monday Tokyo time is noticed at 17:30 Friday Tokyo time.
    const tokyo: Schedule = {
      timeZone: 'Asia/Tokyo',
      week: [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), []],
      holidays: [],
    };
    const due = DateTime.fromISO('2026-11-23T09:30', { zone: 'Asia/Tokyo' }).toMillis();
    const lead = DateTime.fromMillis(businessMinutesBefore(due, 60, tokyo), { zone: 'Asia/Tokyo' });
    expect(lead.toFormat('ccc HH:mm')).toBe('Fri 17:30');
  });

  it('falls back to calendar minutes when the schedule has no open hours', () => {
    const closed: Schedule = { ...DEFAULT_SCHEDULE, week: [[], [], [], [], [], [], []] };
    expect(businessMinutesBefore(ny('2026-11-18T10:00'), 30, closed)).toBe(ny('2026-11-18T09:30'));
  });

  it('returns the ETA itself for a lead of zero', () => {
    expect(businessMinutesBefore(ny('2026-11-18T10:00'), 0, DEFAULT_SCHEDULE)).toBe(ny('2026-11-18T10:00'));
  });
});
