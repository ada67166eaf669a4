/**
 * ISCO-08 sub-major groups (the first two digits of every valid code). Checking the prefix catches
 * typos and invented codes without shipping the whole 436-line unit-group table.
 */
export const ISCO08_SUB_MAJOR_GROUPS = new Set(
  (
    '01 02 03 11 12 13 14 21 22 23 24 25 26 31 32 33 34 35 41 42 43 44 ' +
    '51 52 53 54 61 62 63 71 72 73 74 75 81 82 83 91 92 93 94 95 96'
  ).split(' '),
);

/** ISIC Rev.4 sections. */
export const ISIC4_SECTIONS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');

/** A 1–4 digit ISCO-08 code whose major and sub-major groups exist. */
export function isIsco08(code: string): boolean {
  if (!/^\d{1,4}$/.test(code)) return false;
  if (code.length === 1) return true;
  return ISCO08_SUB_MAJOR_GROUPS.has(code.slice(0, 2));
}

/** The ISCO-08 major group (first digit): the "occupation group" of the statistics. */
export const occupationGroupOf = (code: string): string => code.charAt(0);

/** Calendar months after a date (YYYY-MM-DD), clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Today's date in UTC, YYYY-MM-DD. */
export const isoDate = (at: Date): string => at.toISOString().slice(0, 10);
