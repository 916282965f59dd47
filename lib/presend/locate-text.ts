// Finds a sentence the engine quoted (a customer's question, a placeholder) among the text
// nodes of a page element, so the checklist can select it. The engine's text and the DOM's
// differ in whitespace (a <br> or a block boundary is a newline in one and nothing in the
// other, &nbsp; is a space), so both sides are compared with all whitespace removed.

export interface ChunkPosition {
  /** Index of the chunk (text node). */
  chunk: number;
  /** UTF-16 offset inside it. */
  offset: number;
}

export interface ChunkRange {
  start: ChunkPosition;
  /** Exclusive: the offset just after the last matched character. */
  end: ChunkPosition;
}

const SPACE = /\s/;

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Where `needle` first occurs across `chunks` read as one text, whitespace ignored on both
 * sides; null when it does not occur or has no visible character.
 */
export function locateText(chunks: readonly string[], needle: string): ChunkRange | null {
  const target = squeeze(needle);
  if (!target) return null;
  let joined = '';
  const positions: ChunkPosition[] = [];
  chunks.forEach((chunk, index) => {
    for (let offset = 0; offset < chunk.length; offset++) {
      const char = chunk[offset]!;
      if (SPACE.test(char)) continue;
      joined += char;
      positions.push({ chunk: index, offset });
    }
  });
  const at = joined.indexOf(target);
  if (at < 0) return null;
  const first = positions[at]!;
  const last = positions[at + target.length - 1]!;
  return { start: first, end: { chunk: last.chunk, offset: last.offset + 1 } };
}
