import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester('no-red-text', {
  valid: [
    { draft: '<div>Plain text answer.</div>' },
    { name: 'blue inline answers', draft: '<div><font color="#0000ff">Yes, it is fixed.</font></div>' },
    { name: 'black and grey', draft: '<div><span style="color: #000">One</span> <span style="color:rgb(102,102,102)">two</span></div>' },
    {
      name: 'red in the customer’s quoted text is theirs',
      draft: '<div>Answer.</div><div class="gmail_quote"><blockquote class="gmail_quote"><font color="red">URGENT</font></blockquote></div>',
    },
    { name: 'a red-coloured space only', draft: '<div>A<font color="red"> </font>B</div>' },
  ],
  invalid: [
    { draft: '<div><font color="#cc0000">Not fixed yet.</font></div>', errors: [{ text: 'Not fixed yet.', message: /#cc0000/ }] },
    { draft: '<div>Status: <span style="color: rgb(153, 0, 0)">blocked</span>.</div>', errors: [{ text: 'blocked' }] },
    { name: 'a named colour', draft: '<div><span style="COLOR: Crimson !important">late</span></div>', errors: [{ text: 'late' }] },
    { name: 'a light red', draft: '<p><font color="#ea9999">pending</font></p>', errors: [{ text: 'pending' }] },
    { name: 'hsl', draft: '<div><span style="color:hsl(0, 80%, 45%)">x1</span> and <span style="color:hsl(5deg 90% 40%)">x2</span></div>', errors: [{ text: 'x1' }, { text: 'x2' }] },
  ],
});
