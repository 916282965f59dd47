import type { Schedule } from '../types.ts';
import { businessMinutesBetween, hasBusinessHours } from '../time/business-time.ts';

// "Remind me an hour before the ETA" means an hour of business time: a promise due Monday
// 08:30 gets its notice Friday 16:30 on a 08:00–17:00 schedule, not at 07:30 Monday when
// nobody is at work. business-time.ts only adds forward, so the instant is found by
// searching backwards for the latest moment with exactly `minutes` of open time left.

const MINUTE = 60_000;
// A lead of up to a week of business minutes fits in well under a year even with holidays;
// beyond this the schedule is effectively closed and calendar minutes are used instead.
const SEARCH_LIMIT_MS = 400 * 24 * 60 * MINUTE;

/**
 * The latest instant before `due` with `minutes` business minutes between it and `due`.
 * With no business hours in the schedule, `minutes` calendar minutes before `due`.
 */
export function businessMinutesBefore(due: number, minutes: number, schedule: Schedule): number {
  if (!Number.isFinite(due) || !(minutes > 0)) return due;
  if (!hasBusinessHours(schedule)) return due - minutes * MINUTE;
  const enough = (t: number) => businessMinutesBetween(new Date(t), new Date(due), schedule) * MINUTE >= minutes * MINUTE - 0.5;
  // Widen until enough open time lies between; then narrow to the latest such instant.
  let span = Math.max(minutes * MINUTE, MINUTE);
  while (!enough(due - span)) {
    span *= 2;
    if (span > SEARCH_LIMIT_MS) return due - minutes * MINUTE;
  }
  let early = due - span; // has enough
  let late = due; // has none
  while (late - early > 1) {
    const mid = Math.floor((early + late) / 2);
    if (enough(mid)) early = mid;
    else late = mid;
  }
  return early;
}
