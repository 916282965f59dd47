import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Eta, Schedule } from '../types.ts';
import {
  addBusinessDays,
  addBusinessMinutes,
  businessWeekBounds,
  closingOnDate,
  endOfBusinessDay,
  endOfBusinessWeek,
  isWithinBusinessHours,
  openingOnDate,
  typicalClosingMinutes,
  typicalOpeningMinutes,
  weekdayHours,
} from '../time/business-time.ts';
import { isKnownZone, matchZoneAt } from '../time/zones.ts';
import {
  DAY_PARTS,
  DURATION_HEDGES,
  DURATION_LEADS,
  NUMBER_WORDS,
  findVaguePhrases,
  type DayBound,
} from './eta-phrases.ts';
import { whyNotCommitment } from './eta-commitment.ts';
import { maskNonDates } from './eta-masks.ts';
import { isPastReport, isStandingFact } from './eta-tense.ts';

// Finds the ETAs a draft promises. chrono-node reads dates and clock times; our own chrono
// parsers read what it doesn't know or reads differently (business days, EOD/COB/EOW,
// "next week", "the 5th", durations behind a deadline word); every instant is then rebuilt
// with luxon in an IANA zone so "3 pm" is 15:00 on that date's side of a DST change.
// Chrono only ever sees a fixed UTC offset, so its instants are never used directly.
//
// How phrases are read (the later bound of a range is the commitment, `end`):
// - A time with no zone is in the writer's zone; a named zone ("3pm PT") wins.
// - A date with no time ("by Friday", "Dec 3", "on Monday", "by the 5th") is that day's
//   close of business in the schedule; a closed day uses the schedule's latest closing.
// - A weekday alone is its next occurrence whose deadline is still ahead: "by Wednesday"
//   written Wednesday morning is today, written Wednesday evening is next week.
// - A month and day with no year ("Nov 3", "12/3") is the nearest such date: written on
//   Nov 18, "Nov 3" is this year's (past, so no ETA) and "Jan 15" next year's.
// - A bare hour "at 3", "by 2", "before 5", "tomorrow at 3" is 3 pm (1–7 are afternoon
//   hours in business mail), and only counts before punctuation or a time word ("at 5
//   sites" is not a time; "increase it by 5" is an amount). A clock time with no am/pm
//   ("at 3:30") follows the same 1–7 rule.
// - "Midnight" is the one that ends the day it names: "by midnight" and "midnight tonight"
//   end today, "midnight Friday" ends Friday.
// - Day parts are ranges: morning = opening–12:00, afternoon = 12:00–closing,
//   evening/tonight = 18:00–21:00, "first thing" = the first hour of business.
// - EOD/COB = endOfBusinessDay, EOW / end of the week = endOfBusinessWeek, "end of the
//   month" = the month's last business day closing, "next business day" = its closing.
// - "next week" = from next working week's first opening to its last closing; "early next
//   week" ends at its second business day's closing; "this week"/"later this week" = now to
//   EOW; "later today" = now to today's closing.
// - Durations count only behind a deadline word (within / in / over the next / for the
//   next / give us / allow; see DURATION_LEADS): minutes and hours are elapsed time,
//   calendar days and weeks keep the clock time, business days end at the Nth business
//   day's closing (addBusinessDays), business hours count open time only.
// - Not ETAs: instants before `now`; dates in a clause that reports the past or states
//   regular hours or a recurring event ("our office opens at 8 am", "runs at 2 am every
//   day"; eta-tense.ts); versions, prices, ticket/case numbers, phones, IPs, sizes,
//   percentages (eta-masks.ts); times the draft mentions without committing to them: in a
//   question, in a clause saying something is not needed, the customer's or a third
//   party's own dates, a standing policy ("we reply within 8 business hours";
//   eta-commitment.ts).

