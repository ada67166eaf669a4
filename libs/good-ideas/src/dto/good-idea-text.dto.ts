import { OptionalText } from '@tandem/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** One language's prose. Blank fields are allowed in a draft; submitting needs one language complete. */
export class GoodIdeaTextDto {
  @ApiPropertyOptional({ example: 'Des emplois de survie à une riche récolte' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  title?: string;

  @OptionalText(2000)
  summary?: string;

  @OptionalText(10_000)
  challenge?: string;

  @OptionalText(10_000)
  approach?: string;
}

/** Texts per language: `{"fr": {...}, "ar": {...}}`. Each language must be one of `languages`. */
export class GoodIdeaTextsDto {
  @ApiPropertyOptional({ type: GoodIdeaTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoodIdeaTextDto)
  en?: GoodIdeaTextDto;

  @ApiPropertyOptional({ type: GoodIdeaTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoodIdeaTextDto)
  fr?: GoodIdeaTextDto;

  @ApiPropertyOptional({ type: GoodIdeaTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoodIdeaTextDto)
  es?: GoodIdeaTextDto;

  @ApiPropertyOptional({ type: GoodIdeaTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GoodIdeaTextDto)
  ar?: GoodIdeaTextDto;
}
