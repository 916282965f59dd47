import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester('expectations', {
  valid: [
    { draft: 'You will hear from me by Friday with the results.' },
    { draft: 'Expect an email from our billing team with the corrected invoice.' },
    { draft: 'I will update you after tonight’s deploy.' },
    { name: 'a concrete ETA sets the expectation', draft: 'The patch ships on December 3.' },
    { name: 'a resolved thread needs no expectations', draft: 'All fixed.', thread: { resolved: true } },
  ],
  invalid: [
    { draft: 'Thanks for the logs, they help a lot.', errors: [{ text: null, message: /No expectations set/ }] },
    { name: 'a vague promise is not an expectation', draft: 'We are working on it.', errors: [{ message: /when they will hear from us/ }] },
  ],
});
