import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../lib/detect/placeholders.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

// [text, placeholders as written, in order]
const cases: [string, string[]][] = [
  ['Hi [[customer first name]],', ['[[customer first name]]']],
  ['I will update you by [[ETA]].', ['[[ETA]]']],
  ['Status: [[ status ]] / next: [[next step]]', ['[[ status ]]', '[[next step]]']],
  ['Dear {{first_name}},', ['{{first_name}}']],
  ['Order <<order number>> ships soon.', ['<<order number>>']],
  ['We will deploy on [INSERT DATE].', ['[INSERT DATE]']],
  ['See [insert link to KB article].', ['[insert link to KB article]']],
  ['[INSERT …]', ['[INSERT …]']],
  ['Thanks, [Your Name]', ['[Your Name]']],
  ['Hello [Customer Name],', ['[Customer Name]']],
  ['Meeting on [DATE] at [TIME].', ['[DATE]', '[TIME]']],
  ['Hi [NAME]!', ['[NAME]']],
  ['Download it here: [link]', ['[link]']],
  ['Version [Product Version] is affected.', ['[Product Version]']],
  ['Your ticket [ticket number] is open.', ['[ticket number]']],
  ['The fix lands on XX/XX.', ['XX/XX']],
  ['Call me at XX:XX ET.', ['XX:XX']],
  ['Your reference is XXX.', ['XXX']],
  ['Please sign here: ______ and return.', ['______']],
  ['TODO: add the workaround', ['TODO']],
  ['Hi [[name]], the fix ships XXX. [Your Name]', ['[[name]]', 'XXX', '[Your Name]']],
  ['[[[ETA]]]', ['[[ETA]]']],
];

const clean = [
  'As noted in the RFC [1], the header is optional.',
  'He said "their [sic] server" twice.',
  'The log […] shows the timeout.',
  'Date: TBD, we will confirm.',
  'See the [docs](https://example.com/docs) for details.',
  'The variable X holds the count.',
  'Size XL is out of stock.',
  'Thanks, Jane xx',
  '________________________________',
  '[EXTERNAL] Re: your ticket',
  '[image: logo]',
  'a << 2 >> 3',
  '[[ ]] and {{ }}',
  'MAXIMUM XXL 0xFF',
];

describe('findPlaceholders', () => {
  it.each(cases)('finds placeholders in %j', (text, expected) => {
    const found = findPlaceholders(text);
    expect(found.map((p) => p.text)).toEqual(expected);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it.each(clean)('finds nothing in %j', (text) => {
    expect(findPlaceholders(text)).toEqual([]);
  });

  it('names what should go in the slot', () => {
    const names = findPlaceholders('[[ ETA ]] {{first_name}} [Your Name] ____ x XX/XX').map(
      (p) => p.name,
    );
    expect(names).toEqual(['ETA', 'first_name', 'Your Name', 'blank', 'XX/XX']);
  });

  it('reports a line of underscores only when the line has other text', () => {
    const text = 'Answer:\n   ______   \nName: _____ ';
    expect(findPlaceholders(text).map((p) => [p.start, p.end])).toEqual([[27, 32]]);
  });

  it('never throws on odd input', () => {
    expect(findPlaceholders('')).toEqual([]);
    expect(findPlaceholders(null as unknown as string)).toEqual([]);
    expect(findPlaceholders('مرحبا [[الاسم]] 😀')).toEqual([
      { start: 6, end: 15, text: '[[الاسم]]', name: 'الاسم' },
    ]);
  });

  it.each([
    ['[[[[[[', '['.repeat(200_000)],
    ['{{{{', '{'.repeat(200_000)],
    ['____', '_'.repeat(200_000)],
    ['<<<<', '<'.repeat(200_000)],
    ['[[ unclosed', '[[ a'.repeat(50_000)],
    ['[ single', '[a '.repeat(70_000)],
    ['X masks', 'X/'.repeat(100_000) + 'L'],
    ['XXXX', 'X'.repeat(200_000)],
    ['blank runs', '___ '.repeat(50_000)],
    ['underscores and spaces', ('_'.repeat(3) + ' '.repeat(97)).repeat(2_000)],
  ])('finishes 200 KB of %s quickly', (_label, input) => {
    const started = performance.now();
    findPlaceholders(input);
    expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
  });
});
