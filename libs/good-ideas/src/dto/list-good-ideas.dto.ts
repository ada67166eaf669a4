import { ApiPropertyOptional } from '@nestjs/swagger';
import { blankAsAbsent as blank, PageQueryDto } from '@tandem/core';
import { INTEGRATION_DIMENSIONS, SDG_TARGET, TARGET_GROUPS } from '@tandem/programmes';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GOOD_IDEA_LANGUAGES, GOOD_IDEA_THEMES, GoodIdeaStatus, ORGANIZATION_KINDS } from '../entities';

/** `?partnerKind=employer&partnerKind=government` or `?partnerKind=employer,government`. */
const list = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean);

/** Filters of the public catalogue; every one narrows (AND), a list filter matches any of its values. */
export class ListPublicGoodIdeasDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words in any supported language (English, French, Spanish, Arabic)' })
  @IsOptional()
  @Transform(blank)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'CA' })
  @IsOptional()
  @Transform(({ value }) =>
    value === '' ? undefined : typeof value === 'string' ? value.toUpperCase() : value,
  )
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 country code' })
  country?: string;

  @ApiPropertyOptional({ example: 'Halifax' })
  @IsOptional()
  @Transform(blank)
  @IsString()
  @MaxLength(120)
  city?: string;

  @ApiPropertyOptional({ enum: INTEGRATION_DIMENSIONS })
  @IsOptional()
  @Transform(blank)
  @IsIn(INTEGRATION_DIMENSIONS, { message: `dimension must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}` })
  dimension?: string;

  @ApiPropertyOptional({ enum: GOOD_IDEA_THEMES })
  @IsOptional()
  @Transform(blank)
  @IsIn(GOOD_IDEA_THEMES, { message: `theme must be one of: ${GOOD_IDEA_THEMES.join(', ')}` })
  theme?: string;

  @ApiPropertyOptional({ enum: TARGET_GROUPS })
  @IsOptional()
  @Transform(blank)
  @IsIn(TARGET_GROUPS, { message: `targetGroup must be one of: ${TARGET_GROUPS.join(', ')}` })
  targetGroup?: string;

  @ApiPropertyOptional({ example: '10.7' })
  @IsOptional()
  @Transform(blank)
  @Matches(SDG_TARGET, { message: 'sdgTarget must be an SDG target such as 10.7 or 16.b' })
  sdgTarget?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 23 })
  @IsOptional()
  @Transform(({ value }) => (value === '' || value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'gcmObjective must be an integer between 1 and 23' })
  @Min(1, { message: 'gcmObjective must be an integer between 1 and 23' })
  @Max(23, { message: 'gcmObjective must be an integer between 1 and 23' })
  gcmObjective?: number;

  @ApiPropertyOptional({
    enum: ORGANIZATION_KINDS,
    isArray: true,
    description: 'Ideas with a partner of any of these kinds',
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(ORGANIZATION_KINDS, {
    each: true,
    message: `partnerKind must be one of: ${ORGANIZATION_KINDS.join(', ')}`,
  })
  partnerKind?: string[];

  @ApiPropertyOptional({ enum: GOOD_IDEA_LANGUAGES, description: 'Ideas available in this language' })
  @IsOptional()
  @Transform(blank)
  @IsIn(GOOD_IDEA_LANGUAGES, { message: `language must be one of: ${GOOD_IDEA_LANGUAGES.join(', ')}` })
  language?: string;

  @ApiPropertyOptional({
    enum: GOOD_IDEA_LANGUAGES,
    description: 'Language of the server-rendered page (HTML only)',
  })
  @IsOptional()
  @Transform(blank)
  @IsIn(GOOD_IDEA_LANGUAGES, { message: `lang must be one of: ${GOOD_IDEA_LANGUAGES.join(', ')}` })
  lang?: string;
}

/** The console's list: ideas the caller may see (their organisations' and, for reviewers, those under review). */
export class ListGoodIdeasDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: GoodIdeaStatus })
  @IsOptional()
  @IsEnum(GoodIdeaStatus, { message: `status must be one of: ${Object.values(GoodIdeaStatus).join(', ')}` })
  status?: GoodIdeaStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: 'organizationId must be a UUID' })
  organizationId?: string;
}
