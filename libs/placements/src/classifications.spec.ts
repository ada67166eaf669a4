import { addMonths, isIsco08, occupationGroupOf } from './classifications';

describe('classifications', () => {
  it('accepts ISCO-08 codes whose sub-major group exists, from major group to unit group', () => {
    expect(['9', '94', '941', '9412', '0110', '2512'].map(isIsco08)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['', '19', '1999', '99999', '94a', '00'].map(isIsco08)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(occupationGroupOf('9412')).toBe('9');
  });

  it('adds calendar months, clamped to the end of a shorter month', () => {
    expect(addMonths('2027-03-01', 3)).toBe('2027-06-01');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15');
    expect(addMonths('2027-01-31', -1)).toBe('2026-12-31');
  });
});
