import { indicatorNumberProblem } from './indicator-fields';

describe(indicatorNumberProblem.name, () => {
  const sut = indicatorNumberProblem;

  it('accepts finite numbers with up to 4 decimals within ±10^12', () => {
    for (const n of [0, -20, 55.5, 0.0001, -1e12, 1e12, 123456789.1234]) expect(sut(n)).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(sut('10')).toBe('must be a number');
    expect(sut(Number.NaN)).toBe('must be a number');
    expect(sut(Infinity)).toBe('must be a number');
    expect(sut(null)).toBe('must be a number');
    expect(sut(1e12 + 1)).toMatch(/^must be between/);
    expect(sut(1.23456)).toBe('must have at most 4 decimals');
    expect(sut(1e-7)).toBe('must have at most 4 decimals');
  });
});
