import { findRedRuns } from '../detect/colour.ts';
import type { Report, TextModel } from '../types.ts';
import type { Rule } from './rule.ts';

/** Clips [start, end) to the parts that lie in the author's own new text. */
function newTextParts(model: TextModel, start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  for (const segment of model.segments) {
    if (segment.kind !== 'new' || segment.end <= start || segment.start >= end) continue;
    parts.push([Math.max(start, segment.start), Math.min(end, segment.end)]);
  }
  return parts;
}

export const noRedText: Rule = {
  meta: {
    id: 'no-red-text',
    title: 'No red text',
    defaultSeverity: 'error',
    source:
      'Customer correspondence 101: inline answers may stand out in another colour, but never in red.',
  },
  check({ draft }) {
    const reports: Report[] = [];
    // Red in the quoted history is the customer's own; only what we write is ours to fix.
    for (const run of findRedRuns(draft.colours, draft.text)) {
      for (const [start, end] of newTextParts(draft, run.start, run.end)) {
        if (draft.text.slice(start, end).trim() === '') continue;
        reports.push({
          message: `Red text (${run.color}) reads as alarm or anger to a customer: use another colour for inline answers.`,
          range: [start, end],
          suggestions: [{ action: 'recolour:default', label: 'Remove the colour' }],
        });
      }
    }
    return reports;
  },
};
