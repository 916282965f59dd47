import type { SegmentKind } from '../types.ts';

// Per-character segment kinds are kept in a Uint8Array while a message is parsed (a 1 MB
// body would otherwise mean a million strings); these are the codes.

export const KIND_NONE = 0;
export const KIND_NEW = 1;
export const KIND_QUOTED = 2;
export const KIND_HEADER = 3;
export const KIND_SIGNATURE = 4;

export type KindCode = 0 | 1 | 2 | 3 | 4;

export const SEGMENT_KIND_OF_CODE: readonly (SegmentKind | null)[] = [
  null,
  'new',
  'quoted',
  'quote-header',
  'signature',
];

/** Whitespace as a reader sees it: such characters belong to no segment. */
export function isBlankCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
