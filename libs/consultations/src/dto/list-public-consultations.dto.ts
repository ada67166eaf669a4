import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  blankAsAbsent as blank,
  IsTerritoryCode,
  OptionalFilterValue,
  SearchPageQueryDto,
} from '@tandem/core';
import { INTEGRATION_DIMENSIONS } from '@tandem/programmes';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

export const PUBLIC_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters of the public outcomes (issue 20); every one narrows. Newest public first. */
export class ListPublicConsultationsDto extends SearchPageQueryDto {
  @ApiPropertyOptional({
    example: 'PT-NV-riverton',
    description: 'Outcomes of governments whose jurisdiction is this territory or lies under it',
  })
  @IsOptional()
  @Transform(blank)
  @IsTerritoryCode()
  territory?: string;

  @OptionalFilterValue(
    INTEGRATION_DIMENSIONS,
    'dimension',
    'Consultations informing a programme on this dimension',
  )
  dimension?: string;

  @OptionalFilterValue(PUBLIC_LANGUAGES, 'language', 'Consultations offered in this language')
  language?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Outcome published on or after (YYYY-MM-DD)' })
  @IsOptional()
  @Transform(blank)
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Outcome published on or before (YYYY-MM-DD)' })
  @IsOptional()
  @Transform(blank)
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @OptionalFilterValue(PUBLIC_LANGUAGES, 'lang', 'Language of the server-rendered page (HTML only)')
  lang?: string;
}
