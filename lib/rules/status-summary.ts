import { findStatusSummaries, statusNearTop } from '../detect/status-summary.ts';
import type { Rule } from './rule.ts';

export const statusSummary: Rule = {
  meta: {
    id: 'status-summary',
    title: 'The current status comes first',
    defaultSeverity: 'warning',
    source: 'Staying a step ahead: summarise where the issue stands, most important details first.',
  },
  check({ draftSentences }) {
    if (draftSentences.length === 0 || statusNearTop(draftSentences)) return [];
    const later = findStatusSummaries(draftSentences)[0];
    if (later) {
      return [
        {
          message: 'The status summary is buried: move it to the top of the reply.',
          range: [later.start, later.end],
        },
      ];
    }
    return [
      {
        message: 'No status summary: open with where the issue stands.',
        suggestions: [{ action: 'insert-scaffold:status', label: 'Insert status' }],
      },
    ];
  },
};
