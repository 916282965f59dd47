import { describe, expect, it } from 'vitest';
import { findEtas, type FindEtasOptions } from '../../lib/detect/eta.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import type { Eta, Schedule } from '../../lib/types.ts';

// Wednesday 2026-11-18 10:00 in New York; the writer is in New York too unless a test says
// otherwise. Expected instants carry their offsets, so the machine's zone never matters.
const NOW = new Date('2026-11-18T10:00:00-05:00');
const NY: FindEtasOptions = { now: NOW, timeZone: 'America/New_York', schedule: DEFAULT_SCHEDULE };

const iso = (s: string) => new Date(s).toISOString();
const concrete = (etas: Eta[]) => etas.filter((e) => !e.vague);

interface Row {
  sentence: string;
  /** The phrase the ETA should cover, exactly. */
  phrase: string;
  end: string;
  /** Earliest bound when it differs from `end`. */
  start?: string;
  outside?: boolean;
}

function expectOne(sentence: string, options: FindEtasOptions): Eta {
  const etas = concrete(findEtas(sentence, options));
  expect(etas.map((e) => e.text)).toHaveLength(1);
  const eta = etas[0]!;
  expect(sentence.slice(eta.range[0], eta.range[1])).toBe(eta.text);
  return eta;
}

function checkRow(row: Row, options: FindEtasOptions) {
  const eta = expectOne(row.sentence, options);
  expect(eta.text).toBe(row.phrase);
  expect(eta.vague).toBe(false);
  expect(eta.end?.toISOString()).toBe(iso(row.end));
  expect(eta.start?.toISOString()).toBe(iso(row.start ?? row.end));
  expect(eta.outsideBusinessHours).toBe(row.outside ?? false);
}

