import { DateTime } from 'luxon';
import type { Schedule, WallTime } from '../types.ts';

// Business-time arithmetic on a weekly schedule in an IANA zone. Every wall-clock time is
// turned into an instant through luxon on its own calendar date, so a 08:00 opening is
// 08:00 local on both sides of a DST change. Work is done per open interval or per day,
// never per minute, and every day walk is bounded so a schedule with no open hours can't
// hang the caller. A schedule object is treated as immutable: its per-day open spans are
// cached against it, so pass a new object (as settings parsing does) when hours change.

/**
 * Thrown when a schedule has no open hours at all (every weekday empty, or every open day
 * unreachable), so no business instant exists. Check `hasBusinessHours` first to avoid it.
 */
export class NoBusinessHoursError extends Error {
  constructor() {
    super('the schedule has no business hours');
    this.name = 'NoBusinessHoursError';
  }
}

/** An open interval as instants, epoch milliseconds, `start < end`. */
interface OpenSpan {
  start: number;
  end: number;
}

/** A calendar date in the schedule's zone. */
interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const MINUTE = 60_000;

/** True when at least one weekday has an interval that isn't empty. */
export function hasBusinessHours(schedule: Schedule): boolean {
  return schedule.week.some((day) =>
    (day ?? []).some((i) => wallMinutes(i.start) < wallMinutes(i.end)),
  );
}

function wallMinutes(wall: WallTime): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(wall);
  if (!m) return NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}

// A run of holidays can close open weeks; each closed week needs at least one holiday, so
// a walk longer than this has proved that no open day is reachable.
function dayWalkLimit(schedule: Schedule): number {
  return 7 * (schedule.holidays.length + 2) + 7;
}

// Zone conversions go through Intl and cost tens of microseconds each; the same days and
// quarter-hours are asked for again and again, so both are cached (bounded).
const CACHE_LIMIT = 4096;
const QUARTER_HOUR = 15 * 60_000;
const dayCache = new Map<string, CalendarDay>();

function dayOf(instant: number, zone: string): CalendarDay {
  // Every zone's midnight falls on a quarter hour of UTC, so the date is constant inside one.
  const key = `${zone}|${Math.floor(instant / QUARTER_HOUR)}`;
  const cached = dayCache.get(key);
  if (cached) return cached;
  const dt = DateTime.fromMillis(instant, { zone });
  const day = { year: dt.year, month: dt.month, day: dt.day };
  if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
  dayCache.set(key, day);
  return day;
}

function addDays(day: CalendarDay, n: number): CalendarDay {
  // Date arithmetic in UTC is pure calendar arithmetic: no zone can skip a date there.
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoDate(day: CalendarDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

function weekdayOf(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

function wallInstant(day: CalendarDay, minutes: number, zone: string): number {
  // 24:00 is midnight at the start of the next date, which may not be 24 h after 00:00.
  if (minutes >= 24 * 60) return wallInstant(addDays(day, 1), minutes - 24 * 60, zone);
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone },
  ).toMillis();
}

// Holidays are looked up once per schedule object, not per day.
const holidaySets = new WeakMap<Schedule, Set<string>>();
function holidaySet(schedule: Schedule): Set<string> {
  let set = holidaySets.get(schedule);
  if (!set) {
    set = new Set(schedule.holidays.map((h) => h.date));
    holidaySets.set(schedule, set);
  }
  return set;
}

const spanCaches = new WeakMap<Schedule, Map<string, OpenSpan[]>>();

/** The open spans on a calendar date of the schedule's zone; empty on holidays. */
function spansOn(day: CalendarDay, schedule: Schedule): OpenSpan[] {
  let cache = spanCaches.get(schedule);
  if (!cache) {
    cache = new Map();
    spanCaches.set(schedule, cache);
  }
  const key = isoDate(day);
  const cached = cache.get(key);
  if (cached) return cached;
  const spans = computeSpansOn(day, schedule);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, spans);
  return spans;
}

function computeSpansOn(day: CalendarDay, schedule: Schedule): OpenSpan[] {
  if (holidaySet(schedule).has(isoDate(day))) return [];
  const intervals = schedule.week[weekdayOf(day)] ?? [];
  const spans: OpenSpan[] = [];
  for (const interval of intervals) {
    const from = wallMinutes(interval.start);
    const to = wallMinutes(interval.end);
    if (!(from < to)) continue;
    const start = wallInstant(day, from, schedule.timeZone);
    const end = wallInstant(day, to, schedule.timeZone);
    // A span wholly inside a spring-forward gap collapses; skip it rather than invert it.
    if (start < end) spans.push({ start, end });
  }
  return spans;
}

