import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  SCAFFOLD_IDS,
  scaffoldOverridesSchema,
  scaffoldTemplateSchema,
  templateProblem,
} from '../../lib/scaffolds/index.ts';
import { readSettings } from '../../lib/schemas/settings.ts';
import { RULES } from '../../lib/rules/index.ts';

// The team's wording is untrusted input: what parses is used, what does not is refused
// with a reason a person can act on.

describe('template schema', () => {
  it('accepts every built-in template', () => {
    for (const id of SCAFFOLD_IDS) expect(templateProblem(DEFAULT_TEMPLATES[id]), id).toBeNull();
  });

  it.each([
    ['an unknown variable', 'Hi {customerFirstname},', 'line 1: unknown variable {customerFirstname}'],
    ['a brace without its pair', 'Hi {customerFirstName,', 'line 1: a “{” or “}” without its pair'],
    ['a stray closing brace', 'Hi}', 'line 1: a “{” or “}” without its pair'],
    ['the question list inside a sentence', 'Your questions: {questions}', '{questions} is a list and must stand on a line of its own'],
    ['nothing but blank lines', '\n  \n', 'the template is empty'],
    ['a body over the limit', 'x'.repeat(4001), 'at most 4000 characters'],
  ])('refuses %s', (_what, body, reason) => {
    expect(templateProblem({ label: 'Mine', body })).toContain(reason);
  });

  it('refuses an empty label and a label that is too long', () => {
    expect(templateProblem({ label: '  ', body: 'Hello' })).toContain('needs a label');
    expect(templateProblem({ label: 'x'.repeat(41), body: 'Hello' })).toContain('at most 40');
  });

  it('refuses overrides for scaffolds that do not exist', () => {
    expect(scaffoldOverridesSchema.safeParse({ 'made-up': DEFAULT_TEMPLATES.status }).success).toBe(false);
    expect(scaffoldTemplateSchema.safeParse({ label: 'ok' }).success).toBe(false);
  });

  it('has a scaffold for every insert-scaffold suggestion a rule makes', async () => {
    const sources = await Promise.all(
      RULES.map(async (rule) => (await import(`../../lib/rules/${rule.meta.id}.ts`)) as Record<string, unknown>),
    );
    const text = sources.map((module) => JSON.stringify(Object.values(module), (_k, v) => (typeof v === 'function' ? String(v) : v))).join('\n');
    const suggested = [...text.matchAll(/insert-scaffold:([a-z-]+)/g)].map((m) => m[1]!);
    expect(suggested.length).toBeGreaterThan(0);
    for (const id of suggested) expect(SCAFFOLD_IDS as readonly string[]).toContain(id);
  });
});

describe('settings.scaffolds', () => {
  it('defaults to no overrides', () => {
    expect(readSettings({}).settings.scaffolds).toEqual({});
  });

  it('keeps the team’s valid wording', () => {
    const mine = { status: { label: 'Where we are', body: 'Status: [[status]]' } };
    const { settings, problems } = readSettings({ scaffolds: mine });
    expect(problems).toEqual([]);
    expect(settings.scaffolds).toEqual(mine);
  });

  it('falls back to the built-in wording with a problem named when a template is broken, keeping other settings', () => {
    const { settings, problems } = readSettings({
      scaffolds: { status: { label: 'Where we are', body: 'Status: {nope}' } },
      reminderLeadMinutes: 30,
    });
    expect(settings.scaffolds).toEqual({});
    expect(settings.reminderLeadMinutes).toBe(30);
    expect(problems.join('\n')).toMatch(/scaffolds: .*unknown variable \{nope\}/);
  });
});
