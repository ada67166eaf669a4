import { auditSnapshotOf } from '@tandem/audit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BankQuestion,
  FrameworkIndicator,
  IndicatorFramework,
  Territory,
  TerritoryObservation,
} from './entities';

const multilingual = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { en: '…', fr: '…' },
} as const;
const num = (d: string | null): number | null => (d === null ? null : Number(d));

export class FrameworkView {
  @ApiProperty({ example: 'eu-zaragoza' }) code!: string;
  @ApiProperty(multilingual) name!: Record<string, string>;
  @ApiProperty() publisher!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty(multilingual) description!: Record<string, string>;
  @ApiProperty() indicatorCount!: number;
}

export class FrameworkIndicatorView {
  @ApiProperty({ example: 'eu-zaragoza:employment-rate' }) code!: string;
  @ApiProperty({ example: 'eu-zaragoza' }) frameworkCode!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ example: 'employment' }) domain!: string;
  @ApiProperty({ example: 'economic' }) dimension!: string;
  @ApiProperty(multilingual) name!: Record<string, string>;
  @ApiProperty(multilingual) definition!: Record<string, string>;
  @ApiProperty({ example: '%' }) unit!: string;
  @ApiProperty({ enum: ['increase', 'decrease'], description: 'increase: a higher migrant value is better' })
  direction!: string;
  @ApiProperty({
    enum: ['gap', 'plain'],
    description: 'gap: compared with comparisonPopulation (migrant − host)',
  })
  kind!: string;
  @ApiProperty({ type: String, nullable: true }) comparisonPopulation!: string | null;
  @ApiProperty({ enum: ['census', 'labour_force_survey', 'administrative', 'survey'] }) dataSource!: string;
}

export class TerritoryView {
  @ApiProperty({ example: 'CA-ON-riverton' }) code!: string;
  @ApiProperty({ enum: ['country', 'subdivision', 'city'] }) kind!: string;
  @ApiProperty({ example: 'CA' }) country!: string;
  @ApiProperty({ type: String, nullable: true, example: 'CA-ON' }) parentCode!: string | null;
  @ApiProperty({ example: 'Riverton' }) name!: string;
  @ApiProperty() createdAt!: Date;
}

export class ObservationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() territoryCode!: string;
  @ApiProperty() indicatorCode!: string;
  @ApiProperty({ example: '2024' }) period!: string;
  @ApiProperty() migrantValue!: number;
  @ApiProperty({ type: Number, nullable: true }) hostValue!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'migrant − host' }) gap!: number | null;
  @ApiProperty({ type: Number, nullable: true }) sampleSize!: number | null;
  @ApiProperty() smallSample!: boolean;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, nullable: true }) sourceUrl!: string | null;
  @ApiProperty({ format: 'uuid' }) publishedByOrganizationId!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;
}

export class ImportRowErrorView {
  @ApiProperty({ description: 'Spreadsheet row: the header is row 1' }) row!: number;
  @ApiProperty() column!: string;
  @ApiProperty() reason!: string;
}

export class ObservationImportView {
  @ApiProperty({ enum: ['all_or_nothing', 'valid_rows'] }) mode!: string;
  @ApiProperty() rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty({ description: 'Rows that revised an observation already published' }) updated!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ type: [ImportRowErrorView] }) errors!: ImportRowErrorView[];
}

export class TrendPointView {
  @ApiProperty() period!: string;
  @ApiProperty() migrantValue!: number;
  @ApiProperty({ type: Number, nullable: true }) hostValue!: number | null;
  @ApiProperty({ type: Number, nullable: true }) gap!: number | null;
  @ApiProperty() smallSample!: boolean;
}

export class GapChangeView {
  @ApiProperty() fromPeriod!: string;
  @ApiProperty() toPeriod!: string;
  @ApiProperty({ description: 'Latest gap − earliest gap (plain indicators: of the migrant value)' })
  change!: number;
  @ApiProperty({ description: 'Oriented by direction: positive = migrants’ relative situation improved' })
  favourableChange!: number;
  @ApiProperty({ type: Boolean, nullable: true }) narrowing!: boolean | null;
  @ApiProperty() smallSample!: boolean;
}

