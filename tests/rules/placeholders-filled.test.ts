import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester('placeholders-filled', {
  valid: [
    { draft: 'Hi Dana, the patch is attached.' },
    { name: 'footnote-style brackets', draft: 'See the release notes [1] for details.' },
    { name: 'placeholders in quoted history are not ours', draft: 'Done.\n\nOn Mon, Nov 16, 2026 at 9:00 AM Dana <d@acme.com> wrote:\n> Dear [[name]]' },
  ],
  invalid: [
    { draft: 'Hi [[customer first name]], the fix ships [[ETA]].', errors: [{ text: '[[customer first name]]' }, { text: '[[ETA]]' }] },
    { draft: 'Hello {{name}},\nthanks!', errors: [{ text: '{{name}}', message: /still unfilled/ }] },
    { draft: 'The release is planned for [INSERT DATE].', errors: [{ text: '[INSERT DATE]' }] },
  ],
});
