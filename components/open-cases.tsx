import { useMemo } from 'react';
import { clocksOfCase } from '../lib/case-state.ts';
import type { CaseClocks } from '../lib/schemas/case.ts';
import type { ThreadRecord } from '../lib/schemas/panel.ts';
import type { Settings } from '../lib/schemas/settings.ts';
import { clockStateAt, compareUrgency } from '../lib/time/clocks.ts';
import { ClockRow, NudgeList } from './thread-clocks.tsx';

// The popup's "open cases": every thread with a customer message that is not marked resolved,
// with the clocks still counting, worst first (breached, then at risk, then the earliest due).
// Worked out from each thread's stored case state (lib/schemas/case.ts), so it needs no
// Gmail tab. Subjects and names are rendered as text. Threads pile up for ever, and the list
// is worked out again every 30 seconds, so only cases with a message in the last
// OPEN_CASES_WINDOW_DAYS count, and of those only the OPEN_CASES_COMPUTED most recently active.

export interface OpenCasesProps {
  records: ThreadRecord[];
  settings: Settings;
  now: number;
  onOpenThread?(threadId: string): void;
  /** Rows drawn at most; the rest are counted. Default 50. */
  limit?: number;
}

interface OpenCase {
  record: ThreadRecord & { case: NonNullable<ThreadRecord['case']> };
  clocks: CaseClocks;
}

const COUNTING = new Set(['running', 'at-risk', 'breached', 'paused']);

/** A case whose last message (theirs or ours) is older than this is left out. */
export const OPEN_CASES_WINDOW_DAYS = 30;
export const OPEN_CASES_WINDOW_MS = OPEN_CASES_WINDOW_DAYS * 86_400_000;
/** At most this many cases, the most recently active, have their clocks worked out. */
export const OPEN_CASES_COMPUTED = 200;

/** The instant of the case's last message, theirs or ours (lists are oldest first). */
function lastActivity(state: NonNullable<ThreadRecord['case']>): number {
  const times = [state.customerMessageTimes.at(-1), state.ourReplyTimes.at(-1), state.firstCustomerAt];
  return Math.max(...times.map((t) => (t ? Date.parse(t) : Number.NEGATIVE_INFINITY)));
}

/** The open cases of `records` with their clocks at `now`, worst first. */
export function openCasesOf(records: readonly ThreadRecord[], settings: Settings, now: number): OpenCase[] {
  const at = new Date(now);
  const since = now - OPEN_CASES_WINDOW_MS;
  const candidates: Array<{ record: OpenCase['record']; active: number }> = [];
  for (const record of records) {
    if (!record.case || record.flags.resolved || !record.case.firstCustomerAt) continue;
    const active = lastActivity(record.case);
    if (active >= since) candidates.push({ record: record as OpenCase['record'], active });
  }
  const recent = candidates.sort((a, b) => b.active - a.active).slice(0, OPEN_CASES_COMPUTED);
  const out = recent.map(({ record }) => ({ record, clocks: clocksOfCase(record.case, record.flags, settings, at) }));
  return out.sort((a, b) => compareUrgency(a.clocks, b.clocks, now));
}

export function OpenCases({ records, settings, now, onOpenThread, limit = 50 }: OpenCasesProps) {
  const cases = useMemo(() => openCasesOf(records, settings, now), [records, settings, now]);
  if (cases.length === 0) {
    return (
      <p className="muted" data-testid="step-ahead-open-cases-empty">
        No open cases. A thread appears here once you open a customer’s email in Gmail, with when each reply is due. Cases
        with no message in the last {OPEN_CASES_WINDOW_DAYS} days are not listed.
      </p>
    );
  }
  const shown = cases.slice(0, limit);
  return (
    <div className="open-cases" data-testid="step-ahead-open-cases">
      <ul className="open-cases-list">
        {shown.map(({ record, clocks }) => {
          const counting = clocks.clocks.filter((clock) => COUNTING.has(clockStateAt(clock, now)));
          const subject = record.case.subject.trim() || '(no subject)';
          const customer = record.case.customer;
          return (
            <li
              key={record.threadId}
              className="open-case"
              data-testid="step-ahead-case"
              data-thread-id={record.threadId}
              data-state={worstState(clocks, now) ?? 'met'}
            >
              <div className="open-case-head">
                {onOpenThread ? (
                  <button type="button" className="link open-case-subject" onClick={() => onOpenThread(record.threadId)}>
                    {subject}
                  </button>
                ) : (
                  <span className="open-case-subject">{subject}</span>
                )}
                {customer && <span className="muted">{customer.name || customer.email}</span>}
              </div>
              {counting.length === 0 ? (
                <p className="muted">Every message answered; no clock running.</p>
              ) : (
                <ul className="clock-list">
                  {counting.map((clock) => (
                    <ClockRow key={clock.kind} clock={clock} timeZone={clocks.timeZone} now={now} compact />
                  ))}
                </ul>
              )}
              <NudgeList nudges={clocks.nudges} />
            </li>
          );
        })}
      </ul>
      {cases.length > shown.length && <p className="muted">{cases.length - shown.length} more open cases not shown.</p>}
      <p className="muted" data-testid="step-ahead-open-cases-scope">
        Cases with a message in the last {OPEN_CASES_WINDOW_DAYS} days
        {cases.length >= OPEN_CASES_COMPUTED ? `; the ${OPEN_CASES_COMPUTED} most recently active are checked` : ''}.
      </p>
    </div>
  );
}

const RANK = ['breached', 'at-risk', 'running', 'paused'] as const;

function worstState(clocks: CaseClocks, now: number): string | null {
  const states = new Set(clocks.clocks.map((clock) => clockStateAt(clock, now)));
  return RANK.find((state) => states.has(state)) ?? null;
}
