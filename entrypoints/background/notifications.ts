import { browser } from 'wxt/browser';
import { noticeText } from '../../lib/reminders/notice-text.ts';
import type { Reminder, ReminderPhase } from '../../lib/schemas/reminder.ts';
import type { Settings } from '../../lib/schemas/settings.ts';

// Reminder notifications. Chrome shows buttons ("Open thread", "Snooze 1 hour"); Firefox
// refuses the `buttons` option, so there the same notification goes out without them and a
// click opens the thread. The id carries the reminder id, so a click needs no lookup table
// that a restarted worker would have lost.

const PREFIX = 'step-ahead:reminder:';
export const BUTTONS = ['open', 'snooze-1h'] as const;
export type NoticeAction = (typeof BUTTONS)[number];

export function noticeId(reminderId: string, phase: ReminderPhase): string {
  return `${PREFIX}${reminderId}:${phase}`;
}

export function reminderIdOfNotice(notificationId: string): string | null {
  if (!notificationId.startsWith(PREFIX)) return null;
  const rest = notificationId.slice(PREFIX.length);
  const cut = rest.lastIndexOf(':');
  return cut > 0 ? rest.slice(0, cut) : null;
}

/** Raises the notice at `now`: its words say how long is left then. */
export async function raiseNotice(reminder: Reminder, phase: ReminderPhase, settings: Settings, now: number): Promise<void> {
  const { title, message } = noticeText(reminder, phase, settings.schedule, now);
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  };
  const id = noticeId(reminder.id, phase);
  try {
    await browser.notifications.create(id, {
      ...options,
      buttons: [{ title: 'Open thread' }, { title: 'Snooze 1 hour' }],
    } as typeof options);
  } catch {
    await browser.notifications.create(id, options);
  }
}

export interface NoticeHandlers {
  /** A click on the notice or its button; the notice is closed afterwards. */
  onAction(reminderId: string, action: NoticeAction): Promise<void> | void;
}

export function listenToNotices(handlers: NoticeHandlers): () => void {
  const clicked = (notificationId: string) => {
    const id = reminderIdOfNotice(notificationId);
    if (!id) return;
    void Promise.resolve(handlers.onAction(id, 'open')).finally(() => browser.notifications.clear(notificationId));
  };
  const button = (notificationId: string, index: number) => {
    const id = reminderIdOfNotice(notificationId);
    const action = BUTTONS[index];
    if (!id || !action) return;
    void Promise.resolve(handlers.onAction(id, action)).finally(() => browser.notifications.clear(notificationId));
  };
  browser.notifications.onClicked.addListener(clicked);
  browser.notifications.onButtonClicked?.addListener(button);
  return () => {
    browser.notifications.onClicked.removeListener(clicked);
    browser.notifications.onButtonClicked?.removeListener(button);
  };
}
