import { describe, expect, it } from 'vitest';
import { expectationsTableProblems, findExpectations } from '../../lib/detect/expectations.ts';
import { one, splitByHand } from './sentences-by-hand.ts';

const expectations = [
  "You'll hear from me by Friday.",
  'You’ll hear back from our billing team within two days.',
  "I'll update you tomorrow.",
  'Expect an email from our billing team.',
  'I will follow up by EOD.',
  'You should see the change within an hour.',
  "We'll send the next update after the deploy.",
  'My next update will be on Monday at 10 am ET.',
  "I'll keep you posted as the rollout progresses.",
  'We will be in touch once the vendor replies.',
  'The fix should be live by Thursday.',
  'The migration should take about two hours.',
  'You will receive a confirmation email when it finishes.',
  'ETA for the patch: Wednesday noon.',
  'I will get back to you before 3 pm.',
  'Our support team will reach out to schedule the call.',
  'You can expect a refund within five business days.',
  'I expect the job to finish overnight.',
  "I'm going to circle back after lunch.",
];

const notExpectations = [
  'Thanks for reaching out.',
  'Let me know if you have questions.',
  'I expect this is a configuration issue.',
  'We expected the migration to be simpler.',
  'Could you send the logs?',
  'The crash happens when you click save.',
  'I saw your email this morning.',
  'If you see the error again, restart the agent.',
  'We have reproduced the crash.',
  'Hi Jane,',
  'Did you hear back from your IT team?',
  'You should update the driver first.',
];

describe('findExpectations', () => {
  it('compiles its table without problems', () => {
    expect(expectationsTableProblems).toEqual([]);
  });

  it.each(expectations)('finds an expectation in %j', (text) => {
    expect(findExpectations(one(text, 3))).toEqual(one(text, 3));
  });

  it.each(notExpectations)('finds no expectation in %j', (text) => {
    expect(findExpectations(one(text))).toEqual([]);
  });

  it('picks the expectation out of a draft', () => {
    const draft = 'Hi Sam,\nWe found the cause. You will hear from me by noon tomorrow. Thanks!';
    const found = findExpectations(splitByHand(draft));
    expect(found.map((s) => draft.slice(s.start, s.end))).toEqual([
      'You will hear from me by noon tomorrow.',
    ]);
  });
});
