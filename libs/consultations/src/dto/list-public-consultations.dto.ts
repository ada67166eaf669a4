import { ApiPropertyOptional } from '@nestjs/swagger';
import { blankAsAbsent as blank, IsTerritoryCode, PageQueryDto } from '@tandem/core';
import { INTEGRATION_DIMENSIONS } from '@tandem/programmes';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const PUBLIC_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters of the public outcomes (issue 20); every one narrows. Newest public first. */
export class ListPublicConsultationsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words in any supported language (English, French, Spanish, Arabic)' })
  @IsOptional()
  @Transform(blank)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    example: 'PT-NV-riverton',
    description: 'Outcomes of governments whose jurisdiction is this territory or lies under it',
  })
  @IsOptional()
  @Transform(blank)
  @IsTerritoryCode()
  territory?: string;

  @ApiPropertyOptional({
    enum: INTEGRATION_DIMENSIONS,
    description: 'Consultations informing a programme on this dimension',
  })
  @IsOptional()
  @Transform(blank)
  @IsIn(INTEGRATION_DIMENSIONS, { message: `dimension must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}` })
  dimension?: string;

  @ApiPropertyOptional({ enum: PUBLIC_LANGUAGES, description: 'Consultations offered in this language' })
  @IsOptional()
  @Transform(blank)
  @IsIn(PUBLIC_LANGUAGES, { message: `language must be one of: ${PUBLIC_LANGUAGES.join(', ')}` })
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

  @ApiPropertyOptional({
    enum: PUBLIC_LANGUAGES,
    description: 'Language of the server-rendered page (HTML only)',
  })
  @IsOptional()
  @Transform(blank)
  @IsIn(PUBLIC_LANGUAGES, { message: `lang must be one of: ${PUBLIC_LANGUAGES.join(', ')}` })
  lang?: string;
}
