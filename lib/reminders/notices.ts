import type { Reminder, ReminderPhase } from '../schemas/reminder.ts';
import type { Schedule } from '../types.ts';
import { businessMinutesBefore } from './lead-time.ts';

// When a reminder's notices are due and which one to raise. Pure, so the rules that matter
// most — a notice is never raised twice, and one missed while the computer slept is raised
// once on return — are tested without a browser.

export interface NoticeSettings {
  /** Business minutes before the ETA for the early notice; 0 switches it off. */
  leadMinutes: number;
  schedule: Schedule;
}

/** When the lead notice falls, or null when the reminder gets none. */
export function leadNoticeAt(reminder: Pick<Reminder, 'dueAt' | 'leadNotice'>, settings: NoticeSettings): number | null {
  if (!reminder.leadNotice || settings.leadMinutes <= 0) return null;
  const at = businessMinutesBefore(reminder.dueAt, settings.leadMinutes, settings.schedule);
  return at < reminder.dueAt ? at : null;
}

function pending(reminder: Reminder, settings: NoticeSettings): Array<{ phase: ReminderPhase; at: number }> {
  const out: Array<{ phase: ReminderPhase; at: number }> = [];
  // The lead instant is a search in business time: only worked out while it still matters.
  const lead = reminder.notified.includes('lead') ? null : leadNoticeAt(reminder, settings);
  if (lead !== null) out.push({ phase: 'lead', at: lead });
  if (!reminder.notified.includes('due')) out.push({ phase: 'due', at: reminder.dueAt });
  return out;
}

/** The row with `nextNoticeAt` set to its next unraised notice (absent when none is left). */
export function withNextNotice(reminder: Reminder, settings: NoticeSettings): Reminder {
  const next = pending(reminder, settings)[0];
  const { nextNoticeAt: _old, ...rest } = reminder;
  return next ? { ...rest, nextNoticeAt: next.at } : rest;
}

/**
 * A reminder as (re)scheduled at `now` — new, edited or snoozed: nothing raised yet for its
 * new time, except a lead notice whose moment has already gone (a promise made 20 minutes
 * before it falls due gets no "due in an hour" notice the instant it is sent).
 */
export function scheduled(reminder: Reminder, settings: NoticeSettings, now: number): Reminder {
  const lead = leadNoticeAt(reminder, settings);
  const notified: ReminderPhase[] = lead !== null && lead <= now ? ['lead'] : [];
  return withNextNotice({ ...reminder, notified }, settings);
}

export interface NoticeDecision {
  /** The notice to raise now; null when none is due. */
  phase: ReminderPhase | null;
  /** The row to store: the raised notice and any it makes pointless marked as raised. */
  reminder: Reminder;
}

/**
 * What to raise at `now`. When both notices have passed (the browser was closed, or the
 * computer asleep, through both), only the one at the ETA is raised: an "hour before"
 * notice after the ETA would be wrong, and two notices for one promise would be noise.
 */
export function noticeDue(reminder: Reminder, settings: NoticeSettings, now: number): NoticeDecision {
  const due = pending(reminder, settings).filter((p) => p.at <= now);
  if (due.length === 0) return { phase: null, reminder: withNextNotice(reminder, settings) };
  const phase: ReminderPhase = due.some((p) => p.phase === 'due') ? 'due' : 'lead';
  const notified: ReminderPhase[] = phase === 'due' ? ['lead', 'due'] : [...new Set([...reminder.notified, 'lead' as const])];
  return { phase, reminder: withNextNotice({ ...reminder, notified }, settings) };
}
