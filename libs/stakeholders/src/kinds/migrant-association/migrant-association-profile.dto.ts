import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsISO31661Alpha2,
  isISO6391,
  ValidateBy,
} from 'class-validator';

const upper = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.toUpperCase() : v)) : value;
const lower = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)) : value;

export class MigrantAssociationProfileDto {
  @ApiProperty({
    type: [String],
    example: ['SY', 'AF'],
    description: 'Countries of origin represented (ISO 3166-1 alpha-2)',
  })
  @Transform(upper)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(60)
  @IsISO31661Alpha2({ each: true, message: 'each of communities must be an ISO 3166-1 alpha-2 country code' })
  communities!: string[];

  @ApiProperty({ type: [String], example: ['ar', 'ps'], description: 'Languages spoken (ISO 639-1)' })
  @Transform(lower)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(40)
  @ValidateBy(
    { name: 'isISO6391', validator: { validate: (v: unknown) => typeof v === 'string' && isISO6391(v) } },
    { each: true, message: 'each of languages must be an ISO 639-1 language code' },
  )
  languages!: string[];
}
