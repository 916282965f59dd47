import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEtas } from '../../lib/detect/eta.ts';
import {
  bareSubject,
  firstNameOf,
  formatEta,
  fullNameOf,
  openQuestionsOf,
  resolveValues,
  scaffoldFactsOf,
  type ScaffoldFacts,
} from '../../lib/scaffolds/index.ts';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings.ts';
import type { Schedule } from '../../lib/types.ts';
import { makeSnapshot } from '../helpers/panel-snapshot.ts';

// Every variable, from the facts a compose has. Times are New York's (the default schedule,
// Mon–Fri 08:00–17:00); ETAs are named in that zone, with EST/EDT as the date requires.

const ny = (iso: string) => new Date(iso);
const at = (now: string, schedule: Schedule = DEFAULT_SCHEDULE): ScaffoldFacts => ({ now: ny(now), schedule, actionableMinutes: 60 });
const eta = (now: string, schedule?: Schedule) => resolveValues(at(now, schedule)).scalars;

const THANKSGIVING: Schedule = { ...DEFAULT_SCHEDULE, holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }, { date: '2026-11-27', name: 'Day after' }] };
const CLOSED: Schedule = { ...DEFAULT_SCHEDULE, week: [[], [], [], [], [], [], []] };

describe('names', () => {
  it.each([
    ['Priya Shah', null, 'Priya'],
    ['Shah, Priya', null, 'Priya'],
    ['PRIYA SHAH', null, 'Priya'],
    ['Dr. Priya Shah', null, 'Priya'],
    ['Dr. Shah', null, null],
    ['"Priya Shah"', null, 'Priya'],
    ['Anne-Marie de Vries', null, 'Anne-Marie'],
    ['', 'priya.shah@acme.example', 'Priya'],
    ['priya.shah@acme.example', 'priya.shah@acme.example', 'Priya'],
    ['', 'support@acme.example', null],
    ['', 'jsmith@acme.example', null],
    ['Acme Support Team 24/7', null, null],
    [null, null, null],
  ])('first name of %j <%s> is %j', (name, email, expected) => {
    expect(firstNameOf(name, email)).toBe(expected);
  });

  it('gives the full name as people sign it, or null', () => {
    expect(fullNameOf('  Dana   Reyes ')).toBe('Dana Reyes');
    expect(fullNameOf('dana@northwind.example')).toBeNull();
    expect(fullNameOf('x'.repeat(61))).toBeNull();
  });

  it('fills my name and first name from the account, or leaves them to the writer', () => {
    expect(resolveValues({ ...at('2026-11-18T15:00:00Z'), myName: 'Dana Reyes' }).scalars).toMatchObject({ myName: 'Dana Reyes', myFirstName: 'Dana' });
    expect(resolveValues(at('2026-11-18T15:00:00Z')).scalars).toMatchObject({ myName: null, myFirstName: null });
  });

  it('fills the customer’s names from the thread', () => {
    const values = resolveValues({ ...at('2026-11-18T15:00:00Z'), customer: { name: 'Priya Shah', email: 'priya.shah@acme.example' } });
    expect(values.scalars).toMatchObject({ customerFirstName: 'Priya', customerName: 'Priya Shah' });
  });
});

describe('subject', () => {
  it.each([
    ['Re: Nightly sync stalls', 'Nightly sync stalls'],
    ['RE: Fwd: re: Sync', 'Sync'],
    ['Re[2]: Sync', 'Sync'],
    ['AW: Sync', 'Sync'],
    ['Re: ', null],
    [null, null],
  ])('%j → %j', (subject, expected) => {
    expect(bareSubject(subject)).toBe(expected);
  });
});

describe('questions', () => {
  it('lists the questions the draft has not answered and that were not marked by hand', () => {
    const snapshot = makeSnapshot({
      questions: [
        { id: 'a', text: 'Is 4.2 affected?', kind: 'question', type: 'yesno', answered: false, reason: '', answeredBy: [] },
        { id: 'b', text: 'Which log?', kind: 'question', type: 'which', answered: true, reason: '', answeredBy: ['sync.log'] },
        { id: 'c', text: 'Can you call?', kind: 'request', type: 'request', answered: false, mark: 'not-applicable', reason: '', answeredBy: [] },
      ],
    });
    expect(openQuestionsOf(snapshot)).toEqual(['Is 4.2 affected?']);
    expect(openQuestionsOf(null)).toEqual([]);
  });

  it('reads every fact from the snapshot and the settings', () => {
    const snapshot = makeSnapshot();
    const settings: Settings = { ...DEFAULT_SETTINGS, role: 'sales-consultant' };
    const facts = scaffoldFactsOf({ snapshot, settings, now: ny('2026-11-18T15:00:00Z'), myName: 'Dana Reyes', subject: 'Re: other' });
    expect(facts.actionableMinutes).toBe(60);
    expect(facts.customer).toEqual(snapshot.thread.customer);
    expect(facts.subject).toBe(snapshot.thread.subject || 'Re: other');
    expect(facts.earlierEtas).toEqual(snapshot.thread.earlierEtas);
  });
});