const ROWS: Row[] = [
  // Absolute and relative
  { sentence: 'I will send an update by 3 pm ET Thursday.', phrase: 'by 3 pm ET Thursday', end: '2026-11-19T15:00:00-05:00' },
  { sentence: "I'll call you tomorrow morning.", phrase: 'tomorrow morning', start: '2026-11-19T08:00:00-05:00', end: '2026-11-19T12:00:00-05:00' },
  { sentence: "We'll have the fix by Friday.", phrase: 'by Friday', end: '2026-11-20T17:00:00-05:00' },
  { sentence: "I'll check in on Monday.", phrase: 'on Monday', end: '2026-11-23T17:00:00-05:00' },
  { sentence: 'The update is coming Thursday.', phrase: 'Thursday', end: '2026-11-19T17:00:00-05:00' },
  { sentence: 'Expect the patch next week.', phrase: 'next week', start: '2026-11-23T08:00:00-05:00', end: '2026-11-27T17:00:00-05:00' },
  { sentence: "I'll get back to you in 2 hours.", phrase: 'in 2 hours', end: '2026-11-18T12:00:00-05:00' },
  { sentence: "You'll hear from us within 48 hours.", phrase: 'within 48 hours', end: '2026-11-20T10:00:00-05:00' },
  { sentence: 'The report will be ready by the 5th.', phrase: 'by the 5th', end: '2026-12-05T17:00:00-05:00', outside: true },
  { sentence: "We're targeting Dec 3 for the release.", phrase: 'Dec 3', end: '2026-12-03T17:00:00-05:00' },
  { sentence: 'The upgrade is planned for 12/3.', phrase: '12/3', end: '2026-12-03T17:00:00-05:00' },
  { sentence: "I'll reply by noon.", phrase: 'by noon', end: '2026-11-18T12:00:00-05:00' },
  { sentence: "I'll send the summary tonight.", phrase: 'tonight', start: '2026-11-18T18:00:00-05:00', end: '2026-11-18T21:00:00-05:00', outside: true },
  { sentence: 'We will finish by midnight.', phrase: 'by midnight', end: '2026-11-19T00:00:00-05:00', outside: true },
  { sentence: 'Maintenance is set for Friday at 3pm.', phrase: 'Friday at 3pm', end: '2026-11-20T15:00:00-05:00' },
  { sentence: "I'll ring you at 3.", phrase: 'at 3', end: '2026-11-18T15:00:00-05:00' },
  { sentence: "We'll finish by 4.30pm.", phrase: 'by 4.30pm', end: '2026-11-18T16:30:00-05:00' },
  { sentence: "I'll confirm by 11:30 a.m.", phrase: 'by 11:30 a.m.', end: '2026-11-18T11:30:00-05:00' },
  { sentence: 'Please expect the call by 9am.', phrase: 'by 9am', end: '2026-11-19T09:00:00-05:00' },
  { sentence: 'The fix goes live by 9am tomorrow.', phrase: 'by 9am tomorrow', end: '2026-11-19T09:00:00-05:00' },
  { sentence: "I'll send it first thing tomorrow.", phrase: 'first thing tomorrow', start: '2026-11-19T08:00:00-05:00', end: '2026-11-19T09:00:00-05:00' },
  { sentence: "I'll finish it this morning.", phrase: 'this morning', start: '2026-11-18T08:00:00-05:00', end: '2026-11-18T12:00:00-05:00' },
  { sentence: "I'll call you in the morning.", phrase: 'in the morning', start: '2026-11-18T08:00:00-05:00', end: '2026-11-18T12:00:00-05:00' },
  { sentence: 'The migration happens in May.', phrase: 'in May', start: '2027-05-01T08:00:00-04:00', end: '2027-05-31T17:00:00-04:00' },
  { sentence: "I'll look at it this afternoon.", phrase: 'this afternoon', start: '2026-11-18T12:00:00-05:00', end: '2026-11-18T17:00:00-05:00' },
  { sentence: "We'll start Monday morning.", phrase: 'Monday morning', start: '2026-11-23T08:00:00-05:00', end: '2026-11-23T12:00:00-05:00' },
  { sentence: "We'll be done by next Friday.", phrase: 'by next Friday', end: '2026-11-27T17:00:00-05:00' },
  { sentence: "I'll reply within the hour.", phrase: 'within the hour', end: '2026-11-18T11:00:00-05:00' },
  { sentence: "I'll have an answer in a couple of hours.", phrase: 'in a couple of hours', end: '2026-11-18T12:00:00-05:00' },
  { sentence: "I'll have results in 2 days.", phrase: 'in 2 days', end: '2026-11-20T10:00:00-05:00' },
  { sentence: "We'll revisit in two weeks.", phrase: 'in two weeks', end: '2026-12-02T10:00:00-05:00' },
  { sentence: 'Give us 3 days to investigate.', phrase: 'Give us 3 days', end: '2026-11-21T10:00:00-05:00', outside: true },
  { sentence: 'Allow 2 weeks for delivery.', phrase: 'Allow 2 weeks', end: '2026-12-02T10:00:00-05:00' },
  { sentence: "We'll monitor it over the next 24 hours.", phrase: 'over the next 24 hours', end: '2026-11-19T10:00:00-05:00' },
  { sentence: "I'll deliver it by Dec 3, 2026.", phrase: 'by Dec 3, 2026', end: '2026-12-03T17:00:00-05:00' },
  { sentence: 'The cutover is scheduled for 2026-11-20.', phrase: '2026-11-20', end: '2026-11-20T17:00:00-05:00' },
  { sentence: "I'll send it on the 5th at 3pm.", phrase: 'on the 5th at 3pm', end: '2026-12-05T15:00:00-05:00', outside: true },
  { sentence: 'The fix will be in by Thursday 11/19.', phrase: 'by Thursday 11/19', end: '2026-11-19T17:00:00-05:00' },
  { sentence: "Let's aim for 9:30 tomorrow.", phrase: '9:30 tomorrow', end: '2026-11-19T09:30:00-05:00' },
  { sentence: "I'll be back to you by the end of the month.", phrase: 'by the end of the month', end: '2026-11-30T17:00:00-05:00' },
  { sentence: "I'll send the logs by 5pm.", phrase: 'by 5pm', end: '2026-11-18T17:00:00-05:00' },
  // Business and working days
  { sentence: "We'll respond within 2 business days.", phrase: 'within 2 business days', end: '2026-11-20T17:00:00-05:00' },
  { sentence: 'Expect an answer in 3 working days.', phrase: 'in 3 working days', end: '2026-11-23T17:00:00-05:00' },
  { sentence: "I'll follow up next business day.", phrase: 'next business day', end: '2026-11-19T17:00:00-05:00' },
  { sentence: "We'll have it by the next working day.", phrase: 'by the next working day', end: '2026-11-19T17:00:00-05:00' },
  { sentence: "You'll hear back within 4 business hours.", phrase: 'within 4 business hours', end: '2026-11-18T14:00:00-05:00' },
  // End of day / week
  { sentence: "I'll send it EOD.", phrase: 'EOD', end: '2026-11-18T17:00:00-05:00' },
  { sentence: 'Updated logs by COB.', phrase: 'by COB', end: '2026-11-18T17:00:00-05:00' },
  { sentence: "I'll confirm by close of business.", phrase: 'by close of business', end: '2026-11-18T17:00:00-05:00' },
  { sentence: "We'll know by the end of the day.", phrase: 'by the end of the day', end: '2026-11-18T17:00:00-05:00' },
  { sentence: "I'll update you EOW.", phrase: 'EOW', end: '2026-11-20T17:00:00-05:00' },
  { sentence: "I'll update you by end of the week.", phrase: 'by end of the week', end: '2026-11-20T17:00:00-05:00' },
  { sentence: 'A fix should land by the end of this week.', phrase: 'by the end of this week', end: '2026-11-20T17:00:00-05:00' },
  { sentence: 'Expect the build end of day Friday.', phrase: 'end of day Friday', end: '2026-11-20T17:00:00-05:00' },
  { sentence: "I'll have numbers EOD tomorrow.", phrase: 'EOD tomorrow', end: '2026-11-19T17:00:00-05:00' },
  { sentence: 'Expect it Friday COB.', phrase: 'Friday COB', end: '2026-11-20T17:00:00-05:00' },
  { sentence: "We'll ship EOD Dec 3.", phrase: 'EOD Dec 3', end: '2026-12-03T17:00:00-05:00' },
  { sentence: 'Expect the report by end of day on the 5th.', phrase: 'by end of day on the 5th', end: '2026-12-05T17:00:00-05:00', outside: true },
  { sentence: "We'll wrap up by the end of next week.", phrase: 'by the end of next week', end: '2026-11-27T17:00:00-05:00' },
  { sentence: "I'll have a draft early next week.", phrase: 'early next week', start: '2026-11-23T08:00:00-05:00', end: '2026-11-24T17:00:00-05:00' },
  { sentence: "I'll get back to you later this week.", phrase: 'later this week', start: '2026-11-18T10:00:00-05:00', end: '2026-11-20T17:00:00-05:00' },
  { sentence: "I'll send it later today.", phrase: 'later today', start: '2026-11-18T10:00:00-05:00', end: '2026-11-18T17:00:00-05:00' },
  // Named zones
  { sentence: "Let's talk at 3pm PT.", phrase: 'at 3pm PT', end: '2026-11-18T15:00:00-08:00', outside: true },
  { sentence: 'The window opens at 16:00 UTC.', phrase: 'at 16:00 UTC', end: '2026-11-18T16:00:00Z' },
  { sentence: "I'll call at 10am Eastern tomorrow.", phrase: 'at 10am Eastern tomorrow', end: '2026-11-19T10:00:00-05:00' },
  { sentence: 'We can meet at 2 p.m. Central.', phrase: 'at 2 p.m. Central', end: '2026-11-18T14:00:00-06:00' },
  { sentence: "We'll call Nov 25 at 10am PT.", phrase: 'Nov 25 at 10am PT', end: '2026-11-25T10:00:00-08:00' },
  { sentence: 'We will have an answer by 3pm EST.', phrase: 'by 3pm EST', end: '2026-11-18T15:00:00-05:00' },
  { sentence: 'The call is at 4pm (CET) tomorrow.', phrase: 'at 4pm (CET) tomorrow', end: '2026-11-19T16:00:00+01:00' },
  // Ranges: the later bound is the commitment
  { sentence: "You'll get a response in 24–48 hours.", phrase: 'in 24–48 hours', start: '2026-11-19T10:00:00-05:00', end: '2026-11-20T10:00:00-05:00' },
  { sentence: "We'll ship within 2-3 business days.", phrase: 'within 2-3 business days', start: '2026-11-20T17:00:00-05:00', end: '2026-11-23T17:00:00-05:00' },
  { sentence: 'I can call between 2 and 4 pm.', phrase: 'between 2 and 4 pm', start: '2026-11-18T14:00:00-05:00', end: '2026-11-18T16:00:00-05:00' },
  { sentence: "We'll deploy Tuesday or Wednesday.", phrase: 'Tuesday or Wednesday', start: '2026-11-24T17:00:00-05:00', end: '2026-11-25T17:00:00-05:00' },
  { sentence: "We'll roll it out Monday to Wednesday.", phrase: 'Monday to Wednesday', start: '2026-11-23T17:00:00-05:00', end: '2026-11-25T17:00:00-05:00' },
  { sentence: 'We can talk 2-4pm tomorrow.', phrase: '2-4pm tomorrow', start: '2026-11-19T14:00:00-05:00', end: '2026-11-19T16:00:00-05:00' },
  { sentence: "I'm free between 2 and 4 pm on Friday.", phrase: 'between 2 and 4 pm on Friday', start: '2026-11-20T14:00:00-05:00', end: '2026-11-20T16:00:00-05:00' },
  // Found while building the team's ETA set (tests/eval-data/eta-phrases.json).
  { sentence: "We'll be on site between 9 am and noon on Friday.", phrase: 'between 9 am and noon on Friday', start: '2026-11-20T09:00:00-05:00', end: '2026-11-20T12:00:00-05:00' },
  { sentence: 'The upgrade is booked for the 30th at 7 pm.', phrase: 'the 30th at 7 pm', end: '2026-11-30T19:00:00-05:00', outside: true },
  { sentence: "I'll have the fix for you by tomorrow at 3.", phrase: 'by tomorrow at 3', end: '2026-11-19T15:00:00-05:00' },
  { sentence: "I'll have it to you by midnight tonight.", phrase: 'by midnight tonight', end: '2026-11-19T00:00:00-05:00', outside: true },
  { sentence: "I'll be done by midnight on Friday.", phrase: 'by midnight on Friday', end: '2026-11-21T00:00:00-05:00', outside: true },
  { sentence: "I'll call you at 3:30.", phrase: 'at 3:30', end: '2026-11-18T15:30:00-05:00' },
  { sentence: "I'll send it over by 2.", phrase: 'by 2', end: '2026-11-18T14:00:00-05:00' },
  { sentence: "I'll call before 5.", phrase: 'before 5', end: '2026-11-18T17:00:00-05:00' },
  { sentence: "I'll send it by end of business Friday.", phrase: 'by end of business Friday', end: '2026-11-20T17:00:00-05:00' },
  { sentence: "I'll call Friday at 4 to go over it.", phrase: 'Friday', end: '2026-11-20T17:00:00-05:00' },
  { sentence: 'The window opens at 16:00 UTC tomorrow.', phrase: 'at 16:00 UTC tomorrow', end: '2026-11-19T16:00:00Z' },
  { sentence: 'The renewal will be processed by January 15.', phrase: 'by January 15', end: '2027-01-15T17:00:00-05:00' },
];

