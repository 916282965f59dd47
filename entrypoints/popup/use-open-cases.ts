import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings.ts';
import type { ThreadRecord } from '../../lib/schemas/panel.ts';
import { readTeamConfig, type StorageAreaLike } from '../../lib/settings/store.ts';
import { OPEN_CASES_COMPUTED, OPEN_CASES_WINDOW_MS } from '../../components/open-cases.tsx';
import { readRecentOpenCases } from '../background/db.ts';
import { popupDb } from './popup-db.ts';

// What the open-cases list (components/open-cases.tsx) needs: the thread records, live from
// the database, and the settings (schedule, role targets) the clocks are counted with.

/**
 * The open cases' thread records for the list (components/open-cases.tsx): the
 * OPEN_CASES_COMPUTED most recently written within the window before `now`. A record is
 * written when a new message is seen (or the user marks the thread), so one not written since
 * the window opened has no message in it either, and is never read.
 */
export function useThreadRecords(now: number, enabled = true): ThreadRecord[] | undefined {
  // Whole hours, so the 30-second clock does not re-run the query.
  const since = Math.floor((now - OPEN_CASES_WINDOW_MS) / 3_600_000) * 3_600_000;
  return useLiveQuery(
    () => (enabled ? readRecentOpenCases(popupDb(), since, OPEN_CASES_COMPUTED).catch(() => []) : undefined),
    [since, enabled],
  );
}

/** The team's settings; null until the first read has answered (the clocks wait for it rather than count twice). */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    // Chrome's first read of managed storage after start-up can take seconds; the clocks are
    // worked out without the policy after 300 ms and again when it arrives.
    // The second read waits for the policy, so a policy that is always slow cannot loop.
    const read = (wait = true): Promise<unknown> =>
      readTeamConfig(
        {
          local: browser.storage.local as unknown as StorageAreaLike,
          managed: (browser.storage.managed as unknown as StorageAreaLike | undefined) ?? null,
        },
        wait ? { managedWaitMs: 300, onManagedLate: () => live && void read(false) } : {},
      )
        .then((config) => live && setSettings(config.settings))
        .catch(() => live && setSettings((current) => current ?? DEFAULT_SETTINGS));
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

/**
 * True from the frame after `ready` first turns true. The open cases' clocks (a few tens of
 * milliseconds for 200 cases) are worked out only then, so they never hold up the paint of
 * the reminders the popup opens for.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
