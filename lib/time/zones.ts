import { IANAZone } from 'luxon';

// Zone words people put after a time in business mail, mapped to IANA zones. A zone word
// names a place's civil time, not an offset: "3 pm EST" written in July still means New
// York's clock, so every abbreviation maps to the region's IANA zone and the offset is
// taken on the target date. Ambiguous abbreviations pick the reading most common in
// English-language support mail (CST = US Central, not China; IST = India, not Israel or
// Ireland; BST = British Summer Time) and abbreviations that are too ambiguous to guess
// (AST: Atlantic or Arabia) are left out.

/** Upper-case abbreviations; matched case-sensitively so "at", "it", "pt" in prose don't count. */
const ABBREVIATIONS: Record<string, string> = {
  ET: 'America/New_York',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CT: 'America/Chicago',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MT: 'America/Denver',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PT: 'America/Los_Angeles',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  NST: 'America/St_Johns',
  NDT: 'America/St_Johns',
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  MSK: 'Europe/Moscow',
  IST: 'Asia/Kolkata',
  PKT: 'Asia/Karachi',
  GST: 'Asia/Dubai',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  ICT: 'Asia/Bangkok',
  WIB: 'Asia/Jakarta',
  PHT: 'Asia/Manila',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  ACST: 'Australia/Adelaide',
  ACDT: 'Australia/Adelaide',
  AWST: 'Australia/Perth',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  BRT: 'America/Sao_Paulo',
  SAST: 'Africa/Johannesburg',
  WAT: 'Africa/Lagos',
  EAT: 'Africa/Nairobi',
};

/** Lower-case names, matched case-insensitively; "time" may follow them. */
const NAMES: Record<string, string> = {
  eastern: 'America/New_York',
  central: 'America/Chicago',
  mountain: 'America/Denver',
  pacific: 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  utc: 'UTC',
  gmt: 'UTC',
  zulu: 'UTC',
  uk: 'Europe/London',
  london: 'Europe/London',
  dublin: 'Europe/Dublin',
  paris: 'Europe/Paris',
  berlin: 'Europe/Berlin',
  amsterdam: 'Europe/Amsterdam',
  'central european': 'Europe/Paris',
  india: 'Asia/Kolkata',
  indian: 'Asia/Kolkata',
  singapore: 'Asia/Singapore',
  tokyo: 'Asia/Tokyo',
  japan: 'Asia/Tokyo',
  sydney: 'Australia/Sydney',
  melbourne: 'Australia/Melbourne',
  'new york': 'America/New_York',
  chicago: 'America/Chicago',
  denver: 'America/Denver',
  'los angeles': 'America/Los_Angeles',
};

// Names that are ordinary English words ("central", "mountain", "pacific", "eastern",
// "india") only count as a zone when followed by "time"/"standard time"/… or when they
// stand right after a clock time; the caller decides which by `afterClock`.
const NAME_NEEDS_TIME_WORD = new Set(['uk', 'london', 'dublin', 'paris', 'berlin', 'amsterdam',
  'india', 'indian', 'singapore', 'tokyo', 'japan', 'sydney', 'melbourne', 'new york', 'chicago',
  'denver', 'los angeles', 'central european', 'alaska', 'hawaii']);

export interface ZoneMatch {
  /** IANA zone (or a fixed `UTC±h:mm` zone when the writer gave an explicit offset). */
  zone: string;
  /** Offsets of the zone words in the scanned text. */
  start: number;
  end: number;
}

/** The IANA zone a zone word names, or null. "EST", "Eastern", "pacific time", "UTC+2". */
export function zoneFromWord(word: string): string | null {
  const trimmed = word.trim();
  if (trimmed.length === 0 || trimmed.length > 40) return null;
  const abbreviation = ABBREVIATIONS[trimmed];
  if (abbreviation) return abbreviation;
  const offset = /^(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
  if (offset) return fixedOffsetZone(offset[1]!, offset[2]!, offset[3]);
  const lower = trimmed
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ (?:standard |daylight |summer )?time$/, '');
  return NAMES[lower] ?? null;
}

function fixedOffsetZone(sign: string, hours: string, minutes: string | undefined): string | null {
  const h = Number(hours);
  const m = minutes ? Number(minutes) : 0;
  if (h > 14 || m > 59) return null;
  if (h === 0 && m === 0) return 'UTC';
  const s = sign === '+' ? '+' : '-';
  return m ? `UTC${s}${h}:${String(m).padStart(2, '0')}` : `UTC${s}${h}`;
}

// One sticky pattern tried at a given offset: optional "(", the zone words, optional
// "time"/"standard time", optional ")". Alternatives are plain words, so no backtracking
// blow-up is possible.
const ZONE_AT =
  /([ \t]*\([ \t]*|[ \t]*)(?:(UTC|GMT)[ \t]*([+\-−])[ \t]*(\d{1,2})(?::?(\d{2}))?|(new york|los angeles|central european|[a-z]+)(?:[ \t]+(?:standard[ \t]+|daylight[ \t]+|summer[ \t]+)?(time)\b)?)\b([ \t]*\))?/iy;

/**
 * The zone written at `position` in `text` (after optional spaces and an opening
 * parenthesis), e.g. " ET", " (Pacific time)", "Z", " UTC+5:30". `afterClock` is true when
 * the words follow a clock time, where bare "Central"/"Eastern" can only be a zone.
 */
export function matchZoneAt(text: string, position: number, afterClock = true): ZoneMatch | null {
  ZONE_AT.lastIndex = position;
  const m = ZONE_AT.exec(text);
  if (!m) return null;
  const lead = m[1]!;
  const opened = lead.includes('(');
  const closed = m[8] !== undefined;
  // "(ET" is not a zone in parentheses; a ")" with no "(" belongs to the sentence.
  if (opened && !closed) return null;
  let zone: string | null = null;
  if (m[2]) {
    zone = fixedOffsetZone(m[3]!, m[4]!, m[5]);
  } else if (m[6]) {
    const word = m[6];
    // Abbreviations count only in capitals, so "at", "it", "pt" in prose never do; "Z"
    // only glued to a clock time ("15:00Z").
    if (word === word.toUpperCase() && ABBREVIATIONS[word]) {
      zone = word === 'Z' && lead.length > 0 ? null : ABBREVIATIONS[word]!;
    } else {
      const name = word.toLowerCase();
      const named = NAMES[name];
      if (named && (m[7] || (afterClock && !NAME_NEEDS_TIME_WORD.has(name)))) zone = named;
    }
  }
  if (!zone) return null;
  const start = position + (opened ? lead.indexOf('(') : lead.length);
  const end = position + m[0].length - (closed && !opened ? m[8]!.length : 0);
  return { zone, start, end };
}

// Validating a zone builds an Intl formatter (tens of microseconds) and the answer for a
// name never changes while the page lives, so each name is checked once.
const knownZones = new Map<string, boolean>();
const KNOWN_ZONES_LIMIT = 256;

/** True for a zone luxon (and so Intl) can use. */
export function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone) || /^UTC[+-]\d{1,2}(?::\d{2})?$/.test(zone);
    if (knownZones.size >= KNOWN_ZONES_LIMIT) knownZones.clear();
    knownZones.set(zone, known);
  }
  return known;
}