describe('findEtas: concrete ETAs (now Wed 2026-11-18 10:00 New York)', () => {
  it('has a broad table', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });
  it.each(ROWS.map((r) => [r.sentence, r] as const))('%s', (_s, row) => checkRow(row, NY));
});

const NOT_ETAS = [
  'I restarted it yesterday.',
  'On Monday we saw errors in the logs.',
  'We deployed the patch on Tuesday.',
  'It crashed at 3pm.',
  'The meeting was on Dec 3.',
  'Last Friday the sync failed.',
  'Last Friday we patched it.',
  'CPU sat at 95% all morning.',
  'April fools, everyone.',
  "It's on tonight's list.",
  'The issue started 2 days ago.',
  'Please upgrade to v4.2.1 first.',
  'This was fixed in 4.2.',
  'The bug is gone in version 10.3.',
  'The add-on costs $12.50 per seat.',
  "That's 12.50 USD per month.",
  'See ticket 2024-1187 for details.',
  'This is tracked in #12345.',
  'Please reference case 12/3 in your reply.',
  'Call me on 555-123-4567.',
  'The server at 192.168.1.1 is down.',
  'The export is 2.5 GB.',
  'Throughput dropped 12% on node 4.',
  'The job takes 2 hours.',
  'We were down for 3 days.',
  'Our SLA covers 24/7 support.',
  'Only 3/4 of the nodes restarted.',
  'The notes are at https://example.com/2026/12/03/notes now.',
  'We have 20 users at 5 sites.',
  'The third-party tool needs the 3rd option.',
  'Windows 10 and Office 2016 are supported.',
  'Error code 503 appeared twice.',
  'It was fixed in 2 hours.',
  'See PROJ-1234 and INC-0042 for history.',
  // A recent month and day is this year's, so it is past ("Nov 3" written on Nov 18).
  'The outage on Nov 3 was caused by a bad DNS record.',
  'The incident began at 9:15 am and was resolved by 9:40 am.',
  // Regular hours and recurring jobs are standing facts, not promises.
  'Our office opens at 8 am Eastern.',
  'Our support hours are 8 am to 5 pm ET, Monday through Friday.',
  'The nightly backup runs at 2 am every day.',
  // A number after a verb of change is an amount, not a bare hour.
  'Increase the pool size by 5.',
  'Multiply the value by 2.',
  '',
];

