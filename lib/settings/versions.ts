import { readDirectory, type CustomerEntry } from '../schemas/directory.ts';

// What browser.storage.local holds, and how older shapes become the current one. Settings are
// kept as an envelope `{ version, settings }` where `settings` holds only the fields the user
// changed (the rest come from the team's policy or the defaults). Version 1 is the shape
// before envelopes: the settings object stored bare under the same key. Each migration takes
// one version to the next, so data from any earlier version walks the whole chain.

export const SETTINGS_KEY = 'settings';
export const DIRECTORY_KEY = 'directory';
export const SETTINGS_VERSION = 2;
export const DIRECTORY_VERSION = 1;

export interface SettingsEnvelope {
  version: number;
  settings: Record<string, unknown>;
}

export interface DirectoryEnvelope {
  version: number;
  entries: CustomerEntry[];
}

type Migration = (stored: unknown) => SettingsEnvelope;

function plainObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  // Own enumerable properties only: nothing comes in through a prototype.
  return Object.fromEntries(Object.entries(value));
}

/** MIGRATIONS[n] turns what version n stored into version n + 1. */
export const MIGRATIONS: Record<number, Migration> = {
  // 1 → 2: the bare settings object goes into the envelope, unchanged.
  1: (stored) => ({ version: 2, settings: plainObject(stored) ?? {} }),
};

/** Which version a stored value is: an envelope says so; a bare object is version 1. */
export function storedSettingsVersion(stored: unknown): number | null {
  const object = plainObject(stored);
  if (!object) return null;
  if ('version' in object && 'settings' in object) {
    const version = object.version;
    return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null;
  }
  return 1;
}

export interface MigratedSettings {
  /** The user's own fields, not yet validated (lib/settings/merge.ts validates them). */
  fields: Record<string, unknown>;
  /** The version found in storage; null when nothing usable was stored. */
  fromVersion: number | null;
  /** True when the stored value was older and should be written back in the new shape. */
  migrated: boolean;
  problems: string[];
}

/** Brings whatever storage holds under SETTINGS_KEY to the current version. Never throws. */
export function migrateStoredSettings(stored: unknown): MigratedSettings {
  if (stored === undefined || stored === null) return { fields: {}, fromVersion: null, migrated: false, problems: [] };
  const version = storedSettingsVersion(stored);
  if (version === null) {
    return { fields: {}, fromVersion: null, migrated: false, problems: ['the saved settings are unreadable; defaults are used'] };
  }
  if (version > SETTINGS_VERSION) {
    // Written by a newer Step Ahead (a downgrade): read what we understand, keep the rest as is.
    const object = plainObject(plainObject(stored)?.settings) ?? {};
    return {
      fields: object,
      fromVersion: version,
      migrated: false,
      problems: [`the saved settings come from a newer version (${version}); fields this version does not know are ignored`],
    };
  }
  let current: unknown = stored;
  let at = version;
  try {
    while (at < SETTINGS_VERSION) {
      const step = MIGRATIONS[at];
      if (!step) throw new Error(`no migration from version ${at}`);
      const next = step(current);
      current = next;
      at = next.version;
    }
  } catch (error) {
    return {
      fields: {},
      fromVersion: version,
      migrated: false,
      problems: [`the saved settings could not be upgraded (${error instanceof Error ? error.message : 'unknown error'}); defaults are used`],
    };
  }
  const fields = plainObject(plainObject(current)?.settings);
  if (!fields) return { fields: {}, fromVersion: version, migrated: false, problems: ['the saved settings are unreadable; defaults are used'] };
  return { fields, fromVersion: version, migrated: version < SETTINGS_VERSION, problems: [] };
}

export function settingsEnvelope(fields: Record<string, unknown>): SettingsEnvelope {
  return { version: SETTINGS_VERSION, settings: fields };
}

/** The locally kept customer directory; anything unreadable is dropped and reported. */
export function readStoredDirectory(stored: unknown): { entries: CustomerEntry[]; problems: string[] } {
  if (stored === undefined || stored === null) return { entries: [], problems: [] };
  const object = plainObject(stored);
  if (!object || typeof object.version !== 'number') {
    return { entries: [], problems: ['the saved customer directory is unreadable; it is ignored'] };
  }
  if (object.version > DIRECTORY_VERSION) {
    const read = readDirectory(object.entries);
    return { entries: read.entries, problems: [`the saved customer directory comes from a newer version (${object.version})`, ...read.problems] };
  }
  return readDirectory(object.entries);
}

export function directoryEnvelope(entries: CustomerEntry[]): DirectoryEnvelope {
  return { version: DIRECTORY_VERSION, entries };
}