export interface FindEtasOptions {
  now: Date;
  /** The writer's IANA zone: a time that names no zone is read in it. */
  timeZone: string;
  schedule: Schedule;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** One reading before merging and filtering; offsets are in the whole text. */
interface Candidate {
  start: number;
  end: number;
  from: Date | null;
  to: Date | null;
  zone: string;
  vague: boolean;
  /** A date with no time ("Friday", "Dec 3"): read as that day's closing. */
  dateOnly?: CalendarDate;
  /** A clock time with no date ("3 pm"). */
  timeOnly?: { hour: number; minute: number };
  /** EOD/COB with no day of its own: takes the day of a neighbouring date. */
  endOfDay?: boolean;
}

interface Run {
  now: Date;
  zone: string;
  schedule: Schedule;
  /** Readings our chrono parsers computed, by the serial in their result's tag. */
  computed: Map<string, Omit<Candidate, 'start' | 'end'>>;
  serial: number;
}

// chrono calls parsers synchronously inside `parse`, so the run being parsed is kept here
// rather than threaded through chrono's context.
let run: Run | null = null;

const CHUNK = 600;
// A real draft holds a handful of ETAs. Past this many readings the text is generated or
// hostile; stopping keeps a keystroke's check bounded and returns what was found so far.
const MAX_READINGS = 400;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------
// Small time helpers
// ---------------------------------------------------------------------------------------

// Zone conversions go through Intl and cost microseconds each, and one draft asks for the
// same ones many times (today's date in the writer's zone for every weekday, 17:00 on the
// same few dates). Both are pure, so they are kept, bounded, and cleared on request.
const CONVERSION_CACHE_LIMIT = 1024;
const todays = new Map<string, CalendarDate>();
const wallInstants = new Map<string, Date | null>();

/** Forgets the kept zone conversions. */
export function clearEtaCaches(): void {
  todays.clear();
  wallInstants.clear();
}

function todayIn(zone: string, now: Date): CalendarDate {
  const key = `${zone}|${now.getTime()}`;
  const kept = todays.get(key);
  if (kept) return { ...kept };
  const dt = DateTime.fromJSDate(now, { zone });
  const today = { year: dt.year, month: dt.month, day: dt.day };
  if (todays.size >= CONVERSION_CACHE_LIMIT) todays.clear();
  todays.set(key, today);
  return { ...today };
}

function shiftDate(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function weekdayOfDate(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function wallToDate(date: CalendarDate, minutes: number, zone: string): Date | null {
  const key = `${date.year}-${date.month}-${date.day}|${minutes}|${zone}`;
  if (wallInstants.has(key)) {
    const kept = wallInstants.get(key);
    return kept ? new Date(kept.getTime()) : null;
  }
  const at = computeWallToDate(date, minutes, zone);
  if (wallInstants.size >= CONVERSION_CACHE_LIMIT) wallInstants.clear();
  wallInstants.set(key, at ? new Date(at.getTime()) : null);
  return at;
}

function computeWallToDate(date: CalendarDate, minutes: number, zone: string): Date | null {
  const extra = Math.floor(minutes / (24 * 60));
  const day = extra > 0 ? shiftDate(date, extra) : date;
  const m = minutes - extra * 24 * 60;
  const dt = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 },
    { zone },
  );
  return dt.isValid ? dt.toJSDate() : null;
}

/** Closing time on a date: the schedule's, or its weekday's closing wall time in `zone`. */
function closingOn(date: CalendarDate, zone: string, schedule: Schedule): Date | null {
  if (zone === schedule.timeZone) {
    const closing = closingOnDate(date.year, date.month, date.day, schedule);
    if (closing) return closing;
  }
  const hours = weekdayHours(weekdayOfDate(date), schedule);
  return wallToDate(date, hours ? hours.close : typicalClosingMinutes(schedule), zone);
}

function openingOn(date: CalendarDate, zone: string, schedule: Schedule): Date | null {
  if (zone === schedule.timeZone) {
    const opening = openingOnDate(date.year, date.month, date.day, schedule);
    if (opening) return opening;
  }
  const hours = weekdayHours(weekdayOfDate(date), schedule);
  return wallToDate(date, hours ? hours.open : typicalOpeningMinutes(schedule), zone);
}

function dayBound(bound: DayBound, date: CalendarDate, zone: string, schedule: Schedule): Date | null {
  if (bound === 'open') return openingOn(date, zone, schedule);
  if (bound === 'close') return closingOn(date, zone, schedule);
  return wallToDate(date, bound, zone);
}

function point(at: Date | null): Omit<Candidate, 'start' | 'end' | 'zone'> {
  return { from: at, to: at, vague: false };
}

// ---------------------------------------------------------------------------------------
// Our chrono parsers. Each computes its instant(s) at once and hands chrono a result with
// fully known UTC components, so chrono's merge refiners leave it alone and the overlap
// refiner prefers it to chrono's shorter reading of the same words.
// ---------------------------------------------------------------------------------------

type Computed = Omit<Candidate, 'start' | 'end'>;

const COMPUTED_TAG = 'step-ahead/computed';

function alternatives(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s{1,4}'))
    .join('|');
}

const NUMBER = `\\d{1,4}(?:\\.\\d{1,2})?|${alternatives(Object.keys(NUMBER_WORDS))}`;

function numberValue(word: string): number | null {
  const key = word.toLowerCase().replace(/\s+/g, ' ');
  if (key in NUMBER_WORDS) return NUMBER_WORDS[key]!;
  const n = Number(key);
  return Number.isFinite(n) ? n : null;
}

function makeParser(
  source: string,
  compute: (match: RegExpMatchArray, r: Run) => Computed | null,
): chrono.Parser {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'iu');
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      if (!run || match.index === undefined) return null;
      let computed: Computed | null = null;
      try {
        computed = compute(match, run);
      } catch {
        computed = null; // a schedule with no hours: no business reading
      }
      if (!computed || !computed.to) return null;
      const id = `${COMPUTED_TAG}:${run.serial++}`;
      run.computed.set(id, computed);
      const at = computed.to;
      const result = context.createParsingResult(match.index, match[0], {
        year: at.getUTCFullYear(),
        month: at.getUTCMonth() + 1,
        day: at.getUTCDate(),
        hour: at.getUTCHours(),
        minute: at.getUTCMinutes(),
        second: at.getUTCSeconds(),
        millisecond: 0,
        timezoneOffset: 0,
      });
      // chrono's relative tag stops its weekday refiner from merging "Friday" into
      // "Friday EOD" with our UTC components; our own tag keeps it past dropBareDurations.
      return result.addTags([COMPUTED_TAG, id, 'result/relativeDate']);
    },
  };
}

// "within 2 business days", "in 24–48 hours", "give us 3 days", "in a couple of hours".
// Minutes and hours are elapsed time; calendar days and weeks keep the wall-clock time
// (DST-safe); business days end at the Nth business day's closing; business hours count
// open time only.
const durationParser = makeParser(
  `(${alternatives(DURATION_LEADS)})\\s{1,4}(?:(?:${alternatives(DURATION_HEDGES)})\\s{1,4})?(${NUMBER})?` +
    `(?:\\s{0,3}(?:-|–|—|to|or)\\s{0,3}(${NUMBER}))?(?:\\s{0,3}|-)(?:(business|working|work|calendar)\\s{1,3})?` +
    `(minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?)(?:\\s{1,3}(?:from\\s{1,3}now|from\\s{1,3}today|time))?`,
  (m, r) => {
    const lead = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    // "in the next hour", "within the hour" have no number; "in hours" is no deadline.
    if (m[2] === undefined && !(lead.endsWith('next') || lead === 'within the')) return null;
    if (m[2] !== undefined && lead === 'within the') return null;
    if (m[2] === undefined && m[3] !== undefined) return null;
    const a = m[2] === undefined ? 1 : numberValue(m[2]);
    const b = m[3] ? numberValue(m[3]) : null;
    if (a === null || a <= 0 || (m[3] && (b === null || b < a))) return null;
    const business = m[4] !== undefined && m[4].toLowerCase() !== 'calendar';
    const unit = m[5]!.toLowerCase();
    const at = (n: number): Date | null => {
      const start = DateTime.fromJSDate(r.now, { zone: r.zone });
      if (unit.startsWith('m')) return n <= 100_000 ? new Date(r.now.getTime() + n * MINUTE) : null;
      if (unit.startsWith('h')) {
        if (n > 10_000) return null;
        return business
          ? addBusinessMinutes(r.now, n * 60, r.schedule)
          : new Date(r.now.getTime() + n * 60 * MINUTE);
      }
      if (unit.startsWith('d')) {
        if (n > 3650) return null;
        if (business) return Number.isInteger(n) ? addBusinessDays(r.now, n, r.schedule) : null;
        return Number.isInteger(n) ? start.plus({ days: n }).toJSDate() : start.plus({ hours: n * 24 }).toJSDate();
      }
      if (n > 520) return null;
      if (business) return Number.isInteger(n) ? addBusinessDays(r.now, n * 5, r.schedule) : null;
      return start.plus({ days: Math.round(n * 7) }).toJSDate();
    };
    const to = at(b ?? a);
    const from = b !== null ? at(a) : to;
    return { from, to, zone: r.zone, vague: false };
  },
);

// "next business day", "by the next working day", "the following business day": the end
// of that day is the promise, its opening the earliest bound.
const nextBusinessDayParser = makeParser(
  `(?:(?:by|on|until|before)\\s{1,4})?(?:(?:the\\s{1,4})?end\\s{1,4}of\\s{1,4})?(?:the\\s{1,4})?(?:next|following)\\s{1,4}(?:business|working|work)\\s{1,4}day`,
  (_m, r) => ({ ...point(addBusinessDays(r.now, 1, r.schedule)), zone: r.zone }),
);

