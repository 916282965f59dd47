import { findNextSteps } from '../detect/next-steps.ts';
import type { Rule } from './rule.ts';

export const nextSteps: Rule = {
  meta: {
    id: 'next-steps',
    title: 'Next steps are clear',
    defaultSeverity: 'warning',
    source: 'Staying a step ahead: every message says what happens next and who does it.',
  },
  check({ draftSentences }) {
    if (draftSentences.length === 0 || findNextSteps(draftSentences).length > 0) return [];
    return [
      {
        message: 'No next step: say what happens next and who does it.',
        suggestions: [{ action: 'insert-scaffold:next-steps', label: 'Insert next steps' }],
      },
    ];
  },
};
