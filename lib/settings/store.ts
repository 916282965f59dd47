import type { Settings } from '../schemas/settings.ts';
import { directoryEntrySchema, type CustomerEntry } from '../schemas/directory.ts';
import type { RuleId } from '../types.ts';
import { coversDomain, EMPTY_POLICY, isLocked, mergeConfig, readPartialSettings, readTeamPolicy, type LockPath, type MergedConfig, type SettingKey } from './merge.ts';
import type { TeamFile } from './team-file.ts';
import {
  DIRECTORY_KEY,
  directoryEnvelope,
  migrateStoredSettings,
  readStoredDirectory,
  SETTINGS_KEY,
  settingsEnvelope,
} from './versions.ts';

// Reading and writing the team configuration through storage areas handed in by the caller
// (browser.storage.local and .managed in the extension, plain fakes in tests), so this file
// stays free of browser APIs. Reads never throw: whatever is broken becomes a problem to show
// and the defaults show through.

export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set?(items: Record<string, unknown>): Promise<void>;
}

export interface TeamConfig extends MergedConfig {
  /** What was broken and replaced, in words for the options page's notice. */
  problems: string[];
  /** True when a managed policy is in force. */
  managed: boolean;
}

export const DEFAULT_CONFIG: TeamConfig = {
  ...mergeConfig({ fields: {}, rules: {}, directory: [] }, EMPTY_POLICY),
  problems: [],
  managed: false,
};

async function readArea(area: StorageAreaLike | null, keys: string[]): Promise<Record<string, unknown> | null> {
  if (!area) return null;
  try {
    return (await area.get(keys)) ?? {};
  } catch {
    // Firefox without a managed-storage manifest, or a browser without the area at all.
    return null;
  }
}

const POLICY_KEYS = ['settings', 'directory', 'locked'];

export interface ReadOptions {
  /**
   * How long to wait for the managed area. Chrome answers the first read of a session only
   * once it has loaded the policies (seconds after start-up, even with none set); past this
   * wait the configuration comes without the policy and `onManagedLate` is called when the
   * managed area answers, so the caller reads again. Default: wait as long as it takes.
   */
  managedWaitMs?: number;
  onManagedLate?: () => void;
}

export async function readTeamConfig(
  areas: { local: StorageAreaLike; managed: StorageAreaLike | null },
  options: ReadOptions = {},
): Promise<TeamConfig> {
  const managedRead = readArea(areas.managed, POLICY_KEYS);
  let managed: Promise<Record<string, unknown> | null | 'late'> = managedRead;
  if (options.managedWaitMs !== undefined) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), options.managedWaitMs);
    });
    managed = Promise.race([managedRead, late]).finally(() => clearTimeout(timer));
  }
  const [localData, managedData] = await Promise.all([readArea(areas.local, [SETTINGS_KEY, DIRECTORY_KEY]), managed]);
  if (managedData === 'late') {
    void managedRead.then(() => options.onManagedLate?.());
    return teamConfigOf(localData ?? {}, null);
  }
  return teamConfigOf(localData ?? {}, managedData);
}

/** The configuration from what the two areas hold. Pure; exported for the tests. */
export function teamConfigOf(localData: Record<string, unknown>, managedData: Record<string, unknown> | null): TeamConfig {
  const problems: string[] = [];
  const migrated = migrateStoredSettings(localData[SETTINGS_KEY]);
  problems.push(...migrated.problems.map((p) => `Saved settings: ${p}`));
  const local = readPartialSettings(migrated.fields, 'Saved settings');
  problems.push(...local.problems);
  const directory = readStoredDirectory(localData[DIRECTORY_KEY]);
  problems.push(...directory.problems.map((p) => `Saved directory: ${p}`));

  const hasPolicy = managedData !== null && POLICY_KEYS.some((key) => managedData[key] !== undefined);
  const policy = hasPolicy ? readTeamPolicy(managedData, 'Team policy') : { policy: EMPTY_POLICY, problems: [] };
  problems.push(...policy.problems);
  return { ...mergeConfig({ ...local, directory: directory.entries }, policy.policy), problems, managed: hasPolicy };
}

/** The user's own fields as stored (validated), for a read-modify-write. */
async function localFields(local: StorageAreaLike): Promise<Record<string, unknown>> {
  const data = await local.get(SETTINGS_KEY);
  const migrated = migrateStoredSettings(data[SETTINGS_KEY]);
  const valid = readPartialSettings(migrated.fields, 'saved');
  const fields: Record<string, unknown> = { ...valid.fields };
  if (Object.keys(valid.rules).length > 0) fields.rules = valid.rules;
  return fields;
}

async function write(local: StorageAreaLike, items: Record<string, unknown>): Promise<void> {
  if (!local.set) throw new Error('this storage area cannot be written');
  await local.set(items);
}

export class LockedError extends Error {
  constructor(path: string) {
    super(`${path} is set by your team's policy`);
    this.name = 'LockedError';
  }
}