const EOD_WORDS =
  'eod|cob|eob|(?:close|end)\\s{1,4}of\\s{1,4}(?:business|play)|end[\\s-]{1,4}of[\\s-]{1,4}(?:the\\s{1,4})?(?:business\\s{1,4}|working\\s{1,4}|work\\s{1,4})?day|end\\s{1,4}of\\s{1,4}today';
const EOW_WORDS =
  'eow|end[\\s-]{1,4}of[\\s-]{1,4}(?:the\\s{1,4})?(?:this\\s{1,4}|next\\s{1,4})?(?:business\\s{1,4}|working\\s{1,4}|work\\s{1,4})?week';
const EOM_WORDS = 'eom|end\\s{1,4}of\\s{1,4}(?:the\\s{1,4})?(?:this\\s{1,4})?month';
const DEADLINE_LEAD = '(?:(?:by|before|until|till|at|no\\s{1,4}later\\s{1,4}than)\\s{1,4})?(?:the\\s{1,4})?';

// EOD / COB / close of business / end of (the) day: today's closing, or the next business
// day's once today is closed. A day written next to it ("EOD Friday", "tomorrow COB") is
// joined after parsing.
const endOfDayParser = makeParser(`${DEADLINE_LEAD}(?:${EOD_WORDS})`, (m, r) => ({
  ...point(
    /today/i.test(m[0]) ? endOfTodayOrNull(r) ?? endOfBusinessDay(r.now, r.schedule) : endOfBusinessDay(r.now, r.schedule),
  ),
  zone: r.zone,
  endOfDay: !/today/i.test(m[0]),
}));

function endOfTodayOrNull(r: Run): Date | null {
  const closing = closingOn(todayIn(r.schedule.timeZone, r.now), r.schedule.timeZone, r.schedule);
  return closing && closing.getTime() >= r.now.getTime() ? closing : null;
}

// EOW / end of (the) week: closing of this working week's last business day; "end of next
// week" is the next working week's.
const endOfWeekParser = makeParser(`${DEADLINE_LEAD}(?:${EOW_WORDS})`, (m, r) => {
  if (/next/i.test(m[0])) {
    const bounds = businessWeekBounds(r.now, 1, r.schedule);
    return { ...point(bounds.end), zone: r.zone };
  }
  return { ...point(endOfBusinessWeek(r.now, r.schedule)), zone: r.zone };
});

