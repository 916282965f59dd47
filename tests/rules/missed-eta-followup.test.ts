import { ruleTester } from '../helpers/rule-tester.ts';

// We promised Tuesday 17:00; it is now Wednesday 10:00.
const MISSED = { earlierEtas: [{ due: '2026-11-17T17:00:00-05:00', text: 'I will have the root cause for you by Tuesday EOD.' }] };
const KEPT = { earlierEtas: [{ due: '2026-11-19T17:00:00-05:00', text: 'I will update you by Thursday EOD.' }] };

ruleTester('missed-eta-followup', {
  valid: [
    {
      name: 'owns the miss and gives a new ETA',
      draft: 'Sorry I did not get back to you by Tuesday as promised. Engineering needed another day; I will have the root cause for you by 3 pm ET Thursday.',
      thread: MISSED,
    },
    {
      name: 'apologises for the delay, new ETA in business days',
      draft: 'Apologies for the delay on this. I will send the report within 2 business days.',
      thread: MISSED,
    },
    { name: 'the earlier ETA has not passed yet', draft: 'Quick update: still on track.', thread: KEPT },
    { name: 'no earlier ETA on the thread', draft: 'Thanks for the logs.' },
  ],
  invalid: [
    {
      name: 'carries on as if nothing was promised',
      draft: 'Hi Dana, engineering is still looking at the logs. I will update you by 3 pm ET Thursday.',
      thread: MISSED,
      errors: [{ text: null, message: /promised an update by Tue, Nov 17, 5:00 PM EST and missed it/ }],
    },
    {
      name: 'apologises but gives no new ETA',
      draft: 'Sorry for the delay, engineering is still looking at the logs.',
      thread: MISSED,
      errors: [{ message: /give the customer a new one/ }],
    },
    {
      name: 'neither',
      draft: 'Engineering is still looking at the logs and will reply soon.',
      thread: MISSED,
      errors: [{ message: /acknowledge/ }, { message: /new one/ }],
    },
  ],
});
