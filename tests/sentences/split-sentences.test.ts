import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../lib/text/sentences.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  const table: { name: string; input: string; expected: string[] }[] = [
    { name: 'plain sentences', input: 'The export failed. We restarted it! Did it work?', expected: ['The export failed.', 'We restarted it!', 'Did it work?'] },
    { name: 'titles', input: 'I spoke to Dr. Smith and Mr. Jones. They agreed.', expected: ['I spoke to Dr. Smith and Mr. Jones.', 'They agreed.'] },
    { name: 'e.g. and i.e.', input: 'Use a browser, e.g. Chrome, i.e. the one we support. Then retry.', expected: ['Use a browser, e.g. Chrome, i.e. the one we support.', 'Then retry.'] },
    { name: 'etc. mid-sentence and at the end', input: 'Logs, traces, etc. are attached. We sent logs, traces etc. Nothing else.', expected: ['Logs, traces, etc. are attached.', 'We sent logs, traces etc.', 'Nothing else.'] },
    { name: 'vs. and approx.', input: 'Version 3 vs. version 4 takes approx. two minutes. Fine.', expected: ['Version 3 vs. version 4 takes approx. two minutes.', 'Fine.'] },
    { name: 'Inc. before a capital ends, before lower case continues', input: 'We bought it from Acme Inc. The licence is valid. Acme Inc. is our vendor.', expected: ['We bought it from Acme Inc.', 'The licence is valid.', 'Acme Inc. is our vendor.'] },
    { name: 'No. 5 vs No.', input: 'Ticket No. 5 is open. No. It is closed.', expected: ['Ticket No. 5 is open.', 'No.', 'It is closed.'] },
    { name: 'U.S.', input: 'Our U.S. office handles it. The U.S. Then Europe.', expected: ['Our U.S. office handles it.', 'The U.S.', 'Then Europe.'] },
    { name: 'p.m. ET', input: 'The call is at 3 p.m. ET on Monday. See you then.', expected: ['The call is at 3 p.m. ET on Monday.', 'See you then.'] },
    { name: 'a.m. ending a sentence', input: 'We start at 10 a.m. Please be on time.', expected: ['We start at 10 a.m.', 'Please be on time.'] },
    { name: 'version numbers', input: 'Is the fix in v4.2.1 or 4.2? We run 4.1.', expected: ['Is the fix in v4.2.1 or 4.2?', 'We run 4.1.'] },
    { name: 'decimals and prices', input: 'It costs $12.50 per seat. That is 3.5% more.', expected: ['It costs $12.50 per seat.', 'That is 3.5% more.'] },
    { name: 'URL with ? . and !', input: 'Open https://x.com/a?b=1&c=2 and http://y.io/hi!there.html now. Done.', expected: ['Open https://x.com/a?b=1&c=2 and http://y.io/hi!there.html now.', 'Done.'] },
    { name: 'email addresses', input: 'Write to jane.doe@acme.co.uk for access. She replies fast.', expected: ['Write to jane.doe@acme.co.uk for access.', 'She replies fast.'] },
    { name: 'ellipsis continuing and ending', input: 'I tried... but it failed. I waited… Nothing happened.', expected: ['I tried... but it failed.', 'I waited…', 'Nothing happened.'] },
    { name: '?! as one terminator', input: 'It crashed again?! Unbelievable.', expected: ['It crashed again?!', 'Unbelievable.'] },
    { name: 'closing quote and bracket after the terminator', input: 'He asked "is it fixed?" Then he left. (Is it fixed?) Yes.', expected: ['He asked "is it fixed?"', 'Then he left.', '(Is it fixed?)', 'Yes.'] },
    { name: 'blank-line separated paragraphs without punctuation', input: 'First paragraph\n\nSecond paragraph', expected: ['First paragraph', 'Second paragraph'] },
    { name: 'Gmail lines are real lines', input: 'The export is stuck\nCan you check it', expected: ['The export is stuck', 'Can you check it'] },
    { name: 'hard-wrapped line continues in lower case', input: 'We upgraded the server last night and since then the\nexport job fails every time.', expected: ['We upgraded the server last night and since then the\nexport job fails every time.'] },
    { name: 'bullets', input: 'Steps:\n- open settings\n* click Security\n• enable SSO', expected: ['Steps:', 'open settings', 'click Security', 'enable SSO'] },
    { name: 'numbered and lettered lists', input: '1. reset the password\n2) send the invoice\na) check the logs', expected: ['reset the password', 'send the invoice', 'check the logs'] },
    { name: 'greeting and sign-off lines', input: 'Hi Jane,\nthe invoice is attached.\nThanks,\nBob', expected: ['Hi Jane,', 'the invoice is attached.', 'Thanks,', 'Bob'] },
    { name: 'Best regards', input: 'All good now.\n\nBest regards,\nJane Doe', expected: ['All good now.', 'Best regards,', 'Jane Doe'] },
    { name: 'separator lines carry no sentence', input: 'Above.\n-----\nBelow.', expected: ['Above.', 'Below.'] },
    { name: 'CRLF line ends', input: 'Hi Jane,\r\nIs it fixed?\r\nThanks', expected: ['Hi Jane,', 'Is it fixed?', 'Thanks'] },
    { name: 'non-English and CJK punctuation', input: '¿Está listo? 修好了吗？还没有。', expected: ['¿Está listo?', '修好了吗？', '还没有。'] },
  ];

  for (const row of table) {
    it(row.name, () => {
      expect(texts(row.input)).toEqual(row.expected);
    });
  }

  it('reports offsets into the original text, also for a sub-range', () => {
    const text = 'Quoted above.\nNew text here. Second one?';
    const start = text.indexOf('New');
    const sentences = splitSentences(text, start);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [start, start + 'New text here.'.length],
      [text.indexOf('Second'), text.length],
    ]);
  });

  it('leaves list markers out of the item range', () => {
    const text = '- send the invoice';
    const [item] = splitSentences(text);
    expect(item).toEqual({ text: 'send the invoice', start: 2, end: text.length });
  });

  it('returns nothing for empty, blank or out-of-range input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n  ')).toEqual([]);
    expect(splitSentences('Hello.', 10, 20)).toEqual([]);
    expect(splitSentences('Hello.', 4, 2)).toEqual([]);
  });

  it('keeps ranges ordered, in bounds and equal to their slice (property)', () => {
    const alphabet = fc.constantFrom(...'ab Z.?!…\n-•1)"\'@:/ '.split(''), 'Dr.', 'e.g.', 'http://x.y/a?b', '\n\n', 'Hi Jane,\n', 'Thanks,\n', '😀', 'مرحبا');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), fc.nat(100), fc.nat(100), (text, a, b) => {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        const sentences = splitSentences(text, start, end);
        let last = Math.min(start, text.length);
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(Math.min(end, text.length));
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          last = s.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  describe('adversarial 200 KB inputs finish fast', () => {
    const inputs: [string, string][] = [
      ['question marks', '?'.repeat(200_000)],
      ['spaced dots', '. '.repeat(100_000)],
      ['titles', 'Dr. '.repeat(50_000)],
      ['no spaces', 'a.b?c!'.repeat(34_000)],
      ['newlines and bullets', '- x\n'.repeat(50_000)],
      ['one long word', 'x'.repeat(200_000)],
      ['ellipses', '... a '.repeat(34_000)],
    ];
    for (const [name, input] of inputs) {
      it(name, () => {
        const t0 = performance.now();
        const sentences = splitSentences(input);
        const elapsed = performance.now() - t0;
        expect(elapsed).toBeLessThan(LINEAR_BOUND_MS);
        for (const s of sentences.slice(0, 50)) expect(input.slice(s.start, s.end)).toBe(s.text);
      });
    }
  });
});
