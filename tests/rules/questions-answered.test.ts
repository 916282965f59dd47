import { describe, expect, it } from 'vitest';
import { findQuestions } from '../../lib/detect/questions.ts';
import { run, ruleTester } from '../helpers/rule-tester.ts';

const CUSTOMER = 'Hi Sam,\n\nIs the fix included in 4.2?\n\nAlso, please send me the invoice for October.\n\nThanks,\nDana';

ruleTester('questions-answered', {
  valid: [
    {
      name: 'both answered in prose',
      customer: CUSTOMER,
      draft: 'Hi Dana,\n\nYes, the fix is included in 4.2, which shipped on Monday.\nI have attached the October invoice to this email.\n\nBest,\nSam',
    },
    {
      name: 'answered inline under the quoted questions (HTML)',
      customer: CUSTOMER,
      draft:
        '<div>Hi Dana, answers below.</div><div class="gmail_quote"><blockquote class="gmail_quote"><div>Is the fix included in 4.2?</div></blockquote></div>' +
        '<div>Yes, it is.</div><div class="gmail_quote"><blockquote class="gmail_quote"><div>Also, please send me the invoice for October.</div></blockquote></div><div>Attached.</div>',
    },
    { name: 'no questions at all', customer: 'Thanks, all good now!', draft: 'Glad to hear it.' },
  ],
  invalid: [
    {
      name: 'the invoice request is ignored',
      customer: CUSTOMER,
      draft: 'Hi Dana,\n\nYes, the fix is included in 4.2.\n\nBest,\nSam',
      errors: [{ text: null, message: /Request not addressed: “Also, please send me the invoice for October\.”/ }],
    },
    {
      name: 'an answer about another topic does not count',
      customer: 'When will the SSO integration be available?',
      draft: 'Hi, I have reset your password as requested.',
      errors: [{ message: /Question not answered: “When will the SSO integration be available\?”/ }],
    },
    {
      name: 'the quoted question itself is not an answer',
      customer: 'Is the fix included in 4.2?',
      draft: '<div>Thanks for writing.</div><div class="gmail_quote"><blockquote class="gmail_quote">Is the fix included in 4.2?</blockquote></div>',
      errors: [{ message: /Is the fix included in 4\.2\?/ }],
    },
  ],
});

describe('questions-answered marks', () => {
  const customer = 'Can you join our call on Tuesday?';
  const draft = 'Hi, the patch is ready for you to test. I will send it by 3 pm ET Thursday.';
  const [question] = findQuestions(customer);

  it('flags the question until the user marks it, then stays quiet', () => {
    expect(question).toBeDefined();
    expect(run('questions-answered', { customer, draft }).findings).toHaveLength(1);
    for (const mark of ['answered', 'not-applicable'] as const) {
      const { findings, analysis } = run('questions-answered', { customer, draft, thread: { marks: { [question!.id]: mark } } });
      expect(findings).toEqual([]);
      expect(analysis.questions[0]?.mark).toBe(mark);
    }
  });
});
