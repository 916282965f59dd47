import { describe, expect, it } from 'vitest';
import { decodeEntityAt } from '../../lib/text/entities.ts';
import { parseMessage } from '../../lib/text/text-model.ts';
import type { TextModel } from '../../lib/types.ts';

const HTML_SPACE = /[ \t\n\f\r]/;

/** Every character either is the source character, decodes from the entity there, or is layout. */
function expectOffsetsPointAtSource(html: string, model: TextModel): void {
  const { text, htmlOffsets } = model;
  expect(htmlOffsets.length).toBe(text.length + 1);
  expect(htmlOffsets[text.length]).toBe(html.length);
  for (let i = 0; i < text.length; i++) {
    const at = htmlOffsets[i] as number;
    const ch = text[i] as string;
    const src = html[at] as string;
    if (ch === '\n' && src !== '\n' && src !== '\r') {
      expect(src, `synthetic newline ${i} points at a tag`).toBe('<');
    } else if (ch === ' ' && src !== ' ') {
      // A table cell's separator is synthetic, like a block's newline.
      const ok = HTML_SPACE.test(src) || src === '<' || src === '\u00a0' || decodeEntityAt(html, at)?.text === '\u00a0';
      expect(ok, `space ${i} comes from white space or a tag, got ${JSON.stringify(src)}`).toBe(true);
    } else if (src === '&' && ch !== '&') {
      expect(decodeEntityAt(html, at)?.text).toContain(ch);
    } else {
      expect(src, `text[${i}]`).toBe(ch);
    }
  }
}

describe('htmlOffsets', () => {
  const samples = [
    '<div dir="ltr"><div>Hi Jane,</div><div><br></div><div>It is   fixed.</div></div><br><div class="gmail_quote"><blockquote>Q?</blockquote></div>',
    '<p>one</p>\n\n<p>two <b>bold</b> <i>it</i></p><ul><li>a</li><li>b</li></ul>',
    'Tom &amp; Jerry&nbsp;&rsquo;s &#x1F600; caf&eacute; &bogus; &#146;',
    '<pre>a  b\r\nc</pre><table><tr><td>x</td><td>y</td></tr></table>',
    '👋🏽 مرحبا <span dir="rtl">שלום</span> 😀',
  ];
  for (const html of samples) {
    it(`maps every character back to its source: ${html.slice(0, 40)}`, () => {
      expectOffsetsPointAtSource(html, parseMessage(html, { format: 'html' }));
    });
  }

  it('entity-free text maps character for character', () => {
    const html = '<div class="x">Hello <b>world</b></div><div>again</div>';
    const model = parseMessage(html);
    expect(model.text).toBe('Hello world\nagain');
    for (let i = 0; i < model.text.length; i++) {
      if (model.text[i] !== '\n') expect(html[model.htmlOffsets[i] as number]).toBe(model.text[i]);
    }
  });

  it('a synthetic newline points at the tag that made it', () => {
    const html = '<div>a</div><div>b</div>';
    const model = parseMessage(html);
    expect(model.text).toBe('a\nb');
    expect(model.htmlOffsets[1]).toBe(html.indexOf('</div>'));
  });

  it('both halves of an emoji map to the entity that encodes it', () => {
    const html = 'x&#128512;y';
    const model = parseMessage(html);
    expect(model.text).toBe('x😀y');
    expect(Array.from(model.htmlOffsets)).toEqual([0, 1, 1, 10, 11]);
  });

  it('is the identity for plain text', () => {
    const text = 'Plain text\n> quoted 😀';
    expect(Array.from(parseMessage(text).htmlOffsets)).toEqual(Array.from({ length: text.length + 1 }, (_, i) => i));
  });

  it('lets a finding in the text be located in the source HTML', () => {
    const html = '<div>Hi,</div><div>we will fix it <b>soon</b>.</div>';
    const model = parseMessage(html);
    const start = model.text.indexOf('soon');
    const end = start + 4;
    expect(html.slice(model.htmlOffsets[start], (model.htmlOffsets[end - 1] as number) + 1)).toBe('soon');
  });
});

describe('colour runs', () => {
  const runsOf = (html: string) => {
    const model = parseMessage(html, { format: 'html' });
    return model.colours.map((r) => [r.color, model.text.slice(r.start, r.end)]);
  };

  const cases: { name: string; html: string; runs: string[][] }[] = [
    { name: 'font color', html: 'a <font color="#cc0000">red</font> b', runs: [['#cc0000', 'red']] },
    { name: 'style color with spaces, upper case and !important', html: '<span style="COLOR :  Red  !important ;">x</span>', runs: [['Red', 'x']] },
    { name: 'background-color is not a text colour', html: '<span style="background-color: red">x</span>', runs: [] },
    { name: 'the innermost colour wins', html: '<font color="red">a<span style="color:blue">b</span>c</font>', runs: [['red', 'a'], ['blue', 'b'], ['red', 'c']] },
    { name: 'style beats the font color attribute on the same element', html: '<font color="red" style="color: green">x</font>', runs: [['green', 'x']] },
    { name: 'an important colour is not overridden later in the same style', html: '<span style="color: red !important; color: blue">x</span>', runs: [['red', 'x']] },
    { name: 'inherit keeps the parent colour; initial resets it', html: '<font color="red"><span style="color:inherit">a</span><span style="color: initial">b</span></font>', runs: [['red', 'a']] },
    { name: 'rgb() with semicolon-free parsing and entities in the attribute', html: '<span style="font-family: &quot;Arial&quot;; color: rgb(200, 0, 0)">x</span>', runs: [['rgb(200, 0, 0)', 'x']] },
    { name: 'a run spans lines inside one coloured element', html: '<div style="color:#f00"><div>a</div><div>b</div></div>', runs: [['#f00', 'a\nb']] },
    { name: 'uncoloured text gets no run', html: '<div>plain</div>', runs: [] },
    { name: 'a coloured blank gets no run', html: 'a<font color="red"> </font>b', runs: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(runsOf(c.html)).toEqual(c.runs);
    });
  }
});
