import { IndicatorDirection, IndicatorKind } from '../entities';
import { definitionProblem, indicatorProgress } from './indicator-progress';

describe(indicatorProgress.name, () => {
  const sut = indicatorProgress;

  it('is null before any value is reported', () => {
    expect(sut(IndicatorKind.Plain, 10, 20, null)).toBeNull();
  });

  it('measures a plain indicator from baseline to target, clamped, with the raw ratio', () => {
    expect(sut(IndicatorKind.Plain, 40, 60, 45)).toEqual({ progress: 0.25, progressRaw: 0.25 });
    expect(sut(IndicatorKind.Plain, 40, 60, 70)).toEqual({ progress: 1, progressRaw: 1.5 });
    expect(sut(IndicatorKind.Plain, 40, 60, 30)).toEqual({ progress: 0, progressRaw: -0.5 });
  });

  it('measures a decreasing plain indicator the same way', () => {
    expect(sut(IndicatorKind.Plain, 30, 10, 25)).toEqual({ progress: 0.25, progressRaw: 0.25 });
  });

  it('measures a gap indicator on the absolute gap, on either side of zero', () => {
    // Employment: migrants 20 points behind, target 5 behind; now 12 behind.
    expect(sut(IndicatorKind.Gap, -20, -5, -12)).toEqual({ progress: 0.533333, progressRaw: 0.533333 });
    // Unemployment: migrants 8 points above, target 2 above; now 3 below the host population.
    expect(sut(IndicatorKind.Gap, 8, 2, -3)).toEqual({ progress: 0.833333, progressRaw: 0.833333 });
    // The gap widened.
    expect(sut(IndicatorKind.Gap, -20, -5, -26)).toEqual({ progress: 0, progressRaw: -0.4 });
    // Closed past the target.
    expect(sut(IndicatorKind.Gap, -20, -5, 0)).toEqual({ progress: 1, progressRaw: 1.333333 });
  });

  it('never shows floating-point noise or a negative zero', () => {
    expect(sut(IndicatorKind.Plain, 0.1, 0.3, 0.2)!.progressRaw).toBe(0.5);
    expect(Object.is(sut(IndicatorKind.Plain, 5, 10, 5)!.progress, 0)).toBe(true);
  });
});

describe(definitionProblem.name, () => {
  const sut = definitionProblem;
  const plain = { kind: IndicatorKind.Plain };
  const gap = { kind: IndicatorKind.Gap };

  it('accepts a direction that agrees with baseline and target', () => {
    expect(sut({ ...plain, baseline: 10, target: 20, direction: IndicatorDirection.Increase })).toBeNull();
    expect(sut({ ...plain, baseline: 20, target: 10, direction: IndicatorDirection.Decrease })).toBeNull();
    expect(sut({ ...gap, baseline: -20, target: -5, direction: IndicatorDirection.Increase })).toBeNull();
    expect(sut({ ...gap, baseline: 8, target: 0, direction: IndicatorDirection.Decrease })).toBeNull();
  });

  it('names target when the indicator cannot be measured', () => {
    expect(sut({ ...plain, baseline: 10, target: 10, direction: IndicatorDirection.Increase })?.field).toBe(
      'target',
    );
    expect(
      sut({ ...plain, baseline: 10, target: 5, direction: IndicatorDirection.Increase })?.message,
    ).toMatch(/above baseline/);
    expect(
      sut({ ...plain, baseline: 5, target: 10, direction: IndicatorDirection.Decrease })?.message,
    ).toMatch(/below baseline/);
    expect(
      sut({ ...gap, baseline: -5, target: -20, direction: IndicatorDirection.Decrease })?.message,
    ).toMatch(/narrower gap/);
    expect(sut({ ...gap, baseline: -5, target: 5, direction: IndicatorDirection.Increase })?.message).toMatch(
      /narrower gap/,
    );
  });
});
