import { describe, expect, it } from 'vitest';
import { findOwnershipDodges, ownershipTableProblems } from '../../lib/detect/ownership.ts';
import { one, splitByHand } from './sentences-by-hand.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

// [sentence, the dodging words the writer should see highlighted]
const dodges: [string, string][] = [
  ['It will be looked into.', 'It will be looked into'],
  ['This will be investigated.', 'This will be investigated'],
  ['Someone will get back to you.', 'Someone will'],
  ['The team will reach out at some point.', 'The team will'],
  ['It is being handled.', 'It is being handled'],
  ['A fix will be provided.', 'A fix will be provided'],
  ['This has been escalated.', 'This has been escalated'],
  ['Someone should check the settings.', 'Someone should'],
  ['It should be fixed in the next release.', 'It should be fixed'],
  ['Your request is being reviewed.', 'Your request is being reviewed'],
  ['You will be notified when it ships.', 'You will be notified'],
  ['Your ticket has been passed on to the product group.', 'Your ticket has been passed on'],
  ['Somebody from billing will contact you.', 'Somebody from billing will'],
  ['The relevant team will take a look.', 'The relevant team will'],
  ['We will fix it at some point.', 'will fix it at some point'],
  ['The issue will be addressed in due course.', 'The issue will be addressed'],
  ['It’ll be taken care of.', 'It’ll be taken care of'],
  ['I think it was escalated last week.', 'it was escalated'],
  ['It’s been escalated to the product group.', 'It’s been escalated'],
];

const owned = [
  'I will look into it.',
  'We will investigate.',
  "I've escalated this to engineering.",
  'I am handling this myself.',
  'Our engineering team will fix it by Friday.',
  'This will be reviewed by our billing team tomorrow.',
  'It was escalated by me this morning.',
  'I have passed your ticket to the product team.',
  'You will be able to export the report after the upgrade.',
  'The new version will be available next week.',
  'Thanks for your patience.',
  'The fix has been deployed to staging.',
];

describe('findOwnershipDodges', () => {
  it('compiles its table without problems', () => {
    expect(ownershipTableProblems).toEqual([]);
  });

  it.each(dodges)('flags %j at %j', (text, phrase) => {
    const offset = 100;
    const draft = ' '.repeat(offset) + text;
    const found = findOwnershipDodges(one(text, offset));
    expect(found.length).toBeGreaterThanOrEqual(1);
    const first = found[0]!;
    expect(first.phrase).toBe(phrase);
    expect(draft.slice(first.range[0], first.range[1])).toBe(phrase);
    expect(first.suggestion.length).toBeGreaterThan(10);
  });

  it.each(owned)('does not flag %j', (text) => {
    expect(findOwnershipDodges(one(text))).toEqual([]);
  });

  it('suggests the owned wording for the verb used', () => {
    const [dodge] = findOwnershipDodges(one('It will be looked into.'));
    expect(dodge?.suggestion).toContain('I will look into it');
  });

  it('reports every dodge of a draft with its sentence', () => {
    const draft = 'Hi Ana,\nIt is being handled. I checked the logs. Someone will call you.';
    const found = findOwnershipDodges(splitByHand(draft));
    expect(found.map((d) => draft.slice(d.range[0], d.range[1]))).toEqual([
      'It is being handled',
      'Someone will',
    ]);
    expect(found[1]?.sentence.text).toBe('Someone will call you.');
  });

  it('survives odd input and finishes 200 KB of near-misses quickly', () => {
    expect(findOwnershipDodges([])).toEqual([]);
    expect(findOwnershipDodges(null as unknown as [])).toEqual([]);
    expect(findOwnershipDodges(one('😀 ‏مرحبا‏ 你好 '))).toEqual([]);
    for (const unit of ['it will be it will be by ', 'someone from a b c d e f g ', 'will '.repeat(7) + 'at ']) {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      const started = performance.now();
      findOwnershipDodges(one(text));
      expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
    }
    const megabyte = 'It will be looked into. '.repeat(45_000);
    expect(findOwnershipDodges(one(megabyte))).toHaveLength(45_000);
  });
});