describe('findEtas: not ETAs', () => {
  it('has at least 20 sentences', () => expect(NOT_ETAS.length).toBeGreaterThanOrEqual(20));
  it.each(NOT_ETAS)('%s', (sentence) => {
    expect(findEtas(sentence, NY)).toEqual([]);
  });
});

const VAGUE: [sentence: string, phrase: string][] = [
  ["I'll get back to you soon.", 'soon'],
  ['We will update you shortly.', 'shortly'],
  ['Will fix ASAP.', 'ASAP'],
  ["I'll reply as soon as possible.", 'as soon as possible'],
  ["I'll let you know as soon as I hear back.", 'as soon as I hear back'],
  ["I'll check in a bit.", 'in a bit'],
  ['You will hear from us in due course.', 'in due course'],
  ["We'll look at it at some point.", 'at some point'],
  ["I'll reply later.", 'later'],
  ["I'll send it when I can.", 'when I can'],
  ['Please allow a few business days.', 'a few business days'],
  ["I'll be back in a few minutes.", 'in a few minutes'],
  ['We expect progress in the coming days.', 'in the coming days'],
  ['A fix is planned in the near future.', 'in the near future'],
  ["I'll have it in a while.", 'in a while'],
  ['It will eventually be fixed.', 'eventually'],
  ["I'll reply once I hear back from engineering.", 'once I hear back'],
  ["We'll know more in a few days.", 'in a few days'],
  ['I hope to have news sometime soon.', 'sometime soon'],
];

