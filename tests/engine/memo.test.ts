import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, clearEngineCaches, type Analysis, type AnalysisInput } from '../../lib/engine.ts';
import { small, typical, typicalHtml, typicalTypingDrafts } from '../../scripts/bench/corpus.ts';

// The engine remembers the customer's reading (and the answer profiles of its questions)
// between calls, because in Gmail only the draft changes while someone types. Whatever it
// remembers, an analysis must come out exactly as it would from scratch.

const NOW = new Date('2026-11-18T10:00:00-05:00');

type Pair = { customer: string; draft: string; format?: AnalysisInput['format'] };

/** What a user sees: the findings, the questions with their verdicts, the ETAs. */
function seen(analysis: Analysis): string {
  return JSON.stringify({
    findings: analysis.findings,
    questions: analysis.questions,
    etas: analysis.etas,
    primaryEta: analysis.primaryEta,
    customer: { ...analysis.customer, htmlOffsets: [...analysis.customer.htmlOffsets] },
  });
}

const run = (pair: Pair) => analyze({ ...pair, now: NOW, timeZone: 'America/New_York' });

function fromScratch(pair: Pair): string {
  clearEngineCaches();
  return seen(run(pair));
}

const FIXTURES = new URL('../cli/fixtures/', import.meta.url);
const fixtureTexts = readdirSync(FIXTURES)
  .sort()
  .map((name) => readFileSync(new URL(name, FIXTURES), 'utf8'));

const pairs: Pair[] = [
  typical,
  small,
  typicalHtml,
  { ...typicalHtml, format: 'html' },
  { ...typical, format: 'text' },
  ...typicalTypingDrafts(5).map((draft) => ({ customer: typical.customer, draft })),
];
for (const customer of fixtureTexts) for (const draft of fixtureTexts) pairs.push({ customer, draft });

describe('remembered customer reading', () => {
  it('is reused while only the draft changes', () => {
    clearEngineCaches();
    const drafts = typicalTypingDrafts(2);
    const first = run({ customer: typical.customer, draft: drafts[0] ?? '' });
    const second = run({ customer: typical.customer, draft: drafts[1] ?? '' });
    expect(second.customer).toBe(first.customer);
    clearEngineCaches();
    expect(run({ customer: typical.customer, draft: drafts[1] ?? '' }).customer).not.toBe(first.customer);
  });

  it.each(pairs.map((pair, i) => [i, pair] as const))('gives the same analysis as from scratch (input %i)', (_i, pair) => {
    const expected = fromScratch(pair);
    // The same call again, now with the customer's reading remembered…
    expect(seen(run(pair))).toBe(expected);
    // …and after another draft for the same customer has been checked in between.
    run({ customer: pair.customer, draft: typical.draft, format: pair.format });
    expect(seen(run(pair))).toBe(expected);
    // …and when the same customer text is read in another format in between.
    const otherFormat = { ...pair, format: pair.format === 'text' ? ('html' as const) : ('text' as const) };
    const expectedOther = fromScratch(otherFormat);
    run(pair);
    expect(seen(run(otherFormat))).toBe(expectedOther);
    expect(seen(run(pair))).toBe(expected);
  });

  it('gives the same analysis as from scratch on generated exchanges', () => {
    const fragment = fc.oneof(
      fc.constantFrom(
        'Can you confirm the fix ships on Friday?',
        'Is there a workaround?',
        'When is the next release planned?',
        'Please send the logs.',
        'I will send the patch by 3 pm ET Thursday.',
        'We fixed it yesterday.',
        'Yes, it is a known issue.',
        'I will get back to you soon.',
        '<div style="color:red">red</div>',
        '> quoted question?\n',
        '\n\n',
        '-- \nSam',
        'by EOD',
        'next week',
      ),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    );
    const message = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(message, message, message, fc.constantFrom('auto', 'html', 'text' as const), (customer, draft, other, format) => {
        const expected = fromScratch({ customer, draft, format });
        run({ customer, draft: other, format });
        expect(seen(run({ customer, draft, format }))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