function isBusinessDay(day: CalendarDay, schedule: Schedule): boolean {
  return spansOn(day, schedule).length > 0;
}

/**
 * Open spans from the calendar date of `from` onwards, one day at a time, stopping after
 * the walk limit. Spans wholly before `from` are still yielded; callers skip them.
 */
function* spansFrom(from: number, schedule: Schedule): Generator<OpenSpan> {
  if (!hasBusinessHours(schedule)) throw new NoBusinessHoursError();
  let day = dayOf(from, schedule.timeZone);
  const limit = dayWalkLimit(schedule);
  let idle = 0;
  while (idle <= limit) {
    const spans = spansOn(day, schedule);
    if (spans.length === 0) idle++;
    else idle = 0;
    yield* spans;
    day = addDays(day, 1);
  }
  throw new NoBusinessHoursError();
}

/** True when `instant` is inside an open interval. Intervals are half-open: 17:00 is closed. */
export function isBusinessTime(instant: Date, schedule: Schedule): boolean {
  const t = instant.getTime();
  if (!Number.isFinite(t)) return false;
  return spansOn(dayOf(t, schedule.timeZone), schedule).some((s) => s.start <= t && t < s.end);
}

/**
 * Like `isBusinessTime`, but the closing instant itself counts as inside: a promise "by
 * 5 pm" on a 08:00–17:00 day is kept within business hours.
 */
export function isWithinBusinessHours(instant: Date, schedule: Schedule): boolean {
  const t = instant.getTime();
  if (!Number.isFinite(t)) return false;
  const day = dayOf(t, schedule.timeZone);
  if (spansOn(day, schedule).some((s) => s.start <= t && t <= s.end)) return true;
  // A 24:00 closing belongs to the previous date.
  return spansOn(addDays(day, -1), schedule).some((s) => s.end === t);
}

// An invalid Date in gives an invalid Date out, as Date arithmetic does, rather than a throw.
const INVALID = () => new Date(NaN);
const isInvalid = (d: Date) => !(d instanceof Date) || !Number.isFinite(d.getTime());

/** `instant` itself when inside business hours, else the next opening. */
export function nextBusinessStart(instant: Date, schedule: Schedule): Date {
  if (isInvalid(instant)) return INVALID();
  const t = instant.getTime();
  for (const span of spansFrom(t, schedule)) {
    if (span.end <= t) continue;
    return new Date(Math.max(span.start, t));
  }
  throw new NoBusinessHoursError();
}

/**
 * Adds `minutes` of open time. Starting outside hours counts from the next opening; a
 * total that runs out exactly at a closing returns that closing, not the next opening.
 * Zero returns the next business instant; negative counts are treated as zero.
 */
export function addBusinessMinutes(instant: Date, minutes: number, schedule: Schedule): Date {
  if (isInvalid(instant)) return INVALID();
  let left = Number.isFinite(minutes) && minutes > 0 ? minutes * MINUTE : 0;
  const t = instant.getTime();
  if (left === 0) return nextBusinessStart(instant, schedule);
  for (const span of spansFrom(t, schedule)) {
    if (span.end <= t) continue;
    const from = Math.max(span.start, t);
    const available = span.end - from;
    if (left <= available) return new Date(from + left);
    left -= available;
  }
  throw new NoBusinessHoursError();
}

/** Open minutes between `a` and `b`; negative when `b` is before `a`. */
export function businessMinutesBetween(a: Date, b: Date, schedule: Schedule): number {
  const from = a.getTime();
  const to = b.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 0;
  if (to < from) return -businessMinutesBetween(b, a, schedule);
  if (to === from || !hasBusinessHours(schedule)) return 0;
  let total = 0;
  let day = dayOf(from, schedule.timeZone);
  const last = dayOf(to, schedule.timeZone);
  const lastKey = isoDate(last);
  // Walks each date once; a date is a few luxon conversions, so years take milliseconds.
  for (;;) {
    for (const span of spansOn(day, schedule)) {
      const s = Math.max(span.start, from);
      const e = Math.min(span.end, to);
      if (e > s) total += e - s;
    }
    if (isoDate(day) >= lastKey) break;
    day = addDays(day, 1);
  }
  return total / MINUTE;
}

function closingOf(spans: OpenSpan[]): number {
  return spans[spans.length - 1]!.end;
}

/**
 * End of business day (EOD / COB): today's closing when today is a business day and
 * `instant` is not after closing, else the next business day's closing.
 */
