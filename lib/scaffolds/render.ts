import { findPlaceholders } from '../detect/placeholders.ts';
import type { ScaffoldValues } from './resolve.ts';
import type { ScaffoldTemplate } from './schema.ts';
import { isGreetingLine } from './greeting.ts';
import { parseTemplate, type Piece, type TemplateLine } from './template-syntax.ts';
import { ANSWER_PLACEHOLDER, VARIABLES } from './variables.ts';

// A template and its values to the HTML that goes into the draft. The HTML is what Gmail's
// own editor writes — a <div> per line, <div><br></div> for a blank line, <ul><li> for a
// list — with no class, id, style or data attribute, so nothing of ours reaches the sent
// mail. Every character of a value is escaped: a customer's question is text, never markup.
//
// Open questions go in as an inline reply: each question in a <blockquote> with a slot for
// its answer under it. Quoted, the question is the customer's words, not an answer of ours,
// so questions-answered counts it answered only once something is written under it (a
// question copied as plain text would read as answering itself).

export interface RenderedScaffold {
  html: string;
  /** The same lines as plain text, joined with "\n". */
  text: string;
  /** The `[[…]]` slots left for the writer, in order. */
  placeholders: string[];
  /** The first line is a greeting ("Hi {customerFirstName},"). */
  startsWithGreeting: boolean;
}

export interface RenderOptions {
  /** Leave out the template's greeting line (the draft already greets the customer). */
  dropGreeting?: boolean;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function textOf(pieces: Piece[], values: ScaffoldValues): string {
  return pieces
    .map((piece) => (piece.kind === 'text' ? piece.text : (values.scalars[piece.name] ?? VARIABLES[piece.name].placeholder)))
    .join('');
}

interface OutLine {
  kind: 'line' | 'blank' | 'item' | 'quote';
  text: string;
}

function expand(lines: TemplateLine[], values: ScaffoldValues): OutLine[] {
  const out: OutLine[] = [];
  for (const line of lines) {
    if (line.kind === 'blank') out.push({ kind: 'blank', text: '' });
    else if (line.kind === 'text') out.push({ kind: 'line', text: textOf(line.pieces, values) });
    else if (line.kind === 'bullet') out.push({ kind: 'item', text: textOf(line.pieces, values) });
    else if (values.questions.length === 0) out.push({ kind: 'line', text: VARIABLES[line.name].placeholder });
    else {
      for (const question of values.questions) {
        out.push({ kind: 'quote', text: question }, { kind: 'line', text: ANSWER_PLACEHOLDER });
      }
    }
  }
  return out;
}

export function renderScaffold(
  template: ScaffoldTemplate,
  values: ScaffoldValues,
  options: RenderOptions = {},
): RenderedScaffold {
  const parsed = parseTemplate(template.body);
  if (!parsed.ok) throw new TemplateError(parsed.error);
  let lines = expand(parsed.lines, values);
  const startsWithGreeting = lines[0]?.kind === 'line' && isGreetingLine(lines[0].text);
  if (startsWithGreeting && options.dropGreeting) {
    lines = lines.slice(1);
    while (lines[0]?.kind === 'blank') lines.shift();
  }
  let html = '';
  let inList = false;
  for (const line of lines) {
    if (line.kind === 'item' && !inList) html += '<ul>';
    if (line.kind !== 'item' && inList) html += '</ul>';
    inList = line.kind === 'item';
    if (line.kind === 'item') html += `<li>${escapeHtml(line.text)}</li>`;
    else if (line.kind === 'quote') html += `<blockquote>${escapeHtml(line.text)}</blockquote>`;
    else if (line.kind === 'blank') html += '<div><br></div>';
    else html += `<div>${escapeHtml(line.text)}</div>`;
  }
  if (inList) html += '</ul>';
  const text = lines.map((line) => (line.kind === 'quote' ? `> ${line.text}` : line.text)).join('\n');
  return { html, text, placeholders: findPlaceholders(text).map((p) => p.text), startsWithGreeting };
}
