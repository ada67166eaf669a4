/**
 * Where a user's clock stands: the local date, hour and ISO weekday in their IANA time zone.
 * The digest goes out in the hour whose local time is 08:xx (weekly ones on Mondays).
 */
export interface LocalTime {
  date: string;
  hour: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
}

export const DIGEST_LOCAL_HOUR = 8;

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    isoWeekday: WEEKDAYS[parts.weekday],
  };
}

/** Which digest cadences are due for a user at this instant (none outside their 08:xx). */
export function dueCadences(at: Date, timeZone: string): ('daily_digest' | 'weekly_digest')[] {
  const t = localTime(at, timeZone);
  if (t.hour !== DIGEST_LOCAL_HOUR) return [];
  return t.isoWeekday === 1 ? ['daily_digest', 'weekly_digest'] : ['daily_digest'];
}

/** True when `tz` is an IANA time zone this runtime (and so PostgreSQL's tz database) knows. */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
