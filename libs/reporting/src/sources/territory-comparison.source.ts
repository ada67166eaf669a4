import { Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';
import { ComparisonQueryDto, ComparisonService } from '@tandem/indicators';
import { plainToInstance } from 'class-transformer';
import { columns, fromArray, ReportContent, Row } from '../report-content';

export interface TerritoryComparisonParameters {
  framework: string;
  indicator: string;
  territories: string[];
  from?: string;
  to?: string;
}

/**
 * territory_comparison: one framework indicator across territories (GET
 * /indicator-frameworks/{code}/comparison as a file): the ranking by gap and by change in gap with
 * small-sample flags, and every year's figures. Official published figures only: no person data.
 */
@Injectable()
export class TerritoryComparisonSource {
  constructor(private readonly comparison: ComparisonService) {}

  private compare(p: TerritoryComparisonParameters) {
    const { framework, ...query } = p;
    return this.comparison.compare(framework, plainToInstance(ComparisonQueryDto, query));
  }

  /** The same 400/404 as the API for an unknown framework, indicator or territory. */
  async check(_actor: Actor, p: TerritoryComparisonParameters): Promise<void> {
    await this.compare(p);
  }

  async content(_actor: Actor, p: TerritoryComparisonParameters): Promise<ReportContent> {
    const c = await this.compare(p);
    const name = c.indicator.name.en ?? c.indicator.code;
    const ranking: Row[] = c.territories.map((t) => ({
      rankByGap: t.rankByGap,
      territory: t.territory.name,
      code: t.territory.code,
      period: t.latest?.period ?? null,
      migrant: t.latest?.migrantValue ?? null,
      host: t.latest?.hostValue ?? null,
      gap: t.latest?.gap ?? null,
      favourableGap: t.latest?.favourableGap ?? null,
      change: t.change?.change ?? null,
      changeFrom: t.change?.fromPeriod ?? null,
      rankByChange: t.rankByChange,
      smallSample: t.smallSample,
    }));
    const trend: Row[] = c.territories.flatMap((t) =>
      t.trend.map((x) => ({
        territory: t.territory.name,
        code: t.territory.code,
        period: x.period,
        migrant: x.migrantValue,
        host: x.hostValue,
        gap: x.gap,
        smallSample: x.smallSample,
      })),
    );
    return {
      title: `Territory comparison: ${name}`,
      facts: [
        ['Indicator', `${name} (${c.indicator.code})`],
        ['Unit', c.indicator.unit],
        ['Better when', c.indicator.direction === 'increase' ? 'higher' : 'lower'],
        ['Compared with', c.indicator.comparisonPopulation],
        ['Territories', c.territories.length],
        ['Convention', c.convention],
      ],
      totalRows: ranking.length + trend.length,
      sections: [
        {
          name: 'ranking',
          title: 'Ranking by gap and by change in gap',
          note: 'Rank 1 by gap is the most favourable to migrants; rank 1 by change the most improved. smallSample: the publisher flagged the figure as resting on a small sample.',
          columns: columns({
            rankByGap: 'Rank by gap',
            territory: 'Territory',
            code: 'Code',
            period: 'Latest year',
            migrant: 'Migrants',
            host: 'Host population',
            gap: 'Gap (migrant − host)',
            favourableGap: 'Favourable gap',
            change: 'Change in gap',
            changeFrom: 'Change since',
            rankByChange: 'Rank by change',
            smallSample: 'Small sample',
          }),
          rows: () => fromArray(ranking),
          charts: [
            {
              title: `Gap (${c.indicator.unit}), latest year`,
              categories: c.territories.map((t) => t.territory.name),
              series: [{ name: 'Gap', values: c.territories.map((t) => t.latest?.gap ?? null) }],
            },
          ],
        },
        {
          name: 'trend',
          title: 'Figures per year',
          columns: columns({
            territory: 'Territory',
            code: 'Code',
            period: 'Year',
            migrant: 'Migrants',
            host: 'Host population',
            gap: 'Gap',
            smallSample: 'Small sample',
          }),
          rows: () => fromArray(trend),
        },
      ],
    };
  }
}
