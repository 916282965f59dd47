import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuestions } from '../../lib/detect/questions.ts';
import { analyze } from '../../lib/engine.ts';
import { adversarial, huge, typical, typicalHtml } from '../../scripts/bench/corpus.ts';

const NOW = new Date('2026-11-18T10:00:00-05:00');
const check = (customer: string, draft: string) => analyze({ customer, draft, now: NOW, timeZone: 'America/New_York' });

function expectRangesInside(result: ReturnType<typeof check>) {
  const length = result.draft.text.length;
  for (const finding of result.findings) {
    if (!finding.range) continue;
    const [start, end] = finding.range;
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(0 <= start && start <= end && end <= length).toBe(true);
  }
  for (const eta of result.etas) expect(eta.range[1]).toBeLessThanOrEqual(length);
  for (const q of result.questions) {
    expect(q.question.range[1]).toBeLessThanOrEqual(result.customer.text.length);
    expect(result.customer.text.slice(...q.question.range)).toBe(q.question.text);
  }
}

describe('analyze', () => {
  it('finds the questions, the ETA and nothing broken in a typical exchange', () => {
    const result = check(typical.customer, typical.draft);
    expect(result.ruleErrors).toEqual([]);
    expect(result.questions.length).toBeGreaterThanOrEqual(5);
    expect(result.primaryEta?.vague).toBe(false);
    expectRangesInside(result);
  });

  it('leaves courtesy asks off the checklist: the reply owes them no answer', () => {
    const customer = 'Can you send the April invoice again? If you would like to discuss this further, please give me a call.';
    // The finder does report the courtesy line (Enron's labels count it as an ask)…
    expect(findQuestions(customer).map((q) => q.courtesy === true)).toEqual([false, true]);
    // …but only the real request reaches the checklist.
    const result = check(customer, 'Thanks for the note.');
    expect(result.questions.map((q) => q.question.text)).toEqual(['Can you send the April invoice again?']);
    const unanswered = result.findings.filter((f) => f.ruleId === 'questions-answered');
    expect(unanswered.map((f) => f.evidence)).toEqual(['Can you send the April invoice again?']);
  });

  it('reads Gmail HTML the same way as text', () => {
    const text = check(typicalHtml.customer, typical.draft);
    const html = check(typicalHtml.customer, typicalHtml.draft);
    expect(html.questions.map((q) => q.answered)).toEqual(text.questions.map((q) => q.answered));
    expect(html.primaryEta?.end?.toISOString()).toBe(text.primaryEta?.end?.toISOString());
  });

  it.each([
    ['empty', '', ''],
    ['HTML soup', '<<div<<p>>?</', '<div><span style="color:"><font color=>>>&amp;&#xZZ;<!-- <b'],
    ['emoji', 'Can you fix this 🙏🏽? 👩‍💻', 'Yes 👍 by 3 pm ET tomorrow 🎉'],
    ['right-to-left', 'هل يمكنك إرسال الفاتورة؟', 'سأرسلها غدًا. שלום, מתי?'],
    ['non-English', '¿Cuándo estará listo? Können Sie das prüfen?', 'Je vous répondrai demain à 15 h.'],
    ['only punctuation', '????!!!...', '...---...'],
  ])('never throws on %s', (_, customer, draft) => {
    const result = check(customer, draft);
    expect(result.ruleErrors).toEqual([]);
    expectRangesInside(result);
  });

  it('handles a 1 MB draft', () => {
    const draft = 'I will update you by Friday. Is it fixed? '.repeat(25_000);
    const result = check('Can you confirm the fix?', draft);
    expect(result.draft.text.length).toBeGreaterThan(1_000_000);
    expectRangesInside(result);
  });

  it('stays linear on 200 KB adversarial input (generous bound)', () => {
    const start = performance.now();
    const result = check(adversarial.customer, adversarial.draft);
    const elapsed = performance.now() - start;
    expectRangesInside(result);
    // A quadratic scan of 200 KB takes minutes; linear work takes well under a few seconds.
    expect(elapsed).toBeLessThan(10_000);
  });

  it('handles 20,000-word inputs', () => {
    expectRangesInside(check(huge.customer, huge.draft));
  });

  it('never throws and keeps every range inside the text, for any input (property)', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.constantFrom('<div>', '</div>', '<br>', '<blockquote class="gmail_quote">', '</blockquote>', '<font color="red">', '</font>',
        '<div class="gmail_signature">', '&nbsp;', '&amp;', '?', '. ', '\n', '> ', 'On Mon, Jan 5, 2026 at 9:00 AM Jo <j@x.com> wrote:',
        'by 3 pm ET Thursday', 'soon', 'Can you send the logs?', '[[ETA]]', 'v4.2.1', '$12.50', '-- \n'),
    );
    const message = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(message, message, (customer, draft) => {
        const result = check(customer, draft);
        expect(result.ruleErrors).toEqual([]);
        expectRangesInside(result);
      }),
      { numRuns: 300 },
    );
  });
});
