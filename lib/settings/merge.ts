import { readDirectory, type CustomerEntry } from '../schemas/directory.ts';
import { DEFAULT_SETTINGS, readSettings, settingsSchema, type Settings } from '../schemas/settings.ts';
import { RULE_IDS, type RuleId } from '../types.ts';

// Where each setting comes from. Three layers, from weakest to strongest:
//   defaults ← the team's policy (unlocked values are team defaults) ← the user's own choices
// and a value the policy locks wins over the user's choice and cannot be changed locally.
// Settings merge field by field, rules rule by rule, the directory customer by customer.
// Pure: the storage areas are read elsewhere (lib/settings/store.ts).

export type SettingKey = keyof Settings;
/** A top-level settings field, `rules.<rule id>`, or `directory`. */
export type LockPath = SettingKey | `rules.${RuleId}` | 'directory';

export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

const rulesShape = settingsSchema.shape.rules.def.innerType.shape;

function plainObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value));
}

export function isLockPath(path: string): path is LockPath {
  if (path === 'directory') return true;
  if ((SETTING_KEYS as string[]).includes(path)) return true;
  return path.startsWith('rules.') && (RULE_IDS as readonly string[]).includes(path.slice('rules.'.length));
}

/** Whether a setting (or one rule's severity) is locked; locking `rules` locks every rule. */
export function isLocked(locks: readonly string[], path: LockPath): boolean {
  if (locks.includes(path)) return true;
  return path.startsWith('rules.') && locks.includes('rules');
}

export interface PartialSettings {
  /** Valid top-level fields other than `rules`. */
  fields: Partial<Omit<Settings, 'rules'>>;
  /** Valid rule severities, rule by rule. */
  rules: Partial<Settings['rules']>;
}

/**
 * The valid part of an untrusted, partial settings object: each field (and each rule) is
 * checked alone, an invalid one is reported and left out so the next layer shows through.
 */
export function readPartialSettings(untrusted: unknown, source: string): PartialSettings & { problems: string[] } {
  const out: PartialSettings & { problems: string[] } = { fields: {}, rules: {}, problems: [] };
  if (untrusted === undefined || untrusted === null) return out;
  const input = plainObject(untrusted);
  if (!input) {
    out.problems.push(`${source}: settings are not an object; ignored`);
    return out;
  }
  for (const [key, value] of Object.entries(input)) {
    if (key === 'rules') {
      const rules = plainObject(value);
      if (!rules) {
        out.problems.push(`${source}: rules: expected an object; ignored`);
        continue;
      }
      for (const [id, severity] of Object.entries(rules)) {
        const schema = (rulesShape as Record<string, (typeof rulesShape)[RuleId] | undefined>)[id];
        if (!schema) {
          out.problems.push(`${source}: rules.${id}: no such rule; ignored`);
          continue;
        }
        const parsed = schema.safeParse(severity);
        if (parsed.success) out.rules[id as RuleId] = parsed.data;
        else out.problems.push(`${source}: rules.${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}; ignored`);
      }
      continue;
    }
    if (!(SETTING_KEYS as string[]).includes(key)) {
      out.problems.push(`${source}: ${key}: no such setting; ignored`);
      continue;
    }
    const parsed = settingsSchema.shape[key as SettingKey].safeParse(value);
    if (parsed.success) (out.fields as Record<string, unknown>)[key] = parsed.data;
    else out.problems.push(`${source}: ${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}; default used`);
  }
  return out;
}

/** The team's policy (managed storage) or a team file, validated part by part. */
export interface TeamPolicy extends PartialSettings {
  directory: CustomerEntry[];
  locks: LockPath[];
}

export const EMPTY_POLICY: TeamPolicy = { fields: {}, rules: {}, directory: [], locks: [] };

