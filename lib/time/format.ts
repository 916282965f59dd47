import { DateTime } from 'luxon';

// luxon's "ZZZZ" token builds a new Intl formatter on every call, which costs more than all
// the rest of the formatting together; the same name is read here through a formatter
// built once per locale and zone with exactly the options luxon uses.
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();
const ZONE_NAME_FORMATS_LIMIT = 64;

function shortZoneName(ts: number, zone: string, locale: string): string | null {
  const key = `${locale}|${zone}`;
  let format = zoneNameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZoneName: 'short',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
    });
    if (zoneNameFormats.size >= ZONE_NAME_FORMATS_LIMIT) zoneNameFormats.clear();
    zoneNameFormats.set(key, format);
  }
  const part = format.formatToParts(new Date(ts)).find((p) => p.type.toLowerCase() === 'timezonename');
  return part ? part.value : null;
}

/** "Fri, Nov 20, 5:00 PM EST": what a person reads in a message or the side panel. */
export function formatInstant(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) return instant.toISOString();
  const locale = local.locale;
  if (local.zone.type !== 'iana' || locale === null) return local.toFormat('ccc, LLL d, h:mm a ZZZZ');
  return `${local.toFormat('ccc, LLL d, h:mm a')} ${shortZoneName(local.toMillis(), local.zone.name, locale)}`;
}

/** ISO-8601 with the zone's offset at that instant, e.g. 2026-11-20T17:00:00-05:00. */
export function toIsoInZone(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const iso = local.isValid ? local.toISO({ suppressMilliseconds: true }) : null;
  return iso ?? instant.toISOString();
}
