import { describe, expect, it } from 'vitest';
import { findNextSteps, nextStepsTableProblems } from '../../lib/detect/next-steps.ts';
import { one, splitByHand } from './sentences-by-hand.ts';

const steps = [
  'Next, I will check the server logs for that request ID.',
  'Next steps: upgrade the agent to 4.3 and re-run the import.',
  'I’ll reproduce this on 4.2 and compare the output.',
  "I'll reproduce this on 4.2 and report back.",
  'Our engineering team will deploy the patch tonight.',
  'Once you send the logs, I will dig into them.',
  'Could you try clearing the cache and let me know?',
  'Here’s the plan:',
  "Here's what I'll do next.",
  'We are going to roll back the change on your tenant.',
  'Let me check with our billing team about the refund.',
  'Please send me the HAR file from the failing page.',
  'Can you confirm which version of the connector you run?',
  'Would you be able to share a screenshot of the error?',
  'You will need to restart the service after the upgrade.',
  'The next step is a call with our engineers.',
  'I would like to schedule a short call for Thursday.',
  'My colleague will walk you through the new settings.',
  'I will be testing the fix on a copy of your database tonight.',
  'When you get a chance, please run the diagnostic script.',
  'As soon as you upload the dump, we will analyse it.',
  'WE WILL ESCALATE THIS TO ENGINEERING TODAY.',
];

const notSteps = [
  'Thanks for reaching out.',
  'Let me know if you have questions.',
  'Please let me know if you have any other questions.',
  'Feel free to reach out any time.',
  'I hope this helps!',
  'I will be happy to help with anything else.',
  "I'll be out of the office next week.",
  'We will always value your feedback.',
  'Please find attached the report you asked for.',
  'Did you try restarting it?',
  'The next version shipped last week.',
  'Have a great weekend.',
  'Can you believe how fast that was?',
  'Please don’t hesitate to contact us.',
];

describe('findNextSteps', () => {
  it('compiles its table without problems', () => {
    expect(nextStepsTableProblems).toEqual([]);
  });

  it.each(steps)('finds a next step in %j', (text) => {
    expect(findNextSteps(one(text, 40))).toEqual(one(text, 40));
  });

  it.each(notSteps)('finds no next step in %j', (text) => {
    expect(findNextSteps(one(text))).toEqual([]);
  });

  it('returns only the step sentences of a draft, with their offsets', () => {
    const draft =
      'Hi Jane,\nThanks for the details. I reproduced the timeout. I will send a patched build tomorrow. Let me know if you have questions.';
    const found = findNextSteps(splitByHand(draft));
    expect(found.map((s) => draft.slice(s.start, s.end))).toEqual([
      'I will send a patched build tomorrow.',
    ]);
  });

  it('survives empty, odd and huge input', () => {
    expect(findNextSteps([])).toEqual([]);
    expect(findNextSteps(one(''))).toEqual([]);
    expect(findNextSteps(one('😀 مرحبا 你好'))).toEqual([]);
    expect(findNextSteps(null as unknown as [])).toEqual([]);
    const huge = 'word '.repeat(200_000) + 'I will send the logs.';
    expect(findNextSteps(one(huge))).toHaveLength(1);
  });
});
