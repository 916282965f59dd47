import { ruleTester } from '../helpers/rule-tester.ts';

const DIRECTORY = [
  { domain: 'acme.com', name: 'Acme', accountOwner: { name: 'Rita Sales', email: 'rita@ourco.com' } },
  { domain: 'globex.com', name: 'Globex' },
];
const thread = (to: string[], cc: string[] = [], customerAddress = 'dana@acme.com') => ({
  recipients: { to, cc, bcc: [] },
  customerAddress,
  directory: DIRECTORY,
});
const DRAFT = 'Thanks, Dana.';

ruleTester('cc-account-owner', {
  valid: [
    { name: 'owner on Cc', draft: DRAFT, thread: thread(['dana@acme.com'], ['rita@ourco.com']) },
    { name: 'owner on To, written with a display name', draft: DRAFT, thread: thread(['dana@acme.com', 'Rita Sales <RITA@ourco.com>']) },
    { name: 'a subdomain of the customer', draft: DRAFT, thread: thread(['ops@eu.acme.com'], ['rita@ourco.com'], 'ops@eu.acme.com') },
    { name: 'customer with no account owner', draft: DRAFT, thread: thread(['li@globex.com'], [], 'li@globex.com') },
    { name: 'customer not in the directory', draft: DRAFT, thread: thread(['x@initech.com'], [], 'x@initech.com') },
    { name: 'recipients unknown (CLI)', draft: DRAFT },
  ],
  invalid: [
    {
      name: 'owner missing',
      draft: DRAFT,
      thread: thread(['dana@acme.com']),
      errors: [{ text: null, message: /Rita Sales \(rita@ourco\.com\) owns the Acme account/ }],
    },
    {
      name: 'Bcc does not count',
      draft: DRAFT,
      thread: { ...thread(['dana@acme.com']), recipients: { to: ['dana@acme.com'], cc: [], bcc: ['rita@ourco.com'] } },
      errors: [{ message: /not on To or Cc/ }],
    },
  ],
});