describe('business-time ETAs', () => {
  it('on a Wednesday morning', () => {
    expect(eta('2026-11-18T15:00:00Z')).toMatchObject({
      etaNextBusinessDay: '5:00 PM EST on Thursday, November 19',
      etaEndOfDay: '5:00 PM EST on Wednesday, November 18',
      etaFourBusinessHours: '2:00 PM EST on Wednesday, November 18',
      etaNextBusinessMorning: '8:00 AM EST on Thursday, November 19',
      etaActionable: '11:00 AM EST on Wednesday, November 18',
    });
  });

  it('across the weekend: Friday afternoon goes to Monday', () => {
    expect(eta('2026-11-20T20:00:00Z')).toMatchObject({
      etaNextBusinessDay: '5:00 PM EST on Monday, November 23',
      etaEndOfDay: '5:00 PM EST on Friday, November 20',
      // 3 pm Friday: two hours left on Friday, two on Monday.
      etaFourBusinessHours: '10:00 AM EST on Monday, November 23',
      etaNextBusinessMorning: '8:00 AM EST on Monday, November 23',
    });
  });

  it('written on a Saturday: EOD is Monday’s close', () => {
    expect(eta('2026-11-21T15:00:00Z')).toMatchObject({
      etaEndOfDay: '5:00 PM EST on Monday, November 23',
      etaNextBusinessDay: '5:00 PM EST on Monday, November 23',
      etaFourBusinessHours: '12:00 PM EST on Monday, November 23',
    });
  });

  it('after closing: EOD is the next business day’s close', () => {
    expect(eta('2026-11-18T23:30:00Z').etaEndOfDay).toBe('5:00 PM EST on Thursday, November 19');
  });

  it('over holidays: Thanksgiving and the day after are skipped', () => {
    expect(eta('2026-11-25T19:00:00Z', THANKSGIVING)).toMatchObject({
      etaNextBusinessDay: '5:00 PM EST on Monday, November 30',
      // 2 pm Wednesday: three hours left on Wednesday, one on Monday.
      etaFourBusinessHours: '9:00 AM EST on Monday, November 30',
      etaNextBusinessMorning: '8:00 AM EST on Monday, November 30',
    });
  });

  it('over the autumn DST change: Friday EDT, Monday EST, hours kept on the wall clock', () => {
    // Friday Oct 30 2026, 3 pm EDT; clocks go back on Sunday Nov 1.
    expect(eta('2026-10-30T19:00:00Z')).toMatchObject({
      etaEndOfDay: '5:00 PM EDT on Friday, October 30',
      etaNextBusinessDay: '5:00 PM EST on Monday, November 2',
      etaFourBusinessHours: '10:00 AM EST on Monday, November 2',
      etaNextBusinessMorning: '8:00 AM EST on Monday, November 2',
    });
  });

  it('over the spring DST change', () => {
    // Friday Mar 6 2026, 4 pm EST; clocks go forward on Sunday Mar 8.
    expect(eta('2026-03-06T21:00:00Z')).toMatchObject({
      etaNextBusinessDay: '5:00 PM EDT on Monday, March 9',
      etaFourBusinessHours: '11:00 AM EDT on Monday, March 9',
      etaNextBusinessMorning: '8:00 AM EDT on Monday, March 9',
    });
  });

  it('in another team zone, named in that zone', () => {
    const berlin: Schedule = { ...DEFAULT_SCHEDULE, timeZone: 'Europe/Berlin' };
    expect(eta('2026-11-18T09:00:00Z', berlin).etaEndOfDay).toMatch(/^5:00 PM GMT\+1 on Wednesday, November 18$/);
  });

  it('with no business hours at all, or no clock, the writer names the time', () => {
    expect(Object.values(eta('2026-11-18T15:00:00Z', CLOSED)).slice(5, 10)).toEqual([null, null, null, null, null]);
    const noClock = resolveValues({ now: new Date(NaN), schedule: DEFAULT_SCHEDULE }).scalars;
    expect(noClock.etaNextBusinessDay).toBeNull();
    expect(noClock.missedEta).toBeNull();
  });

  it('the actionable target comes from the role, and is left to the writer without one', () => {
    expect(resolveValues({ ...at('2026-11-18T15:00:00Z'), actionableMinutes: 24 * 60 }).scalars.etaActionable).toBe(
      '4:00 PM EST on Friday, November 20',
    );
    expect(resolveValues({ ...at('2026-11-18T15:00:00Z'), actionableMinutes: null }).scalars.etaActionable).toBeNull();
  });

  it('the missed ETA is the latest promise that has passed', () => {
    const values = resolveValues({
      ...at('2026-11-18T15:00:00Z'),
      earlierEtas: [{ due: '2026-11-16T20:00:00Z' }, { due: '2026-11-17T20:00:00Z' }, { due: '2026-11-20T22:00:00Z' }, { due: 'garbage' }],
    });
    expect(values.scalars.missedEta).toBe('3:00 PM EST on Tuesday, November 17');
    expect(resolveValues({ ...at('2026-11-18T15:00:00Z'), earlierEtas: [{ due: '2026-11-20T22:00:00Z' }] }).scalars.missedEta).toBeNull();
  });

  it('the ETA detector reads every rendered ETA back to the same instant (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }), (now) => {
        const instant = new Date(Math.ceil((now.getTime() + 3 * 3600_000) / 60_000) * 60_000);
        const sentence = `I will send you an update by ${formatEta(instant, 'America/New_York')}.`;
        const [found] = findEtas(sentence, { now, timeZone: 'Europe/London', schedule: DEFAULT_SCHEDULE });
        return found?.end?.getTime() === instant.getTime();
      }),
      { numRuns: 200 },
    );
  });
});
