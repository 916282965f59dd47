import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings.ts';
import { importTeamFile, saveCustomer, saveRuleSeverity, saveSetting, teamConfigOf, LockedError } from '../../lib/settings/store.ts';
import { parseTeamFile, teamFileText } from '../../lib/settings/team-file.ts';
import { fakeArea } from './fake-area.ts';

const GOOD = {
  stepAhead: 'team-file',
  version: 1,
  settings: { role: 'sales-consultant', teamDomains: ['northwind.example'], rules: { ownership: 'off' } },
  directory: [{ domain: 'acme.example', name: 'Acme', strategic: true, accountOwner: { name: 'Sam', email: 'sam@northwind.example' } }],
};

function refused(text: string): string {
  const result = parseTeamFile(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('team file import', () => {
  it('reads a good file', () => {
    const result = parseTeamFile(JSON.stringify(GOOD));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.fields).toEqual({ role: 'sales-consultant', teamDomains: ['northwind.example'] });
    expect(result.file.rules).toEqual({ ownership: 'off' });
    expect(result.file.directory?.[0]?.strategic).toBe(true);
  });

  it.each([
    ['not JSON', '{ role: ', /not valid JSON/],
    ['a list', '[]', /must be a JSON object/],
    ['empty object', '{}', /neither "settings" nor "directory"/],
    ['wrong type', JSON.stringify({ settings: { reminderLeadMinutes: 'ten' } }), /reminderLeadMinutes/],
    ['unknown setting', JSON.stringify({ settings: { colour: 'red' } }), /colour: no such setting/],
    ['unknown rule', JSON.stringify({ settings: { rules: { 'be-nice': 'off' } } }), /rules\.be-nice/],
    ['unknown top-level key', JSON.stringify({ settings: {}, extra: 1 }), /"extra" is not part of a team file/],
    ['bad domain', JSON.stringify({ directory: [{ domain: 'acme' }] }), /directory\[0\]\.domain/],
    ['duplicate domain', JSON.stringify({ directory: [{ domain: 'a.example' }, { domain: 'a.example' }] }), /listed twice/],
    ['huge string', JSON.stringify({ directory: [{ domain: 'a.example', name: 'x'.repeat(100_000) }] }), /directory\[0\]\.name/],
    ['huge file', JSON.stringify({ settings: {}, pad: 'x'.repeat(3 * 1024 * 1024) }), /larger than 2 MB/],
    ['__proto__ key', '{"settings": {"__proto__": {"role": "custom"}}}', /"__proto__".*not allowed/],
    ['constructor key', '{"directory": [{"domain": "a.example", "constructor": {"prototype": {}}}]}', /"constructor"/],
    ['prototype key deep', '{"settings": {"schedule": {"prototype": 1}}}', /"prototype"/],
    ['too deep', `{"settings": ${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`, /nested too deeply/],
    ['bad lock', JSON.stringify({ settings: {}, locked: ['everything'] }), /locked: "everything"/],
    ['wrong marker', JSON.stringify({ stepAhead: 'other', settings: {} }), /"stepAhead"/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const error = refused(text);
    expect(error).toMatch(message);
    expect(error).toMatch(/^The file was not imported: .*Nothing was changed\.$/s);
  });

  it('changes nothing when a file is refused, and does not pollute prototypes', async () => {
    const local = fakeArea({ settings: { version: 2, settings: { role: 'custom' } } });
    const before = structuredClone(local.data);
    const result = parseTeamFile('{"__proto__": {"polluted": true}, "settings": {"role": "sales-consultant"}}');
    expect(result.ok).toBe(false);
    expect(local.data).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('imports over the user’s own settings and merges customers by domain', async () => {
    const local = fakeArea({
      settings: { version: 2, settings: { reminderLeadMinutes: 5, rules: { expectations: 'off' } } },
      directory: { version: 1, entries: [{ domain: 'globex.example', name: 'Globex' }] },
    });
    const parsed = parseTeamFile(JSON.stringify(GOOD));
    if (!parsed.ok) throw new Error(parsed.error);
    const outcome = await importTeamFile(local, [], parsed.file);
    expect(outcome).toEqual({ settings: 3, customers: 1, lockedFields: [], ignoredLocks: false });
    const config = teamConfigOf(local.data, null);
    expect(config.settings.role).toBe('sales-consultant');
    expect(config.settings.reminderLeadMinutes).toBe(5);
    expect(config.settings.rules).toMatchObject({ ownership: 'off', expectations: 'off' });
    expect(config.directory.map((v) => v.entry.domain)).toEqual(['acme.example', 'globex.example']);
    expect(local.writes).toBe(1);
  });

  it('round-trips an export', () => {
    const text = teamFileText({ settings: { role: 'custom' }, directory: [] });
    const parsed = parseTeamFile(text);
    expect(parsed.ok && parsed.file.fields).toEqual({ role: 'custom' });
  });
});

describe('saving the user’s choices', () => {
  it('saves a field and a rule without touching the others', async () => {
    const local = fakeArea();
    await saveSetting(local, [], 'reminderLeadMinutes', 30);
    await saveRuleSeverity(local, [], 'ownership', 'off');
    const config = teamConfigOf(local.data, null);
    expect(config.settings).toEqual({ ...DEFAULT_SETTINGS, reminderLeadMinutes: 30, rules: { ...DEFAULT_SETTINGS.rules, ownership: 'off' } });
  });

  it('refuses to change what the policy locks', async () => {
    const local = fakeArea();
    await expect(saveSetting(local, ['schedule'], 'schedule', DEFAULT_SETTINGS.schedule)).rejects.toBeInstanceOf(LockedError);
    await expect(saveRuleSeverity(local, ['rules'], 'ownership', 'off')).rejects.toThrow(/team's policy/);
    const config = teamConfigOf({}, { directory: [{ domain: 'acme.example' }], locked: ['directory'] });
    await expect(saveCustomer(local, config, { ...config.directory[0]!.entry, name: 'Mine' })).rejects.toBeInstanceOf(LockedError);
    expect(local.writes).toBe(0);
  });
});
