import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings.ts';
import type { ThreadRecord } from '../../lib/schemas/panel.ts';
import { readTeamConfig, type StorageAreaLike } from '../../lib/settings/store.ts';
import { readAllThreadRecords } from '../background/db.ts';
import { popupDb } from './popup-db.ts';

// What the open-cases list (components/open-cases.tsx) needs: the thread records, live from
// the database, and the settings (schedule, role targets) the clocks are counted with.

export function useThreadRecords(): ThreadRecord[] | undefined {
  return useLiveQuery(() => readAllThreadRecords(popupDb()).catch(() => []), []);
}

export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    const read = () =>
      readTeamConfig({
        local: browser.storage.local as unknown as StorageAreaLike,
        managed: (browser.storage.managed as unknown as StorageAreaLike | undefined) ?? null,
      })
        .then((config) => live && setSettings(config.settings))
        .catch(() => undefined);
    void read();
    const onChanged = () => void read();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return settings;
}
