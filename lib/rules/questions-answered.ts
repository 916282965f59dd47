import type { Report } from '../types.ts';
import type { Rule } from './rule.ts';

function quote(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const questionsAnswered: Rule = {
  meta: {
    id: 'questions-answered',
    title: 'Every customer question is answered',
    defaultSeverity: 'error',
    source: 'Customer correspondence 101: answer each question the customer asked; read their mail more than once.',
  },
  check({ questions }) {
    const reports: Report[] = [];
    for (const status of questions) {
      if (status.answered) continue;
      const { question } = status;
      const what = question.kind === 'request' ? 'Request not addressed' : 'Question not answered';
      reports.push({
        message: `${what}: “${quote(question.text)}”`,
        evidence: question.text,
        suggestions: [
          { action: `mark:answered:${question.id}`, label: 'Mark answered' },
          { action: `mark:not-applicable:${question.id}`, label: 'Not applicable' },
        ],
      });
    }
    return reports;
  },
};
