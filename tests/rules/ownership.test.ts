import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester('ownership', {
  valid: [
    { draft: 'I will look into it today.' },
    { draft: 'We will investigate and I will update you by Friday.' },
    { draft: 'I have escalated this to engineering.' },
  ],
  invalid: [
    { draft: 'This will be looked into.', errors: [{ text: 'This will be looked into', message: /who acts/ }] },
    { draft: 'Someone will get back to you.', errors: [{ text: 'Someone will' }] },
  ],
});
