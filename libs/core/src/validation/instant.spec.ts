import { isInstant } from './instant';

describe('isInstant', () => {
  it.each([
    '2026-02-20',
    '2026-02-20T10:00:00Z',
    '2026-02-20T10:00Z',
    '2026-02-20T10:00:00.123+02:00',
    '2026-02',
  ])('accepts %s', (v) => expect(isInstant(v)).toBe(true));

  it.each([
    ['an ordinal date JavaScript cannot read', '2026-051'],
    ['a week date JavaScript cannot read', '2026-W05-3'],
    ['30 February', '2026-02-30'],
    ['year 0000, which PostgreSQL refuses', '0000-01-01T00:00:00Z'],
    ['a bare time', '10:00'],
    ['not a string', 20260220],
    ['an empty string', ''],
  ])('refuses %s', (_why, v) => expect(isInstant(v)).toBe(false));
});