describe('findEtas: vague ETAs', () => {
  it('has at least 15 phrases', () => expect(VAGUE.length).toBeGreaterThanOrEqual(15));
  it.each(VAGUE)('%s', (sentence, phrase) => {
    const etas = findEtas(sentence, NY);
    expect(etas).toHaveLength(1);
    expect(etas[0]).toMatchObject({ text: phrase, vague: true, start: null, end: null, outsideBusinessHours: false });
    expect(sentence.slice(...etas[0]!.range)).toBe(phrase);
  });

  it('matches on word boundaries only', () => {
    expect(findEtas('Soonja sent the shortlist for the later versions.', NY)).toEqual([]);
  });

  it('prefers a concrete reading to a vague one on the same words', () => {
    const etas = findEtas("I'll send it later today.", NY);
    expect(etas).toHaveLength(1);
    expect(etas[0]!.vague).toBe(false);
  });

  it('reports a vague and a concrete promise side by side', () => {
    const etas = findEtas("I'll reply soon, by Friday at the latest.", NY);
    expect(etas.map((e) => [e.text, e.vague])).toEqual([
      ['soon', true],
      ['by Friday', false],
    ]);
  });
});

describe('findEtas: across DST (now Fri 2026-03-06 10:00 EST; clocks spring forward on Sunday)', () => {
  const DST: FindEtasOptions = { ...NY, now: new Date('2026-03-06T10:00:00-05:00') };
  it.each<Row>([
    { sentence: "We'll respond within 2 business days.", phrase: 'within 2 business days', end: '2026-03-10T17:00:00-04:00' },
    { sentence: "Let's talk Monday at 3pm.", phrase: 'Monday at 3pm', end: '2026-03-09T15:00:00-04:00' },
    { sentence: "You'll have it by Monday.", phrase: 'by Monday', end: '2026-03-09T17:00:00-04:00' },
    // Hours are elapsed time: 72 h from 10:00 EST is 11:00 EDT.
    { sentence: "We'll reply within 72 hours.", phrase: 'within 72 hours', end: '2026-03-09T11:00:00-04:00' },
    // Days keep the clock time.
    { sentence: "I'll check again in 3 days.", phrase: 'in 3 days', end: '2026-03-09T10:00:00-04:00' },
    { sentence: "I'll call by 3pm PT Monday.", phrase: 'by 3pm PT Monday', end: '2026-03-09T15:00:00-07:00', outside: true },
    { sentence: 'Expect it next week.', phrase: 'next week', start: '2026-03-09T08:00:00-04:00', end: '2026-03-13T17:00:00-04:00' },
  ])('$sentence', (row) => checkRow(row, DST));

  it('keeps the local closing across fall back too (now Fri 2026-10-30 10:00 EDT)', () => {
    const fall: FindEtasOptions = { ...NY, now: new Date('2026-10-30T10:00:00-04:00') };
    checkRow({ sentence: "We'll respond within 2 business days.", phrase: 'within 2 business days', end: '2026-11-03T17:00:00-05:00' }, fall);
    checkRow({ sentence: "We'll reply within 72 hours.", phrase: 'within 72 hours', end: '2026-11-02T09:00:00-05:00' }, fall);
  });

  it('reads "EST" in July as New York time, not a fixed UTC-5', () => {
    const july: FindEtasOptions = { ...NY, now: new Date('2026-07-15T10:00:00-04:00') };
    checkRow({ sentence: "I'll call at 3pm EST.", phrase: 'at 3pm EST', end: '2026-07-15T15:00:00-04:00' }, july);
  });
});

