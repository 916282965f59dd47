import { describe, expect, it } from 'vitest';
import { compilePhrases, tokenize } from '../../lib/detect/phrase-matcher.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

describe('tokenize', () => {
  it('lower-cases, straightens apostrophes and expands contractions', () => {
    expect(tokenize('I’ll check. We’ve won’t can’t It’s').map((t) => t.norm)).toEqual([
      'i', 'will', 'check', '.', 'we', 'have', 'will', 'not', 'can', 'not', 'it', 'is',
    ]);
  });

  it('reads "\'s been" as "has been" and "\'d been" as "had been"', () => {
    expect(tokenize('It’s been fixed; we’d been told; it’s done').map((t) => t.norm)).toEqual([
      'it', 'has', 'been', 'fixed', ';', 'we', 'had', 'been', 'told', ';', 'it', 'is', 'done',
    ]);
  });

  it('keeps offsets on the source when lower-casing lengthens a word', () => {
    const text = 'İSTANBUL’ll wait. Next';
    const tokens = tokenize(text);
    expect(tokens.at(-1)).toMatchObject({ norm: 'next', start: 18, end: 22 });
    for (const t of tokens) expect(t.end).toBeLessThanOrEqual(text.length);
  });

  it('keeps possessives whole and offsets pointing at the source', () => {
    const text = "the customer's log";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['the', "customer's", 'log']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['the', "customer's", 'log']);
  });

  it('returns nothing for empty or non-string input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(undefined as unknown as string)).toEqual([]);
  });
});

describe('compilePhrases', () => {
  const matcher = compilePhrases({
    slots: { who: ['i', 'we', 'our {team}'], team: ['team', 'billing team'] },
    phrases: [
      'next steps',
      { phrase: '{who} will send', note: 'a slot that nests another slot' },
      '^summary :',
      'could you {...} and let me know',
      'please {who?} reply',
    ],
    exceptions: ['next steps were'],
  });

  it('compiles the table without problems', () => {
    expect(matcher.problems).toEqual([]);
  });

  it('matches case- and apostrophe-insensitively on word boundaries', () => {
    expect(matcher.test('NEXT STEPS follow')).toBe(true);
    expect(matcher.test('I’ll send it')).toBe(true);
    expect(matcher.test("We'll send it")).toBe(true);
    expect(matcher.test('they will send it')).toBe(false);
    expect(matcher.test('nextsteps')).toBe(false);
    expect(matcher.test('the connext steps')).toBe(false);
  });

  it('expands contractions in the draft so tables only need the long form', () => {
    const withContraction = compilePhrases({ phrases: ['we will send'] });
    expect(withContraction.test('We’ll send the build')).toBe(true);
    expect(withContraction.test("we'll SEND the build")).toBe(true);
  });

  it('reports exact offsets of the longest match', () => {
    const text = 'Then our billing team will send the refund.';
    const [m] = matcher.findAll(text);
    expect(m?.text).toBe('our billing team will send');
    expect(text.slice(m?.start, m?.end)).toBe('our billing team will send');
  });

  it('honours sentence-start anchors', () => {
    expect(matcher.test('Summary: all fixed')).toBe(true);
    expect(matcher.test('A summary: all fixed')).toBe(false);
  });

  it('lets a gap span one to six words but not a sentence end', () => {
    expect(matcher.test('Could you clear the browser cache and let me know')).toBe(true);
    expect(matcher.test('Could you and let me know')).toBe(false);
    expect(matcher.test('Could you one two three four five six seven and let me know')).toBe(false);
    expect(matcher.test('Could you. Try it and let me know')).toBe(false);
  });

  it('treats {slot?} as optional', () => {
    expect(matcher.test('please reply')).toBe(true);
    expect(matcher.test('please we reply')).toBe(true);
  });

  it('drops a match that an exception overlaps', () => {
    expect(matcher.test('The next steps were done')).toBe(false);
    expect(matcher.test('The next steps are below')).toBe(true);
  });

  it('reports table mistakes instead of throwing', () => {
    const broken = compilePhrases({
      phrases: ['{nope} will', '{...} start', 'fine phrase', '{a} {...} {...} {...} b'],
      slots: { a: ['x'] },
    });
    expect(broken.problems.length).toBeGreaterThanOrEqual(3);
    expect(broken.test('a fine phrase')).toBe(true);
    expect(broken.test('someone will')).toBe(false);
  });

  it('runs on 200 KB adversarial inputs in well under a second', () => {
    const inputs = [
      'we will '.repeat(25_000),
      'our billing our billing team '.repeat(7_000),
      'could you '.repeat(20_000),
      "'".repeat(200_000),
      ':'.repeat(200_000),
      '.'.repeat(200_000),
      'a'.repeat(200_000),
      ' '.repeat(200_000),
      'could you x x x x x x '.repeat(9_000),
      '\u202Eمرحبا 😀 '.repeat(20_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      matcher.findAll(input);
      expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
    }
  });
});