export function endOfBusinessDay(instant: Date, schedule: Schedule): Date {
  if (isInvalid(instant)) return INVALID();
  const t = instant.getTime();
  if (!hasBusinessHours(schedule)) throw new NoBusinessHoursError();
  let day = dayOf(t, schedule.timeZone);
  const limit = dayWalkLimit(schedule);
  for (let i = 0; i <= limit; i++) {
    const spans = spansOn(day, schedule);
    if (spans.length > 0 && closingOf(spans) >= t) return new Date(closingOf(spans));
    day = addDays(day, 1);
  }
  throw new NoBusinessHoursError();
}

/**
 * "Within N business days": the closing time of the Nth business day after the calendar
 * date of `instant` in the schedule's zone. Today never counts, whether or not it is a
 * business day or still open, so Friday 15:00 + 2 is Tuesday's closing and Saturday + 1 is
 * Monday's. Zero days means end of business day (see `endOfBusinessDay`).
 */
export function addBusinessDays(instant: Date, days: number, schedule: Schedule): Date {
  if (isInvalid(instant)) return INVALID();
  const n = Number.isFinite(days) ? Math.max(0, Math.floor(days)) : 0;
  if (n === 0) return endOfBusinessDay(instant, schedule);
  if (!hasBusinessHours(schedule)) throw new NoBusinessHoursError();
  let day = dayOf(instant.getTime(), schedule.timeZone);
  let counted = 0;
  let idle = 0;
  const limit = dayWalkLimit(schedule);
  while (idle <= limit) {
    day = addDays(day, 1);
    const spans = spansOn(day, schedule);
    if (spans.length === 0) {
      idle++;
      continue;
    }
    idle = 0;
    counted++;
    if (counted === n) return new Date(closingOf(spans));
  }
  throw new NoBusinessHoursError();
}

/** Opening time of the first business day after the calendar date of `instant`. */
export function startOfNextBusinessDay(instant: Date, schedule: Schedule): Date {
  if (isInvalid(instant)) return INVALID();
  if (!hasBusinessHours(schedule)) throw new NoBusinessHoursError();
  let day = dayOf(instant.getTime(), schedule.timeZone);
  const limit = dayWalkLimit(schedule);
  for (let i = 0; i <= limit; i++) {
    day = addDays(day, 1);
    const spans = spansOn(day, schedule);
    if (spans.length > 0) return new Date(spans[0]!.start);
  }
  throw new NoBusinessHoursError();
}

/** Closing time of the business day after the calendar date of `instant` ("next business day"). */
export function endOfNextBusinessDay(instant: Date, schedule: Schedule): Date {
  return addBusinessDays(instant, 1, schedule);
}

/**
 * The weekday that ends the schedule's working week: an open weekday followed by the
 * longest run of closed weekdays (Friday for Mon–Fri, Thursday for Sun–Thu). A schedule
 * open every day ends its week on Sunday, as ISO weeks do.
 */
export function workWeekEndWeekday(schedule: Schedule): number {
  const open = [0, 1, 2, 3, 4, 5, 6].map((d) =>
    (schedule.week[d] ?? []).some((i) => wallMinutes(i.start) < wallMinutes(i.end)),
  );
  if (!open.some(Boolean)) throw new NoBusinessHoursError();
  if (open.every(Boolean)) return 0;
  let best = -1;
  let bestRun = -1;
  // Monday-first order so that equal runs favour the later day of an ISO week.
  for (const d of [1, 2, 3, 4, 5, 6, 0]) {
    if (!open[d] || open[(d + 1) % 7]) continue;
    let run = 0;
    while (run < 7 && !open[(d + 1 + run) % 7]) run++;
    if (run >= bestRun) {
      best = d;
      bestRun = run;
    }
  }
  return best;
}

/** The weekday a working week starts on: the first open day after its weekend. */
function workWeekStartWeekday(schedule: Schedule): number {
  const end = workWeekEndWeekday(schedule);
  const open = (d: number) =>
    (schedule.week[d] ?? []).some((i) => wallMinutes(i.start) < wallMinutes(i.end));
  if ([0, 1, 2, 3, 4, 5, 6].every(open)) return 1;
  let d = (end + 1) % 7;
  while (!open(d)) d = (d + 1) % 7;
  return d;
}

/**
 * The first opening and last closing of a working week: `weeksAhead` 0 is the week that
 * contains `instant` (weekend days belong to the week they end), 1 is "next week". A week
 * closed by holidays is skipped in favour of the following one.
 */
