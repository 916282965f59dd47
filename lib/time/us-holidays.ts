import type { Holiday } from '../types.ts';

// The US federal holidays (5 U.S.C. 6103), computed by rule for any year so the options page
// can offer them as a preset without shipping a table that goes stale. A holiday that falls
// on a Saturday is observed the Friday before, on a Sunday the Monday after (the OPM rule
// for most federal staff), and the observed day is the one a team is out of the office.

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** 0 = Sunday … 6 = Saturday, for a proleptic Gregorian date (no Date, no zone). */
export function weekdayOf(year: number, month: number, day: number): number {
  // Sakamoto's method.
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + offsets[month - 1]! + day) % 7;
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function iso({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The nth (1-based) given weekday of a month; n = -1 is the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CivilDate {
  if (n > 0) {
    const first = weekdayOf(year, month, 1);
    return { year, month, day: 1 + ((weekday - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastDay = daysIn(year, month);
  const last = weekdayOf(year, month, lastDay);
  return { year, month, day: lastDay - ((last - weekday + 7) % 7) };
}

function shift(date: CivilDate, days: number): CivilDate {
  let { year, month, day } = date;
  day += days;
  while (day < 1) {
    month--;
    if (month < 1) {
      month = 12;
      year--;
    }
    day += daysIn(year, month);
  }
  while (day > daysIn(year, month)) {
    day -= daysIn(year, month);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return { year, month, day };
}

/** The weekday a fixed-date holiday is observed on. */
function observed(date: CivilDate): CivilDate {
  const weekday = weekdayOf(date.year, date.month, date.day);
  if (weekday === 6) return shift(date, -1);
  if (weekday === 0) return shift(date, 1);
  return date;
}

function holidaysByRule(year: number): { name: string; date: CivilDate; fixed: boolean }[] {
  const fixed = (month: number, day: number) => ({ year, month, day });
  const list = [
    { name: 'New Year’s Day', date: fixed(1, 1), fixed: true },
    { name: 'Birthday of Martin Luther King, Jr.', date: nthWeekday(year, 1, 1, 3), fixed: false },
    { name: 'Washington’s Birthday', date: nthWeekday(year, 2, 1, 3), fixed: false },
    { name: 'Memorial Day', date: nthWeekday(year, 5, 1, -1), fixed: false },
    // Juneteenth became a federal holiday in 2021.
    ...(year >= 2021 ? [{ name: 'Juneteenth National Independence Day', date: fixed(6, 19), fixed: true }] : []),
    { name: 'Independence Day', date: fixed(7, 4), fixed: true },
    { name: 'Labor Day', date: nthWeekday(year, 9, 1, 1), fixed: false },
    { name: 'Columbus Day', date: nthWeekday(year, 10, 1, 2), fixed: false },
    { name: 'Veterans Day', date: fixed(11, 11), fixed: true },
    { name: 'Thanksgiving Day', date: nthWeekday(year, 11, 4, 4), fixed: false },
    { name: 'Christmas Day', date: fixed(12, 25), fixed: true },
  ];
  return list;
}

export const US_HOLIDAY_YEARS = { min: 1900, max: 2200 } as const;

/**
 * The days federal offices close in `year`, oldest first, as schedule holidays. Observed
 * days are the ones listed ("(observed)" in the name when moved); a New Year’s Day on a
 * Saturday is observed on December 31 and so belongs to the year before.
 */
export function usFederalHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < US_HOLIDAY_YEARS.min || year > US_HOLIDAY_YEARS.max) {
    throw new RangeError(`no US federal holidays for ${year}: pick a year from ${US_HOLIDAY_YEARS.min} to ${US_HOLIDAY_YEARS.max}`);
  }
  const out: Holiday[] = [];
  for (const candidateYear of [year, year + 1]) {
    for (const holiday of holidaysByRule(candidateYear)) {
      const day = holiday.fixed ? observed(holiday.date) : holiday.date;
      if (day.year !== year) continue;
      const moved = day.day !== holiday.date.day || day.month !== holiday.date.month;
      out.push({ date: iso(day), name: moved ? `${holiday.name} (observed)` : holiday.name });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Adds `preset` to `holidays`, keeping what is there: a date already listed keeps its name.
 * Sorted by date, so the options page shows them in order.
 */
export function withHolidays(holidays: readonly Holiday[], preset: readonly Holiday[]): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const holiday of holidays) byDate.set(holiday.date, holiday);
  for (const holiday of preset) if (!byDate.has(holiday.date)) byDate.set(holiday.date, holiday);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