export class LatestFigureView extends TrendPointView {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'gap oriented by direction: positive = migrants better off',
  })
  favourableGap!: number | null;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, nullable: true }) sourceUrl!: string | null;
}

export class ProgrammeIndicatorResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: ['plain', 'gap'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) frameworkIndicatorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) definition!: string | null;
  @ApiProperty() baseline!: number;
  @ApiProperty() target!: number;
  @ApiProperty({ type: String, nullable: true }) latestPeriodEnd!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'For a gap indicator: the programme’s gap' })
  latestValue!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Adopted indicators: the territory’s official latest gap',
  })
  officialGap!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'latestValue − officialGap' })
  differenceFromOfficial!: number | null;
}

export class ProfileProgrammeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true }) territoryCode!: string | null;
  @ApiProperty({ type: [ProgrammeIndicatorResultView] }) indicators!: ProgrammeIndicatorResultView[];
}

export class ProfileIndicatorView {
  @ApiProperty({ type: FrameworkIndicatorView }) indicator!: FrameworkIndicatorView;
  @ApiProperty({ type: LatestFigureView }) latest!: LatestFigureView;
  @ApiProperty({ type: [TrendPointView] }) trend!: TrendPointView[];
  @ApiProperty({ type: GapChangeView, nullable: true }) change!: GapChangeView | null;
  @ApiProperty({
    type: [ProfileProgrammeView],
    description: 'Programmes in the territory on this dimension that you may read',
  })
  programmes!: ProfileProgrammeView[];
}

export class TerritoryProfileView {
  @ApiProperty({ type: TerritoryView }) territory!: TerritoryView;
  @ApiProperty({
    example:
      'gap = migrant − host, in the unit; favourableGap = gap × (+1 if direction is increase, −1 if decrease)',
  })
  convention!: string;
  @ApiProperty({ type: [ProfileIndicatorView] }) indicators!: ProfileIndicatorView[];
}

export class ComparisonRowView {
  @ApiProperty({ type: TerritoryView }) territory!: TerritoryView;
  @ApiProperty() hasData!: boolean;
  @ApiProperty({ type: LatestFigureView, nullable: true }) latest!: LatestFigureView | null;
  @ApiProperty({ type: GapChangeView, nullable: true }) change!: GapChangeView | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '1 = most favourable to migrants (largest favourableGap)',
  })
  rankByGap!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '1 = most improved (largest favourableChange)' })
  rankByChange!: number | null;
  @ApiProperty({ description: 'The latest figure or either end of the change rests on a small sample' })
  smallSample!: boolean;
  @ApiProperty({ type: [TrendPointView] }) trend!: TrendPointView[];
}

export class ComparisonView {
  @ApiProperty({ type: FrameworkIndicatorView }) indicator!: FrameworkIndicatorView;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty() convention!: string;
  @ApiProperty({
    type: [ComparisonRowView],
    description: 'Ordered by rankByGap, territories without data last',
  })
  territories!: ComparisonRowView[];
}

export class CoherencePartnerView {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['government', 'employer', 'civil_society', 'migrant_association'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['national', 'regional', 'municipal', 'local'] })
  level!: string | null;
  @ApiProperty() role!: string;
}

export class CoherenceProgrammeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() mainstreaming!: boolean;
  @ApiProperty({ type: [CoherencePartnerView] }) partners!: CoherencePartnerView[];
}

export class CoherenceCellView {
  @ApiProperty({ enum: ['national', 'regional', 'municipal', 'local', 'none'] }) level!: string;
  @ApiProperty() policyArea!: string;
  @ApiProperty() dimension!: string;
  @ApiProperty({ description: 'No programme: a visible gap' }) empty!: boolean;
  @ApiProperty({ type: [CoherenceProgrammeView] }) programmes!: CoherenceProgrammeView[];
}

