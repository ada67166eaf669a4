import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { parseTerritoryCode } from '@tandem/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, Matches, ValidateBy } from 'class-validator';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

export class ComparisonQueryDto {
  @ApiProperty({
    example: 'employment-rate',
    description: 'The indicator, by its code in the framework (or full code)',
  })
  @Matches(/^([a-z0-9-]{2,30}:)?[a-z0-9.-]{1,48}$/, {
    message: 'indicator must be an indicator code such as employment-rate',
  })
  indicator!: string;

  @ApiProperty({
    example: 'CA-ON-riverton,CA-ON-lakeside',
    description: 'Territory codes, comma-separated (2 to 30)',
  })
  @Transform(list)
  @IsArray()
  @ArrayMinSize(2, { message: 'territories must name at least 2 territories' })
  @ArrayMaxSize(30, { message: 'territories must name at most 30 territories' })
  @ValidateBy({
    name: 'isTerritoryCodeList',
    validator: {
      validate: (v: unknown) => Array.isArray(v) && v.every((c) => parseTerritoryCode(c) !== null),
      defaultMessage: () => 'territories must be territory codes such as CA-ON-riverton',
    },
  })
  territories!: string[];

  @ApiPropertyOptional({ example: '2022', description: 'First year considered' })
  @IsOptional()
  @Matches(/^(19|20)\d{2}$/, { message: 'from must be a year such as 2022' })
  from?: string;

  @ApiPropertyOptional({ example: '2024', description: 'Last year considered' })
  @IsOptional()
  @Matches(/^(19|20)\d{2}$/, { message: 'to must be a year such as 2024' })
  to?: string;
}

export class ProfileQueryDto {
  @ApiPropertyOptional({ example: 'eu-zaragoza', description: 'Only this framework’s indicators' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,30}$/, { message: 'framework must be a framework code such as eu-zaragoza' })
  framework?: string;
}
