import { ApiProperty } from '@nestjs/swagger';
import { IsTerritoryCode } from '@tandem/core';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateTerritoryDto {
  @ApiProperty({
    example: 'CA-ON-riverton',
    description:
      'ISO 3166-1 alpha-2 country (CA), ISO 3166-2 subdivision (CA-ON), or a city under either: a lower-case slug (CA-ON-riverton)',
  })
  @IsTerritoryCode()
  code!: string;

  @ApiProperty({ example: 'Riverton' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}
