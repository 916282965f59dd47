import { DateTime } from 'luxon';

/** "Fri, Nov 20, 5:00 PM EST": what a person reads in a message or the side panel. */
export function formatInstant(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) return instant.toISOString();
  return local.toFormat('ccc, LLL d, h:mm a ZZZZ');
}

/** ISO-8601 with the zone's offset at that instant, e.g. 2026-11-20T17:00:00-05:00. */
export function toIsoInZone(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const iso = local.isValid ? local.toISO({ suppressMilliseconds: true }) : null;
  return iso ?? instant.toISOString();
}
