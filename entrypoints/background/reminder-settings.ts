import { browser } from 'wxt/browser';
import type { NoticeSettings } from '../../lib/reminders/notices.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings.ts';
import { readTeamConfig, type StorageAreaLike } from '../../lib/settings/store.ts';
import { SETTINGS_KEY } from '../../lib/settings/versions.ts';

// The settings the reminders use (lead time, schedule): the user's own, the team's policy
// and the defaults, merged and validated by lib/settings as everywhere else. A broken field
// falls back to its default there; this never throws.

export { SETTINGS_KEY };

export async function readStoredSettings(): Promise<Settings> {
  try {
    const config = await readTeamConfig({
      local: browser.storage.local as unknown as StorageAreaLike,
      managed: (browser.storage.managed as unknown as StorageAreaLike | undefined) ?? null,
    });
    return config.settings;
  } catch (error) {
    console.warn('[step-ahead] could not read the settings; defaults used', error);
    return DEFAULT_SETTINGS;
  }
}

export function noticeSettingsOf(settings: Settings): NoticeSettings {
  return { leadMinutes: settings.reminderLeadMinutes, schedule: settings.schedule };
}
