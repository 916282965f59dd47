import { DateTime } from 'luxon';
import type { Schedule } from '../types.ts';
import { hasBusinessHours, openingOnDate, startOfNextBusinessDay } from '../time/business-time.ts';

// Where "snooze" moves a reminder. "Next business morning" is the next opening of the
// team's schedule (in its zone, so a New York schedule opens at 08:00 New York time for a
// reader anywhere), today's if it has not opened yet.

export const SNOOZE_PRESETS = ['15m', '1h', 'next-morning'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

export const SNOOZE_LABELS: Record<SnoozePreset, string> = {
  '15m': '15 minutes',
  '1h': '1 hour',
  'next-morning': 'Next business morning',
};

const MINUTE = 60_000;

export function nextBusinessMorning(now: number, schedule: Schedule): number {
  if (!hasBusinessHours(schedule)) return DateTime.fromMillis(now).plus({ days: 1 }).startOf('day').plus({ hours: 8 }).toMillis();
  const today = DateTime.fromMillis(now, { zone: schedule.timeZone });
  const opening = openingOnDate(today.year, today.month, today.day, schedule);
  if (opening && opening.getTime() > now) return opening.getTime();
  return startOfNextBusinessDay(new Date(now), schedule).getTime();
}

export function snoozeTarget(preset: SnoozePreset, now: number, schedule: Schedule): number {
  switch (preset) {
    case '15m':
      return now + 15 * MINUTE;
    case '1h':
      return now + 60 * MINUTE;
    case 'next-morning':
      return nextBusinessMorning(now, schedule);
  }
}