// "end of the month": closing of the month's last business day still ahead.
const endOfMonthParser = makeParser(`${DEADLINE_LEAD}(?:${EOM_WORDS})`, (_m, r) => {
  const zone = r.schedule.timeZone;
  const today = todayIn(zone, r.now);
  for (let monthOffset = 0; monthOffset < 3; monthOffset++) {
    const first = new Date(Date.UTC(today.year, today.month - 1 + monthOffset, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    for (let d = last.getUTCDate(); d >= 1; d--) {
      const closing = closingOnDate(last.getUTCFullYear(), last.getUTCMonth() + 1, d, r.schedule);
      if (!closing) continue;
      if (closing.getTime() >= r.now.getTime()) return { ...point(closing), zone: r.zone };
      break;
    }
  }
  return null;
});

// "next week", "early next week", "later this week", "by next week": the working week's
// bounds; the promise is its last closing ("early": the second business day's closing).
const weekParser = makeParser(
  `(?:(?:by|before|until|during|sometime|in)\\s{1,4})?(?:the\\s{1,4})?(?:(early|earlier|beginning\\s{1,4}of|start\\s{1,4}of|mid|middle\\s{1,4}of|late|later|end\\s{1,4}of)[\\s-]{1,4})?(?:the\\s{1,4})?(this|next|the\\s{1,4}coming|the\\s{1,4}following|coming|following)\\s{1,4}week`,
  (m, r) => {
    const part = (m[1] ?? '').toLowerCase();
    const which = m[2]!.toLowerCase();
    if (which === 'this') {
      if (/^(early|beginning|start)/.test(part)) return null; // already under way: not a promise
      return { from: r.now, to: endOfBusinessWeek(r.now, r.schedule), zone: r.zone, vague: false };
    }
    const bounds = businessWeekBounds(r.now, 1, r.schedule);
    if (/^(early|earlier|beginning|start)/.test(part)) {
      const second = addBusinessDays(bounds.start, 1, r.schedule);
      return { from: bounds.start, to: second < bounds.end ? second : bounds.end, zone: r.zone, vague: false };
    }
    if (/^(mid|middle)/.test(part)) {
      const third = addBusinessDays(bounds.start, 2, r.schedule);
      return { from: bounds.start, to: third < bounds.end ? third : bounds.end, zone: r.zone, vague: false };
    }
    return { from: bounds.start, to: bounds.end, zone: r.zone, vague: false };
  },
);

// "later today": from now until today's closing (or the end of the evening once closed).
const laterTodayParser = makeParser(`later\\s{1,4}today`, (_m, r) => {
  const closing = endOfTodayOrNull(r);
  const today = todayIn(r.zone, r.now);
  const to = closing ?? wallToDate(today, 21 * 60, r.zone);
  if (!to || to.getTime() < r.now.getTime()) return null;
  return { from: r.now, to, zone: r.zone, vague: false };
});

// "by the 5th", "on the 21st": the next such date (today included) that exists; "the 3rd
// party" or "the 2nd time" is not a date, so the ordinal must follow a deadline word or
// end its clause.
const ordinalDayParser = makeParser(
  `(?:((?:by|on|before|until|till|no\\s{1,4}later\\s{1,4}than)\\s{1,4}))?the\\s{1,4}(\\d{1,2})(?:st|nd|rd|th)(?!\\s{0,4}of\\b)(?=\\s{0,4}(?:$|[.,;:!?)]|at\\b|by\\b|eod\\b|cob\\b|in\\s{1,4}the\\b|\\d))`,
  (m, r) => {
    const wanted = Number(m[2]);
    if (wanted < 1 || wanted > 31) return null;
    const today = todayIn(r.zone, r.now);
    for (let i = 0; i < 13; i++) {
      const first = new Date(Date.UTC(today.year, today.month - 1 + i, 1));
      const y = first.getUTCFullYear();
      const mo = first.getUTCMonth() + 1;
      const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      if (wanted > daysInMonth || (i === 0 && wanted < today.day)) continue;
      const date = { year: y, month: mo, day: wanted };
      const to = closingOn(date, r.schedule.timeZone, r.schedule);
      if (to && to.getTime() >= r.now.getTime()) return { ...point(to), zone: r.zone, dateOnly: date };
    }
    return null;
  },
);

// "between 2 and 4 pm": chrono reads only "4 pm". This yields clock-time components so
// chrono can still attach a neighbouring date ("between 2 and 4 pm on Friday").
const MERIDIEM = '(a\\.m\\.|p\\.m\\.|am|pm)';
// Either bound may be "noon"/"midday" and the later one "midnight" ("between 9 am and noon").
const betweenPattern = new RegExp(
  `(?<![\\p{L}\\p{N}_])between\\s{1,4}(?:(\\d{1,2})(?::(\\d{2}))?\\s{0,3}${MERIDIEM}?|(noon|midday))\\s{1,4}and\\s{1,4}` +
    `(?:(\\d{1,2})(?::(\\d{2}))?\\s{0,3}${MERIDIEM}|(noon|midday|midnight))(?![\\p{L}\\p{N}_])`,
  'iu',
);
const betweenParser: chrono.Parser = {
  pattern: () => betweenPattern,
  extract: (context, m) => {
    let h2: number;
    let endMeridiem: number;
    if (m[8]) {
      h2 = /^midnight$/i.test(m[8]) ? 24 : 12;
      endMeridiem = 1;
    } else {
      endMeridiem = /^p/i.test(m[7]!) ? 1 : 0;
      h2 = to24(Number(m[5]), endMeridiem);
    }
    let h1: number;
    if (m[4]) h1 = 12;
    else {
      // A start with no meridiem shares the end's, unless that would put it after the end
      // ("between 11 and 1 pm", "between 9 and noon").
      const startMeridiem = m[3] ? (/^p/i.test(m[3]) ? 1 : 0) : endMeridiem;
      h1 = to24(Number(m[1]), startMeridiem);
      if (!m[3] && h1 > h2) h1 -= 12;
    }
    if (h2 === 24) return null; // chrono can't carry 24:00; "between 10 pm and midnight" is rare
    if (h1 < 0 || h2 > 23 || h1 > h2) return null;
    const result = context.createParsingResult(
      m.index!,
      m[0],
      { hour: h1, minute: Number(m[2] ?? 0) },
      { hour: h2, minute: Number(m[6] ?? 0) },
    );
    return result.addTag('step-ahead/between');
  },
};

function to24(hour: number, meridiem: number): number {
  if (hour > 12) return hour;
  if (meridiem === 1) return hour === 12 ? 12 : hour + 12;
  return hour === 12 ? 0 : hour;
}

// Durations chrono reads on its own ("2 hours" in "the job takes 2 hours", "next month")
// carry chrono's relative tag; only our lead-word reading of a duration is a deadline.
const dropBareDurations: chrono.Refiner = {
  refine: (_context, results) =>
    results.filter((r) => {
      const tags = r.tags();
      if (tags.has(COMPUTED_TAG)) return true;
      return !tags.has('result/relativeDate') && !tags.has('casualReference/now');
    }),
};

// "first thing tomorrow": the first hour of business; chrono attaches the day.
const firstThingPattern = /(?<![\p{L}\p{N}_])first\s{1,4}thing(?:\s{1,4}in\s{1,4}the\s{1,4}morning)?(?![\p{L}\p{N}_])/iu;
const firstThingParser: chrono.Parser = {
  pattern: () => firstThingPattern,
  extract: (context, m) => {
    const open = run ? typicalOpeningMinutes(run.schedule) : 8 * 60;
    const close = Math.min(open + 60, 23 * 60 + 59);
    const result = context.createParsingResult(
      m.index!,
      m[0],
      { hour: Math.floor(open / 60), minute: open % 60 },
      { hour: Math.floor(close / 60), minute: close % 60 },
    );
    return result.addTag('step-ahead/first-thing');
  },
};

// "by 2", "before 5": chrono reads a bare hour only after "at". Whether it is a time at all
// is settled like "at 3" (see bareHourEndsWell); after a verb of change ("increase it by
// 2", "drop by 5") it is an amount.
const bareHourLeadPattern =
  /(?<![\p{L}\p{N}_])(?:by|before|around|until|till)\s{1,3}(\d{1,2})(?![\p{N}:.,/]\p{N}|[\p{N}%])(?!\s{0,3}(?:[ap]\.?m\b|o'clock|noon|percent|x\b|times\b))/iu;
const AMOUNT_VERB_BEFORE =
  /\b(?:multipl\w{0,4}|divid\w{0,3}|increas\w{0,3}|decreas\w{0,3}|reduc\w{0,3}|rais\w{0,3}|grow\w{0,2}|grew|drop\w{0,3}|shrink\w{0,3}|scal\w{0,3}|offset\w{0,3}|incremen\w{0,4}|decremen\w{0,4}|exceed\w{0,2}|differ\w{0,2}|rose|fell|lower\w{0,3}|bump\w{0,3}|up|down|off)\b[^.!?\n]{0,16}$/i;
const bareHourLeadParser: chrono.Parser = {
  pattern: () => bareHourLeadPattern,
  extract: (context, m) => {
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) return null;
    if (AMOUNT_VERB_BEFORE.test(context.text.slice(Math.max(0, m.index! - 40), m.index!))) return null;
    return context.createParsingResult(m.index!, m[0], { hour, minute: 0 }).addTag('step-ahead/bare-hour');
  },
};

// ---------------------------------------------------------------------------------------
// Skipping parsers that cannot match. Every parser's pattern contains words it cannot match
// without: a weekday parser needs "mon", "tue", …; a clock time needs a digit. Each list
// below holds, for one parser, groups of such words; when some group has no word in a piece
// of text, the parser's pattern can find nothing there, so it is not run at all. The result
// is exactly chrono's; only regex scans that would have failed are saved. Parsers missing
// from the table (a chrono upgrade) simply always run.
// ---------------------------------------------------------------------------------------

/** Words, one of which must occur (case-insensitively) for a pattern to match. */
interface NeededWords {
  words: readonly string[];
  /** The same test for text that isn't ASCII, with the parsers' own `iu` case folding. */
  pattern: RegExp;
}

function needs(words: readonly string[]): NeededWords {
  return { words, pattern: new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'iu') };
}

const DIGITS = needs(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const MONTHS = needs(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
const THIS_NEXT = needs(['this', 'last', 'past', 'next', 'after']);

/**
 * chrono's casual English parsers by class name, with the words their patterns require as
 * findEtas calls them (forwardDate on). ENTimeUnitWithinFormatParser is missing on purpose:
 * with forwardDate its lead word is optional and "2 hour" alone matches.
 */
const CHRONO_NEEDS: Readonly<Record<string, readonly NeededWords[]>> = {
  ENYearMonthDayParser: [DIGITS],
  ISOFormatParser: [DIGITS],
  SlashDateFormatParser: [DIGITS],
  ENMonthNameLittleEndianParser: [MONTHS],
  ENMonthNameMiddleEndianParser: [MONTHS],
  ENWeekdayParser: [needs(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'week'])],
  ENSlashMonthFormatParser: [DIGITS],
  ENTimeExpressionParser: [DIGITS],
  ENTimeUnitAgoFormatParser: [needs(['ago', 'before', 'earlier'])],
  ENTimeUnitLaterFormatParser: [needs(['later', 'after', 'from now', 'henceforth', 'forward', 'out'])],
  ENYearMonthNameParser: [DIGITS, MONTHS],
  ENCasualDateParser: [needs(['now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'yesterday', 'night'])],
  ENCasualTimeParser: [needs(['morning', 'afternoon', 'evening', 'night', 'midday', 'noon'])],
  ENEndOfCurrentMonthParser: [needs(['month'])],
  ENMonthNameParser: [MONTHS],
  ENRelativeDateFormatParser: [THIS_NEXT],
  ENTimeUnitCasualRelativeFormatParser: [needs(['this', 'last', 'past', 'next', 'after', '+', '-'])],
};

/** The piece being parsed, lower-cased once, and which word groups it holds. */
const piece = { text: '', lower: '', ascii: true, seen: new Map<NeededWords, boolean>() };

function holds(text: string, needed: NeededWords): boolean {
  if (piece.text !== text) {
    piece.text = text;
    piece.lower = text.toLowerCase();
    // Outside ASCII, case folding can match letters lower-casing doesn't ("K" for "k").
    piece.ascii = !/[^\x00-\x7f]/.test(text);
    piece.seen.clear();
  }
  let found = piece.seen.get(needed);
  if (found === undefined) {
    found = piece.ascii ? needed.words.some((w) => piece.lower.includes(w)) : needed.pattern.test(text);
    piece.seen.set(needed, found);
  }
  return found;
}

/** A pattern that fails at once: sticky, so it is tried at the start only. */
const NEVER = /(?!)/y;

function guarded(parser: chrono.Parser, required: readonly NeededWords[] | undefined): chrono.Parser {
  if (!required || required.length === 0) return parser;
  return {
    pattern: (context) => (required.every((n) => holds(context.text, n)) ? parser.pattern(context) : NEVER),
    extract: (context, match) => parser.extract(context, match),
  };
}

const etaChrono = (() => {
  const c = chrono.casual.clone();
  // Ours go first so that, at equal length, the overlap refiner keeps our reading.
  const ours: [chrono.Parser, NeededWords[]][] = [
    [durationParser, [needs(['in', 'next', 'give', 'allow', 'later']), needs(['min', 'h', 'day', 'week', 'wk'])]],
    [nextBusinessDayParser, [needs(['work', 'business']), needs(['day'])]],
    [endOfDayParser, [needs(['eod', 'cob', 'eob', 'close', 'end'])]],
    [endOfWeekParser, [needs(['eow', 'end'])]],
    [endOfMonthParser, [needs(['eom', 'end'])]],
    [weekParser, [needs(['week'])]],
    [laterTodayParser, [needs(['later']), needs(['today'])]],
    [ordinalDayParser, [DIGITS]],
    [betweenParser, [needs(['between'])]],
    [firstThingParser, [needs(['first']), needs(['thing'])]],
    [bareHourLeadParser, [DIGITS]],
  ];
  const builtIn = c.parsers.map((p) => guarded(p, CHRONO_NEEDS[p.constructor.name]));
  c.parsers.splice(0, c.parsers.length, ...ours.map(([p, required]) => guarded(p, required)), ...builtIn);
  c.refiners.push(dropBareDurations);
  return c;
})();

// ---------------------------------------------------------------------------------------
// Reading chrono's own results in the right zone
// ---------------------------------------------------------------------------------------

// Words inside a chrono result that are part of the date, never a zone. A prefix test, so
// "Friday", "Dec." and "tomorrow's" all count.
const DAY_WORDS = /^(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|at|on|by|to|from|of|the|this|next|noon|midnight|tonight|today|tomorrow|morning|afternoon|evening|night|am|pm|st|nd|rd|th|and|or|between)/i;

/** A zone named inside the result's own words ("3 pm ET Thursday"). */
function zoneInside(text: string, start: number, end: number): string | null {
  const slice = text.slice(start, end);
  const word = /[A-Za-z]+/g;
  for (let m = word.exec(slice); m; m = word.exec(slice)) {
    // Capitalised abbreviations are tried even when they look like a date word ("MST").
    if (m.index === 0 || (DAY_WORDS.test(m[0]) && m[0] !== m[0].toUpperCase())) continue;
    const found = matchZoneAt(text, start + m.index, true);
    if (found && found.end <= end) return found.zone;
  }
  return null;
}

function readChronoResult(result: chrono.ParsedResult, offset: number, text: string, r: Run): Candidate | null {
  const start = offset + result.index;
  let end = start + result.text.length;
  const tags = result.tags();
  if (tags.has(COMPUTED_TAG)) {
    const ids = [...tags].filter((t) => t.startsWith(`${COMPUTED_TAG}:`));
    const ours = ids.length === 1 ? r.computed.get(ids[0]!) : undefined;
    // Two of ours merged by a chrono refiner would mix UTC components: drop them.
    return ours && result.text.length > 0 ? { ...ours, start, end } : null;
  }
  if (tags.has('casualReference/yesterday')) return null;
  let hasTime = result.start.isCertain('hour');
  // "at 5 sites": a bare hour ("at 3") only counts before a time-ish word, and means the
  // afternoon when it is 1–7, as it does in business mail.
  let hourShift = 0;
  const trailingHour = TRAILING_BARE_HOUR.exec(result.text);
  if (hasTime && !tags.has('step-ahead/between') && !tags.has('step-ahead/first-thing') && AFTERNOON_CLOCK.test(result.text)) {
    // "at 3:30" with no am/pm is the afternoon, like "at 3"; "03:30" and "3:30:12" are not.
    const hour = result.start.get('hour') ?? 0;
    if (!result.start.isCertain('meridiem') && hour >= 1 && hour <= 7) hourShift = 12;
  }
  if (hasTime && (BARE_HOUR.test(result.text) || trailingHour)) {
    if (!bareHourEndsWell(text, end)) {
      // "Friday at 4 to go over it": the day still stands when the hour is doubtful.
      const dated = result.start.isCertain('day') || result.start.isCertain('weekday');
      if (!trailingHour || trailingHour.index === 0 || !dated || !(result.start instanceof chrono.ParsingComponents)) {
        return null;
      }
      result.start.delete(['hour', 'minute', 'second', 'meridiem']);
      end = start + trailingHour.index;
      hasTime = false;
    } else {
      const hour = result.start.get('hour') ?? 0;
      if (hour >= 1 && hour <= 7) hourShift = 12;
    }
  }
  // "CPU sat at 95%", "the sun", "may": a lower-case abbreviation alone is a word.
  const bare = LONE_ABBREVIATION.exec(result.text);
  if (bare && bare[1] === bare[1]!.toLowerCase()) return null;
  // "tonight's list", "Wednesday's meeting": a date used as a noun modifier.
  if (/^['’]s\b/.test(text.slice(end, end + 3))) return null;
  // "April fools": a month alone is a deadline only behind a word like "in" or "by".
  if (result.start.isCertain('month') && !result.start.isCertain('day') && !result.start.isCertain('weekday')) {
    const before = text.slice(Math.max(0, start - 12), start);
    if (!/\b(?:in|by|before|until|till|during|through|for|of|end\s+of)\s{1,3}$/i.test(before) && !/^(?:in|by|before|until|till|during)\s/i.test(result.text)) {
      return null;
    }
  }
  // "all morning", "every evening": a day part with no day counts only as "this morning",
  // "in the morning" or "by the afternoon".
  const dayPart = Object.keys(DAY_PARTS).some((p) => tags.has(`casualReference/${p}`));
  if (dayPart && !hasTime && !result.start.isCertain('day') && !result.start.isCertain('weekday')) {
    const lead = text.slice(Math.max(0, start - 8), start) + result.text;
    if (!/\b(?:this|tonight|in\s+the|by\s+the|by)\b/i.test(lead)) return null;
  }
  let zone = zoneInside(text, start, end);
  if (!zone) {
    const after = matchZoneAt(text, end, hasTime);
    if (after) {
      zone = after.zone;
      end = after.end;
    }
  }
  const zoneName = zone ?? r.zone;
  const startPoint = readPoint(result.start, result.text, tags, zoneName, r, hourShift);
  if (!startPoint) return null;
  const endPoint = result.end ? readPoint(result.end, result.text, tags, zoneName, r, hourShift) : null;
  let from = startPoint.from;
  let to = endPoint ? endPoint.to : startPoint.to;
  if (!from || !to) return null;
  // A clock time with no date that has passed means the next day ("by 9 am" at 10 am).
  if (!startPoint.hasDate && to.getTime() < r.now.getTime()) {
    from = new Date(DateTime.fromJSDate(from, { zone: zoneName }).plus({ days: 1 }).toMillis());
    to = new Date(DateTime.fromJSDate(to, { zone: zoneName }).plus({ days: 1 }).toMillis());
  }
  // A weekday alone means its next occurrence whose deadline is still ahead: "by Wednesday"
  // written on a Wednesday morning is today, written after closing it is next week.
  if (startPoint.weekdayOnly && to.getTime() < r.now.getTime()) {
    from = new Date(DateTime.fromJSDate(from, { zone: zoneName }).plus({ days: 7 }).toMillis());
    to = new Date(DateTime.fromJSDate(to, { zone: zoneName }).plus({ days: 7 }).toMillis());
  }
  // "Monday to Wednesday" written on a Wednesday: the end is next week's Wednesday.
  if (endPoint?.weekdayOnly && to.getTime() < from.getTime()) {
    to = new Date(DateTime.fromJSDate(to, { zone: zoneName }).plus({ days: 7 }).toMillis());
  }
  if (from.getTime() > to.getTime()) from = to;
  const candidate: Candidate = { start, end, from, to, zone: zoneName, vague: false };
  if (startPoint.dateOnly && !endPoint) candidate.dateOnly = startPoint.dateOnly;
  if (!startPoint.hasDate && hasTime && !endPoint) {
    candidate.timeOnly = { hour: (result.start.get('hour') ?? 0) + hourShift, minute: result.start.get('minute') ?? 0 };
  }
  return candidate;
}

const LONE_ABBREVIATION =
  /^(?:(?:on|by|until|before)\s{1,3})?(mon|tues?|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?$/i;
const BARE_HOUR = /^(?:at|by|around|before|until|till|from|to)?\s{0,3}\d{1,2}(?![\d:.h])(?!\s{0,3}(?:[ap]\.?m|o'clock|noon))/i;

const AFTERNOON_CLOCK = /(?:^|[^\p{N}:.])[1-7]:[0-5]\d(?![\p{N}:])(?!\s{0,3}(?:[ap]\.?m\b|h\b))/u;

// "tomorrow at 3", "Friday by 4": the bare hour closes a phrase that starts with its day.
const TRAILING_BARE_HOUR = /(?:^|\s)(?:at|by|around|before|until|till|@)\s{1,3}\d{1,2}$/i;

function bareHourEndsWell(text: string, end: number): boolean {
  const next = /^[ \t]{0,4}([\p{L}']+|[^\s])?/u.exec(text.slice(end, end + 40));
  const word = next?.[1];
  if (!word) return true;
  if (/^[.,;:!?)\-–]$/.test(word)) return true;
  if (matchZoneAt(text, end, true)) return true;
  return /^(?:on|today|tomorrow|tonight|this|next|o'clock|sharp|then|and|or|your|my|our|at|latest|if|when|please|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(word);
}

interface Point {
  from: Date | null;
  to: Date | null;
  hasDate: boolean;
  weekdayOnly: boolean;
  dateOnly?: CalendarDate;
}

/**
 * The date a weekday names, on the writer's calendar: its next occurrence (today
 * included); "next Friday" is the Friday of next week (Monday-first weeks); "last Friday"
 * is not a deadline.
 */
function weekdayDate(weekday: number, text: string, zone: string, now: Date): CalendarDate | null {
  const lower = text.toLowerCase();
  if (/\b(?:last|past|previous)\b/.test(lower)) return null;
  const today = todayIn(zone, now);
  const todayWeekday = weekdayOfDate(today);
  if (/\bnext\b/.test(lower)) {
    const monday = shiftDate(today, -((todayWeekday + 6) % 7) + 7);
    return shiftDate(monday, (weekday + 6) % 7);
  }
  return shiftDate(today, (weekday - todayWeekday + 7) % 7);
}

const HALF_YEAR_DAYS = 183;

/** The year that puts month/day closest to today on the writer's calendar. */
function nearestYear(month: number, day: number, zone: string, now: Date): number {
  const today = todayIn(zone, now);
  const todayMs = Date.UTC(today.year, today.month - 1, today.day);
  const thisYear = Date.UTC(today.year, month - 1, day);
  const daysAway = (thisYear - todayMs) / 86_400_000;
  if (daysAway < -HALF_YEAR_DAYS) return today.year + 1;
  if (daysAway > HALF_YEAR_DAYS) return today.year - 1;
  return today.year;
}

function readPoint(
  c: chrono.ParsedComponents,
  text: string,
  tags: Set<string>,
  zone: string,
  r: Run,
  hourShift = 0,
): Point | null {
  let year = c.get('year');
  let month = c.get('month');
  let day = c.get('day');
  if (year === null || month === null || day === null) return null;
  const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day');
  // chrono rolled a bare "3" (3 am) to tomorrow; as 3 pm it may still be today.
  if (hourShift && !c.isCertain('day') && !c.isCertain('weekday')) ({ year, month, day } = todayIn(zone, r.now));
  // chrono's weekday arithmetic depends on the machine's zone; redo it on the writer's
  // calendar. The caller moves a passed deadline on by a week.
  if (weekdayOnly) {
    const date = weekdayDate(c.get('weekday') ?? 0, text, zone, r.now);
    if (!date) return null;
    ({ year, month, day } = date);
  }
  // chrono moves a month and day with no year that has passed to next year ("the outage
  // on Nov 3" written on Nov 18 becomes next November). People mean the nearest such date,
  // so a recent one stays in the past, where it is no ETA.
  if (c.isCertain('month') && c.isCertain('day') && !c.isCertain('year')) year = nearestYear(month, day, zone, r.now);
  const date = { year, month, day };
  const hasDate =
    c.isCertain('day') ||
    c.isCertain('weekday') ||
    c.isCertain('month') ||
    tags.has('casualReference/today') ||
    tags.has('casualReference/tomorrow') ||
    tags.has('casualReference/tonight');
  if (c.isCertain('hour')) {
    let at = wallToDate(date, ((c.get('hour') ?? 0) + hourShift) * 60 + (c.get('minute') ?? 0), zone);
    // "Midnight" is the one that ends the day it names: "by midnight" today's, "midnight
    // tonight" too, "by midnight Friday" the end of Friday.
    if (tags.has('casualReference/midnight')) {
      const named = c.isCertain('day') || c.isCertain('weekday') || tags.has('casualReference/tomorrow');
      at = wallToDate(shiftDate(named ? date : todayIn(zone, r.now), 1), 0, zone);
    }
    return { from: at, to: at, hasDate, weekdayOnly };
  }
  for (const [name, [a, b]] of Object.entries(DAY_PARTS)) {
    if (!tags.has(`casualReference/${name}`)) continue;
    // chrono rolls "this morning" to tomorrow once its 06:00 has passed; a day part with no
    // day of its own is today's, and (unless "this") tomorrow's once it has ended.
    const ownDay = c.isCertain('day') || c.isCertain('weekday') || tags.has('casualReference/tomorrow');
    const partDate = ownDay ? date : todayIn(zone, r.now);
    return {
      from: dayBound(a, partDate, zone, r.schedule),
      to: dayBound(b, partDate, zone, r.schedule),
      hasDate: ownDay || /\bthis\b/i.test(text) || name === 'tonight',
      weekdayOnly,
    };
  }
  // A month alone ("in May"): the whole month, kept by its last business day's closing.
  if (c.isCertain('month') && !c.isCertain('day') && !c.isCertain('weekday')) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    let to: Date | null = null;
    for (let d = last; d >= 1 && !to; d--) to = closingOnDate(year, month, d, r.schedule);
    to ??= closingOn({ year, month, day: last }, r.schedule.timeZone, r.schedule);
    return { from: openingOn({ year, month, day: 1 }, r.schedule.timeZone, r.schedule), to, hasDate: true, weekdayOnly };
  }
  // A date without a time is kept by that day's close of business.
  const closeZone = zone === r.zone ? r.schedule.timeZone : zone;
  const at = closingOn(date, closeZone, r.schedule);
  return { from: at, to: at, hasDate: true, weekdayOnly, dateOnly: date };
}

// ---------------------------------------------------------------------------------------
// Joining neighbours: "EOD" + "Friday", "the 5th" + "at 3 pm", "Tuesday or Wednesday"
// ---------------------------------------------------------------------------------------

const JOIN_DAY = /^[\s,]{0,4}(?:(?:on|by|of)\s{1,4})?$/i;
const JOIN_TIME = /^[\s,]{0,4}(?:(?:at|@|by|before|around)\s{1,4})?$/i;
const JOIN_RANGE = /^\s{0,4}(?:or|to|through|thru|until|till|-|–|—|and)\s{0,4}(?:(?:by|on|at)\s{1,4})?$/i;

function joinNeighbours(candidates: Candidate[], text: string, r: Run): Candidate[] {
  const out: Candidate[] = [];
  for (const next of candidates) {
    const prev = out[out.length - 1];
    if (!prev || prev.vague || next.vague) {
      out.push(next);
      continue;
    }
    const gap = text.slice(prev.end, next.start);
    const joined = join(prev, next, gap, text, r);
    if (joined) out[out.length - 1] = joined;
    else out.push(next);
  }
  return out;
}

function join(a: Candidate, b: Candidate, gap: string, text: string, r: Run): Candidate | null {
  if (gap.length > 24) return null;
  const span = { start: a.start, end: b.end };
  if (JOIN_DAY.test(gap)) {
    if (a.endOfDay && b.dateOnly) return { ...b, ...span, dateOnly: undefined };
    if (b.endOfDay && a.dateOnly) return { ...a, ...span, dateOnly: undefined };
  }
  if (JOIN_TIME.test(gap) || JOIN_DAY.test(gap)) {
    const date = a.dateOnly && b.timeOnly ? a.dateOnly : b.dateOnly && a.timeOnly ? b.dateOnly : null;
    const time = a.timeOnly ?? b.timeOnly;
    if (date && time) {
      const zone = a.timeOnly ? a.zone : b.zone;
      const at = wallToDate(date, time.hour * 60 + time.minute, zone);
      return { ...span, from: at, to: at, zone, vague: false };
    }
  }
  if (JOIN_RANGE.test(gap)) {
    // "and" only joins a range after "between": "Monday and we'll…" is not one.
    if (/and/i.test(gap) && !/between\s{1,4}$/i.test(text.slice(Math.max(0, a.start - 12), a.start))) return null;
    if (!a.from || !b.to || !a.to) return null;
    let to = b.to;
    // "Tuesday or Wednesday" written on a Wednesday: the later day is next week's.
    if (to.getTime() < a.to.getTime()) {
      if (!b.dateOnly) return null;
      to = new Date(DateTime.fromJSDate(to, { zone: b.zone }).plus({ days: 7 }).toMillis());
    }
    const from = a.from.getTime() <= to.getTime() ? a.from : to;
    return { ...span, from, to, zone: b.zone, vague: false };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Lead words and the text walk
// ---------------------------------------------------------------------------------------

const LEAD_BEFORE =
  /(?:^|[^\p{L}\p{N}_])((?:no|not)\s{1,3}later\s{1,3}than|on\s{1,3}or\s{1,3}before|in\s{1,3}the|between|by|before|until|till|on|at|around|in)\s{1,3}$/iu;

const STARTS_WITH_LEAD = /^(?:by|before|until|till|on|at|around|in|within|between|no\s|not\s)\b/i;

function withLeadWord(c: Candidate, text: string): Candidate {
  if (STARTS_WITH_LEAD.test(text.slice(c.start, c.start + 12))) return c;
  const before = text.slice(Math.max(0, c.start - 24), c.start);
  const m = LEAD_BEFORE.exec(before);
  if (!m) return c;
  const lead = m[1]!;
  // "gets in tomorrow": "in" leads only a month ("in May") or "in the morning".
  if (/^in$/i.test(lead) && !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(text.slice(c.start, c.start + 3))) {
    return c;
  }
  const leadStart = c.start - (before.length - before.lastIndexOf(lead, before.length - 1));
  return { ...c, start: Math.max(0, leadStart) };
}

/** Splits text into pieces of at most CHUNK characters at line breaks or spaces. */
function* chunks(text: string): Generator<[offset: number, piece: string]> {
  let pos = 0;
  while (pos < text.length) {
    let stop = text.indexOf('\n', pos);
    if (stop === -1) stop = text.length;
    if (stop - pos > CHUNK) {
      const cut = text.lastIndexOf(' ', pos + CHUNK);
      stop = cut > pos + CHUNK / 2 ? cut : pos + CHUNK;
    }
    yield [pos, text.slice(pos, stop)];
    pos = stop + (text[stop] === '\n' || text[stop] === ' ' ? 1 : 0);
  }
}

// A piece with no digit and none of these words can't hold a date; skipping it saves
// running every chrono parser over long prose.
const MAY_HOLD_DATE =
  /\d|today|tomorrow|tonight|noon|midnight|morning|afternoon|evening|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|week|eod|cob|eob|eow|eom|close|end|business|working|hour|minute|day|month|later|the\s/i;

// A sentence with none of these can't hold a date that survives as an ETA (chrono's
// relative readings such as "now" or "in a year" are dropped anyway), so only the runs of
// sentences that have one are given to chrono. Neighbouring sentences that both have one
// stay together, so a reading that runs across their boundary ("Dec." / "3") is unchanged.
const DATE_TRIGGER =
  /\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tonight|tomorrow|tmr|overmorrow|yesterday|now|ago|noon|midnight|midday|morning|afternoon|evening|night|week|day|hour|hr|minute|min|sec|month|quarter|year|eod|cob|eob|eow|eom|end|close|business|working|later|between|first)/i;
const SENTENCE_BREAK = /[.!?]+\s+/g;

/** The chunks, cut down to their runs of sentences that may hold a date. */
function* datedPieces(text: string): Generator<[offset: number, piece: string]> {
  for (const [offset, chunk] of chunks(text)) {
    let runStart = -1;
    let runEnd = -1;
    let from = 0;
    SENTENCE_BREAK.lastIndex = 0;
    for (;;) {
      const m = SENTENCE_BREAK.exec(chunk);
      const end = m ? m.index + m[0].length : chunk.length;
      if (DATE_TRIGGER.test(chunk.slice(from, end))) {
        if (runStart < 0) runStart = from;
        runEnd = end;
      } else if (runStart >= 0) {
        yield [offset + runStart, chunk.slice(runStart, runEnd)];
        runStart = -1;
      }
      if (!m) break;
      from = end;
    }
    if (runStart >= 0) yield [offset + runStart, chunk.slice(runStart, runEnd)];
  }
}

function safeZone(zone: string, fallback: string): string {
  try {
    return typeof zone === 'string' && isKnownZone(zone) ? zone : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Every ETA in `text`, in order. Concrete ones carry their instants; vague ones ("soon",
 * "ASAP") have `vague: true` and null instants. Past times, version numbers, prices,
 * ticket numbers and durations that aren't deadlines are not ETAs. Never throws.
 */
export function findEtas(text: string, options: FindEtasOptions): Eta[] {
  try {
    return findEtasUnsafe(text, options);
  } catch {
    return [];
  } finally {
    run = null;
  }
}

function findEtasUnsafe(text: string, options: FindEtasOptions): Eta[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const now = options.now instanceof Date && Number.isFinite(options.now.getTime()) ? options.now : new Date();
  const schedule = options.schedule;
  const zone = safeZone(options.timeZone, safeZone(schedule.timeZone, 'UTC'));
  const r: Run = { now, zone, schedule, computed: new Map(), serial: 0 };
  const masked = maskNonDates(text);
  const offsetMinutes = DateTime.fromJSDate(now, { zone }).offset;

  let candidates: Candidate[] = [];
  for (const [offset, piece] of datedPieces(masked)) {
    if (candidates.length >= MAX_READINGS) break;
    if (!MAY_HOLD_DATE.test(piece)) continue;
    r.computed.clear();
    run = r;
    const results = etaChrono.parse(piece, { instant: now, timezone: offsetMinutes }, { forwardDate: true });
    run = null;
    for (const result of results) {
      const c = readChronoResult(result, offset, masked, r);
      if (c) candidates.push(c);
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  candidates = joinNeighbours(candidates, masked, r).map((c) => withLeadWord(c, masked));

  const concrete = candidates.filter(
    (c) =>
      c.to !== null &&
      c.to.getTime() >= now.getTime() &&
      !isPastReport(masked, c.start, c.end) &&
      !isStandingFact(masked, c.start, c.end) &&
      whyNotCommitment(masked, c.start, c.end) === null,
  );
  const vague: Candidate[] = findVaguePhrases(masked, MAX_READINGS)
    .filter((v) => whyNotCommitment(masked, v.range[0], v.range[1]) === null)
    .map((v) => ({
      start: v.range[0],
      end: v.range[1],
      from: null,
      to: null,
      zone,
      vague: true,
    }));

  // Concrete readings win over vague phrases they overlap or directly precede ("sometime
  // tomorrow", "soon, by Friday" keeps both: they don't touch).
  const all = [...concrete, ...vague].sort((a, b) => a.start - b.start || Number(a.vague) - Number(b.vague));
  const kept: Candidate[] = [];
  for (const c of all) {
    const prev = kept[kept.length - 1];
    if (prev && c.start < prev.end) {
      if (prev.vague && !c.vague) kept[kept.length - 1] = c;
      else if (prev.vague === c.vague && c.end - c.start > prev.end - prev.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }

  return kept.map((c) => {
    // chrono keeps a trailing comma or space ("Saturday,"); the phrase ends before it.
    let end = c.end;
    while (end > c.start + 1 && /[\s,;:]/.test(text[end - 1]!)) end--;
    c = { ...c, end };
    let outside = false;
    if (c.to) {
      try {
        outside = !isWithinBusinessHours(c.to, schedule);
      } catch {
        outside = true;
      }
    }
    return {
      text: text.slice(c.start, c.end),
      range: [c.start, c.end] as const,
      start: c.vague ? null : c.from,
      end: c.vague ? null : c.to,
      vague: c.vague,
      timeZone: c.zone,
      outsideBusinessHours: c.vague ? false : outside,
    };
  });
}