describe('findEtas: a writer outside New York', () => {
  it('reads "by 5pm" in London as 17:00 London time', () => {
    const eta = expectOne("I'll send it by 5pm.", { ...NY, timeZone: 'Europe/London' });
    expect(eta.end?.toISOString()).toBe(iso('2026-11-18T17:00:00Z'));
    expect(eta.timeZone).toBe('Europe/London');
    expect(eta.outsideBusinessHours).toBe(false); // 12:00 in New York
  });

  it('flags a London 9 am as outside New York hours', () => {
    const eta = expectOne("I'll call tomorrow at 9.", { ...NY, timeZone: 'Europe/London' });
    expect(eta.end?.toISOString()).toBe(iso('2026-11-19T09:00:00Z'));
    expect(eta.outsideBusinessHours).toBe(true);
  });

  it('uses a named zone over the writer’s', () => {
    const eta = expectOne("I'll send it by 5pm ET.", { ...NY, timeZone: 'Europe/London' });
    expect(eta.end?.toISOString()).toBe(iso('2026-11-18T17:00:00-05:00'));
    expect(eta.timeZone).toBe('America/New_York');
  });

  it('rolls a passed time to tomorrow in the writer’s zone (Kolkata, 20:30 there)', () => {
    const eta = expectOne("I'll send it by 6pm.", { ...NY, timeZone: 'Asia/Kolkata' });
    expect(eta.end?.toISOString()).toBe(iso('2026-11-19T18:00:00+05:30'));
  });

  it('takes "tomorrow" from the writer’s calendar (Tokyo, already Thursday)', () => {
    const eta = expectOne("I'll reply by noon tomorrow.", { ...NY, timeZone: 'Asia/Tokyo' });
    expect(eta.end?.toISOString()).toBe(iso('2026-11-20T12:00:00+09:00'));
  });

  it('reads London summer time from the IANA zone', () => {
    const eta = expectOne("I'll send it by 5pm.", {
      ...NY,
      now: new Date('2026-07-15T10:00:00+01:00'),
      timeZone: 'Europe/London',
    });
    expect(eta.end?.toISOString()).toBe(iso('2026-07-15T17:00:00+01:00'));
  });

  it('reads EOD against a Berlin schedule', () => {
    const berlin: Schedule = { ...DEFAULT_SCHEDULE, timeZone: 'Europe/Berlin' };
    const eta = expectOne("I'll send it EOD.", { now: NOW, timeZone: 'Europe/Berlin', schedule: berlin });
    // 10:00 New York is 16:00 in Berlin; closing is 17:00 Berlin.
    expect(eta.end?.toISOString()).toBe(iso('2026-11-18T17:00:00+01:00'));
  });
});

