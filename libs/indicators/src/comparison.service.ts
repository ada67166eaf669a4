import { Injectable } from '@nestjs/common';
import { CoreError } from '@tandem/core';
import { CatalogueService } from './catalogue.service';
import { ComparisonQueryDto } from './dto';
import { TerritoryObservation } from './entities';
import { changeOf, favourable, measureOf, rankDescending, trendOf } from './gap-math';
import { MeasuringRepository } from './measuring.repository';
import { ComparisonRowView, ComparisonView, frameworkIndicatorView, territoryView } from './measuring.views';
import { figure, GAP_CONVENTION } from './profile.service';

/** One indicator across territories: ranked by gap and by change in gap, with small-sample flags. */
@Injectable()
export class ComparisonService {
  constructor(
    private readonly repo: MeasuringRepository,
    private readonly catalogue: CatalogueService,
  ) {}

  async compare(frameworkCode: string, query: ComparisonQueryDto): Promise<ComparisonView> {
    const indicator = await this.catalogue.indicatorIn(frameworkCode, query.indicator);
    if (query.from && query.to && query.from > query.to)
      throw CoreError.invalid('to', 'must not be before from');
    const codes = [...new Set(query.territories)];
    const territories = await this.repo.territoriesByCode(codes);
    const unknown = codes.filter((c) => !territories.has(c));
    if (unknown.length) throw CoreError.invalid('territories', `unknown territories: ${unknown.join(', ')}`);
    const observations = await this.repo.observationsFor(indicator.code, codes, query.from, query.to);
    const byTerritory = new Map<string, TerritoryObservation[]>();
    for (const o of observations)
      byTerritory.set(o.territoryCode, [...(byTerritory.get(o.territoryCode) ?? []), o]);

    const rows = codes.sort().map((code) => {
      const obs = byTerritory.get(code) ?? [];
      const trend = trendOf(obs.map(figure));
      const last = trend[trend.length - 1];
      const lastObs = obs.find((o) => last && o.period === last.period);
      const change = changeOf(trend, indicator.direction);
      return {
        territory: territoryView(territories.get(code)!),
        hasData: trend.length > 0,
        latest: last
          ? {
              ...last,
              favourableGap: favourable(last.gap, indicator.direction),
              source: lastObs!.source,
              sourceUrl: lastObs!.sourceUrl,
            }
          : null,
        change,
        rankByGap: null as number | null,
        rankByChange: null as number | null,
        smallSample: Boolean(last?.smallSample || change?.smallSample),
        trend,
      } satisfies ComparisonRowView;
    });
    const byGap = rankDescending(rows, (r) =>
      r.latest ? favourable(measureOf(r.latest), indicator.direction) : null,
    );
    const byChange = rankDescending(rows, (r) => r.change?.favourableChange ?? null);
    for (const r of rows) {
      r.rankByGap = byGap.get(r) ?? null;
      r.rankByChange = byChange.get(r) ?? null;
    }
    rows.sort(
      (a, b) =>
        (a.rankByGap ?? Infinity) - (b.rankByGap ?? Infinity) ||
        a.territory.code.localeCompare(b.territory.code),
    );
    return {
      indicator: frameworkIndicatorView(indicator),
      from: query.from ?? null,
      to: query.to ?? null,
      convention: GAP_CONVENTION,
      territories: rows,
    };
  }
}
