import { describe, expect, it } from 'vitest';
import { isKnownZone, matchZoneAt, zoneFromWord } from '../../lib/time/zones.ts';

describe('zoneFromWord', () => {
  it.each([
    ['ET', 'America/New_York'],
    ['EST', 'America/New_York'],
    ['EDT', 'America/New_York'],
    ['Eastern', 'America/New_York'],
    ['CT', 'America/Chicago'],
    ['CDT', 'America/Chicago'],
    ['Central', 'America/Chicago'],
    ['MST', 'America/Denver'],
    ['Mountain time', 'America/Denver'],
    ['PT', 'America/Los_Angeles'],
    ['PST', 'America/Los_Angeles'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['Z', 'UTC'],
    ['BST', 'Europe/London'],
    ['CET', 'Europe/Paris'],
    ['CEST', 'Europe/Paris'],
    ['IST', 'Asia/Kolkata'],
    ['AEST', 'Australia/Sydney'],
    ['AEDT', 'Australia/Sydney'],
    ['JST', 'Asia/Tokyo'],
    ['SGT', 'Asia/Singapore'],
    ['UTC+5:30', 'UTC+5:30'],
    ['GMT-3', 'UTC-3'],
  ])('%s → %s', (word, zone) => {
    expect(zoneFromWord(word)).toBe(zone);
    expect(isKnownZone(zone)).toBe(true);
  });

  it('does not read lower-case prose words or unknown words as zones', () => {
    expect(zoneFromWord('et')).toBeNull();
    expect(zoneFromWord('pt')).toBeNull();
    expect(zoneFromWord('AST')).toBeNull();
    expect(zoneFromWord('banana')).toBeNull();
    expect(zoneFromWord('')).toBeNull();
  });
});

describe('matchZoneAt', () => {
  it('reads a zone after a clock time, with spaces and parentheses', () => {
    const text = 'at 3pm ET, or 4 pm (Central time) or 15:00Z or 9:00 UTC+05:30';
    expect(matchZoneAt(text, text.indexOf('pm ET') + 2)).toMatchObject({ zone: 'America/New_York' });
    const central = matchZoneAt(text, text.indexOf(' (Central'));
    expect(central?.zone).toBe('America/Chicago');
    expect(text.slice(central!.start, central!.end)).toBe('(Central time)');
    expect(matchZoneAt(text, text.indexOf('Z or'))?.zone).toBe('UTC');
    expect(matchZoneAt(text, text.indexOf(' UTC+'))?.zone).toBe('UTC+5:30');
  });

  it('leaves ordinary words alone', () => {
    const text = 'at 3 it is fine; the Central office; at 4 at home';
    expect(matchZoneAt(text, text.indexOf(' it'))).toBeNull();
    // "Central" away from a clock time needs "time" after it.
    expect(matchZoneAt(text, text.indexOf(' Central'), false)).toBeNull();
    expect(matchZoneAt(text, text.indexOf(' at home'))).toBeNull();
  });

  it('refuses an unbalanced parenthesis', () => {
    expect(matchZoneAt('3pm (ET', 3)).toBeNull();
  });
});
