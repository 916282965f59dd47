import { useId, useMemo, useState } from 'react';
import { isValidTimeZone, type Settings } from '../lib/schemas/settings.ts';
import { US_HOLIDAY_YEARS, usFederalHolidays, withHolidays } from '../lib/time/us-holidays.ts';
import type { Holiday } from '../lib/types.ts';
import { LockNote } from './settings-lock.tsx';

// Business hours: the zone, one open interval per weekday, and the holidays, with the US
// federal holidays of a chosen year one click away. The clocks, the ETA rules and the
// reminders all count time in this schedule.

type Schedule = Settings['schedule'];
type Interval = Schedule['week'][number][number];

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function zones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf?(key: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

interface Props {
  schedule: Schedule;
  locked: boolean;
  /**
   * A change to the schedule, applied to the latest saved one when the save runs: each
   * control changes only its own part, so two quick edits (Monday, then Tuesday) both stay.
   */
  onChange(change: (schedule: Schedule) => Schedule): void;
  /** Today's year in the user's calendar, for the preset's default. */
  thisYear?: number;
}

export function ScheduleSettings({ schedule, locked, onChange, thisYear = new Date().getFullYear() }: Props) {
  const id = useId();
  const lockId = `${id}-lock`;
  const zoneList = useMemo(zones, []);
  const [zone, setZone] = useState(schedule.timeZone);
  const [zoneError, setZoneError] = useState<string | null>(null);
  const [year, setYear] = useState(String(thisYear));
  const [newDate, setNewDate] = useState('');
  const [newName, setNewName] = useState('');
  const [holidayError, setHolidayError] = useState<string | null>(null);
  const described = locked ? lockId : undefined;

  const commitZone = () => {
    const value = zone.trim();
    if (value === schedule.timeZone) return;
    if (!isValidTimeZone(value)) {
      setZoneError(`“${value}” is not a time zone; use a name like America/New_York.`);
      return;
    }
    setZoneError(null);
    onChange((current) => ({ ...current, timeZone: value }));
  };

  /** Sets a weekday's hours from its latest ones (`edit` gets them; undefined leaves the day as it is). */
  const setDay = (day: number, edit: (first: Interval | undefined) => Interval | null | undefined) =>
    onChange((current) => {
      const interval = edit(current.week[day]?.[0]);
      if (interval === undefined) return current;
      return { ...current, week: current.week.map((intervals, index) => (index === day ? (interval ? [interval] : []) : intervals)) };
    });

  const setHolidays = (edit: (holidays: Holiday[]) => Holiday[]) => onChange((current) => ({ ...current, holidays: edit(current.holidays) }));

  const addPreset = () => {
    const parsed = Number(year);
    try {
      const preset = usFederalHolidays(parsed);
      setHolidays((holidays) => withHolidays(holidays, preset));
      setHolidayError(null);
    } catch (error) {
      setHolidayError(error instanceof Error ? error.message : 'That year cannot be used.');
    }
  };

  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate)) {
      setHolidayError('Pick a date for the holiday.');
      return;
    }
    const added = { date: newDate, name: newName.trim().slice(0, 200) || 'Holiday' };
    setHolidays((holidays) => withHolidays(holidays.filter((h) => h.date !== added.date), [added]));
    setNewDate('');
    setNewName('');
    setHolidayError(null);
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="step-ahead-options-schedule">
      <h2 id={`${id}-h`}>Business hours</h2>
      {locked && <LockNote id={lockId} />}
      <fieldset disabled={locked} aria-describedby={described}>
        <legend className="visually-hidden">Business hours</legend>
        <div className="field">
          <label htmlFor={`${id}-zone`}>Time zone</label>
          <input
            id={`${id}-zone`}
            list={`${id}-zones`}
            value={zone}
            onChange={(e) => setZone(e.currentTarget.value)}
            onBlur={commitZone}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitZone();
            }}
            aria-invalid={zoneError ? true : undefined}
            aria-describedby={zoneError ? `${id}-zone-error` : described}
            data-testid="step-ahead-options-zone"
          />
          <datalist id={`${id}-zones`}>
            {zoneList.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {zoneError && (
            <p className="field-error" id={`${id}-zone-error`} role="alert">
              {zoneError}
            </p>
          )}
        </div>
        <table className="week">
          <caption className="visually-hidden">Open hours per weekday</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Open</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map((day, index) => {
              const intervals = schedule.week[index] ?? [];
              const first = intervals[0];
              const open = intervals.length > 0;
              return (
                <tr key={day} data-day={index}>
                  <th scope="row">{day}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Open on ${day}`}
                      checked={open}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setDay(index, () => (checked ? { start: '08:00', end: '17:00' } : null));
                      }}
                    />
                  </td>
                  <td>
                    <input
                      type="time"
                      aria-label={`${day} opens at`}
                      disabled={!open}
                      value={first?.start ?? ''}
                      onChange={(e) => {
                        const start = e.currentTarget.value;
                        if (first && start && start < first.end) setDay(index, (latest) => (latest && start < latest.end ? { start, end: latest.end } : undefined));
                      }}
                    />
                  </td>
                  <td>
                    <input
                      type="time"
                      aria-label={`${day} closes at`}
                      disabled={!open}
                      value={first && first.end !== '24:00' ? first.end : first ? '23:59' : ''}
                      onChange={(e) => {
                        const end = e.currentTarget.value;
                        if (first && end && end > first.start) setDay(index, (latest) => (latest && end > latest.start ? { start: latest.start, end } : undefined));
                      }}
                    />
                    {intervals.length > 1 && <span className="muted"> (+{intervals.length - 1} more from the team file)</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <h3>Holidays</h3>
        {schedule.holidays.length === 0 ? (
          <p className="muted">No holidays: every listed weekday is a business day.</p>
        ) : (
          <ul className="holidays" data-testid="step-ahead-options-holidays">
            {schedule.holidays.map((holiday) => (
              <li key={holiday.date}>
                <time dateTime={holiday.date}>{holiday.date}</time> {holiday.name}{' '}
                <button type="button" onClick={() => setHolidays((holidays) => holidays.filter((h) => h.date !== holiday.date))} aria-label={`Remove ${holiday.name} on ${holiday.date}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <label htmlFor={`${id}-year`}>US federal holidays of</label>
          <input
            id={`${id}-year`}
            type="number"
            min={US_HOLIDAY_YEARS.min}
            max={US_HOLIDAY_YEARS.max}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            className="narrow"
          />
          <button type="button" onClick={addPreset} data-testid="step-ahead-options-us-holidays">
            Add US federal holidays
          </button>
        </div>
        <div className="row">
          <label htmlFor={`${id}-hdate`}>Date</label>
          <input id={`${id}-hdate`} type="date" value={newDate} onChange={(e) => setNewDate(e.currentTarget.value)} />
          <label htmlFor={`${id}-hname`}>Name</label>
          <input id={`${id}-hname`} value={newName} maxLength={200} onChange={(e) => setNewName(e.currentTarget.value)} />
          <button type="button" onClick={addHoliday}>
            Add holiday
          </button>
        </div>
        {holidayError && (
          <p className="field-error" role="alert">
            {holidayError}
          </p>
        )}
      </fieldset>
    </section>
  );
}
