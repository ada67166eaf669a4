import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  blankAsAbsent as blank,
  OptionalFilterValue,
  PageQueryDto,
  SearchPageQueryDto,
  IsEnumValue,
} from '@tandem/core';
import { INTEGRATION_DIMENSIONS, SDG_TARGET, TARGET_GROUPS } from '@tandem/programmes';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
export class ListPublicGoodIdeasDto extends SearchPageQueryDto {
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

  @OptionalFilterValue(INTEGRATION_DIMENSIONS, 'dimension')
  dimension?: string;

  @OptionalFilterValue(GOOD_IDEA_THEMES, 'theme')
  theme?: string;

  @OptionalFilterValue(TARGET_GROUPS, 'targetGroup')
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

  @OptionalFilterValue(GOOD_IDEA_LANGUAGES, 'language', 'Ideas available in this language')
  language?: string;

  @OptionalFilterValue(GOOD_IDEA_LANGUAGES, 'lang', 'Language of the server-rendered page (HTML only)')
  lang?: string;
}

/** The console's list: ideas the caller may see (their organisations' and, for reviewers, those under review). */
export class ListGoodIdeasDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: GoodIdeaStatus })
  @IsOptional()
  @IsEnumValue(GoodIdeaStatus, 'status')
  status?: GoodIdeaStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: 'organizationId must be a UUID' })
  organizationId?: string;
}
