import { ApiPropertyOptional } from '@nestjs/swagger';
import { CoreError, flattenValidationErrors, validationFailed } from '@tandem/core';
import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  validateSync,
} from 'class-validator';
import { ReportFormat, ReportKind } from './entities';

/** Which formats each kind comes in (README has the same matrix). */
export const KIND_FORMATS: Record<ReportKind, readonly ReportFormat[]> = {
  [ReportKind.ProgrammeProgress]: [ReportFormat.Json, ReportFormat.Csv, ReportFormat.Xlsx, ReportFormat.Pdf],
  [ReportKind.Placements]: [ReportFormat.Json, ReportFormat.Csv, ReportFormat.Xlsx, ReportFormat.Pdf],
  [ReportKind.Consultation]: [ReportFormat.Json, ReportFormat.Csv, ReportFormat.Xlsx, ReportFormat.Pdf],
  [ReportKind.PartnershipMatrix]: [ReportFormat.Json, ReportFormat.Csv, ReportFormat.Xlsx],
  [ReportKind.Coverage]: [ReportFormat.Json, ReportFormat.Csv, ReportFormat.Xlsx, ReportFormat.Pdf],
  [ReportKind.IatiActivities]: [ReportFormat.Xml],
  [ReportKind.GoodIdeas]: [ReportFormat.Json, ReportFormat.Csv, ReportFormat.Xlsx, ReportFormat.Pdf],
  [ReportKind.TerritoryComparison]: [
    ReportFormat.Json,
    ReportFormat.Csv,
    ReportFormat.Xlsx,
    ReportFormat.Pdf,
  ],
  [ReportKind.Coherence]: [ReportFormat.Json, ReportFormat.Csv, ReportFormat.Xlsx, ReportFormat.Pdf],
};

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  [ReportFormat.Json]: 'application/json; charset=utf-8',
  [ReportFormat.Csv]: 'text/csv; charset=utf-8',
  [ReportFormat.Xlsx]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [ReportFormat.Pdf]: 'application/pdf',
  [ReportFormat.Xml]: 'application/xml; charset=utf-8',
};

export class ProgrammeReportParameters {
  @IsUUID('all', { message: 'programmeId must be a programme id (uuid)' })
  programmeId!: string;
}

export class PlacementsReportParameters {
  @ApiPropertyOptional({
    description: 'A programme: its managers get its placements across employers, small cells suppressed',
  })
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a programme id (uuid)' })
  programmeId?: string;

  @ApiPropertyOptional({ description: 'Only this employer' })
  @IsOptional()
  @IsUUID('all', { message: 'employerOrganizationId must be an organisation id (uuid)' })
  employerOrganizationId?: string;
}

export class ConsultationReportParameters {
  @IsUUID('all', { message: 'consultationId must be a consultation id (uuid)' })
  consultationId!: string;
}

export class NoReportParameters {}

export class IatiReportParameters {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'programmeIds must be programme ids (uuids)' })
  programmeIds?: string[];
}

export class TerritoryComparisonReportParameters {
  @Matches(/^[a-z0-9-]{2,30}$/, { message: 'framework must be a framework code such as eu-zaragoza' })
  framework!: string;

  @Matches(/^([a-z0-9-]{2,30}:)?[a-z0-9.-]{1,48}$/, {
    message: 'indicator must be an indicator code such as employment-rate',
  })
  indicator!: string;

  // A list, or one comma-separated string (as the console's text field sends it).
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMinSize(2, { message: 'territories must name at least 2 territories' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  territories!: string[];

  @IsOptional()
  @Matches(/^(19|20)\d{2}$/, { message: 'from must be a year such as 2022' })
  from?: string;

  @IsOptional()
  @Matches(/^(19|20)\d{2}$/, { message: 'to must be a year such as 2024' })
  to?: string;
}

export class CoherenceReportParameters {
  @IsString()
  @Matches(/^[A-Za-z0-9-]{2,64}$/, {
    message: 'territoryCode must be a territory code such as PT-NV-riverton',
  })
  territoryCode!: string;
}

const PARAMETERS: Record<ReportKind, new () => object> = {
  [ReportKind.ProgrammeProgress]: ProgrammeReportParameters,
  [ReportKind.Placements]: PlacementsReportParameters,
  [ReportKind.Consultation]: ConsultationReportParameters,
  [ReportKind.PartnershipMatrix]: NoReportParameters,
  [ReportKind.Coverage]: NoReportParameters,
  [ReportKind.IatiActivities]: IatiReportParameters,
  [ReportKind.GoodIdeas]: NoReportParameters,
  [ReportKind.TerritoryComparison]: TerritoryComparisonReportParameters,
  [ReportKind.Coherence]: CoherenceReportParameters,
};

/** 400 naming `format` when the kind does not come in it. */
export function assertFormat(kind: ReportKind, format: ReportFormat): void {
  if (!KIND_FORMATS[kind].includes(format))
    throw CoreError.invalid(
      'format',
      `${kind} reports come in ${KIND_FORMATS[kind].join(', ')}, not ${format}`,
    );
}

/** Validates the parameters of a kind; 400 naming `parameters.<name>` for each problem. */
export function validateParameters(kind: ReportKind, raw: unknown): Record<string, unknown> {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw)))
    throw CoreError.invalid('parameters', 'must be an object');
  const instance = plainToInstance(PARAMETERS[kind], raw ?? {});
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    // Kinds without parameters have a class without rules: still reject any property sent.
    forbidUnknownValues: false,
  });
  if (errors.length) throw validationFailed(flattenValidationErrors(errors, 'parameters'));
  return { ...(instance as Record<string, unknown>) };
}
