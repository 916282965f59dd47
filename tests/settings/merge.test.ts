import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings.ts';
import { isLocked, mergeConfig, readTeamPolicy } from '../../lib/settings/merge.ts';
import { emptyEntry, entryForAddress } from '../../lib/schemas/directory.ts';
import { saveCustomer, teamConfigOf } from '../../lib/settings/store.ts';

const BERLIN = { timeZone: 'Europe/Berlin', week: DEFAULT_SETTINGS.schedule.week, holidays: [] };
const TOKYO = { timeZone: 'Asia/Tokyo', week: DEFAULT_SETTINGS.schedule.week, holidays: [] };
const ACME = { domain: 'acme.example', name: 'Acme', accountOwner: { name: 'Sam Ortiz', email: 'sam@northwind.example' } };

function local(settings: Record<string, unknown>, directory: unknown[] = []) {
  return { settings: { version: 2, settings }, directory: { version: 1, entries: directory } };
}

describe('defaults ← policy ← local, with locks', () => {
  it('uses the defaults when nothing is stored and there is no policy', () => {
    const config = teamConfigOf({}, null);
    expect(config.settings).toEqual(DEFAULT_SETTINGS);
    expect(config.managed).toBe(false);
    expect(Object.values(config.origins).every((o) => o === 'default')).toBe(true);
  });

  it('takes an unlocked policy value as the team default, and the user’s choice over it', () => {
    const policy = { settings: { schedule: BERLIN, role: 'sales-consultant' } };
    const teamOnly = teamConfigOf({}, policy);
    expect(teamOnly.settings.schedule.timeZone).toBe('Europe/Berlin');
    expect(teamOnly.origins.schedule).toBe('policy');
    const mine = teamConfigOf(local({ schedule: TOKYO }), policy);
    expect(mine.settings.schedule.timeZone).toBe('Asia/Tokyo');
    expect(mine.origins.schedule).toBe('local');
    expect(mine.settings.role).toBe('sales-consultant');
  });

  it('lets a locked policy value win over the user’s choice', () => {
    const config = teamConfigOf(local({ schedule: TOKYO }), { settings: { schedule: BERLIN }, locked: ['schedule'] });
    expect(config.settings.schedule.timeZone).toBe('Europe/Berlin');
    expect(config.origins.schedule).toBe('locked');
  });

  it('locks a default when the policy locks a field without giving a value', () => {
    const config = teamConfigOf(local({ reminderLeadMinutes: 5 }), { locked: ['reminderLeadMinutes'] });
    expect(config.settings.reminderLeadMinutes).toBe(DEFAULT_SETTINGS.reminderLeadMinutes);
  });

  it('merges rules one by one; locking one rule leaves the others to the user', () => {
    const config = teamConfigOf(local({ rules: { ownership: 'off', 'next-steps': 'off' } }), {
      settings: { rules: { ownership: 'error', expectations: 'info' } },
      locked: ['rules.ownership'],
    });
    expect(config.settings.rules.ownership).toBe('error');
    expect(config.ruleOrigins.ownership).toBe('locked');
    expect(config.settings.rules['next-steps']).toBe('off');
    expect(config.ruleOrigins['next-steps']).toBe('local');
    expect(config.settings.rules.expectations).toBe('info');
    expect(config.ruleOrigins.expectations).toBe('policy');
    expect(config.settings.rules['eta-present']).toBe('error');
  });

  it('locks every rule when the policy locks `rules`', () => {
    expect(isLocked(['rules'], 'rules.ownership')).toBe(true);
    expect(isLocked(['rules.ownership'], 'rules.expectations')).toBe(false);
    const config = teamConfigOf(local({ rules: { ownership: 'off' } }), { locked: ['rules'] });
    expect(config.settings.rules.ownership).toBe('warning');
  });

  it('merges the directory by domain: the user’s entry wins unless the policy locks the directory', () => {
    const mine = { domain: 'acme.example', name: 'Acme (mine)' };
    const open = teamConfigOf(local({}, [mine, { domain: 'globex.example', name: 'Globex' }]), { directory: [ACME] });
    expect(open.directory.map((v) => [v.entry.domain, v.entry.name, v.origin])).toEqual([
      ['acme.example', 'Acme (mine)', 'local'],
      ['globex.example', 'Globex', 'local'],
    ]);
    const locked = teamConfigOf(local({}, [mine, { domain: 'globex.example', name: 'Globex' }]), { directory: [ACME], locked: ['directory'] });
    expect(locked.directory.map((v) => [v.entry.domain, v.entry.name, v.origin])).toEqual([
      ['acme.example', 'Acme', 'locked'],
      ['globex.example', 'Globex', 'local'],
    ]);
    expect(locked.directory[0]!.entry.accountOwner).toEqual({ name: 'Sam Ortiz', email: 'sam@northwind.example' });
  });

  it('a locked policy entry wins for its subdomains too: a local entry for one cannot get around the lock', async () => {
    const sub = { domain: 'eu.acme.example', name: 'Acme EU (mine)', accountOwner: { name: 'Mallory', email: 'mallory@elsewhere.example' } };
    const locked = teamConfigOf(local({}, [sub, { domain: 'globex.example', name: 'Globex' }]), { directory: [ACME], locked: ['directory'] });
    expect(locked.directory.map((v) => [v.entry.domain, v.origin])).toEqual([
      ['acme.example', 'locked'],
      ['globex.example', 'local'],
    ]);
    const entries = locked.directory.map((v) => v.entry);
    expect(entryForAddress(entries, 'dana@eu.acme.example')?.accountOwner?.email).toBe('sam@northwind.example');
    // Nor can the options page save one.
    const area = { data: {} as Record<string, unknown>, async get() { return this.data; }, async set(items: Record<string, unknown>) { Object.assign(this.data, items); } };
    await expect(saveCustomer(area, locked, emptyEntry('eu.acme.example'))).rejects.toThrow(/policy/);
    // Unlocked, the more specific local entry is the user's to keep.
    const open = teamConfigOf(local({}, [sub]), { directory: [ACME] });
    expect(open.directory.map((v) => [v.entry.domain, v.origin])).toEqual([
      ['acme.example', 'policy'],
      ['eu.acme.example', 'local'],
    ]);
  });

  it('reports broken policy parts and keeps the rest', () => {
    const { policy, problems } = readTeamPolicy({
      settings: { schedule: { timeZone: 'Nowhere/Land' }, role: 'custom', rules: { ownership: 'loud', nonsense: 'off' } },
      directory: [ACME, { domain: 'not a domain' }],
      locked: ['role', 'everything', 7],
    });
    expect(policy.fields).toEqual({ role: 'custom' });
    expect(policy.rules).toEqual({});
    expect(policy.directory.map((e) => e.domain)).toEqual(['acme.example']);
    expect(policy.locks).toEqual(['role']);
    expect(problems).toHaveLength(6);
  });

  it('is the same as mergeConfig over validated parts', () => {
    const merged = mergeConfig({ fields: { role: 'custom' }, rules: {}, directory: [] }, { fields: {}, rules: {}, directory: [], locks: ['role'] });
    expect(merged.settings.role).toBe('support-engineer');
  });
});
