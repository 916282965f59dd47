import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester('eta-concrete', {
  valid: [
    { draft: 'I will update you by 3 pm ET Thursday.' },
    { draft: 'You will have the patch within 2 business days.' },
    { draft: 'I will send the report by EOD Friday.' },
    { draft: 'I will call you tomorrow at 10 am.' },
    { name: 'after hours is fine when the team allows it', draft: 'I will update you by 9 pm ET tonight.', settings: { etaWithinBusinessHours: false } },
    { name: 'no ETA at all is eta-present’s business', draft: 'Thanks for the logs.' },
  ],
  invalid: [
    { draft: 'I will get back to you soon.', errors: [{ text: 'soon', message: /name a day and time/ }] },
    {
      name: 'the suggested time is the close of the team’s business day, in the team’s zone, for a writer elsewhere',
      draft: 'I will get back to you soon.',
      timeZone: 'Europe/Berlin',
      errors: [{ text: 'soon', message: /e\.g\. “by Wed, Nov 18, 5:00 PM EST”/ }],
    },
    { draft: 'We will fix this ASAP.', errors: [{ text: 'ASAP' }] },
    { draft: 'I will update you shortly and then again as soon as I hear back from engineering.', errors: [{ text: 'shortly' }, { text: 'as soon as I hear back' }] },
    {
      name: 'an ETA on a Saturday is outside business hours',
      draft: 'I will send the fix by Saturday at noon.',
      errors: [{ message: /outside business hours \(Sat, Nov 21, 12:00 PM EST\)/ }],
    },
    {
      name: 'an ETA late in the evening',
      draft: 'I will update you by 9 pm ET tonight.',
      errors: [{ message: /outside business hours \(Wed, Nov 18, 9:00 PM EST\)/ }],
    },
  ],
});
