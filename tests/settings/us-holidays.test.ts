import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usFederalHolidays, weekdayOf, withHolidays } from '../../lib/time/us-holidays.ts';

// Expected dates are OPM's published federal holiday calendars (opm.gov, "Federal Holidays").

describe('US federal holidays by rule', () => {
  it('gives 2026 as OPM lists it, with Independence Day observed on Friday July 3', () => {
    expect(usFederalHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'New Year’s Day' },
      { date: '2026-01-19', name: 'Birthday of Martin Luther King, Jr.' },
      { date: '2026-02-16', name: 'Washington’s Birthday' },
      { date: '2026-05-25', name: 'Memorial Day' },
      { date: '2026-06-19', name: 'Juneteenth National Independence Day' },
      { date: '2026-07-03', name: 'Independence Day (observed)' },
      { date: '2026-09-07', name: 'Labor Day' },
      { date: '2026-10-12', name: 'Columbus Day' },
      { date: '2026-11-11', name: 'Veterans Day' },
      { date: '2026-11-26', name: 'Thanksgiving Day' },
      { date: '2026-12-25', name: 'Christmas Day' },
    ]);
  });

  it('moves Sunday holidays to Monday (2023: New Year’s Day on Jan 2)', () => {
    const dates = usFederalHolidays(2023).map((h) => h.date);
    expect(dates).toContain('2023-01-02');
    expect(dates).toContain('2023-11-10'); // Veterans Day, a Saturday, observed Friday
    expect(dates).toContain('2023-11-23'); // Thanksgiving
  });

  it('puts a Saturday New Year’s Day on December 31 of the year before (2022 for 2021’s)', () => {
    const in2021 = usFederalHolidays(2021);
    expect(in2021.at(-1)).toEqual({ date: '2021-12-31', name: 'New Year’s Day (observed)' });
    // 2021 also had its own New Year’s Day, a Friday.
    expect(in2021.filter((h) => h.name.startsWith('New Year')).map((h) => h.date)).toEqual(['2021-01-01', '2021-12-31']);
    expect(usFederalHolidays(2022).some((h) => h.name.startsWith('New Year'))).toBe(false);
  });

  it('has no Juneteenth before 2021', () => {
    expect(usFederalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
    expect(usFederalHolidays(2020)).toHaveLength(10);
  });

  it('always lands on weekdays, in the asked year, sorted and without duplicates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), (year) => {
        const list = usFederalHolidays(year);
        const dates = list.map((h) => h.date);
        expect(new Set(dates).size).toBe(dates.length);
        expect([...dates].sort()).toEqual(dates);
        for (const date of dates) {
          const [y, m, d] = date.split('-').map(Number) as [number, number, number];
          expect(y).toBe(year);
          const weekday = weekdayOf(y, m, d);
          expect(weekday).toBeGreaterThanOrEqual(1);
          expect(weekday).toBeLessThanOrEqual(5);
          expect(new Date(Date.UTC(y, m - 1, d)).getUTCDay()).toBe(weekday);
        }
        expect(list.length).toBeGreaterThanOrEqual(year >= 2021 ? 10 : 9);
      }),
    );
  });

  it('refuses years it cannot compute', () => {
    expect(() => usFederalHolidays(1.5)).toThrow(RangeError);
    expect(() => usFederalHolidays(99_999)).toThrow(/pick a year/);
  });

  it('adds a preset to existing holidays without renaming or duplicating them', () => {
    const merged = withHolidays([{ date: '2026-12-25', name: 'Office closed' }, { date: '2026-12-24', name: 'Christmas Eve' }], usFederalHolidays(2026));
    expect(merged.filter((h) => h.date === '2026-12-25')).toEqual([{ date: '2026-12-25', name: 'Office closed' }]);
    expect(merged).toHaveLength(12);
    expect(merged.map((h) => h.date)).toEqual([...merged.map((h) => h.date)].sort());
  });
});