describe('findEtas: ranges, offsets and robustness', () => {
  it('gives UTF-16 offsets after emoji and finds several ETAs in order', () => {
    const text = '🎉🎉 Great news! I will send logs by Friday and call you Monday at 3pm.';
    const etas = findEtas(text, NY);
    expect(etas.map((e) => text.slice(...e.range))).toEqual(['by Friday', 'Monday at 3pm']);
  });

  it('ends the phrase before a trailing comma and adds only natural lead words', () => {
    expect(findEtas("We'll be on site on Saturday, weather permitting.", NY).map((e) => e.text)).toEqual(['on Saturday']);
    expect(findEtas("We'll know when Mark gets in tomorrow.", NY).map((e) => e.text)).toEqual(['tomorrow']);
  });

  it('splits tense by clause: a past report and a promise in one sentence', () => {
    const etas = findEtas('We saw the errors on Monday, and we will fix them by Friday.', NY);
    expect(etas.map((e) => e.text)).toEqual(['by Friday']);
  });

  it('still finds an ETA after a past clause in the same line', () => {
    const etas = findEtas('I restarted it yesterday; I will confirm by 3pm.', NY);
    expect(etas.map((e) => e.text)).toEqual(['by 3pm']);
  });

  it('reads a weekday equal to today as today while its closing is ahead, else next week', () => {
    expect(expectOne('I will send it by Wednesday.', NY).end?.toISOString()).toBe(iso('2026-11-18T17:00:00-05:00'));
    const evening = { ...NY, now: new Date('2026-11-18T18:00:00-05:00') };
    expect(expectOne('I will send it by Wednesday.', evening).end?.toISOString()).toBe(iso('2026-11-25T17:00:00-05:00'));
  });

  it('does not throw on odd input', () => {
    for (const text of ['🙂'.repeat(1000), 'מחר בשעה 3', '明天下午三点', '\u0000\uFFFF', 'by by by', '12:', '/'.repeat(50)]) {
      expect(() => findEtas(text, NY)).not.toThrow();
    }
    expect(findEtas('by Friday', { ...NY, timeZone: 'Not/AZone' })[0]?.end?.toISOString()).toBe(iso('2026-11-20T17:00:00-05:00'));
    expect(findEtas('by Friday', { ...NY, now: new Date(NaN) })).toBeInstanceOf(Array);
  });

  it('never hangs on a schedule with no open hours and flags instants as outside hours', () => {
    const closed: Schedule = { timeZone: 'America/New_York', week: [[], [], [], [], [], [], []], holidays: [] };
    const etas = findEtas("I'll send it by 3pm, within 2 business days, or EOD.", { ...NY, schedule: closed });
    expect(etas.map((e) => e.text)).toEqual(['by 3pm']);
    expect(etas[0]!.outsideBusinessHours).toBe(true);
  });
});

