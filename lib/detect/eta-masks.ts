import { REFERENCE_WORDS } from './eta-phrases.ts';

// Numbers that look like dates or times to a date parser but are identifiers or amounts:
// versions ("v4.2.1", "version 10.3"), IP addresses, prices, ticket and case numbers
// ("#12345", "ticket 2024-1187", "case 12/3"), phone numbers, sizes, percentages, URLs
// and e-mail addresses. They are blanked with spaces of the same length, so every offset
// into the masked text is an offset into the original.
//
// Every pattern that starts with a digit is anchored by a look-behind to the start of a
// number, so a long run of digits is tried once, not once per digit (no quadratic scans).

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS: RegExp[] = [
  // Dotted numbers: versions and IPs ("4.2", "v4.2.1", "10.0.0.1") but not "4.30 pm".
  /(?<![\p{N}.])v?\d{1,6}(?:\.\d{1,6}){1,5}(?![\p{N}]|\s{0,2}[ap]\.?m\b)/giu,
  // "#12345"
  /#\s?\d[\w-]{0,40}/gu,
  // Issue keys: "PROJ-123", "INC-0042" (not "UTC-5").
  /(?<![\p{L}\p{N}-])(?!(?:UTC|GMT)-)[A-Z][A-Z0-9]{1,9}-\d{1,12}(?![\p{N}])/gu,
  // Prices: "$12.50", "€ 40", "12.50 USD", "300 dollars".
  /[$€£¥]\s?\d[\d,]{0,20}(?:\.\d{1,4})?(?:\s?(?:k|m|bn|million|billion)\b)?/giu,
  /(?<![\p{N},.])\d[\d,]{0,20}(?:\.\d{1,4})?\s?(?:USD|EUR|GBP|CAD|AUD|INR|JPY|dollars?|euros?|pounds?|cents?|bucks)(?![\p{L}])/giu,
  // Sizes, rates and percentages: "2.5 GB", "100 Mbps", "30%", "2x".
  /(?<![\p{N},.])\d[\d,]{0,20}(?:\.\d{1,4})?\s?(?:%|percent|[KMGTP]i?B|bytes?|[KMGT]bps|GHz|MHz|ms|x)(?![\p{L}\p{N}])/giu,
  // Phone numbers: "555-123-4567", "(555) 123 4567", "+44 20 7946 0958".
  /(?<![\p{N}])(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\p{N}])/gu,
  /(?<![\p{N}+])\+\d[\d\s().-]{6,18}\d(?![\p{N}])/gu,
  // "24/7" support hours and fractions of a whole ("3/4 of the nodes").
  /(?<![\p{N}/])(?:24\/7|\d{1,3}\/\d{1,3}(?=\s{1,3}of\b))(?![\p{N}/])/gu,
];

// An identifier after a reference word: "ticket 2024-1187", "case #12/3", "build 512".
// Group 1 is the word, which stays; group 2 the identifier, which is blanked.
const AFTER_REFERENCE_WORD = new RegExp(
  `(?<![\\p{L}])((?:${REFERENCE_WORDS.map(escape).join('|')})(?:\\s{0,3}(?:#|no\\.?|number|:))?\\s{0,3}#?\\s{0,2})([A-Z]{0,6}-?\\d[\\w/.-]{0,40})`,
  'giu',
);

/** `text` with identifiers and amounts replaced by spaces; same length. */
export function maskNonDates(text: string): string {
  const spans: [number, number][] = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  AFTER_REFERENCE_WORD.lastIndex = 0;
  for (let m = AFTER_REFERENCE_WORD.exec(text); m; m = AFTER_REFERENCE_WORD.exec(text)) {
    const idStart = m.index + m[1]!.length;
    spans.push([idStart, idStart + m[2]!.length]);
  }
  // URLs and e-mail addresses: whole whitespace-separated tokens.
  const token = /\S+/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const t = m[0];
    if (t.includes('@') || t.includes('://') || /^www\./i.test(t)) spans.push([m.index, m.index + t.length]);
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [start, end] of spans) {
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    out += text.slice(pos, from) + ' '.repeat(end - from);
    pos = end;
  }
  return out + text.slice(pos);
}
