import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CountryCode,
  IsCalendarDate,
  IsHttpUrl,
  OptionalNested,
  OptionalNestedList,
  OptionalText,
  OptionalValueList,
} from '@tandem/core';
import {
  INTEGRATION_DIMENSIONS,
  OptionalGcmObjectives,
  OptionalSdgTargets,
  TARGET_GROUPS,
} from '@tandem/programmes';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { GOOD_IDEA_LANGUAGES, GOOD_IDEA_THEMES, ORGANIZATION_KINDS } from '../entities';
import { GoodIdeaTextsDto, trim } from './good-idea-text.dto';

export class GoodIdeaPartnerDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of: ${ORGANIZATION_KINDS.join(', ')}` })
  kind!: string;

  @ApiProperty({ example: 'recruits and trains newcomers' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  role!: string;

  @ApiPropertyOptional({ nullable: true, description: 'An organisation name, only if it is public' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  name?: string | null;
}

export class GoodIdeaResourceDto {
  @ApiProperty({ example: 'Evaluation report 2025' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'https://example.org/report.pdf' })
  @IsHttpUrl()
  @MaxLength(500)
  url!: string;
}

/**
 * A good idea. `title`, `summary`, `challenge` and `approach` are in the first of `languages`;
 * `texts` carries the other languages (and may repeat the first).
 */
export class CreateGoodIdeaDto {
  @ApiPropertyOptional({ description: 'A programme your organisation leads: its evidence is shown' })
  @IsOptional()
  @IsUUID(undefined, { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional({
    description: 'The authoring organisation, when not from a programme and you belong to several',
  })
  @IsOptional()
  @IsUUID(undefined, { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiProperty({ example: 'From Survival Jobs to Rich Harvest' })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @OptionalText(2000, { example: 'Newcomers trained on the job into skilled growers.' })
  summary?: string;

  @OptionalText(10_000)
  challenge?: string;

  @OptionalText(10_000)
  approach?: string;

  @OptionalNestedList(GoodIdeaPartnerDto, 50)
  partners?: GoodIdeaPartnerDto[];

  @ApiProperty({ example: 'Leamington' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  city!: string;

  @CountryCode({ example: 'CA' })
  country!: string;

  @OptionalValueList(INTEGRATION_DIMENSIONS, 'dimensions')
  dimensions?: string[];

  @OptionalValueList(GOOD_IDEA_THEMES, 'themes')
  themes?: string[];

  @OptionalValueList(TARGET_GROUPS, 'targetGroups')
  targetGroups?: string[];

  @OptionalSdgTargets(['8.8', '10.7'])
  sdgTargets?: string[];

  @OptionalGcmObjectives([16, 18], 'each of gcmObjectives must be an integer')
  gcmObjectives?: number[];

  @OptionalNestedList(GoodIdeaResourceDto, 20)
  resources?: GoodIdeaResourceDto[];

  @ApiPropertyOptional({ example: '2019-04-01', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startedOn?: string | null;

  @ApiProperty({ enum: GOOD_IDEA_LANGUAGES, isArray: true, example: ['en', 'fr', 'ar'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'languages must list at least one language' })
  @ArrayUnique()
  @IsIn(GOOD_IDEA_LANGUAGES, {
    each: true,
    message: `each of languages must be one of: ${GOOD_IDEA_LANGUAGES.join(', ')}`,
  })
  languages!: string[];

  @OptionalNested(GoodIdeaTextsDto, { description: 'Texts per language' })
  texts?: GoodIdeaTextsDto;
}
