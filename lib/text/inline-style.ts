// The few inline-style properties that change what text a reader sees or how it looks to
// the no-red-text rule. Mail bodies carry all their CSS inline (Gmail strips <style>), so a
// `style` attribute is where colour and hiding live.

export interface InlineStyle {
  /**
   * The colour as written (`!important` removed); null when the declaration resets colour
   * to the default (`initial`, `unset`); undefined when the style does not set one.
   */
  color?: string | null;
  /** `display: none`: the element and its text are not shown. */
  hidden: boolean;
  /** true for `white-space: pre*`, false for `normal`/`nowrap`, undefined when unset. */
  preserveWhitespace?: boolean;
}

interface Declaration {
  property: string;
  value: string;
  important: boolean;
}

/** Splits `a: b; c: d(e;f)` at semicolons outside parentheses and quotes. */
function declarationsOf(style: string): Declaration[] {
  const out: Declaration[] = [];
  let depth = 0;
  let quote = 0;
  let from = 0;
  for (let i = 0; i < style.length; i++) {
    const c = style.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
    else if (c === 59 && depth === 0) {
      const declaration = parseDeclaration(style.slice(from, i));
      if (declaration) out.push(declaration);
      from = i + 1;
    }
  }
  // An unclosed quote or parenthesis swallows the rest, as it would in a browser.
  const last = parseDeclaration(style.slice(from));
  if (last) out.push(last);
  return out;
}

function parseDeclaration(text: string): Declaration | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const property = text.slice(0, colon).trim().toLowerCase();
  let value = text.slice(colon + 1).trim();
  let important = false;
  const bang = value.lastIndexOf('!');
  if (bang >= 0 && value.slice(bang + 1).trim().toLowerCase() === 'important') {
    important = true;
    value = value.slice(0, bang).trim();
  }
  if (property === '' || value === '') return null;
  return { property, value, important };
}

const RESETS_COLOUR = new Set(['initial', 'unset', 'revert', 'revert-layer']);
const KEEPS_PARENT_COLOUR = new Set(['inherit', 'currentcolor']);

/** Reads an inline `style` attribute. Never throws; unknown properties are ignored. */
export function parseInlineStyle(style: string): InlineStyle {
  const result: InlineStyle = { hidden: false };
  let colourImportant = false;
  for (const { property, value, important } of declarationsOf(style)) {
    const lower = value.toLowerCase();
    if (property === 'color') {
      if (colourImportant && !important) continue;
      colourImportant = important;
      if (KEEPS_PARENT_COLOUR.has(lower)) delete result.color;
      else result.color = RESETS_COLOUR.has(lower) ? null : value;
    } else if (property === 'display') {
      result.hidden = lower === 'none';
    } else if (property === 'white-space') {
      if (lower.startsWith('pre') || lower === 'break-spaces') result.preserveWhitespace = true;
      else if (lower === 'normal' || lower === 'nowrap') result.preserveWhitespace = false;
    }
  }
  return result;
}