// A time the draft mentions without committing to it is not the reply's ETA: it would
// otherwise satisfy the "give an ETA" check with a promise nobody made.
const MENTIONS: [why: string, sentence: string][] = [
  // Something that need not happen, or a promise explicitly not made.
  ['not needed', 'Rolling back to 4.1 before Friday is not needed.'],
  ['not needed', 'There is no need to restart the workers by Monday.'],
  ['not needed', "You don't have to upgrade until Tuesday."],
  ['not needed', 'You do not need to send the logs before Friday.'],
  ['not needed', "Upgrading by the end of the month isn't necessary."],
  ['not needed', 'A restart before Thursday is not required.'],
  ['not needed', 'No need to reply until Monday.'],
  ['no promise', "We can't promise a fix by Friday."],
  // A question the writer asks: a proposal or a request waits for the customer.
  ['question', 'Who owns the retry queue this week?'],
  ['question', 'Can you send the HAR file by Friday?'],
  ['question', 'Would Thursday at 2 pm work for a call?'],
  ['question', 'Is the maintenance still planned for Dec 3?'],
  ['question', 'Could we do a call tomorrow at 10, or would Thursday suit you better?'],
  ['question', 'Could you send the logs as soon as possible?'],
  // The customer's or a third party's own dates.
  ['their event', 'Your licence expires on December 31.'],
  ['their event', 'Please note your trial ends on Friday.'],
  ['their event', 'You have until Friday to renew at the old price.'],
  ['their event', 'The vendor certificate expires on Dec 15.'],
  ['their event', 'Your subscription renews on January 1.'],
  // A standing policy in the plain present bounds every case, not this one.
  ['policy', 'We reply to P2 tickets within 8 business hours.'],
  ['policy', 'Our support team responds to new tickets within 4 hours.'],
  ['policy', 'Refunds are processed within 5 business days.'],
];

// The same shapes around a real promise: the promise is still found.
const STILL_PROMISES: [sentence: string, phrase: string][] = [
  ["You don't need to do anything; we'll ship the fix by Friday.", 'by Friday'],
  ["You don't have to wait: I'll send the build by 3 pm.", 'by 3 pm'],
  ['There is no need to roll back because the fix ships tomorrow.', 'tomorrow'],
  ["We can't promise Friday, but we'll have it by Monday.", 'by Monday'],
  ["The fix won't be ready until Tuesday.", 'until Tuesday'],
  ["I'll send it by Friday, does that work for you?", 'by Friday'],
  ["I'll call you at 3 pm — is that OK?", 'at 3 pm'],
  ['Does Friday work? If so, I will book the call for Friday at 10.', 'Friday at 10'],
  ['Your access will be restored by Friday.', 'by Friday'],
  ['You can expect the fix by Friday.', 'by Friday'],
  ["You'll hear from us by Friday.", 'by Friday'],
  ['We will renew your licence before December 31.', 'before December 31'],
  ["We'll reply to your P2 ticket within 8 business hours.", 'within 8 business hours'],
  ['We are releasing the fix within 2 days.', 'within 2 days'],
  ['We ship the fix on Monday.', 'on Monday'],
  ['The fix will ship by the 5th.', 'by the 5th'],
  ['ETA: Friday 3 pm.', 'Friday 3 pm'],
  ['By EOD.', 'By EOD'],
  ['I will send logs by Friday and call you Monday at 3pm.', 'Monday at 3pm'],
  ['If you send the logs today, we will have an answer by Friday.', 'by Friday'],
];

describe('findEtas: times mentioned, not committed to', () => {
  it.each(MENTIONS)('%s: %s', (_why, sentence) => {
    expect(findEtas(sentence, NY)).toEqual([]);
  });
  it.each(STILL_PROMISES)('still a promise: %s', (sentence, phrase) => {
    expect(findEtas(sentence, NY).map((e) => e.text)).toContain(phrase);
  });
  it('drops only the mention when a sentence holds both', () => {
    const text = 'Rolling back to 4.1 before Friday is not needed. I will send you the release notes by Thursday at 3 pm ET.';
    expect(findEtas(text, NY).map((e) => e.text)).toEqual(['by Thursday at 3 pm ET']);
  });
});
