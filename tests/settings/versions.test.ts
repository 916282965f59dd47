import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings.ts';
import { teamConfigOf, upgradeStoredSettings } from '../../lib/settings/store.ts';
import { MIGRATIONS, migrateStoredSettings, SETTINGS_VERSION, storedSettingsVersion } from '../../lib/settings/versions.ts';
import { fakeArea } from './fake-area.ts';

// Example data as each earlier version stored it. Version 1: the bare settings object
// (the shape lib/schemas/settings.ts had before the envelope), here with every field set.
const VERSION_1 = {
  schedule: {
    timeZone: 'Europe/Berlin',
    week: [[], [{ start: '09:00', end: '18:00' }], [{ start: '09:00', end: '18:00' }], [], [], [], []],
    holidays: [{ date: '2026-12-24', name: 'Heiligabend' }],
  },
  role: 'custom',
  customTargets: { acknowledgeMinutes: 30, actionableMinutes: 240, resolutionMinutes: null },
  rules: { ownership: 'off', 'eta-concrete': 'error' },
  etaWithinBusinessHours: false,
  teamDomains: ['northwind.example'],
  reminderLeadMinutes: 15,
};
const EXAMPLES_BY_VERSION: Record<number, unknown> = { 1: VERSION_1 };

describe('stored settings versions', () => {
  it('has example data and a migration for every earlier version', () => {
    for (let version = 1; version < SETTINGS_VERSION; version++) {
      expect(EXAMPLES_BY_VERSION[version], `example for version ${version}`).toBeDefined();
      expect(MIGRATIONS[version], `migration from version ${version}`).toBeTypeOf('function');
    }
  });

  it.each(Object.entries(EXAMPLES_BY_VERSION))('upgrades version %s to the current one without losing a field', (version, stored) => {
    expect(storedSettingsVersion(stored)).toBe(Number(version));
    const migrated = migrateStoredSettings(stored);
    expect(migrated.problems).toEqual([]);
    expect(migrated.migrated).toBe(true);
    const config = teamConfigOf({ settings: stored }, null);
    expect(config.problems).toEqual([]);
    expect(config.settings.schedule.timeZone).toBe('Europe/Berlin');
    expect(config.settings.schedule.holidays).toEqual([{ date: '2026-12-24', name: 'Heiligabend' }]);
    expect(config.settings.role).toBe('custom');
    expect(config.settings.customTargets.resolutionMinutes).toBeNull();
    expect(config.settings.rules.ownership).toBe('off');
    expect(config.settings.rules['eta-concrete']).toBe('error');
    expect(config.settings.rules['eta-present']).toBe('error');
    expect(config.settings.etaWithinBusinessHours).toBe(false);
    expect(config.settings.teamDomains).toEqual(['northwind.example']);
    expect(config.settings.reminderLeadMinutes).toBe(15);
  });

  it('writes an upgraded value back in the envelope once, and reads the same after', async () => {
    const local = fakeArea({ settings: VERSION_1 });
    const before = teamConfigOf(local.data, null).settings;
    expect(await upgradeStoredSettings(local)).toBe(true);
    expect(local.data.settings).toEqual({ version: SETTINGS_VERSION, settings: VERSION_1 });
    expect(await upgradeStoredSettings(local)).toBe(false);
    expect(teamConfigOf(local.data, null).settings).toEqual(before);
  });

  it('reads the current envelope as is', () => {
    const config = teamConfigOf({ settings: { version: SETTINGS_VERSION, settings: { role: 'sales-consultant' } } }, null);
    expect(config.settings).toEqual({ ...DEFAULT_SETTINGS, role: 'sales-consultant' });
    expect(config.problems).toEqual([]);
  });

  it('falls back to defaults with a notice, never a throw, for broken stored values', () => {
    for (const stored of ['text', 42, [], { version: 'two', settings: {} }, { version: 2, settings: 'x' }]) {
      const config = teamConfigOf({ settings: stored }, null);
      expect(config.settings).toEqual(DEFAULT_SETTINGS);
      expect(config.problems.join(' ')).toMatch(/unreadable/);
    }
  });

  it('keeps the valid fields of a half-broken save and names the broken one', () => {
    const config = teamConfigOf(
      { settings: { version: 2, settings: { role: 'sales-consultant', reminderLeadMinutes: -5, schedule: { timeZone: 'Mars/Base' } } } },
      null,
    );
    expect(config.settings.role).toBe('sales-consultant');
    expect(config.settings.reminderLeadMinutes).toBe(DEFAULT_SETTINGS.reminderLeadMinutes);
    expect(config.settings.schedule).toEqual(DEFAULT_SETTINGS.schedule);
    expect(config.problems).toHaveLength(2);
    expect(config.problems[0]).toMatch(/^Saved settings: (reminderLeadMinutes|schedule)/);
  });

  it('reads what it knows from a newer version and says so', () => {
    const config = teamConfigOf({ settings: { version: SETTINGS_VERSION + 1, settings: { role: 'custom', futureThing: 1 } } }, null);
    expect(config.settings.role).toBe('custom');
    expect(config.problems.join(' ')).toMatch(/newer version/);
  });

  it('ignores prototype tricks in storage', () => {
    const stored = JSON.parse('{"__proto__": {"role": "custom"}, "teamDomains": ["acme.example"]}');
    const config = teamConfigOf({ settings: stored }, null);
    expect(config.settings.role).toBe('support-engineer');
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});
