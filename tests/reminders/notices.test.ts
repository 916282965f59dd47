import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { leadNoticeAt, noticeDue, scheduled, type NoticeSettings } from '../../lib/reminders/notices.ts';
import { nextBusinessMorning, snoozeTarget } from '../../lib/reminders/snooze.ts';
import { sectionBounds, sectionOf } from '../../lib/reminders/sections.ts';
import type { Reminder } from '../../lib/schemas/reminder.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';

const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const settings: NoticeSettings = { leadMinutes: 60, schedule: DEFAULT_SCHEDULE };

function reminder(dueIso: string, extra: Partial<Reminder> = {}): Reminder {
  const dueAt = ny(dueIso);
  return {
    id: 'r1',
    threadId: 't1',
    subject: 'Invoice 4411',
    customer: { name: 'Dana', email: 'dana@northwind.example' },
    etaText: 'by 3 pm ET Thursday',
    sentence: 'I will send the corrected invoice by 3 pm ET Thursday.',
    etaAt: dueAt,
    dueAt,
    leadNotice: true,
    notified: [],
    source: 'send',
    createdAt: ny('2026-11-17T10:00'),
    updatedAt: ny('2026-11-17T10:00'),
    ...extra,
  };
}

describe('notices', () => {
  const due = '2026-11-19T15:00';

  it('schedules the lead notice first, then the one at the ETA', () => {
    const r = scheduled(reminder(due), settings, ny('2026-11-17T10:00'));
    expect(r.nextNoticeAt).toBe(ny('2026-11-19T14:00'));
    const atLead = noticeDue(r, settings, ny('2026-11-19T14:00'));
    expect(atLead.phase).toBe('lead');
    expect(atLead.reminder.nextNoticeAt).toBe(ny(due));
    const atDue = noticeDue(atLead.reminder, settings, ny(due));
    expect(atDue.phase).toBe('due');
    expect(atDue.reminder.nextNoticeAt).toBeUndefined();
  });

  it('raises nothing before its time', () => {
    const r = scheduled(reminder(due), settings, ny('2026-11-17T10:00'));
    expect(noticeDue(r, settings, ny('2026-11-19T13:59')).phase).toBeNull();
  });

  it('after sleeping through both, raises only the one at the ETA, and only once', () => {
    const r = scheduled(reminder(due), settings, ny('2026-11-17T10:00'));
    const back = noticeDue(r, settings, ny('2026-11-20T09:00'));
    expect(back.phase).toBe('due');
    expect(back.reminder.notified.sort()).toEqual(['due', 'lead']);
    expect(noticeDue(back.reminder, settings, ny('2026-11-20T09:05')).phase).toBeNull();
  });

  it('gives no lead notice when the promise was made inside the lead time', () => {
    const r = scheduled(reminder(due), settings, ny('2026-11-19T14:30'));
    expect(r.notified).toEqual(['lead']);
    expect(r.nextNoticeAt).toBe(ny(due));
  });

  it('a snoozed reminder comes back once, at its new time, with no lead notice', () => {
    const r = scheduled(reminder(due, { dueAt: ny('2026-11-19T16:00'), leadNotice: false }), settings, ny('2026-11-19T15:00'));
    expect(leadNoticeAt(r, settings)).toBeNull();
    expect(r.nextNoticeAt).toBe(ny('2026-11-19T16:00'));
  });

  it('a lead of zero switches the early notice off', () => {
    const r = scheduled(reminder(due), { ...settings, leadMinutes: 0 }, ny('2026-11-17T10:00'));
    expect(r.nextNoticeAt).toBe(ny(due));
  });

  it('keeps the ETA instant across a DST change: only the lead moves in business time', () => {
    const r = scheduled(reminder('2026-11-02T09:00'), settings, ny('2026-10-29T10:00'));
    expect(r.dueAt).toBe(Date.parse('2026-11-02T14:00:00Z'));
    expect(r.nextNoticeAt).toBe(ny('2026-11-02T08:00'));
  });

  it('copes with the clock jumping back: nothing raised until the time comes again', () => {
    const r = scheduled(reminder(due), settings, ny('2026-11-19T14:30'));
    expect(noticeDue(r, settings, ny('2026-11-18T10:00')).phase).toBeNull();
    expect(noticeDue(r, settings, ny(due)).phase).toBe('due');
  });
});

describe('snooze targets', () => {
  it('15 minutes and an hour are calendar time', () => {
    const now = ny('2026-11-20T16:50');
    expect(snoozeTarget('15m', now, DEFAULT_SCHEDULE)).toBe(now + 15 * 60_000);
    expect(snoozeTarget('1h', now, DEFAULT_SCHEDULE)).toBe(now + 60 * 60_000);
  });

  it.each([
    ['Friday evening → Monday 08:00', '2026-11-20T18:00', '2026-11-23T08:00'],
    ['before opening → today 08:00', '2026-11-18T07:00', '2026-11-18T08:00'],
    ['during the day → tomorrow 08:00', '2026-11-18T10:00', '2026-11-19T08:00'],
    ['Saturday → Monday 08:00, after the autumn change', '2026-10-31T12:00', '2026-11-02T08:00'],
  ])('next business morning: %s', (_name, now, expected) => {
    expect(nextBusinessMorning(ny(now), DEFAULT_SCHEDULE)).toBe(ny(expected));
  });
});

describe('popup sections', () => {
  it('splits by now and the reader’s midnight', () => {
    const bounds = sectionBounds(ny('2026-11-18T10:00'), 'America/New_York');
    expect(sectionOf(ny('2026-11-18T09:59'), bounds)).toBe('overdue');
    expect(sectionOf(ny('2026-11-18T23:59'), bounds)).toBe('today');
    expect(sectionOf(ny('2026-11-19T00:00'), bounds)).toBe('upcoming');
  });
});
