import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester('status-summary', {
  valid: [
    { draft: 'Hi Dana,\n\nCurrent status: we have reproduced the crash and engineering is working on a fix.\n\nNext, I will send a patch.' },
    { draft: 'Hi Dana,\n\nThanks for your patience. Quick update: the fix is deployed to staging.' },
    { draft: '' },
  ],
  invalid: [
    {
      name: 'no status at all',
      draft: 'Hi Dana,\n\nCould you send me the logs?\n\nThanks,\nSam',
      errors: [{ text: null, message: /No status summary/ }],
    },
    {
      name: 'status buried at the end',
      draft:
        'Hi Dana,\n\nThanks for the logs.\nI read through them this morning.\nThey were very helpful.\nI also checked the config you sent.\nOne more thing about your proxy settings.\nThe proxy looks fine.\nWe have reproduced the crash in our lab.\n\nBest,\nSam',
      errors: [{ text: 'We have reproduced the crash in our lab.', message: /buried/ }],
    },
  ],
});
