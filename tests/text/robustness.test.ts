import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../lib/text/text-model.ts';
import type { TextModel } from '../../lib/types.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

const BLANK = /\s/;

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** True when `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}
function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHighSurrogate(c)) {
      if (!isLowSurrogate(text.charCodeAt(i + 1))) return false;
      i++;
    } else if (isLowSurrogate(c)) return false;
  }
  return true;
}

/** Every way the model can be inconsistent; empty when it is sound. */
function problemsOf(input: string, model: TextModel): string[] {
  const { text, htmlOffsets, segments, colours, inlineReplies } = model;
  const problems: string[] = [];
  if (htmlOffsets.length !== text.length + 1) problems.push(`htmlOffsets has length ${htmlOffsets.length}`);
  if (htmlOffsets[text.length] !== input.length && input.length > 0) problems.push('last offset is not the source length');
  for (let i = 0; i < text.length; i++) {
    const here = htmlOffsets[i] as number;
    if (here < 0 || here > (htmlOffsets[i + 1] as number)) {
      problems.push(`offset ${i} out of order`);
      break;
    }
  }
  let previousEnd = 0;
  for (const s of segments) {
    if (s.start < previousEnd || s.end <= s.start || s.end > text.length) problems.push(`bad segment ${JSON.stringify(s)}`);
    if (splitsPair(text, s.start) || splitsPair(text, s.end)) problems.push(`segment splits a surrogate pair ${JSON.stringify(s)}`);
    previousEnd = s.end;
  }
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    while (k < segments.length && (segments[k] as { end: number }).end <= i) k++;
    const inside = k < segments.length && (segments[k] as { start: number }).start <= i;
    if (!inside && !BLANK.test(text[i] as string)) {
      problems.push(`char ${i} ${JSON.stringify(text[i])} is in no segment`);
      break;
    }
  }
  for (const run of colours) {
    if (run.start < 0 || run.end <= run.start || run.end > text.length || typeof run.color !== 'string') {
      problems.push(`bad colour run ${JSON.stringify(run)}`);
    }
  }
  for (const pair of inlineReplies) {
    if (!segments.includes(pair.quoted) || !segments.includes(pair.reply)) problems.push('inline reply names a missing segment');
    if (pair.quoted.kind !== 'quoted' || pair.reply.kind !== 'new' || pair.quoted.end > pair.reply.start) {
      problems.push(`bad inline reply ${JSON.stringify(pair)}`);
    }
  }
  return problems;
}

function checkInvariants(input: string, model: TextModel): void {
  expect(problemsOf(input, model)).toEqual([]);
}

const FRAGMENTS = [
  '<div>', '</div>', '<div><br></div>', '<br>', '<p>', '</p>', '<li>', '<ul>', '</ul>', '<b>', '</i>',
  '<blockquote>', '</blockquote>', '<div class="gmail_quote">', '<div class="gmail_attr">',
  '<blockquote class="gmail_quote">', '<div class="gmail_signature">', '<div id="appendonsend">',
  '<div id="divRplyFwdMsg">', '<font color="red">', '</font>', '<span style="color: #c00 !important">',
  '<span style="display:none">', '</span>', '<pre>', '</pre>', '<script>', '</script>', '<style>',
  '<!--', '-->', '<![CDATA[', ']]>', '<', '>', '</', '<div', '="', '"', "'", '&', '&amp;', '&nbsp;',
  '&#128512;', '&#x', ';', '&rsquo;', '\n', ' ', '\t', '> ', 'On Mon, Jan 1, 2024 Jane <j@x.com> wrote:',
  '-- ', '--', '-----Original Message-----', 'From: a', 'Sent: b', '---------- Forwarded message ---------',
  '😀', 'مرحبا', 'שלום', '?', 'text', '<table><tr><td>', '</td></tr></table>', '<hr>', '<textarea>',
];

const soup = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

const TAGS = ['div', 'p', 'span', 'b', 'blockquote', 'font', 'li', 'ul', 'table', 'tr', 'td', 'pre', 'a'];
const ATTRS = ['', ' class="gmail_quote"', ' class="gmail_attr"', ' class="gmail_signature"', ' style="color:red"',
  ' color="#00f"', ' style="display:none"', ' title="a>b"', ' id="appendonsend"', ' style="white-space: pre"'];

const { tree } = fc.letrec<{ tree: string; node: string }>((tie) => ({
  tree: fc.array(tie('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[<&]/g, ' ')),
    fc.constantFrom('<br>', '&nbsp;', '&amp;', '&#x1F600;', '\n> quoted\n', '-- ', '\n'),
    fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), tie('tree'), fc.boolean()).map(
      ([tag, attrs, inner, closed]) => `<${tag}${attrs}>${inner}${closed ? `</${tag}>` : ''}`,
    ),
  ),
}));

describe('never throws, always consistent', () => {
  it('arbitrary strings in every format', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('auto', 'html', 'text' as const), (input, format) => {
        const model = parseMessage(input, { format });
        checkInvariants(input, model);
        if (format === 'text') expect(model.text).toBe(input);
      }),
      { numRuns: 400 },
    );
  });

  it('HTML soup', () => {
    fc.assert(
      fc.property(soup, (input) => {
        checkInvariants(input, parseMessage(input, { format: 'html' }));
        checkInvariants(input, parseMessage(input, { format: 'text' }));
      }),
      { numRuns: 400 },
    );
  });

  it('generated element trees keep well-formed text well-formed', () => {
    fc.assert(
      fc.property(tree, (input) => {
        const model = parseMessage(input, { format: 'html' });
        checkInvariants(input, model);
        expect(isWellFormed(model.text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('non-string input from untyped callers gives an empty model', () => {
    const model = parseMessage(undefined as unknown as string);
    expect(model.text).toBe('');
    expect(model.segments).toEqual([]);
  });
});

describe('size and depth', () => {
  const KB = 1024;
  const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

  const adversarial: [string, string][] = [
    ['less-than signs', fill('<', 200 * KB)],
    ['nested divs', fill('<div>', 200 * KB)],
    ['deep spans then stray end tags', fill('<span>', 100 * KB) + fill('</div>', 100 * KB)],
    ['unclosed quoted attributes', fill('<a b="', 200 * KB)],
    ['unterminated comments', fill('<!--', 200 * KB)],
    ['script end-tag near misses', '<script>' + fill('</scrip', 200 * KB)],
    ['ampersands and partial references', fill('&#x&amp&#99999999999;&nbsp', 200 * KB)],
    ['question marks', fill('?', 200 * KB)],
    ['dots and spaces', fill('. .  ', 200 * KB)],
    ['quote markers on one line', fill('> ', 200 * KB)],
    ['quote markers on many lines', fill('>\n', 200 * KB)],
    ['attribution starts without end', fill('On 1 Jane\n', 200 * KB)],
    ['one huge attribution-like line', 'On ' + fill('x', 200 * KB)],
    ['From lines', fill('From: a\n', 200 * KB)],
    ['signature delimiters', fill('--\n', 200 * KB)],
    ['list items', fill('<li>x', 200 * KB)],
    ['coloured fonts', fill('<font color="red">x', 200 * KB)],
    ['long style attribute', `<span style="${fill('color:red;(', 200 * KB)}">x</span>`],
    ['nested quote containers', fill('<div class="gmail_quote"><blockquote>q', 200 * KB)],
  ];
  for (const [name, input] of adversarial) {
    it(`200 KB of ${name} finishes fast`, () => {
      const started = performance.now();
      const model = parseMessage(input);
      const elapsed = performance.now() - started;
      checkInvariants(input, model);
      expect(elapsed).toBeLessThan(LINEAR_BOUND_MS);
    });
  }

  it('10,000 levels of nesting keep their text and structure', () => {
    const depth = 10_000;
    const html = '<div>'.repeat(depth) + 'deep' + '</div>'.repeat(depth) + '<blockquote>' + '<span>'.repeat(depth) + 'q';
    const model = parseMessage(html);
    expect(model.text).toBe('deep\nq');
    expect(model.segments.map((s) => s.kind)).toEqual(['new', 'quoted']);
  });

  it('a 1 MB Gmail thread parses well under a second', () => {
    const message =
      '<div dir="ltr"><div>Hi Jane,</div><div><br></div><div>We looked at the logs &amp; found the cause. ' +
      'I&rsquo;ll send a fix by 3 pm ET Thursday. 😀</div></div><br>';
    let html = '';
    while (html.length < 1024 * KB) {
      html = message + '<div class="gmail_quote"><div class="gmail_attr">On Mon, Jan 1, 2024 at 10:00 AM Jane &lt;j@x.com&gt; wrote:<br></div>' +
        `<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">${html}</blockquote></div>`;
    }
    const started = performance.now();
    const model = parseMessage(html);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(LINEAR_BOUND_MS);
    expect(model.segments[0]?.kind).toBe('new');
    expect(model.text.slice(model.segments[0]?.start, model.segments[0]?.end)).toContain('by 3 pm ET Thursday. 😀');
    checkInvariants(html, model);
  });

  it('a 1 MB plain-text message parses well under a second', () => {
    const text = fill('Line of text with a question?\n> quoted line\n\n', 1024 * KB);
    const started = performance.now();
    const model = parseMessage(text);
    expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
    expect(model.text).toBe(text);
  });
});
