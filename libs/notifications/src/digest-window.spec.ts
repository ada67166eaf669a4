import { dueCadences, isValidTimeZone, localTime } from './digest-window';

describe('digest window', () => {
  it('reads the local date, hour and weekday in the user’s time zone', () => {
    // 2026-11-23 is a Monday. 06:30 UTC is 08:30 in Etc/GMT-2 (UTC+2) and 01:30 in New York.
    const at = new Date('2026-11-23T06:30:00Z');
    expect(localTime(at, 'Etc/GMT-2')).toEqual({ date: '2026-11-23', hour: 8, isoWeekday: 1 });
    expect(localTime(at, 'America/New_York')).toEqual({ date: '2026-11-23', hour: 1, isoWeekday: 1 });
    // Across the date line: already Tuesday in Kiritimati (UTC+14).
    expect(localTime(new Date('2026-11-23T18:30:00Z'), 'Pacific/Kiritimati')).toEqual({
      date: '2026-11-24',
      hour: 8,
      isoWeekday: 2,
    });
  });

  it('is due only in the 08:xx hour; weekly ones only on Monday', () => {
    expect(dueCadences(new Date('2026-11-23T06:59:59Z'), 'Etc/GMT-2')).toEqual([
      'daily_digest',
      'weekly_digest',
    ]);
    expect(dueCadences(new Date('2026-11-23T07:00:00Z'), 'Etc/GMT-2')).toEqual([]);
    expect(dueCadences(new Date('2026-11-24T08:15:00Z'), 'UTC')).toEqual(['daily_digest']);
    expect(dueCadences(new Date('2026-11-24T08:15:00Z'), 'Europe/Lisbon')).toEqual(['daily_digest']);
    expect(dueCadences(new Date('2026-11-24T08:15:00Z'), 'Asia/Damascus')).toEqual([]);
  });

  it('follows daylight saving: 08:00 in Lisbon is 07:00 UTC in summer, 08:00 UTC in winter', () => {
    expect(dueCadences(new Date('2026-07-01T07:10:00Z'), 'Europe/Lisbon')).toEqual(['daily_digest']);
    expect(dueCadences(new Date('2026-07-01T08:10:00Z'), 'Europe/Lisbon')).toEqual([]);
    expect(dueCadences(new Date('2026-12-01T08:10:00Z'), 'Europe/Lisbon')).toEqual(['daily_digest']);
  });

  it('validates IANA zones', () => {
    expect(isValidTimeZone('Europe/Lisbon')).toBe(true);
    expect(isValidTimeZone('Etc/GMT+5')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
