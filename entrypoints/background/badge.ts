import { browser } from 'wxt/browser';

// The toolbar badge: how many reminders are overdue, or "!" while a storage problem is
// unresolved (the popup says what it is). Chrome MV3 has `action`, Firefox MV2 `browserAction`.

interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle?(details: { title: string }): Promise<void> | void;
}

function badgeApi(): BadgeApi | undefined {
  const b = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return b.action ?? b.browserAction;
}

export function badgeText(overdue: number, problem: boolean): string {
  if (problem) return '!';
  if (overdue <= 0) return '';
  return overdue > 99 ? '99+' : String(overdue);
}

export async function showBadge(overdue: number, problem: boolean): Promise<void> {
  const api = badgeApi();
  if (!api) return;
  try {
    await api.setBadgeText({ text: badgeText(overdue, problem) });
    await api.setBadgeBackgroundColor({ color: problem ? '#b00020' : '#c62828' });
    const title = problem
      ? 'Step Ahead: could not save data — open for details'
      : overdue > 0
        ? `Step Ahead: ${overdue} overdue reminder${overdue === 1 ? '' : 's'}`
        : 'Step Ahead: reminders';
    await api.setTitle?.({ title });
  } catch (error) {
    console.warn('[step-ahead] could not update the badge', error);
  }
}
