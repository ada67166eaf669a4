// The gap (migrant − host) over time as an SVG line, with the same numbers in a table. The SVG is
// hidden from assistive technology; the table carries the figures (see components/charts.tsx).
import { CHART_WIDTH, ChartFrame, extent } from '../../components/charts';
import { useI18n } from '../../i18n';
import type { TrendPoint } from '../../api/types';
import { fmt, signed } from './format';
import { ColumnHeads } from '../../components/common';

export function GapChart({ title, unit, points }: { title: string; unit: string; points: TrendPoint[] }) {
  const { t, lang } = useI18n();
  const gaps = points.filter((p) => p.gap !== null) as (TrendPoint & { gap: number })[];
  const width = CHART_WIDTH;
  const height = 160;
  const pad = { l: 48, r: 16, t: 26, b: 28 };
  const { hi, span } = extent([0, ...gaps.map((p) => p.gap)]);
  const x = (i: number) => pad.l + (gaps.length < 2 ? 0 : (i * (width - pad.l - pad.r)) / (gaps.length - 1));
  const y = (v: number) => pad.t + ((hi - v) / span) * (height - pad.t - pad.b);
  return (
    <ChartFrame
      title={title}
      height={height}
      drawing={
        gaps.length > 0 ? (
          <>
            <line
              x1={pad.l}
              x2={width - pad.r}
              y1={y(0)}
              y2={y(0)}
              className="chart-target"
              strokeDasharray="4 3"
            />
            <text x={pad.l - 6} y={y(0) + 4} textAnchor="end" className="chart-label">
              0
            </text>
            <polyline
              fill="none"
              className="chart-line"
              points={gaps.map((p, i) => `${x(i)},${y(p.gap)}`).join(' ')}
            />
            {gaps.map((p, i) => (
              <g key={p.period}>
                <circle
                  cx={x(i)}
                  cy={y(p.gap)}
                  r={p.smallSample ? 5 : 3.5}
                  className={p.smallSample ? 'chart-dot-hollow' : 'chart-dot'}
                />
                <text x={x(i)} y={height - 8} textAnchor="middle" className="chart-label">
                  {p.period}
                </text>
                <text x={x(i)} y={y(p.gap) - 8} textAnchor="middle" className="chart-value">
                  {signed(p.gap, lang)}
                </text>
              </g>
            ))}
          </>
        ) : null
      }
    >
      <ColumnHeads
        labels={[
          t('measure.period'),
          t('measure.migrant'),
          t('measure.host'),
          t('measure.gap', { unit }),
          t('measure.smallSample'),
        ]}
      />
      <tbody>
        {points.map((p) => (
          <tr key={p.period}>
            <th scope="row">{p.period}</th>
            <td>{fmt(p.migrantValue, lang)}</td>
            <td>{fmt(p.hostValue, lang)}</td>
            <td>{signed(p.gap, lang)}</td>
            <td>{p.smallSample ? t('common.yes') : t('common.no')}</td>
          </tr>
        ))}
      </tbody>
    </ChartFrame>
  );
}