export function businessWeekBounds(
  instant: Date,
  weeksAhead: number,
  schedule: Schedule,
): { start: Date; end: Date } {
  if (isInvalid(instant)) return { start: INVALID(), end: INVALID() };
  const startWeekday = workWeekStartWeekday(schedule);
  const today = dayOf(instant.getTime(), schedule.timeZone);
  let weekStart = addDays(today, -((weekdayOf(today) - startWeekday + 7) % 7) + 7 * Math.max(0, Math.floor(weeksAhead)));
  const weeks = schedule.holidays.length + 3;
  for (let w = 0; w < weeks; w++) {
    let first: OpenSpan[] | null = null;
    let last: OpenSpan[] | null = null;
    for (let i = 0; i < 7; i++) {
      const spans = spansOn(addDays(weekStart, i), schedule);
      if (spans.length === 0) continue;
      first ??= spans;
      last = spans;
    }
    if (first && last) return { start: new Date(first[0]!.start), end: new Date(closingOf(last)) };
    weekStart = addDays(weekStart, 7);
  }
  throw new NoBusinessHoursError();
}

/**
 * End of business week (EOW): the closing of the last business day of this working week
 * (see `workWeekEndWeekday`); when that has passed, or the rest of the week is closed
 * (holidays), the last business day of the next working week that still lies ahead.
 */
export function endOfBusinessWeek(instant: Date, schedule: Schedule): Date {
  if (isInvalid(instant)) return INVALID();
  const t = instant.getTime();
  const endWeekday = workWeekEndWeekday(schedule);
  const today = dayOf(t, schedule.timeZone);
  let weekEnd = addDays(today, (endWeekday - weekdayOf(today) + 7) % 7);
  const weeks = schedule.holidays.length + 3;
  for (let w = 0; w < weeks; w++) {
    // Walk back from the week's last day to find its last open day that is still ahead.
    for (let back = 0; back < 7; back++) {
      const day = addDays(weekEnd, -back);
      if (isoDate(day) < isoDate(today)) break;
      const spans = spansOn(day, schedule);
      if (spans.length > 0) {
        if (closingOf(spans) >= t) return new Date(closingOf(spans));
        break;
      }
    }
    weekEnd = addDays(weekEnd, 7);
  }
  throw new NoBusinessHoursError();
}

/**
 * Closing time on the calendar date `date` (YYYY-MM-DD, schedule zone), or null when that
 * date is closed. Used for "by Friday": a date without a time means its closing.
 */
export function closingOnDate(year: number, month: number, day: number, schedule: Schedule): Date | null {
  const spans = spansOn({ year, month, day }, schedule);
  return spans.length > 0 ? new Date(closingOf(spans)) : null;
}

/** Opening time on a calendar date of the schedule's zone, or null when that date is closed. */
export function openingOnDate(year: number, month: number, day: number, schedule: Schedule): Date | null {
  const spans = spansOn({ year, month, day }, schedule);
  return spans.length > 0 ? new Date(spans[0]!.start) : null;
}

/**
 * The latest closing time in the weekly pattern in minutes after midnight (17:00 → 1020),
 * the hour a date-only deadline on a closed day is read as; 17:00 when nothing is open.
 */
export function typicalClosingMinutes(schedule: Schedule): number {
  let latest = -1;
  for (let d = 0; d < 7; d++) {
    const hours = weekdayHours(d, schedule);
    if (hours && hours.close > latest) latest = hours.close;
  }
  return latest >= 0 ? latest : 17 * 60;
}

/**
 * Wall-clock opening and closing of a weekday's hours (0 = Sunday) in minutes after
 * midnight, or null when that weekday is closed. Holidays are not considered.
 */
export function weekdayHours(weekday: number, schedule: Schedule): { open: number; close: number } | null {
  const valid = (schedule.week[weekday] ?? []).filter((i) => wallMinutes(i.start) < wallMinutes(i.end));
  if (valid.length === 0) return null;
  return { open: wallMinutes(valid[0]!.start), close: wallMinutes(valid[valid.length - 1]!.end) };
}

/** The earliest opening in the weekly pattern in minutes after midnight; 08:00 when nothing is open. */
export function typicalOpeningMinutes(schedule: Schedule): number {
  let earliest = Infinity;
  for (let d = 0; d < 7; d++) {
    const hours = weekdayHours(d, schedule);
    if (hours && hours.open < earliest) earliest = hours.open;
  }
  return Number.isFinite(earliest) ? earliest : 8 * 60;
}
