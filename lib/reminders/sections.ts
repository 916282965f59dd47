import { DateTime } from 'luxon';

// The popup's three lists. "Today" is the reader's own day (the computer's zone, or the one
// given), since that is the day they plan; overdue is anything whose time has come.

export const SECTIONS = ['overdue', 'today', 'upcoming'] as const;
export type Section = (typeof SECTIONS)[number];

export interface SectionBounds {
  now: number;
  /** Midnight at the start of the reader's tomorrow: due-today ends here. */
  tomorrow: number;
}

export function sectionBounds(now: number, timeZone?: string): SectionBounds {
  const local = DateTime.fromMillis(now, timeZone ? { zone: timeZone } : {});
  return { now, tomorrow: local.plus({ days: 1 }).startOf('day').toMillis() };
}

export function sectionOf(dueAt: number, bounds: SectionBounds): Section {
  // Due exactly now is overdue, as on the badge (its due notice has just been raised).
  if (dueAt <= bounds.now) return 'overdue';
  if (dueAt < bounds.tomorrow) return 'today';
  return 'upcoming';
}

/** The dueAt range [from, to) of a section, for an index query. */
export function sectionRange(section: Section, bounds: SectionBounds): [number, number] {
  if (section === 'overdue') return [0, bounds.now + 1];
  if (section === 'today') return [bounds.now + 1, bounds.tomorrow];
  return [bounds.tomorrow, Number.MAX_SAFE_INTEGER];
}
