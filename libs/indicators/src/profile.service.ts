import { Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';
import { Programme } from '@tandem/programmes';
import { ProfileQueryDto } from './dto';
import { FrameworkIndicator, MeasureDirection, Territory, TerritoryObservation } from './entities';
import { changeOf, favourable, round4, trendOf } from './gap-math';
import { MeasuringRepository, ProgrammeIndicatorRow } from './measuring.repository';
import {
  frameworkIndicatorView,
  LatestFigureView,
  ProfileIndicatorView,
  ProfileProgrammeView,
  territoryView,
  TerritoryProfileView,
} from './measuring.views';
import { TerritoriesService } from './territories.service';

export const GAP_CONVENTION =
  'gap = migrant value − host value, in the indicator’s unit (percentage points for %); favourableGap = gap when ' +
  'direction is increase, −gap when decrease, so a positive favourableGap means migrants are better off. change = ' +
  'latest − earliest gap over the periods shown; favourableChange > 0 means the relative situation of migrants improved.';

/** A territory's integration profile: official figures with their trend, and the programmes working on each dimension. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly repo: MeasuringRepository,
    private readonly territories: TerritoriesService,
  ) {}

  async profile(actor: Actor, code: string, query: ProfileQueryDto): Promise<TerritoryProfileView> {
    const territory = await this.territories.require(code);
    const observations = await this.repo.observationsOf(code, query.framework);
    const byIndicator = new Map<string, TerritoryObservation[]>();
    for (const o of observations)
      byIndicator.set(o.indicatorCode, [...(byIndicator.get(o.indicatorCode) ?? []), o]);
    const indicators = await this.repo.indicatorsByCode([...byIndicator.keys()]);
    const programmes = await this.repo.visibleProgrammesIn(actor, code);
    const results = await this.repo.programmeIndicators(programmes.map((p) => p.id));

    const rows: ProfileIndicatorView[] = [];
    for (const [indicatorCode, obs] of byIndicator) {
      const indicator = indicators.get(indicatorCode)!;
      const latest = this.latest(obs, indicator.direction);
      const trend = trendOf(obs.map(figure));
      rows.push({
        indicator: frameworkIndicatorView(indicator),
        latest,
        trend,
        change: changeOf(trend, indicator.direction),
        programmes: this.programmesOn(indicator, latest, programmes, results),
      });
    }
    rows.sort(
      (a, b) =>
        a.indicator.frameworkCode.localeCompare(b.indicator.frameworkCode) ||
        a.indicator.position - b.indicator.position,
    );
    return { territory: territoryView(territory), convention: GAP_CONVENTION, indicators: rows };
  }

  /**
   * The official observations alone, by indicator (framework order), for the public territory page
   * (issue 20): published figures with their sources; no programmes, so no caller scope is needed.
   */
  async official(code: string): Promise<{
    territory: Territory;
    indicators: { indicator: FrameworkIndicator; observations: TerritoryObservation[] }[];
  }> {
    const territory = await this.territories.require(code);
    const observations = await this.repo.observationsOf(code);
    const codes = [...new Set(observations.map((o) => o.indicatorCode))];
    const indicators = await this.repo.indicatorsByCode(codes);
    return {
      territory,
      indicators: codes
        .map((c) => ({
          indicator: indicators.get(c)!,
          observations: observations.filter((o) => o.indicatorCode === c),
        }))
        .sort(
          (a, b) =>
            a.indicator.frameworkCode.localeCompare(b.indicator.frameworkCode) ||
            a.indicator.position - b.indicator.position,
        ),
    };
  }

  private latest(obs: TerritoryObservation[], direction: MeasureDirection): LatestFigureView {
    const last = [...obs].sort((a, b) => a.period.localeCompare(b.period))[obs.length - 1];
    const [point] = trendOf([figure(last)]);
    return {
      ...point,
      favourableGap: favourable(point.gap, direction),
      source: last.source,
      sourceUrl: last.sourceUrl,
    };
  }

  /**
   * Programmes in the territory whose dimensions include the indicator's, with their indicators on
   * that dimension. An indicator that adopted this framework indicator is set against the official
   * latest gap: differenceFromOfficial = the programme's latest gap − the territory's.
   */
  private programmesOn(
    indicator: FrameworkIndicator,
    latest: LatestFigureView,
    programmes: Programme[],
    results: ProgrammeIndicatorRow[],
  ): ProfileProgrammeView[] {
    return programmes
      .filter(
        (p) =>
          p.dimensions.includes(indicator.dimension) ||
          results.some((r) => r.programmeId === p.id && r.frameworkIndicatorCode === indicator.code),
      )
      .map((p) => ({
        id: p.id,
        title: p.title,
        status: p.status,
        territoryCode: p.territoryCode,
        indicators: results
          .filter(
            (r) =>
              r.programmeId === p.id &&
              (r.frameworkIndicatorCode === indicator.code ||
                (!r.frameworkIndicatorCode && r.dimension === indicator.dimension)),
          )
          .map((r) => {
            const adopted = r.frameworkIndicatorCode === indicator.code;
            const official = adopted ? latest.gap : null;
            return {
              id: r.id,
              name: r.name,
              unit: r.unit,
              kind: r.kind,
              frameworkIndicatorCode: r.frameworkIndicatorCode,
              definition: r.definition,
              baseline: r.baseline,
              target: r.target,
              latestPeriodEnd: r.latestPeriodEnd,
              latestValue: r.latestValue,
              officialGap: official,
              differenceFromOfficial:
                official !== null && r.latestValue !== null ? round4(r.latestValue - official) : null,
            };
          }),
      }));
  }
}

export const figure = (o: TerritoryObservation) => ({
  period: o.period,
  migrantValue: Number(o.migrantValue),
  hostValue: o.hostValue === null ? null : Number(o.hostValue),
  smallSample: o.smallSample,
});
