import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { PublicConsultationSummary } from '@tandem/consultations';

/** The public territory page (issue 20): only what owners chose to make public, no internal fields. */
const MULTILINGUAL = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class PublicTerritory {
  code!: string;
  @ApiProperty({ enum: ['country', 'subdivision', 'city'] })
  kind!: string;
  country!: string;
  @ApiProperty({ type: String, nullable: true })
  parentCode!: string | null;
  name!: string;
}

export class PublicIdeaText {
  title!: string;
  summary!: string;
}

@ApiExtraModels(PublicIdeaText)
export class PublicTerritoryIdea {
  /** Its page: /public/good-ideas/{slug}. */
  slug!: string;
  title!: string;
  summary!: string;
  organizationName!: string;
  city!: string;
  country!: string;
  languages!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/PublicIdeaText' } })
  translations!: Record<string, PublicIdeaText>;
  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;
}

export class PublicKindTotal {
  kind!: string;
  count!: number;
}

export class PublicListedProgramme {
  title!: string;
  dimensions!: string[];
  sdgTargets!: string[];
  gcmObjectives!: number[];
  @ApiProperty({ type: [PublicKindTotal] })
  partnersByKind!: PublicKindTotal[];
}

export class PublicFigure {
  @ApiProperty({ example: '2024' })
  period!: string;
  migrantValue!: number;
  @ApiProperty({ type: Number, nullable: true })
  hostValue!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'migrant − host' })
  gap!: number | null;
  smallSample!: boolean;
  source!: string;
  @ApiProperty({ type: String, nullable: true })
  sourceUrl!: string | null;
}

export class PublicGapChange {
  fromPeriod!: string;
  toPeriod!: string;
  change!: number;
  /** Positive: migrants' relative situation improved. */
  favourableChange!: number;
  @ApiProperty({ type: Boolean, nullable: true })
  narrowing!: boolean | null;
}

export class PublicProfileIndicator {
  code!: string;
  frameworkCode!: string;
  @ApiProperty(MULTILINGUAL)
  name!: Record<string, string>;
  dimension!: string;
  unit!: string;
  @ApiProperty({ enum: ['increase', 'decrease'] })
  direction!: string;
  @ApiProperty({ enum: ['gap', 'plain'] })
  kind!: string;
  /** Oldest first. */
  @ApiProperty({ type: [PublicFigure] })
  trend!: PublicFigure[];
  @ApiProperty({ type: PublicGapChange, nullable: true })
  change!: PublicGapChange | null;
}

export class PublicProfile {
  convention!: string;
  @ApiProperty({ type: [PublicProfileIndicator] })
  indicators!: PublicProfileIndicator[];
}

export class TerritoryPageView {
  territory!: PublicTerritory;
  /** Public outcomes of the governments of this territory and under it, newest first (at most 100). */
  @ApiProperty({ type: [PublicConsultationSummary] })
  outcomes!: PublicConsultationSummary[];
  /** Good ideas published from it, newest first (at most 100). */
  @ApiProperty({ type: [PublicTerritoryIdea] })
  goodIdeas!: PublicTerritoryIdea[];
  /** Active programmes in it whose lead listed them publicly. */
  @ApiProperty({ type: [PublicListedProgramme] })
  programmes!: PublicListedProgramme[];
  profile!: PublicProfile;
}
