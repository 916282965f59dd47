import { findPlaceholders } from '../detect/placeholders.ts';
import type { Report } from '../types.ts';
import type { Rule } from './rule.ts';

export const placeholdersFilled: Rule = {
  meta: {
    id: 'placeholders-filled',
    title: 'No placeholder left unfilled',
    defaultSeverity: 'error',
    source: 'Our values: beware of scripts and copy-paste; a template slot sent as-is tells the customer nobody read it.',
  },
  check({ draft }) {
    const reports: Report[] = [];
    for (const segment of draft.segments) {
      if (segment.kind !== 'new') continue;
      const slice = draft.text.slice(segment.start, segment.end);
      for (const slot of findPlaceholders(slice)) {
        reports.push({
          message: `Placeholder “${slot.text}” is still unfilled.`,
          range: [segment.start + slot.start, segment.start + slot.end],
          suggestions: [{ action: 'focus-range', label: 'Fill it in' }],
        });
      }
    }
    return reports;
  },
};
