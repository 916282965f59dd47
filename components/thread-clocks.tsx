import { useId } from 'react';
import type { CaseClocks, Clock, Nudge } from '../lib/schemas/case.ts';
import { clockStateAt } from '../lib/time/clocks.ts';
import { businessDuration, CLOCK_NAMES, clockTime, stateLabel } from './clock-text.ts';
import { useNow } from './use-now.ts';

// The open thread's response-time clocks (DESIGN.md §2): when each reply is due by the
// role's targets in business time, whether it is on track, at risk or breached, and the
// escalation nudges of an issue that stays open. The state follows the clock while the
// panel is open; the times come from the Gmail tab's last check.

export function ThreadClocks({ clocks, now: fixedNow }: { clocks: CaseClocks | undefined; now?: number }) {
  const baseId = useId();
  const ticking = useNow(30_000);
  const now = fixedNow ?? ticking;
  if (!clocks) return null;
  return (
    <section className="card clocks" aria-labelledby={`${baseId}-heading`} data-testid="step-ahead-clocks">
      <h2 id={`${baseId}-heading`}>Response clocks</h2>
      {!clocks.open && <p className="muted">Resolved: no reply is owed.</p>}
      <ul className="clock-list">
        {clocks.clocks.map((clock) => (
          <ClockRow key={clock.kind} clock={clock} timeZone={clocks.timeZone} now={now} />
        ))}
      </ul>
      <NudgeList nudges={clocks.nudges} />
    </section>
  );
}

export function ClockRow({ clock, timeZone, now, compact = false }: { clock: Clock; timeZone: string; now: number; compact?: boolean }) {
  const state = clockStateAt(clock, now);
  return (
    <li className={`clock clock-${state}`} data-testid="step-ahead-clock" data-kind={clock.kind} data-state={state}>
      <span className="clock-head">
        <span className="clock-name">{CLOCK_NAMES[clock.kind]}</span>
        <span className="clock-state">{stateLabel(state, clock)}</span>
      </span>
      <ClockDetail clock={clock} state={state} timeZone={timeZone} compact={compact} />
    </li>
  );
}

function ClockDetail({ clock, state, timeZone, compact }: { clock: Clock; state: string; timeZone: string; compact: boolean }) {
  if (state === 'not-applicable') return compact ? null : <span className="clock-detail muted">{clock.note ?? ''}</span>;
  if (state === 'met') {
    return (
      <span className="clock-detail">
        {clock.metAt ? (
          <>
            Met <time dateTime={clock.metAt}>{clockTime(clock.metAt, timeZone)}</time>
          </>
        ) : (
          'Met'
        )}
        {clock.dueAt && !compact && (
          <span className="muted">
            {' '}
            (due <time dateTime={clock.dueAt}>{clockTime(clock.dueAt, timeZone)}</time>)
          </span>
        )}
      </span>
    );
  }
  if (state === 'paused') {
    return (
      <span className="clock-detail">
        Waiting on the customer
        {clock.pausedSince && (
          <>
            {' '}
            since <time dateTime={clock.pausedSince}>{clockTime(clock.pausedSince, timeZone)}</time>
          </>
        )}
        {clock.remainingMinutes !== null && `; ${businessDuration(clock.remainingMinutes)} left`}
      </span>
    );
  }
  return (
    <span className="clock-detail">
      <span>
        Due{' '}
        {clock.dueAt ? (
          <time className="clock-due" dateTime={clock.dueAt}>
            {clockTime(clock.dueAt, timeZone)}
          </time>
        ) : (
          'unknown'
        )}
      </span>
      {!compact && clock.targetMinutes !== null && clock.receivedAt && (
        <span className="muted clock-why">
          {businessDuration(clock.targetMinutes)} from{' '}
          {clock.startedAt && clock.startedAt !== clock.receivedAt ? (
            <>
              <time dateTime={clock.startedAt}>{clockTime(clock.startedAt, timeZone)}</time>, the next opening after the
              message that arrived <time dateTime={clock.receivedAt}>{clockTime(clock.receivedAt, timeZone)}</time>
            </>
          ) : (
            <>
              the message that arrived <time dateTime={clock.receivedAt}>{clockTime(clock.receivedAt, timeZone)}</time>
            </>
          )}
        </span>
      )}
    </span>
  );
}

export function NudgeList({ nudges }: { nudges: readonly Nudge[] }) {
  if (nudges.length === 0) return null;
  return (
    <ul className="nudges">
      {nudges.map((nudge) => (
        <li key={nudge.kind} className="nudge" data-testid="step-ahead-nudge" data-kind={nudge.kind}>
          {nudge.message}
        </li>
      ))}
    </ul>
  );
}
