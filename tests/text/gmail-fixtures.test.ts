import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMessage, segmentText } from '../../lib/text/text-model.ts';
import { sharedPath } from '../../build/shared-dir.ts';

const fixture = (name: string) =>
  readFileSync(sharedPath('fixtures', 'gmail', name), 'utf8');

/** The body parts in Gmail's send request: `[kind, html]` pairs (0 = new text, 2 = quoted). */
function bodyPartsOf(request: unknown): [number, string][] {
  const stack: unknown[] = [request];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!Array.isArray(node)) continue;
    const isParts =
      node.length > 0 &&
      node.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'string' && p[1].includes('<'));
    if (isParts) return node as [number, string][];
    stack.push(...node);
  }
  throw new Error('no body parts in the request');
}

describe('Gmail reply send request (2022-09)', () => {
  const parts = bodyPartsOf(JSON.parse(fixture('reply-send-request-2022-09.json')));
  const [newPart, quotedPart] = parts.map(([, html]) => html) as [string, string];
  const body = newPart + quotedPart;
  const model = parseMessage(body);

  it('reads the new part as new text and nothing else as new', () => {
    expect(segmentText(model, ['new']).map((s) => s.text)).toEqual(['foo2 (no tracking)']);
  });

  it('reads every character of the gmail_quote part as history', () => {
    for (const segment of model.segments) {
      const fromQuotedPart = (model.htmlOffsets[segment.start] as number) >= newPart.length;
      expect(fromQuotedPart, `${segment.kind} segment`).toBe(segment.kind !== 'new');
    }
    const quoted = segmentText(model, ['quoted']).map((s) => s.text).join('\n');
    for (const earlier of ['foo (no tracking)', 'more test (no tracking)', 'more testing', 'reply test with tracking', 'testing test']) {
      expect(quoted).toContain(earlier);
    }
  });

  it('finds each nested attribution as a header', () => {
    const headers = segmentText(model, ['quote-header']).map((s) => s.text);
    expect(headers[0]).toBe('On Mon, Sep 12, 2022 at 11:49 AM Test Test <test@streak.com> wrote:');
    expect(headers).toHaveLength(8);
    expect(model.inlineReplies).toEqual([]);
  });
});

describe('Gmail pop-up compose (2020-10)', () => {
  const page = fixture('compose-popup-2020-10.html');
  const editable = page.indexOf('g_editable="true"');
  const bodyStart = page.indexOf('>', editable) + 1;
  const bodyEnd = page.indexOf('</div>', bodyStart);

  it('reads the whole captured page without throwing', () => {
    const model = parseMessage(page);
    expect(model.text).toContain('New Message');
    expect(model.text).toContain('Send');
    expect(model.htmlOffsets.length).toBe(model.text.length + 1);
  });

  it('an empty compose body has no text to check', () => {
    const model = parseMessage(page.slice(bodyStart, bodyEnd));
    expect(model.segments).toEqual([]);
  });

  it('a draft typed into the captured body is found as new text, with offsets into the page', () => {
    const draft =
      '<div>Hi Jane,</div><div><br></div><div>We <font color="#ff0000">will</font> ship it by Friday.</div><br>' +
      '<div class="gmail_quote"><div class="gmail_attr">On Mon, Jan 1, 2024 at 10:00 AM Jane &lt;j@x.com&gt; wrote:<br></div>' +
      '<blockquote class="gmail_quote"><div>When?</div></blockquote></div>';
    const withDraft = page.slice(0, bodyStart) + draft + page.slice(bodyEnd);
    const model = parseMessage(withDraft);
    const news = segmentText(model, ['new']).map((s) => s.text).join('\n');
    expect(news).toContain('Hi Jane,\n\nWe will ship it by Friday.');
    expect(segmentText(model, ['quoted']).map((s) => s.text)).toEqual(['When?']);
    const at = model.text.indexOf('ship it');
    expect(withDraft.startsWith('ship it', model.htmlOffsets[at])).toBe(true);
    const red = model.colours.find((run) => run.color === '#ff0000');
    expect(red && model.text.slice(red.start, red.end)).toBe('will');
  });
});
