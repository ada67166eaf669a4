import { HIDDEN, SMALL, suppressBreakdown, suppressCount, suppressRetention } from './suppression';

describe('suppression', () => {
  it('hides every cell under 5 people and leaves the others exact', () => {
    const sut = suppressBreakdown([
      { key: 'A', people: 4 },
      { key: 'B', people: 1 },
      { key: 'C', people: 9 },
      { key: 'D', people: 5 },
    ]);
    expect(sut).toEqual([
      { key: 'A', people: SMALL },
      { key: 'B', people: SMALL },
      { key: 'C', people: 9 },
      { key: 'D', people: 5 },
    ]);
  });

  it('hides the next smallest cell too when only one is small, so the total cannot give it away', () => {
    const sut = suppressBreakdown([
      { key: 'SY', people: 12 },
      { key: 'AF', people: 2 },
      { key: 'UA', people: 7 },
    ]);
    expect(sut).toEqual([
      { key: 'SY', people: 12 },
      { key: 'AF', people: SMALL },
      { key: 'UA', people: HIDDEN },
    ]);
    expect(suppressBreakdown([{ key: 'only', people: 3 }])).toEqual([{ key: 'only', people: SMALL }]);
  });

  it('shows a retention rate only when the stayed and left groups are both 5 or more', () => {
    expect(suppressRetention(3, 14, 7)).toEqual({ months: 3, answered: 14, retained: 7, left: 7, rate: 0.5 });
    expect(suppressRetention(6, 4, 4)).toEqual({
      months: 6,
      answered: SMALL,
      retained: SMALL,
      left: SMALL,
      rate: null,
    });
    // 10 answered, 8 stayed: showing 8 would reveal that 2 left.
    expect(suppressRetention(12, 10, 8)).toEqual({
      months: 12,
      answered: 10,
      retained: HIDDEN,
      left: SMALL,
      rate: null,
    });
  });

  it('treats zero as a small cell', () => {
    expect([suppressCount(0), suppressCount(4), suppressCount(5)]).toEqual([SMALL, SMALL, 5]);
  });
});
