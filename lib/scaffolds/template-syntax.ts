import { isListVariable, isVariableName, type ListVariable, type ScalarVariable } from './variables.ts';

// A template's wording is plain text the team edits in the options page:
//   {name}          a variable (variables.ts); unknown names are refused
//   {questions}     on a line of its own: the customer's open questions as a list
//   [[what]]        a slot the writer fills; kept as written, caught by placeholders-filled
//   - text          a bullet; consecutive bullets make one list
//   a blank line    a blank line in the mail
// Nothing in a template is HTML: `<b>` is shown as the characters `<b>`.

export type Piece = { kind: 'text'; text: string } | { kind: 'variable'; name: ScalarVariable };

export type TemplateLine =
  | { kind: 'blank' }
  | { kind: 'text'; pieces: Piece[] }
  | { kind: 'bullet'; pieces: Piece[] }
  | { kind: 'list'; name: ListVariable };

export type ParsedTemplate = { ok: true; lines: TemplateLine[] } | { ok: false; error: string };

// `{` followed by a name and `}`; the name is checked against the table.
const VARIABLE = /\{([^{}\n]*)\}/g;

function piecesOf(line: string, lineNo: number): Piece[] | string {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of line.matchAll(VARIABLE)) {
    const name = (match[1] ?? '').trim();
    if (!isVariableName(name)) return `line ${lineNo}: unknown variable {${name}}`;
    if (isListVariable(name)) return `line ${lineNo}: {${name}} is a list and must stand on a line of its own`;
    if (match.index > last) pieces.push({ kind: 'text', text: line.slice(last, match.index) });
    pieces.push({ kind: 'variable', name });
    last = match.index + match[0].length;
  }
  if (last < line.length) pieces.push({ kind: 'text', text: line.slice(last) });
  // A brace left over after every {name} was taken is a typo, not text the customer should get.
  for (const piece of pieces) {
    if (piece.kind === 'text' && /[{}]/.test(piece.text)) {
      return `line ${lineNo}: a “{” or “}” without its pair (variables are written {name})`;
    }
  }
  return pieces;
}

export function parseTemplate(body: string): ParsedTemplate {
  const lines: TemplateLine[] = [];
  const raw = body.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = (raw[i] ?? '').replace(/\s+$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') {
      lines.push({ kind: 'blank' });
      continue;
    }
    const alone = /^\s*\{\s*([A-Za-z]+)\s*\}\s*$/.exec(line);
    if (alone && isListVariable(alone[1]!)) {
      lines.push({ kind: 'list', name: alone[1] });
      continue;
    }
    const bullet = /^\s*[-*•]\s+/.exec(line);
    const pieces = piecesOf(bullet ? line.slice(bullet[0].length) : line.trim(), lineNo);
    if (typeof pieces === 'string') return { ok: false, error: pieces };
    lines.push(bullet ? { kind: 'bullet', pieces } : { kind: 'text', pieces });
  }
  // Blank lines at either end would only push the writer's text apart.
  while (lines[0]?.kind === 'blank') lines.shift();
  while (lines[lines.length - 1]?.kind === 'blank') lines.pop();
  if (lines.length === 0) return { ok: false, error: 'the template is empty' };
  return { ok: true, lines };
}
