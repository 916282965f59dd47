import { DateTime } from 'luxon';
import {
  addBusinessDays,
  addBusinessMinutes,
  endOfBusinessDay,
  startOfNextBusinessDay,
} from '../time/business-time.ts';
import { formatInstant } from '../time/format.ts';
import type { Schedule } from '../types.ts';
import type { ScalarVariable } from './variables.ts';

// From what the compose knows (the thread, the account, the clock and the schedule) to the
// value of each variable. A value that cannot be known is null, and the renderer puts the
// variable's placeholder there instead: a scaffold never says "undefined".

export interface ScaffoldFacts {
  now: Date;
  /** The team's business hours; ETAs are counted in them and named in their zone. */
  schedule: Schedule;
  /** The role's actionable-response target in business minutes (settings targetsFor). */
  actionableMinutes?: number | null;
  customer?: { name?: string | null; email?: string | null } | null;
  /** The signed-in account's display name. */
  myName?: string | null;
  subject?: string | null;
  /** The customer's questions this reply has not answered yet, in the order they were asked. */
  openQuestions?: readonly string[];
  /** ETAs given earlier on the thread, oldest first (`due` ISO-8601). */
  earlierEtas?: readonly { due: string }[];
}

export interface ScaffoldValues {
  scalars: Record<ScalarVariable, string | null>;
  questions: string[];
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);
const NAME_WORD = /^[\p{L}][\p{L}\p{M}'’-]*$/u;
const MAX_NAME = 60;

function clean(value: string | null | undefined): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/** "PRIYA" → "Priya"; names already in mixed case are left as written ("McKenzie", "de Vries"). */
function tidyCase(word: string): string {
  if (word !== word.toUpperCase() && word !== word.toLowerCase()) return word;
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** A display name as people sign it; null for something that is not a name (an address, a team). */
export function fullNameOf(name: string | null | undefined): string | null {
  const text = clean(name).replace(/^["'“”]+|["'“”]+$/g, '');
  if (!text || text.length > MAX_NAME || text.includes('@')) return null;
  // "Shah, Priya" is how directories write "Priya Shah".
  const comma = /^([^,]+),\s*([^,]+)$/.exec(text);
  const ordered = comma ? `${comma[2]} ${comma[1]}` : text;
  const words = ordered.split(' ').filter((w) => w.length > 0);
  if (words.length === 0 || !words.every((w) => NAME_WORD.test(w.replace(/\.$/, '')))) return null;
  return words.map(tidyCase).join(' ');
}

/** The first name of a display name, or of an address like priya.shah@…; null when neither gives one. */
export function firstNameOf(name: string | null | undefined, email?: string | null): string | null {
  const full = fullNameOf(name);
  if (full) {
    const words = full.split(' ');
    const rest = words.length > 1 ? words.filter((w) => !TITLES.has(w.replace(/\.$/, '').toLowerCase())) : words;
    // "Dr. Shah" has no first name to use: a title before a single word is a surname.
    if (rest.length === 0 || (rest.length === 1 && rest.length < words.length)) return null;
    return rest[0]!;
  }
  // Only a first.last address says which part is the first name; "support@" or "jsmith@" do not.
  const local = clean(email).split('@')[0] ?? '';
  const parts = local.split(/[._-]/);
  if (parts.length >= 2 && parts.every((p) => /^\p{L}{2,}$/u.test(p))) return tidyCase(parts[0]!);
  return null;
}

/** "Re: Re: Fwd: Sync stalls" → "Sync stalls". */
export function bareSubject(subject: string | null | undefined): string | null {
  let text = clean(subject);
  for (;;) {
    const next = text.replace(/^(?:re|fwd?|aw|wg|sv|tr)\s*(?:\[\d+\])?\s*:\s*/i, '');
    if (next === text) break;
    text = next;
  }
  return text || null;
}

/**
 * An instant as a customer reads it, with day, time and zone named: "5:00 PM EST on
 * Thursday, November 19". The zone is the schedule's, where the promise is counted; the
 * ETA detector reads this form back to the same instant.
 */
export function formatEta(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-US');
  if (!local.isValid) return formatInstant(instant, timeZone);
  // formatInstant ends with the zone's short name at that instant (EST, EDT, GMT+1).
  const zone = formatInstant(instant, timeZone).split(' ').pop() ?? timeZone;
  return `${local.toFormat('h:mm a')} ${zone} on ${local.toFormat('cccc, LLLL d')}`;
}

function etaOf(compute: () => Date, timeZone: string): string | null {
  try {
    const instant = compute();
    return Number.isFinite(instant.getTime()) ? formatEta(instant, timeZone) : null;
  } catch {
    // A schedule with no business hours has no business ETA; the writer names one.
    return null;
  }
}

/** The latest ETA of the thread that has passed, as the customer was told it. */
function missedEtaOf(facts: ScaffoldFacts): string | null {
  let latest: number | null = null;
  for (const eta of facts.earlierEtas ?? []) {
    const due = Date.parse(eta.due);
    if (Number.isFinite(due) && due < facts.now.getTime() && (latest === null || due > latest)) latest = due;
  }
  return latest === null ? null : formatEta(new Date(latest), facts.schedule.timeZone);
}

export function resolveValues(facts: ScaffoldFacts): ScaffoldValues {
  const { now, schedule } = facts;
  const zone = schedule.timeZone;
  const validNow = now instanceof Date && Number.isFinite(now.getTime());
  const eta = (compute: () => Date) => (validNow ? etaOf(compute, zone) : null);
  const actionable = facts.actionableMinutes;
  const myName = fullNameOf(facts.myName);
  return {
    scalars: {
      customerFirstName: firstNameOf(facts.customer?.name, facts.customer?.email),
      customerName: fullNameOf(facts.customer?.name),
      myName,
      myFirstName: firstNameOf(myName),
      subject: bareSubject(facts.subject),
      etaNextBusinessDay: eta(() => addBusinessDays(now, 1, schedule)),
      etaEndOfDay: eta(() => endOfBusinessDay(now, schedule)),
      etaFourBusinessHours: eta(() => addBusinessMinutes(now, 4 * 60, schedule)),
      etaNextBusinessMorning: eta(() => startOfNextBusinessDay(now, schedule)),
      etaActionable:
        typeof actionable === 'number' && actionable > 0 ? eta(() => addBusinessMinutes(now, actionable, schedule)) : null,
      missedEta: validNow ? missedEtaOf(facts) : null,
    },
    questions: (facts.openQuestions ?? []).map(clean).filter((q) => q.length > 0),
  };
}
