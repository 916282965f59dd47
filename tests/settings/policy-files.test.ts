import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../lib/types.ts';
import { SETTING_KEYS, readTeamPolicy } from '../../lib/settings/merge.ts';
import { readTeamConfig } from '../../lib/settings/store.ts';
import { parseTeamFile } from '../../lib/settings/team-file.ts';
import { SCAFFOLD_IDS } from '../../lib/scaffolds/schema.ts';
import { fakeArea } from './fake-area.ts';

// The files an admin works with: the policy schema Chrome validates against, and the samples
// in docs/. Chrome drops any policy value its schema does not declare, so a setting missing
// from the schema could never be set by policy.

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const schema = read('public/managed-schema.json');

describe('the managed policy schema and the samples', () => {
  it('declares every setting, every rule and every scaffold', () => {
    const settings = schema.properties.settings.properties;
    expect(Object.keys(settings).sort()).toEqual([...SETTING_KEYS].sort());
    expect(Object.keys(settings.rules.properties).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.keys(settings.scaffolds.properties).sort()).toEqual([...SCAFFOLD_IDS].sort());
    expect(Object.keys(schema.properties).sort()).toEqual(['directory', 'locked', 'settings']);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
  });

  it('has a sample team file that imports cleanly and a sample Linux policy that reads cleanly', () => {
    const text = readFileSync(new URL('../../docs/policy/team-file.json', import.meta.url), 'utf8');
    const parsed = parseTeamFile(text);
    expect(parsed.ok).toBe(true);
    const linux = read('docs/policy/chromium-linux-policy.json');
    const { policy, problems } = readTeamPolicy(linux['3rdparty'].extensions['<extension id>']);
    expect(problems).toEqual([]);
    expect(policy.locks).toEqual(['schedule', 'rules.cc-account-owner']);
    expect(policy.directory[0]?.accountOwner?.email).toBe('sam.ortiz@northwind.example');
  });
});

describe('reading while Chrome is still loading its policies', () => {
  it('does not wait past managedWaitMs, then says when the policy arrives', async () => {
    let answer: (value: Record<string, unknown>) => void = () => {};
    const managed = { get: () => new Promise<Record<string, unknown>>((resolve) => (answer = resolve)) };
    const local = fakeArea({ settings: { version: 2, settings: { reminderLeadMinutes: 5 } } });
    let late = 0;
    const first = await readTeamConfig({ local, managed }, { managedWaitMs: 10, onManagedLate: () => late++ });
    expect(first.settings.reminderLeadMinutes).toBe(5);
    expect(first.managed).toBe(false);
    answer({ settings: { reminderLeadMinutes: 30 }, locked: ['reminderLeadMinutes'] });
    await expect.poll(() => late).toBe(1);
    const again = await readTeamConfig({ local, managed: { get: async () => ({ settings: { reminderLeadMinutes: 30 }, locked: ['reminderLeadMinutes'] }) } });
    expect(again.settings.reminderLeadMinutes).toBe(30);
    expect(again.managed).toBe(true);
  });

  it('treats a managed area that refuses to answer (Firefox without a manifest) as no policy', async () => {
    const config = await readTeamConfig({ local: fakeArea(), managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) } });
    expect(config.managed).toBe(false);
    expect(config.problems).toEqual([]);
  });
});
