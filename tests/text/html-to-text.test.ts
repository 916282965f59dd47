import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../lib/text/text-model.ts';

const textOf = (html: string) => parseMessage(html, { format: 'html' }).text;

describe('HTML to text, the way innerText lays it out', () => {
  const cases: { name: string; html: string; text: string }[] = [
    { name: 'one Gmail div is one line', html: '<div>one</div><div>two</div>', text: 'one\ntwo' },
    {
      name: 'Gmail blank line <div><br></div> is one empty line, not two',
      html: '<div dir="ltr"><div>Hi Jane,</div><div><br></div><div>It is fixed.</div></div>',
      text: 'Hi Jane,\n\nIt is fixed.',
    },
    { name: 'a trailing <br> in a block adds no line', html: '<div>a<br></div><div>b</div>', text: 'a\nb' },
    { name: '<br> between text', html: 'a<br>b<br/>c</br>d', text: 'a\nb\nc\nd' },
    { name: 'paragraphs are separated by a blank line', html: '<p>one</p><p>two</p>', text: 'one\n\ntwo' },
    { name: 'nested blocks do not stack breaks', html: '<div><div><div>a</div></div></div><div>b</div>', text: 'a\nb' },
    { name: 'text around a nested block', html: '<div>a<div>b</div>c</div>', text: 'a\nb\nc' },
    {
      name: 'runs of white space collapse and line edges are trimmed',
      html: '<div>  lots \n\t of   space  </div>\n\n<div>\n next</div>',
      text: 'lots of space\nnext',
    },
    { name: 'inline tags do not break words', html: 'un<b>bel</b><i>iev</i><span>able</span>', text: 'unbelievable' },
    { name: 'space kept across inline tags', html: '<b>bold</b> <i>italic</i>', text: 'bold italic' },
    {
      name: 'named and numeric entities',
      html: 'Tom &amp; Jerry &lt;3 &quot;hi&quot; it&#39;s it&rsquo;s a&mdash;b&hellip; &#x1F600; &#8364;',
      text: 'Tom & Jerry <3 "hi" it\'s it’s a—b… 😀 €',
    },
    { name: '&nbsp; is a plain space and does not collapse', html: 'a&nbsp;&nbsp;b\u00a0c', text: 'a  b c' },
    { name: 'unknown entities stay as written', html: 'AT&T &bogus; & more', text: 'AT&T &bogus; & more' },
    { name: 'legacy entity without semicolon', html: 'fish &amp chips', text: 'fish & chips' },
    { name: 'Windows-1252 numeric references', html: 'it&#146;s', text: 'it’s' },
    {
      name: 'list items start their own lines',
      html: '<p>Steps:</p><ol><li>Restart</li><li>Retry</li></ol><ul><li>a<li>b</ul>',
      text: 'Steps:\n\nRestart\nRetry\na\nb',
    },
    {
      name: 'table rows are lines, cells are separated',
      html: '<table><tr><td>Name</td><td>Jane</td></tr><tr><td>Plan</td><td>Pro</td></tr></table>',
      text: 'Name Jane\nPlan Pro',
    },
    { name: 'headings and hr break lines', html: 'x<h2>Title</h2>y<hr>z', text: 'x\nTitle\ny\nz' },
    {
      name: 'script, style, title and comments are dropped',
      html: '<title>T</title><style>p{color:red}</style>a<script>if (a<b) x="</div>";</script>b<!-- c -->d<!--->e',
      text: 'abde',
    },
    { name: 'CDATA and processing instructions are dropped', html: 'a<![CDATA[ x > y ]]>b<?xml version="1.0"?>c', text: 'abc' },
    { name: 'display:none and hidden subtrees are dropped', html: 'a<div style="DISPLAY: none">x</div><span hidden>y</span>b', text: 'ab' },
    { name: 'pre keeps white space', html: '<pre>a  b\n  c</pre>', text: 'a  b\n  c' },
    { name: 'the newline right after <pre> is not content', html: 'x<pre>\r\n\n a</pre>', text: 'x\n\n a' },
    { name: 'white-space: pre-wrap keeps white space', html: '<div style="white-space:pre-wrap">a  b\r\nc</div>', text: 'a  b\nc' },
    { name: 'stray < and > are text', html: '<<<>>> a < b > c', text: '<<<>>> a < b > c' },
    { name: 'a quoted attribute may contain >', html: '<div title="a>b" data-x=\'c>d\'>text</div>', text: 'text' },
    { name: 'an unclosed tag at the end is dropped', html: '<div>kept</div><div class="x', text: 'kept' },
    { name: 'mismatched end tags are tolerated', html: '<b><i>a</b>b</i>c</span>', text: 'abc' },
    { name: 'emoji and RTL text pass through', html: '<div>مرحبا 👋🏽 שלום</div>', text: 'مرحبا 👋🏽 שלום' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(textOf(c.html)).toBe(c.text);
    });
  }
});

describe('format detection', () => {
  it('reads tags and entities as HTML under auto', () => {
    expect(parseMessage('<div>a</div><div>b</div>').text).toBe('a\nb');
    expect(parseMessage('a<br>b').text).toBe('a\nb');
    expect(parseMessage('Q &amp; A').text).toBe('Q & A');
  });

  it('keeps plain text as written under auto, addresses in angle brackets included', () => {
    const plain = 'Jane Doe <jane@x.com> wrote:\n  if a<3 then   go & stop\n\n';
    expect(parseMessage(plain).text).toBe(plain);
  });

  it('honours an explicit format', () => {
    expect(parseMessage('<b>x</b>', { format: 'text' }).text).toBe('<b>x</b>');
    expect(parseMessage('a\n\n   b', { format: 'html' }).text).toBe('a b');
  });
});
