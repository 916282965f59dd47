import type { Reminder, ReminderPhase } from '../schemas/reminder.ts';
import { businessMinutesBetween, hasBusinessHours } from '../time/business-time.ts';
import { formatInstant } from '../time/format.ts';
import type { Schedule } from '../types.ts';

// The words of a reminder notification. Email text (subject, promise) is plain text in a
// notification, and cut short: a notification shows a few lines at most.

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 business hours", "1 business hour 30 minutes", "45 business minutes" (without "business" on a closed schedule). */
function durationWords(minutes: number, business: boolean): string {
  const kind = business ? 'business ' : '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, `${kind}minute`);
  return rest === 0 ? plural(hours, `${kind}hour`) : `${plural(hours, `${kind}hour`)} ${plural(rest, 'minute')}`;
}

/**
 * How long is left at `now`, counted as the lead time is (lead-time.ts): in business time,
 * or in calendar time when the schedule has no business hours. The notice may be raised late
 * (after sleep, or because the lead time was just made longer), so it is never the lead time
 * itself. With no business time left (raised after closing for a promise due at opening), the
 * due time is named instead.
 */
function timeLeft(dueAt: number, schedule: Schedule, now: number, when: string): string {
  const business = hasBusinessHours(schedule);
  const minutes = Math.round(business ? businessMinutesBetween(new Date(now), new Date(dueAt), schedule) : (dueAt - now) / 60_000);
  return minutes >= 1 ? `in ${durationWords(minutes, business)}` : when;
}

/** The words of a notice raised at `now`. */
export function noticeText(
  reminder: Reminder,
  phase: ReminderPhase,
  schedule: Schedule,
  now: number,
): { title: string; message: string } {
  const subject = clip(reminder.subject || '(no subject)', 80);
  const who = reminder.customer ? clip(reminder.customer.name || reminder.customer.email, 60) : null;
  const when = formatInstant(new Date(reminder.dueAt), schedule.timeZone);
  const title = phase === 'lead' ? `Due ${timeLeft(reminder.dueAt, schedule, now, when)}: ${subject}` : `Due now: ${subject}`;
  const promise = reminder.etaText ? `You promised${who ? ` ${who}` : ''} “${clip(reminder.etaText, 80)}”.` : `Reminder${who ? ` for ${who}` : ''}.`;
  const next = phase === 'lead' ? `Due ${when}.` : 'Reply with an update or a new ETA.';
  return { title, message: `${promise} ${next}` };
}