/** Saves one field as the user's choice; refuses a locked one. */
export async function saveSetting<K extends Exclude<SettingKey, 'rules'>>(
  local: StorageAreaLike,
  locks: readonly LockPath[],
  key: K,
  value: Settings[K],
): Promise<void> {
  await updateSetting(local, locks, key, () => value);
}

/**
 * Saves one field worked out from the user's value as stored right now (undefined when they
 * never set it): a change to one part of a field (a weekday of the schedule) then keeps a
 * change to another part saved a moment before.
 */
export async function updateSetting<K extends Exclude<SettingKey, 'rules'>>(
  local: StorageAreaLike,
  locks: readonly LockPath[],
  key: K,
  change: (stored: Settings[K] | undefined) => Settings[K],
): Promise<void> {
  if (isLocked(locks, key)) throw new LockedError(key);
  const fields = await localFields(local);
  fields[key] = change(fields[key] as Settings[K] | undefined);
  await write(local, { [SETTINGS_KEY]: settingsEnvelope(fields) });
}

export async function saveRuleSeverity(
  local: StorageAreaLike,
  locks: readonly LockPath[],
  ruleId: RuleId,
  severity: Settings['rules'][RuleId],
): Promise<void> {
  if (isLocked(locks, `rules.${ruleId}`)) throw new LockedError(`rules.${ruleId}`);
  const fields = await localFields(local);
  fields.rules = { ...(fields.rules as object | undefined), [ruleId]: severity };
  await write(local, { [SETTINGS_KEY]: settingsEnvelope(fields) });
}

/** Forgets the user's own settings: the team's policy and the defaults apply again. */
export async function resetSettings(local: StorageAreaLike): Promise<void> {
  await write(local, { [SETTINGS_KEY]: settingsEnvelope({}) });
}

/** Rewrites an older stored shape in the current one (after a migration on read). */
export async function upgradeStoredSettings(local: StorageAreaLike): Promise<boolean> {
  const data = await local.get(SETTINGS_KEY);
  const migrated = migrateStoredSettings(data[SETTINGS_KEY]);
  if (!migrated.migrated) return false;
  await write(local, { [SETTINGS_KEY]: settingsEnvelope(migrated.fields) });
  return true;
}

async function localDirectory(local: StorageAreaLike): Promise<CustomerEntry[]> {
  const data = await local.get(DIRECTORY_KEY);
  return readStoredDirectory(data[DIRECTORY_KEY]).entries;
}

/** Adds or replaces the user's entry for a customer domain. */
export async function saveCustomer(local: StorageAreaLike, config: Pick<TeamConfig, 'directory'>, entry: CustomerEntry): Promise<void> {
  const valid = directoryEntrySchema.parse(entry);
  const lock = config.directory.find((view) => view.origin === 'locked' && coversDomain(view.entry.domain, valid.domain));
  if (lock) throw new LockedError(`the ${lock.entry.domain} customer entry`);
  const entries = (await localDirectory(local)).filter((e) => e.domain !== valid.domain);
  entries.push(valid);
  await write(local, { [DIRECTORY_KEY]: directoryEnvelope(entries) });
}

export async function removeCustomer(local: StorageAreaLike, domain: string): Promise<void> {
  const entries = (await localDirectory(local)).filter((e) => e.domain !== domain);
  await write(local, { [DIRECTORY_KEY]: directoryEnvelope(entries) });
}

export interface ImportOutcome {
  settings: number;
  customers: number;
  /** Fields the file sets that the team's policy locks: imported, but the policy still wins. */
  lockedFields: string[];
  /** The file had `locked`: only a managed policy can lock. */
  ignoredLocks: boolean;
}

/** Applies a parsed team file (lib/settings/team-file.ts) over the user's own configuration. */
export async function importTeamFile(local: StorageAreaLike, locks: readonly LockPath[], file: TeamFile): Promise<ImportOutcome> {
  const fields = await localFields(local);
  const lockedFields: string[] = [];
  let count = 0;
  for (const [key, value] of Object.entries(file.fields)) {
    fields[key] = value;
    count++;
    if (isLocked(locks, key as SettingKey)) lockedFields.push(key);
  }
  const ruleEntries = Object.entries(file.rules);
  if (ruleEntries.length > 0) {
    fields.rules = { ...(fields.rules as object | undefined), ...file.rules };
    count += ruleEntries.length;
    for (const [id] of ruleEntries) if (isLocked(locks, `rules.${id as RuleId}`)) lockedFields.push(`rules.${id}`);
  }
  const items: Record<string, unknown> = { [SETTINGS_KEY]: settingsEnvelope(fields) };
  if (file.directory) {
    const byDomain = new Map((await localDirectory(local)).map((e) => [e.domain, e]));
    for (const entry of file.directory) byDomain.set(entry.domain, entry);
    items[DIRECTORY_KEY] = directoryEnvelope([...byDomain.values()]);
  }
  // One write, so a failure leaves everything as it was.
  await write(local, items);
  return { settings: count, customers: file.directory?.length ?? 0, lockedFields, ignoredLocks: file.locks.length > 0 };
}
