import { browser } from 'wxt/browser';
import { toRuleDirectory } from '../../lib/schemas/directory.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings.ts';
import { readTeamConfig, type StorageAreaLike } from '../../lib/settings/store.ts';
import { DIRECTORY_KEY, SETTINGS_KEY } from '../../lib/settings/versions.ts';
import type { DirectoryEntry } from '../../lib/types.ts';

// The settings and customer directory the checks run with: the user's own (storage.local),
// the team's policy (storage.managed) and the defaults, merged and validated by
// lib/settings. Whatever is broken falls back to the defaults; nothing here throws into the
// checker, which must never stop Gmail's own work.

type Areas = { local: StorageAreaLike; managed: StorageAreaLike | null };

function storageAreas(): Areas | null {
  const storage = browser?.storage;
  if (!storage?.local) return null;
  return {
    local: storage.local as unknown as StorageAreaLike,
    // Firefox without a managed-storage manifest has the area but rejects reads; the store
    // treats a rejected read as "no policy".
    managed: (storage.managed as unknown as StorageAreaLike | undefined) ?? null,
  };
}

let directory: DirectoryEntry[] = [];
let reported = '';
const changeListeners = new Set<() => void>();
// Checks start with what local storage says rather than wait seconds for Chrome's first
// policy read after start-up; when the policy arrives, they run again with it.
const MANAGED_WAIT_MS = 300;
// Once a policy read has come in late, later reads wait for it: a policy area that is always
// slow would otherwise re-run every check each time its late answer arrived.
let policyWasLate = false;

function policyArrivedLate(): void {
  policyWasLate = true;
  changed();
}

function changed(): void {
  for (const listener of changeListeners) listener();
}

/** Reads and merges everything again; the checker calls it after each change. */
export async function loadSettings(): Promise<Settings> {
  const areas = storageAreas();
  if (!areas) return DEFAULT_SETTINGS;
  try {
    const config = await readTeamConfig(
      areas,
      policyWasLate ? {} : { managedWaitMs: MANAGED_WAIT_MS, onManagedLate: policyArrivedLate },
    );
    directory = toRuleDirectory(config.directory.map((view) => view.entry));
    const problems = config.problems.join('\n');
    if (problems && problems !== reported) console.warn(`[step-ahead] settings problems, defaults used where broken:\n${problems}`);
    reported = problems;
    return config.settings;
  } catch (error) {
    console.warn('[step-ahead] could not read the settings; defaults used', error);
    return DEFAULT_SETTINGS;
  }
}

/** The customer directory as of the last loadSettings(), in the form cc-account-owner reads. */
export function ruleDirectory(): DirectoryEntry[] {
  return directory;
}

/**
 * Calls `onChange` when the options page, the side panel, an import or the team's policy
 * changes what loadSettings() would return. Returns the function that stops listening.
 */
export function watchSettings(onChange: () => void): () => void {
  const events = browser?.storage?.onChanged;
  if (!events) return () => {};
  changeListeners.add(onChange);
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'managed' || (areaName === 'local' && (SETTINGS_KEY in changes || DIRECTORY_KEY in changes))) onChange();
  };
  try {
    events.addListener(listener);
  } catch {
    return () => changeListeners.delete(onChange);
  }
  return () => {
    changeListeners.delete(onChange);
    try {
      events.removeListener(listener);
    } catch {
      // The extension context may be gone already.
    }
  };
}
