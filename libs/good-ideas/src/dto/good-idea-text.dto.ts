import { OptionalText, OptionalNested } from '@tandem/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

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
  @OptionalNested(GoodIdeaTextDto)
  en?: GoodIdeaTextDto;

  @OptionalNested(GoodIdeaTextDto)
  fr?: GoodIdeaTextDto;

  @OptionalNested(GoodIdeaTextDto)
  es?: GoodIdeaTextDto;

  @OptionalNested(GoodIdeaTextDto)
  ar?: GoodIdeaTextDto;
}
