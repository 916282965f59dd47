// HTML character references. Not the full HTML5 table (2,000+ names): the ones mail
// clients actually write (typography from Word and Outlook, Latin-1 letters, arrows), plus
// every numeric form. An unknown name stays in the text as written, which is what a reader
// would see anyway.

const NAMED: Record<string, number> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27,
  nbsp: 0xa0, ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009,
  zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a,
  ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021,
  bull: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032, Prime: 0x2033,
  lsaquo: 0x2039, rsaquo: 0x203a, euro: 0x20ac, trade: 0x2122,
  larr: 0x2190, uarr: 0x2191, rarr: 0x2192, darr: 0x2193, harr: 0x2194, rArr: 0x21d2,
  minus: 0x2212, le: 0x2264, ge: 0x2265, ne: 0x2260, asymp: 0x2248, infin: 0x221e,
  check: 0x2713, star: 0x2606,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192,
  circ: 0x2c6, tilde: 0x2dc,
};

// U+00A1…U+00FF in code-point order; Latin-1 is where most accented names live.
const LATIN1_NAMES = [
  'iexcl', 'cent', 'pound', 'curren', 'yen', 'brvbar', 'sect', 'uml', 'copy', 'ordf', 'laquo',
  'not', 'shy', 'reg', 'macr', 'deg', 'plusmn', 'sup2', 'sup3', 'acute', 'micro', 'para',
  'middot', 'cedil', 'sup1', 'ordm', 'raquo', 'frac14', 'frac12', 'frac34', 'iquest',
  'Agrave', 'Aacute', 'Acirc', 'Atilde', 'Auml', 'Aring', 'AElig', 'Ccedil', 'Egrave',
  'Eacute', 'Ecirc', 'Euml', 'Igrave', 'Iacute', 'Icirc', 'Iuml', 'ETH', 'Ntilde', 'Ograve',
  'Oacute', 'Ocirc', 'Otilde', 'Ouml', 'times', 'Oslash', 'Ugrave', 'Uacute', 'Ucirc', 'Uuml',
  'Yacute', 'THORN', 'szlig', 'agrave', 'aacute', 'acirc', 'atilde', 'auml', 'aring', 'aelig',
  'ccedil', 'egrave', 'eacute', 'ecirc', 'euml', 'igrave', 'iacute', 'icirc', 'iuml', 'eth',
  'ntilde', 'ograve', 'oacute', 'ocirc', 'otilde', 'ouml', 'divide', 'oslash', 'ugrave',
  'uacute', 'ucirc', 'uuml', 'yacute', 'thorn', 'yuml',
];
LATIN1_NAMES.forEach((name, i) => {
  NAMED[name] = 0xa1 + i;
});

// Browsers accept these without the closing semicolon ("&amp" in old hand-written mail).
const LEGACY_WITHOUT_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

// Numeric references in 0x80–0x9F mean Windows-1252, as every browser reads them: Outlook
// writes &#146; for a curly apostrophe.
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020,
  0x87: 0x2021, 0x88: 0x2c6, 0x89: 0x2030, 0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152,
  0x8e: 0x17d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2dc, 0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a,
  0x9c: 0x153, 0x9e: 0x17e, 0x9f: 0x178,
};

const MAX_NAME_LENGTH = 8;

export interface DecodedEntity {
  /** The decoded text: one UTF-16 unit, or two for an astral code point. */
  text: string;
  /** How many source characters the reference spans, `&` and `;` included. */
  length: number;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function fromNumeric(value: number): string {
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(WINDOWS_1252[value] ?? value);
}

/**
 * Reads the character reference starting at `src[at]` (which should be `&`). Returns null
 * when there is none there, so the `&` is literal text.
 */
export function decodeEntityAt(src: string, at: number): DecodedEntity | null {
  if (src.charCodeAt(at) !== 38) return null;
  let i = at + 1;
  if (src.charCodeAt(i) === 35) {
    i++;
    let hex = false;
    const x = src.charCodeAt(i);
    if (x === 120 || x === 88) {
      hex = true;
      i++;
    }
    const digitsStart = i;
    let value = 0;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (hex ? !isHexDigit(c) : !isDigit(c)) break;
      // Past the Unicode range the exact value no longer matters; capping keeps it finite.
      if (value <= 0x10ffff) value = value * (hex ? 16 : 10) + parseInt(src[i] as string, 16);
      i++;
    }
    if (i === digitsStart) return null;
    if (src.charCodeAt(i) === 59) i++;
    return { text: fromNumeric(value), length: i - at };
  }
  const nameStart = i;
  while (i < src.length && i - nameStart <= MAX_NAME_LENGTH && isAsciiAlnum(src.charCodeAt(i))) i++;
  const name = src.slice(nameStart, i);
  if (name.length === 0) return null;
  if (src.charCodeAt(i) === 59) {
    const code = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
    if (code !== undefined) return { text: String.fromCharCode(code), length: i + 1 - at };
  }
  // "&amp" without ";" — try the longest legacy prefix that is not followed by a letter.
  for (let len = Math.min(name.length, 4); len >= 2; len--) {
    const prefix = name.slice(0, len);
    if (!LEGACY_WITHOUT_SEMICOLON.has(prefix)) continue;
    const next = src.charCodeAt(nameStart + len);
    if (isAsciiAlnum(next) || next === 61) return null;
    const code = NAMED[prefix] as number;
    return { text: String.fromCharCode(code), length: len + 1 };
  }
  return null;
}

/** Decodes every character reference in a string (used for attribute values). */
export function decodeEntities(value: string): string {
  let amp = value.indexOf('&');
  if (amp < 0) return value;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const decoded = decodeEntityAt(value, amp);
    if (decoded) {
      out += value.slice(from, amp) + decoded.text;
      from = amp + decoded.length;
      amp = value.indexOf('&', from);
    } else {
      amp = value.indexOf('&', amp + 1);
    }
  }
  return out + value.slice(from);
}

/** True when `name` is an entity this module decodes (for sniffing whether input is HTML). */
export function isKnownEntityName(name: string): boolean {
  return Object.hasOwn(NAMED, name);
}
