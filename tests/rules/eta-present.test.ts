import { ruleTester } from '../helpers/rule-tester.ts';

const CUSTOMER = 'Our exports fail with a timeout since the upgrade. Can you look into it?';

ruleTester('eta-present', {
  valid: [
    { name: 'a concrete ETA', customer: CUSTOMER, draft: 'I am reproducing the timeout now and will update you by 3 pm ET tomorrow.' },
    { name: 'a vague ETA is eta-concrete’s business, not this rule’s', customer: CUSTOMER, draft: 'I am looking into it and will get back to you soon.' },
    { name: 'business days', customer: CUSTOMER, draft: 'Engineering will have a patch within 2 business days.' },
    { name: 'the writer marked the reply as resolving', customer: CUSTOMER, draft: 'I changed the export timeout on your server.', thread: { resolved: true } },
    { name: 'the writer marked the thread as waiting on the customer', customer: CUSTOMER, draft: 'I am looking at this.', thread: { waitingOnCustomer: true } },
    { name: 'the reply reads as a resolution', customer: CUSTOMER, draft: 'Good news: the fix has been deployed and your exports are working again. I am closing this ticket.' },
    { name: 'the ball is in the customer’s court', customer: CUSTOMER, draft: 'Could you send me the export logs from last night? I need them to see where the time goes.' },
    { name: 'an empty draft is not judged yet', customer: CUSTOMER, draft: '' },
  ],
  invalid: [
    {
      name: 'no ETA while we own the next step',
      customer: CUSTOMER,
      draft: 'Hi Dana,\n\nThanks for the report. I am looking into the timeout with our engineers.\n\nBest,\nSam',
      errors: [{ text: null, message: /No ETA/ }],
    },
    {
      name: 'a past date is not an ETA',
      customer: CUSTOMER,
      draft: 'We saw the same timeout on Monday at another customer and I am investigating.',
      errors: [{ message: /No ETA/ }],
    },
    {
      name: 'a version number is not an ETA',
      customer: CUSTOMER,
      draft: 'The timeout is a known issue in 4.2.1 and I am checking with engineering.',
      errors: [{ message: /No ETA/ }],
    },
  ],
});
