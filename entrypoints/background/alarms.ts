import { browser } from 'wxt/browser';

// One alarm for the next notice, plus a periodic catch-up. Chrome keeps alarms across
// worker restarts and fires one that passed while the computer slept once on wake, so the
// catch-up is the safety net for everything else: a clock that jumped, an alarm the browser
// dropped, a reminder written by an import. Both end in the same refresh, which only raises
// what the database says is due and not yet raised.

export const NEXT_NOTICE_ALARM = 'step-ahead:next-notice';
export const CATCH_UP_ALARM = 'step-ahead:catch-up';
export const CATCH_UP_MINUTES = 5;

export function isReminderAlarm(name: string): boolean {
  return name === NEXT_NOTICE_ALARM || name === CATCH_UP_ALARM;
}

/** Sets (or clears) the next-notice alarm. A time already past is asked for a second from now. */
export async function armNextNotice(at: number | null, now: number): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(NEXT_NOTICE_ALARM);
    return;
  }
  await browser.alarms.create(NEXT_NOTICE_ALARM, { when: Math.max(at, now + 1_000) });
}

/** Makes sure the periodic catch-up exists; re-creating it would restart its period, so only when missing. */
export async function ensureCatchUpAlarm(): Promise<void> {
  const existing = await browser.alarms.get(CATCH_UP_ALARM);
  if (existing?.periodInMinutes === CATCH_UP_MINUTES) return;
  await browser.alarms.create(CATCH_UP_ALARM, { delayInMinutes: CATCH_UP_MINUTES, periodInMinutes: CATCH_UP_MINUTES });
}
