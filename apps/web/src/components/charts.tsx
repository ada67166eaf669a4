// Small accessible SVG charts. The SVG is decorative for assistive technology (aria-hidden) and
// every chart carries its numbers in a real <table> beside it, so nothing is conveyed by shape or
// colour alone. No chart library: two chart kinds do not justify ~100 kB of JavaScript.
import { ReactNode, useId } from 'react';
import { ColumnHeads } from './common';

export interface Bar {
  label: string;
  value: number;
  /** Shown in the table instead of the raw value (e.g. "42%"). */
  display?: string;
}

/** The width of every chart's drawing (SVG user units; it scales to the space it is given). */
export const CHART_WIDTH = 420;

/**
 * The frame every chart shares: its caption, the drawing (an SVG hidden from assistive technology;
 * none when `drawing` is null) and the table that carries the same numbers (`children`: its rows).
 */
export function ChartFrame({
  title,
  height,
  drawing,
  children,
}: {
  title: string;
  height: number;
  drawing: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      {drawing !== null && (
        <svg
          viewBox={`0 0 ${CHART_WIDTH} ${height}`}
          role="presentation"
          aria-hidden="true"
          focusable="false"
        >
          {drawing}
        </svg>
      )}
      <table className="chart-table">
        <caption className="visually-hidden">{title}</caption>
        {children}
      </table>
    </figure>
  );
}

/** The range a chart's values span (`span` never 0, so a flat line still scales). */
export function extent(values: number[]): { lo: number; hi: number; span: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return { lo, hi, span: hi - lo || 1 };
}

/** Horizontal bars with their values written at the end of each bar, and the same data as a table. */
export function BarChart({
  title,
  bars,
  unit = '',
  max,
}: {
  title: string;
  bars: Bar[];
  unit?: string;
  max?: number;
}) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const rowH = 28;
  const labelW = 180;
  const width = CHART_WIDTH;
  const height = bars.length * rowH + 8;
  return (
    <ChartFrame
      title={title}
      height={height}
      drawing={bars.map((b, i) => {
        const w = Math.max(0, (b.value / top) * (width - labelW - 70));
        const y = i * rowH + 4;
        return (
          <g key={`${b.label}-${i}`}>
            <text x={labelW - 6} y={y + 17} textAnchor="end" className="chart-label">
              {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
            </text>
            <rect x={labelW} y={y + 4} width={w} height={rowH - 10} className="chart-bar" rx="2" />
            <text x={labelW + w + 6} y={y + 17} className="chart-value">
              {b.display ?? `${b.value}${unit}`}
            </text>
          </g>
        );
      })}
    >
      <tbody>
        {bars.map((b, i) => (
          <tr key={`${b.label}-${i}`}>
            <th scope="row">{b.label}</th>
            <td>{b.display ?? `${b.value}${unit}`}</td>
          </tr>
        ))}
      </tbody>
    </ChartFrame>
  );
}

/** Values of an indicator per period as a line against its baseline and target, with a table. */
export function IndicatorChart({
  title,
  points,
  baseline,
  target,
  unit,
  labels,
}: {
  title: string;
  points: { label: string; value: number }[];
  baseline: number;
  target: number;
  unit: string;
  labels: { period: string; value: string; baseline: string; target: string };
}) {
  const width = CHART_WIDTH;
  const height = 180;
  const pad = 36;
  const { lo, span } = extent([baseline, target, ...points.map((p) => p.value)]);
  const y = (v: number) => height - pad - ((v - lo) / span) * (height - 2 * pad);
  const x = (i: number) =>
    pad + (points.length <= 1 ? (width - 2 * pad) / 2 : (i / (points.length - 1)) * (width - 2 * pad));
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i)},${y(p.value)}`).join(' ');
  return (
    <ChartFrame
      title={title}
      height={height}
      drawing={
        <>
          <line x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} className="chart-target" />
          <text x={width - pad} y={y(target) - 4} textAnchor="end" className="chart-label">
            {labels.target} {target}
            {unit}
          </text>
          <line x1={pad} x2={width - pad} y1={y(baseline)} y2={y(baseline)} className="chart-baseline" />
          <text x={pad} y={y(baseline) - 4} className="chart-label">
            {labels.baseline} {baseline}
            {unit}
          </text>
          {points.length > 1 && <path d={path} className="chart-line" fill="none" />}
          {points.map((p, i) => (
            <g key={p.label}>
              <circle cx={x(i)} cy={y(p.value)} r="4" className="chart-point" />
              <text x={x(i)} y={y(p.value) + 16} textAnchor="middle" className="chart-value">
                {p.value}
              </text>
            </g>
          ))}
        </>
      }
    >
      <ColumnHeads labels={[labels.period, labels.value]} />
      <tbody>
        <tr>
          <th scope="row">{labels.baseline}</th>
          <td>
            {baseline}
            {unit}
          </td>
        </tr>
        {points.map((p) => (
          <tr key={p.label}>
            <th scope="row">{p.label}</th>
            <td>
              {p.value}
              {unit}
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">{labels.target}</th>
          <td>
            {target}
            {unit}
          </td>
        </tr>
      </tbody>
    </ChartFrame>
  );
}

/** A progress bar with its percentage in text. */
export function Progress({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span className="progress">
      <progress max={100} value={pct} aria-label={label} />
      <span>{pct}%</span>
    </span>
  );
}
