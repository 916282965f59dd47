import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { CustomerEntry } from '../lib/schemas/directory.ts';
import type { Settings } from '../lib/schemas/settings.ts';
import {
  DEFAULT_CONFIG,
  importTeamFile,
  readTeamConfig,
  removeCustomer,
  resetSettings,
  saveCustomer,
  saveRuleSeverity,
  updateSetting,
  upgradeStoredSettings,
  type ImportOutcome,
  type StorageAreaLike,
  type TeamConfig,
} from '../lib/settings/store.ts';
import { parseTeamFile } from '../lib/settings/team-file.ts';
import { DIRECTORY_KEY, SETTINGS_KEY } from '../lib/settings/versions.ts';
import type { RuleId } from '../lib/types.ts';

// The team configuration for the extension's own pages (options, side panel): read through
// lib/settings, kept current with storage.onChanged (another page, an import, a policy
// change), and written back one field or one customer at a time.

// Outside an extension (a component test in happy-dom) there is no storage: the defaults show
// and saving says it cannot.
const NO_STORAGE: StorageAreaLike = {
  get: async () => ({}),
  set: () => Promise.reject(new Error('there is no extension storage here')),
};

function areas(): { local: StorageAreaLike; managed: StorageAreaLike | null } {
  const storage = browser?.storage;
  return {
    local: (storage?.local as unknown as StorageAreaLike | undefined) ?? NO_STORAGE,
    managed: (storage?.managed as unknown as StorageAreaLike | undefined) ?? null,
  };
}

/**
 * Every write this page makes to storage.local goes through one queue. Each is a
 * read-modify-write of a whole stored envelope: two at once (two time inputs changed in a
 * quick row) would read the same envelope, and the later write would drop the earlier change.
 * In the queue each save reads what the one before it wrote.
 */
let writes: Promise<unknown> = Promise.resolve();
function queued<T>(job: () => Promise<T>): Promise<T> {
  const run = writes.then(job);
  writes = run.catch(() => undefined);
  return run;
}

export type ConfigLoad = { loading: true; config: TeamConfig } | { loading: false; config: TeamConfig };

export interface TeamConfigActions {
  /**
   * Saves a field: a value, or a change applied to the field's latest value when the save
   * runs (so a change to one part of it keeps one to another part saved just before).
   */
  setField<K extends Exclude<keyof Settings, 'rules'>>(key: K, value: Settings[K] | ((current: Settings[K]) => Settings[K])): Promise<void>;
  setRule(ruleId: RuleId, severity: Settings['rules'][RuleId]): Promise<void>;
  saveCustomer(entry: CustomerEntry): Promise<void>;
  removeCustomer(domain: string): Promise<void>;
  importText(text: string): Promise<{ ok: true; outcome: ImportOutcome } | { ok: false; error: string }>;
  reset(): Promise<void>;
  /** Why the last save failed, for an alert; null after a good save. */
  error: string | null;
  /** A short confirmation of the last save, for a polite live region. */
  saved: string | null;
}

export function useTeamConfig(): ConfigLoad & TeamConfigActions {
  const [load, setLoad] = useState<ConfigLoad>({ loading: true, config: DEFAULT_CONFIG });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let generation = 0;
    const refresh = () => {
      const mine = ++generation;
      // The first policy read after start-up can take seconds: show the rest meanwhile.
      readTeamConfig(areas(), { managedWaitMs: 300, onManagedLate: () => live && refresh() }).then(
        (config) => {
          if (live && mine === generation) setLoad({ loading: false, config });
        },
        (cause: unknown) => {
          console.warn('[step-ahead] could not read the settings', cause);
          if (live) setLoad({ loading: false, config: { ...DEFAULT_CONFIG, problems: ['The settings could not be read; defaults are shown.'] } });
        },
      );
    };
    const listener = (changes: Record<string, unknown>, areaName: string) => {
      if (areaName === 'managed' || (areaName === 'local' && (SETTINGS_KEY in changes || DIRECTORY_KEY in changes))) refresh();
    };
    const events = browser?.storage?.onChanged;
    events?.addListener(listener);
    // An older stored shape is rewritten once in the current one; the change event refreshes.
    queued(() => upgradeStoredSettings(areas().local)).catch((cause: unknown) => console.warn('[step-ahead] settings upgrade failed', cause));
    refresh();
    return () => {
      live = false;
      events?.removeListener(listener);
    };
  }, []);

  const run = useCallback(async (what: string, action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setSaved(`${what} saved.`);
    } catch (cause) {
      setSaved(null);
      setError(cause instanceof Error ? `Not saved: ${cause.message}.` : 'Not saved. Try again.');
      throw cause;
    }
  }, []);

  const locks = load.config.locks;
  const config = load.config;
  return {
    ...load,
    error,
    saved,
    setField: (key, value) => {
      type Value = Settings[typeof key];
      // Nothing stored yet: the change applies to what is shown (the team's value or the default).
      const change = (stored: Value | undefined): Value =>
        typeof value === 'function' ? (value as (current: Value) => Value)(stored ?? config.settings[key]) : value;
      return run('Setting', () => queued(() => updateSetting(areas().local, locks, key, change))).catch(() => {});
    },
    setRule: (ruleId, severity) => run('Rule', () => queued(() => saveRuleSeverity(areas().local, locks, ruleId, severity))).catch(() => {}),
    saveCustomer: (entry) => run('Customer', () => queued(() => saveCustomer(areas().local, config, entry))),
    removeCustomer: (domain) => run('Customer', () => queued(() => removeCustomer(areas().local, domain))).catch(() => {}),
    reset: () => run('Settings', () => queued(() => resetSettings(areas().local))).catch(() => {}),
    importText: async (text) => {
      const parsed = parseTeamFile(text);
      if (!parsed.ok) return parsed;
      try {
        const outcome = await queued(() => importTeamFile(areas().local, locks, parsed.file));
        return { ok: true, outcome };
      } catch (cause) {
        return { ok: false, error: `The file was not imported: ${cause instanceof Error ? cause.message : 'it could not be saved'}. Nothing was changed.` };
      }
    },
  };
}
