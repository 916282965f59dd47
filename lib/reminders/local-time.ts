// The <input type="datetime-local"> value for an instant and back, in the reader's own zone
// (or the one given), since that is how the picker shows and reads it.

import { DateTime } from 'luxon';

export function toLocalInputValue(instant: number, timeZone?: string): string {
  return DateTime.fromMillis(instant, timeZone ? { zone: timeZone } : {}).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** The instant of a picker value, or null when it is empty or not a time. */
export function fromLocalInputValue(value: string, timeZone?: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const dt = DateTime.fromISO(value, timeZone ? { zone: timeZone } : {});
  return dt.isValid ? dt.toMillis() : null;
}

/** "in 2 h", "3 d overdue": how far an instant is from now, roughly. */
export function relativeDue(dueAt: number, now: number): string {
  const minutes = Math.round((dueAt - now) / 60_000);
  const abs = Math.abs(minutes);
  const size = abs < 60 ? `${abs} min` : abs < 48 * 60 ? `${Math.round(abs / 60)} h` : `${Math.round(abs / 1440)} d`;
  if (abs === 0) return 'now';
  return minutes < 0 ? `${size} overdue` : `in ${size}`;
}
