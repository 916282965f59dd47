import type { Clock, ClockKind, ClockState } from '../lib/schemas/case.ts';
import { formatInstant } from '../lib/time/format.ts';

// The words the clocks are shown in, shared by the side panel and the popup. Due times are
// shown in the schedule's zone with its name ("Mon, Nov 23, 9:00 AM EST"), since that is the
// clock the targets run on, whatever zone the reader's computer is in.

export const CLOCK_NAMES: Record<ClockKind, string> = {
  acknowledge: 'First reply (acknowledge)',
  actionable: 'Next reply (actionable answer)',
  resolution: 'Resolution',
};

export function stateLabel(state: ClockState, clock: Pick<Clock, 'late'>): string {
  switch (state) {
    case 'running':
      return 'Running';
    case 'at-risk':
      return 'At risk';
    case 'breached':
      return 'Breached';
    case 'met':
      return clock.late ? 'Met late' : 'Met';
    case 'paused':
      return 'Paused';
    case 'not-applicable':
      return 'Not applicable';
  }
}

/** "15 business minutes", "1 business hour", "24 business hours", "1 h 30 min of business time". */
export function businessDuration(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  if (m < 60) return `${m} business minute${m === 1 ? '' : 's'}`;
  if (m % 60 === 0) return `${m / 60} business hour${m === 60 ? '' : 's'}`;
  return `${Math.floor(m / 60)} h ${m % 60} min of business time`;
}

/** An instant of the clocks in the schedule's zone; an unreadable value shows as given. */
export function clockTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatInstant(new Date(ms), timeZone);
}
