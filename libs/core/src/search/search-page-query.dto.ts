import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../pagination/page';
import { blankAsAbsent } from '../validation/blank';

/** A page of a public search: `q`, words in any supported language, then the page's own filters. */
export class SearchPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words in any supported language (English, French, Spanish, Arabic)' })
  @IsOptional()
  @Transform(blankAsAbsent)
  @IsString()
  @MaxLength(200)
  q?: string;
}