export function readTeamPolicy(untrusted: unknown, source = 'team policy'): { policy: TeamPolicy; problems: string[] } {
  const input = plainObject(untrusted) ?? {};
  const settings = readPartialSettings(input.settings, source);
  const directory = readDirectory(input.directory);
  const problems = [...settings.problems, ...directory.problems.map((p) => `${source}: ${p}`)];
  const locks: LockPath[] = [];
  if (input.locked !== undefined) {
    if (!Array.isArray(input.locked)) problems.push(`${source}: locked: expected a list of setting names; ignored`);
    else {
      for (const path of input.locked.slice(0, 200)) {
        if (typeof path === 'string' && isLockPath(path)) {
          if (!locks.includes(path)) locks.push(path);
        } else problems.push(`${source}: locked: "${String(path).slice(0, 80)}" is not a setting; ignored`);
      }
    }
  }
  return { policy: { fields: settings.fields, rules: settings.rules, directory: directory.entries, locks }, problems };
}

/** Whether `domain` is `parent` or one of its subdomains. */
export function coversDomain(parent: string, domain: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

export type Origin = 'default' | 'policy' | 'local' | 'locked';

export interface DirectoryView {
  entry: CustomerEntry;
  /** `locked`: from the policy, which locks the directory; not editable here. */
  origin: Exclude<Origin, 'default'>;
}

export interface MergedConfig {
  settings: Settings;
  directory: DirectoryView[];
  locks: LockPath[];
  /** Where each top-level field's value came from (`rules` is `local` if any rule is). */
  origins: Record<SettingKey, Origin>;
  ruleOrigins: Record<RuleId, Origin>;
}

/** defaults ← policy ← local, with locked policy values over local ones. */
export function mergeConfig(local: PartialSettings & { directory: CustomerEntry[] }, policy: TeamPolicy): MergedConfig {
  const locks = policy.locks;
  const merged: Record<string, unknown> = {};
  const origins = {} as Record<SettingKey, Origin>;
  for (const key of SETTING_KEYS) {
    if (key === 'rules') continue;
    const managed = (policy.fields as Record<string, unknown>)[key];
    const mine = (local.fields as Record<string, unknown>)[key];
    if (isLocked(locks, key)) {
      merged[key] = managed ?? (DEFAULT_SETTINGS as Record<string, unknown>)[key];
      origins[key] = 'locked';
    } else if (mine !== undefined) {
      merged[key] = mine;
      origins[key] = 'local';
    } else if (managed !== undefined) {
      merged[key] = managed;
      origins[key] = 'policy';
    } else {
      merged[key] = (DEFAULT_SETTINGS as Record<string, unknown>)[key];
      origins[key] = 'default';
    }
  }
  const rules = {} as Settings['rules'];
  const ruleOrigins = {} as Record<RuleId, Origin>;
  for (const id of RULE_IDS) {
    const managed = policy.rules[id];
    const mine = local.rules[id];
    if (isLocked(locks, `rules.${id}`)) {
      rules[id] = managed ?? DEFAULT_SETTINGS.rules[id];
      ruleOrigins[id] = 'locked';
    } else if (mine !== undefined) {
      rules[id] = mine;
      ruleOrigins[id] = 'local';
    } else if (managed !== undefined) {
      rules[id] = managed;
      ruleOrigins[id] = 'policy';
    } else {
      rules[id] = DEFAULT_SETTINGS.rules[id];
      ruleOrigins[id] = 'default';
    }
  }
  merged.rules = rules;
  const ruleSources = Object.values(ruleOrigins);
  origins.rules = ruleSources.includes('local') ? 'local' : ruleSources.includes('policy') ? 'policy' : ruleSources.every((o) => o === 'locked') ? 'locked' : 'default';

  // Every field was validated alone, so the whole parses; readSettings stays the safety net.
  const settings = readSettings(merged).settings;

  const directoryLocked = isLocked(locks, 'directory');
  const byDomain = new Map<string, DirectoryView>();
  for (const entry of policy.directory) byDomain.set(entry.domain, { entry, origin: directoryLocked ? 'locked' : 'policy' });
  const lockedDomains = directoryLocked ? policy.directory.map((e) => e.domain) : [];
  for (const entry of local.directory) {
    // A locked entry covers its subdomains too: a local entry for eu.acme.com would otherwise
    // win for those addresses (the nearest domain wins) and get around the lock.
    if (lockedDomains.some((domain) => coversDomain(domain, entry.domain))) continue;
    byDomain.set(entry.domain, { entry, origin: 'local' });
  }
  const directory = [...byDomain.values()].sort((a, b) => a.entry.domain.localeCompare(b.entry.domain));
  return { settings, directory, locks, origins, ruleOrigins };
}
