import { describe, expect, it } from 'vitest';
import { locateText } from '../../lib/presend/locate-text.ts';

describe('locating a quoted sentence among text nodes', () => {
  it('finds it across nodes whatever the whitespace between them', () => {
    const chunks = ['Hi Dana,', 'sync.log is attached. Do we need to roll back', ' to\u00a04.1 before Friday’s release?\nAnd'];
    const found = locateText(chunks, 'Do we need to roll back to 4.1 before Friday’s release?');
    expect(found).toEqual({ start: { chunk: 1, offset: 22 }, end: { chunk: 2, offset: 32 } });
    expect(chunks[1]!.slice(22)).toBe('Do we need to roll back');
    expect(chunks[2]!.slice(0, 32)).toBe(' to\u00a04.1 before Friday’s release?');
  });

  it('matches where the engine saw a line break and the page has none', () => {
    expect(locateText(['Hello', 'world'], 'Hello\nworld')).toEqual({ start: { chunk: 0, offset: 0 }, end: { chunk: 1, offset: 5 } });
  });

  it('returns null for text that is not there, or a blank needle', () => {
    expect(locateText(['abc'], 'abd')).toBeNull();
    expect(locateText(['abc'], '  ')).toBeNull();
    expect(locateText([], 'a')).toBeNull();
  });
});