export class CoherenceView {
  @ApiProperty({ type: TerritoryView }) territory!: TerritoryView;
  @ApiProperty({ type: [String] }) levels!: string[];
  @ApiProperty({ type: [String] }) policyAreas!: string[];
  @ApiProperty({ type: [String] }) dimensions!: string[];
  @ApiProperty({
    type: [CoherenceCellView],
    description: 'Every combination, in levels × policyAreas × dimensions order',
  })
  cells!: CoherenceCellView[];
  @ApiProperty() programmeCount!: number;
  @ApiProperty({
    description: 'Programmes not specific to migrants that name migrants among their target groups',
  })
  mainstreamingCount!: number;
  @ApiProperty() emptyCellCount!: number;
}

export class BankQuestionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['single_choice', 'multiple_choice', 'scale'] }) type!: string;
  @ApiProperty(multilingual) prompt!: Record<string, string>;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) options!: {
    value: string;
    label: Record<string, string>;
  }[];
  @ApiProperty({ type: [String] }) dimensions!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() version!: number;
}

export class BankQuestionPageView {
  @ApiProperty({ type: [BankQuestionView] }) items!: BankQuestionView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class AggregateCellView {
  @ApiProperty({ example: 'yes', description: 'An option value, or a scale point' }) value!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null when under the anonymity threshold' })
  count!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class BankConsultationResultView {
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty({ format: 'uuid' }) ownerOrganizationId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null when under the anonymity threshold' })
  answered!: number | null;
  @ApiProperty({ type: [AggregateCellView] }) cells!: AggregateCellView[];
}

export class BankQuestionResultsView {
  @ApiProperty({ type: BankQuestionView }) question!: BankQuestionView;
  @ApiProperty({ example: 5 }) threshold!: number;
  @ApiProperty({ description: 'Published consultations that used the question' }) consultationCount!: number;
  @ApiProperty({ type: Number, nullable: true }) answered!: number | null;
  @ApiProperty({ type: [AggregateCellView] }) cells!: AggregateCellView[];
  @ApiProperty({ type: Number, nullable: true, description: 'Scale questions, when answered ≥ threshold' })
  average!: number | null;
  @ApiProperty({ type: [BankConsultationResultView] }) consultations!: BankConsultationResultView[];
}

export function frameworkView(f: IndicatorFramework, indicatorCount: number): FrameworkView {
  return {
    code: f.code,
    name: f.name,
    publisher: f.publisher,
    year: f.year,
    url: f.url,
    description: f.description,
    indicatorCount,
  };
}

export function frameworkIndicatorView(i: FrameworkIndicator): FrameworkIndicatorView {
  return {
    code: i.code,
    frameworkCode: i.frameworkCode,
    position: i.position,
    domain: i.domain,
    dimension: i.dimension,
    name: i.name,
    definition: i.definition,
    unit: i.unit,
    direction: i.direction,
    kind: i.kind,
    comparisonPopulation: i.comparisonPopulation,
    dataSource: i.dataSource,
  };
}

export function territoryView(t: Territory): TerritoryView {
  return {
    code: t.code,
    kind: t.kind,
    country: t.country,
    parentCode: t.parentCode,
    name: t.name,
    createdAt: t.createdAt,
  };
}

export function observationView(o: TerritoryObservation): ObservationView {
  const migrant = Number(o.migrantValue);
  const host = num(o.hostValue);
  return {
    id: o.id,
    territoryCode: o.territoryCode,
    indicatorCode: o.indicatorCode,
    period: o.period,
    migrantValue: migrant,
    hostValue: host,
    gap: host === null ? null : Math.round((migrant - host) * 10_000) / 10_000,
    sampleSize: o.sampleSize,
    smallSample: o.smallSample,
    source: o.source,
    sourceUrl: o.sourceUrl,
    publishedByOrganizationId: o.publishedByOrganizationId,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    version: o.version,
  };
}

/** What the audit trail keeps of an observation. */
export function observationSnapshot(o: TerritoryObservation): Record<string, unknown> {
  return auditSnapshotOf(observationView(o));
}

export function bankQuestionView(q: BankQuestion): BankQuestionView {
  return {
    id: q.id,
    type: q.type,
    prompt: q.prompt,
    options: q.options,
    dimensions: q.dimensions,
    createdAt: q.createdAt,
    version: q.version,
  };
}
