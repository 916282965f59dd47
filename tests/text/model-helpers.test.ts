import { describe, expect, it } from 'vitest';
import { joinSegments, looksLikeHtml, newTextOf, parseMessage, segmentAt, segmentText } from '../../lib/text/text-model.ts';

const INLINE =
  'On Mon, Jan 1, 2024 at 10:00 AM Jane <jane@x.com> wrote:\n> When does it ship?\n\nFriday. Maybe sooner.\n\n> Do I restart?\n\nNo.\n-- \nBob';

describe('reading parts of a model', () => {
  const model = parseMessage(INLINE);

  it('segmentText gives the pieces of the asked kinds with model offsets', () => {
    const pieces = segmentText(model, ['new']);
    expect(pieces.map((p) => p.text)).toEqual(['Friday. Maybe sooner.', 'No.']);
    for (const p of pieces) expect(model.text.slice(p.start, p.end)).toBe(p.text);
    expect(segmentText(model, ['quoted', 'signature']).map((p) => p.text)).toEqual(['> When does it ship?', '> Do I restart?', '-- \nBob']);
  });

  it('newTextOf joins the writer\'s own pieces so sentences never run across them', () => {
    const view = newTextOf(model);
    expect(view.text).toBe('Friday. Maybe sooner.\n\nNo.');
    const no = view.text.indexOf('No.');
    expect(model.text.slice(view.toModelOffset(no), view.toModelOffset(no + 3))).toBe('No.');
    const maybe = view.text.indexOf('Maybe');
    expect(model.text.startsWith('Maybe', view.toModelOffset(maybe))).toBe(true);
    // Inside the separator: the end of the piece before it.
    expect(view.toModelOffset(view.text.indexOf('\n\n') + 1)).toBe(model.text.indexOf('Friday') + 'Friday. Maybe sooner.'.length);
    expect(view.toModelOffset(view.text.length)).toBe(model.text.indexOf('No.') + 3);
  });

  it('an empty selection maps everything to 0', () => {
    const view = joinSegments(parseMessage('just text'), ['quoted']);
    expect(view.text).toBe('');
    expect(view.toModelOffset(5)).toBe(0);
  });

  it('segmentAt finds the segment holding an offset', () => {
    expect(segmentAt(model, model.text.indexOf('Friday'))?.kind).toBe('new');
    expect(segmentAt(model, model.text.indexOf('restart'))?.kind).toBe('quoted');
    expect(segmentAt(model, model.text.indexOf('Bob'))?.kind).toBe('signature');
    expect(segmentAt(model, model.text.indexOf('\n\nFriday'))).toBeUndefined();
  });
});

describe('looksLikeHtml', () => {
  it.each([
    ['<div>x</div>', true],
    ['a<br>b', true],
    ['a<BR/>b', true],
    ['</p>', true],
    ['Q &amp; A', true],
    ['caf&eacute;', true],
    ['&#39;', true],
    ['Jane <jane@x.com>', false],
    ['x < y and y > z', false],
    ['AT&T and R&D', false],
    ['<notatag> <3', false],
    ['', false],
  ])('%j → %s', (input, html) => {
    expect(looksLikeHtml(input)).toBe(html);
  });
});
