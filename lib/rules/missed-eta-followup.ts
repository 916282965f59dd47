import { findMissAcknowledgement } from '../detect/reply-intent.ts';
import { formatInstant } from '../time/format.ts';
import type { Report } from '../types.ts';
import type { Rule } from './rule.ts';

export const missedEtaFollowup: Rule = {
  meta: {
    id: 'missed-eta-followup',
    title: 'A missed ETA is owned and replaced',
    defaultSeverity: 'warning',
    source:
      'Customer correspondence 101 and our values: when we miss an ETA we say so before the customer has to chase, and give a new one.',
  },
  check({ thread, now, etas, draftSentences, timeZone }) {
    const latest = thread.earlierEtas?.at(-1);
    if (!latest) return [];
    const due = new Date(latest.due);
    if (Number.isNaN(due.getTime()) || due.getTime() >= now.getTime()) return [];
    const reports: Report[] = [];
    const when = formatInstant(due, timeZone);
    if (!findMissAcknowledgement(draftSentences)) {
      reports.push({
        message: `We promised an update by ${when} and missed it: acknowledge that in this reply.`,
        evidence: latest.text,
        suggestions: [{ action: 'insert-scaffold:missed-eta', label: 'Insert missed-ETA follow-up' }],
      });
    }
    const fresh = etas.some((eta) => !eta.vague && eta.end && eta.end.getTime() > now.getTime());
    if (!fresh) {
      reports.push({
        message: `The ETA of ${when} has passed: give the customer a new one.`,
        evidence: latest.text,
        suggestions: [{ action: 'insert-scaffold:expectations', label: 'Insert expectations' }],
      });
    }
    return reports;
  },
};
