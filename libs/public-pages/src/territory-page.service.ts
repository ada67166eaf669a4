import { Injectable } from '@nestjs/common';
import { PublicConsultationsService } from '@tandem/consultations';
import { PublicGoodIdeasService } from '@tandem/good-ideas';
import { changeOf, figure, GAP_CONVENTION, ProfileService, trendOf } from '@tandem/indicators';
import { PublicProgrammesReader } from '@tandem/programmes';
import { PublicTerritoryIdea, TerritoryPageView } from './territory-page.view';

const MAX = 100;

/**
 * A city's (or region's, or country's) public integration page: its governments' public outcomes,
 * the good ideas published from it, the active programmes listed publicly by their lead, and the
 * official migrant–host figures with their sources. Everything comes through the owning libraries'
 * public readers, which only ever return what was made public; an unknown territory is a 404.
 */
@Injectable()
export class TerritoryPageService {
  constructor(
    private readonly programmesReader: PublicProgrammesReader,
    private readonly consultations: PublicConsultationsService,
    private readonly ideas: PublicGoodIdeasService,
    private readonly profiles: ProfileService,
  ) {}

  async page(code: string): Promise<TerritoryPageView> {
    const { territory, indicators } = await this.profiles.official(code);
    const outcomes = await this.consultations.search({ territory: code, limit: MAX });
    const programmes = await this.programmesReader.listedWithin(code);
    return {
      territory: {
        code: territory.code,
        kind: territory.kind,
        country: territory.country,
        parentCode: territory.parentCode,
        name: territory.name,
      },
      outcomes: outcomes.items,
      goodIdeas: await this.ideasOf(territory.kind, territory.country, territory.name),
      programmes,
      profile: {
        convention: GAP_CONVENTION,
        indicators: indicators.map(({ indicator: i, observations }) => {
          const sources = new Map(observations.map((o) => [o.period, o]));
          const trend = trendOf(observations.map(figure));
          const change = changeOf(trend, i.direction);
          return {
            code: i.code,
            frameworkCode: i.frameworkCode,
            name: i.name,
            dimension: i.dimension,
            unit: i.unit,
            direction: i.direction,
            kind: i.kind,
            trend: trend.map((p) => ({
              period: p.period,
              migrantValue: p.migrantValue,
              hostValue: p.hostValue,
              gap: p.gap,
              smallSample: p.smallSample,
              source: sources.get(p.period)!.source,
              sourceUrl: sources.get(p.period)!.sourceUrl,
            })),
            change: change && {
              fromPeriod: change.fromPeriod,
              toPeriod: change.toPeriod,
              change: change.change,
              favourableChange: change.favourableChange,
              narrowing: change.narrowing,
            },
          };
        }),
      },
    };
  }

  /**
   * Good ideas carry a city and a country (their territory reference is still reserved): a city's
   * page shows the ideas of that city, a country's those of the country. A subdivision has no
   * ideas of its own until ideas carry territory codes.
   */
  private async ideasOf(kind: string, country: string, name: string): Promise<PublicTerritoryIdea[]> {
    if (kind === 'subdivision') return [];
    const page = await this.ideas.search({ country, ...(kind === 'city' ? { city: name } : {}), limit: MAX });
    return page.items.map((i) => ({
      slug: i.slug,
      title: i.title,
      summary: i.summary,
      organizationName: i.organizationName,
      city: i.city,
      country: i.country,
      languages: i.languages,
      translations: i.translations,
      publishedAt: i.publishedAt,
    }));
  }
}
