import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, targetsFor } from '../../lib/schemas/settings.ts';

describe('settings', () => {
  it('defaults to Mon–Fri 08:00–17:00 New York and the support engineer’s targets', () => {
    expect(DEFAULT_SETTINGS.schedule.timeZone).toBe('America/New_York');
    expect(DEFAULT_SETTINGS.schedule.week[1]).toEqual([{ start: '08:00', end: '17:00' }]);
    expect(DEFAULT_SETTINGS.schedule.week[0]).toEqual([]);
    expect(targetsFor(DEFAULT_SETTINGS)).toEqual({ acknowledgeMinutes: 60, actionableMinutes: 1440, resolutionMinutes: 4320 });
    expect(DEFAULT_SETTINGS.rules['questions-answered']).toBe('error');
    expect(DEFAULT_SETTINGS.rules.ownership).toBe('warning');
  });

  it('keeps valid fields and replaces only the broken ones, saying why', () => {
    const { settings, problems } = readSettings({
      role: 'sales-consultant',
      schedule: { timeZone: 'Mars/Olympus', week: [], holidays: [] },
      rules: { ownership: 'off' },
    });
    expect(settings.role).toBe('sales-consultant');
    expect(targetsFor(settings).acknowledgeMinutes).toBe(15);
    expect(settings.rules.ownership).toBe('off');
    expect(settings.rules['eta-present']).toBe('error');
    expect(settings.schedule).toEqual(DEFAULT_SETTINGS.schedule);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^schedule: /);
  });

  it.each([null, undefined, 'x', 42, [], { __proto__: { role: 'custom' } }])('falls back to defaults for %j', (input) => {
    expect(readSettings(input).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses intervals that end before they start and unknown severities', () => {
    const week = DEFAULT_SETTINGS.schedule.week.map(() => [{ start: '17:00', end: '08:00' }]);
    const { problems } = readSettings({ schedule: { ...DEFAULT_SETTINGS.schedule, week }, rules: { ownership: 'loud' } });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['schedule', 'rules']);
  });
});
