import { formatInstant } from '../time/format.ts';
import { endOfBusinessDay, nextBusinessStart } from '../time/business-time.ts';
import type { Report } from '../types.ts';
import type { Rule } from './rule.ts';

export const etaConcrete: Rule = {
  meta: {
    id: 'eta-concrete',
    title: 'ETAs are real times inside business hours',
    defaultSeverity: 'warning',
    source:
      'Customer correspondence 101 and our values: an ETA is a time the customer can hold us to, and we only promise what we can keep.',
  },
  check({ etas, now, schedule, settings }) {
    const reports: Report[] = [];
    for (const eta of etas) {
      if (eta.vague) {
        // Named in the team's zone: the close of business is the team's, wherever the writer is.
        const example = endOfBusinessDay(nextBusinessStart(now, schedule), schedule);
        reports.push({
          message: `“${eta.text}” is not an ETA the customer can hold us to: name a day and time (e.g. “by ${formatInstant(example, schedule.timeZone)}”).`,
          range: eta.range,
        });
        continue;
      }
      if (settings.etaWithinBusinessHours && eta.outsideBusinessHours && eta.end) {
        reports.push({
          message: `“${eta.text}” falls outside business hours (${formatInstant(eta.end, schedule.timeZone)}): will someone be there to keep it?`,
          range: eta.range,
        });
      }
    }
    return reports;
  },
};
