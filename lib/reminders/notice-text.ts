import type { Reminder, ReminderPhase } from '../schemas/reminder.ts';
import { formatInstant } from '../time/format.ts';

// The words of a reminder notification. Email text (subject, promise) is plain text in a
// notification, and cut short: a notification shows a few lines at most.

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function leadWords(minutes: number): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return `${hours} business hour${hours === 1 ? '' : 's'}`;
  }
  return `${minutes} business minute${minutes === 1 ? '' : 's'}`;
}

export function noticeText(
  reminder: Reminder,
  phase: ReminderPhase,
  leadMinutes: number,
  timeZone: string,
): { title: string; message: string } {
  const subject = clip(reminder.subject || '(no subject)', 80);
  const who = reminder.customer ? clip(reminder.customer.name || reminder.customer.email, 60) : null;
  const when = formatInstant(new Date(reminder.dueAt), timeZone);
  const title = phase === 'lead' ? `Due in ${leadWords(leadMinutes)}: ${subject}` : `Due now: ${subject}`;
  const promise = reminder.etaText ? `You promised${who ? ` ${who}` : ''} “${clip(reminder.etaText, 80)}”.` : `Reminder${who ? ` for ${who}` : ''}.`;
  const next = phase === 'lead' ? `Due ${when}.` : 'Reply with an update or a new ETA.';
  return { title, message: `${promise} ${next}` };
}
