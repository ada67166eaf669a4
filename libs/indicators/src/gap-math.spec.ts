import { MeasureDirection } from './entities';
import { changeOf, favourable, gapOf, rankDescending, trendOf } from './gap-math';

describe('gap math', () => {
  it('gap is migrant − host, rounded to 4 decimals; null without a host value', () => {
    expect(gapOf(61.3, 72.1)).toBe(-10.8);
    expect(gapOf(0.3, 0.1)).toBe(0.2);
    expect(gapOf(50, null)).toBeNull();
  });

  it('favourable orients the gap by direction', () => {
    expect(favourable(-10.8, MeasureDirection.Increase)).toBe(-10.8);
    expect(favourable(4, MeasureDirection.Decrease)).toBe(-4);
    expect(favourable(0, MeasureDirection.Decrease)).toBe(0);
    expect(Object.is(favourable(0, MeasureDirection.Decrease), -0)).toBe(false);
  });

  it('trend sorts by period; change is latest − earliest, narrowing on the absolute gap', () => {
    const sut = trendOf([
      { period: '2024', migrantValue: 60, hostValue: 70, smallSample: false },
      { period: '2022', migrantValue: 55, hostValue: 70, smallSample: true },
      { period: '2023', migrantValue: 58, hostValue: 71, smallSample: false },
    ]);
    expect(sut.map((p) => [p.period, p.gap])).toEqual([
      ['2022', -15],
      ['2023', -13],
      ['2024', -10],
    ]);
    expect(changeOf(sut, MeasureDirection.Increase)).toEqual({
      fromPeriod: '2022',
      toPeriod: '2024',
      change: 5,
      favourableChange: 5,
      narrowing: true,
      smallSample: true,
    });
    expect(changeOf(sut.slice(0, 1), MeasureDirection.Increase)).toBeNull();
  });

  it('ranks highest first with shared ranks for ties, null for missing scores', () => {
    const items = ['a', 'b', 'c', 'd'];
    const scores: Record<string, number | null> = { a: 1, b: 3, c: 1, d: null };
    const sut = rankDescending(items, (i) => scores[i]);
    expect([...sut.entries()]).toEqual(
      expect.arrayContaining([
        ['b', 1],
        ['a', 2],
        ['c', 2],
        ['d', null],
      ]),
    );
  });
});
