import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester('next-steps', {
  valid: [
    { draft: 'Next steps: I will deploy the patch to staging tomorrow.' },
    { draft: 'I will reproduce this on 4.2 and send you my findings.' },
    { draft: 'Could you try restarting the agent and let me know if the error persists?' },
    { draft: 'Once you send the logs, I will review them with engineering.' },
    { draft: '' },
  ],
  invalid: [
    { draft: 'Thanks for reaching out. Let me know if you have any questions.', errors: [{ text: null, message: /No next step/ }] },
    { draft: 'Hi Dana,\n\nThanks for the update.\n\nBest,\nSam', errors: [{ message: /who does it/ }] },
  ],
});
