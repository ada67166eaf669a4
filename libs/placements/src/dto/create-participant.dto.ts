import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsISO31661Alpha2,
  IsISO6391,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInstant, NonBlankText, IsEnumValue } from '@tandem/core';
import { Gender, StatusCategory } from '../entities';

/**
 * A year (of birth, of arrival) from 1900 to 2100. Validators in the order the hand-written stacks
 * registered them (bottom-up), so messages keep their order; the bounds are written into the schema
 * here because the swagger plugin cannot see a Min or Max inside a composed decorator.
 */
const Year = (example: number): PropertyDecorator =>
  applyDecorators(Max(2100), Min(1900), IsInt(), ApiProperty({ minimum: 1900, maximum: 2100, example }));

export class ConsentDto {
  @ApiProperty({ example: '2027-02-01T10:00:00Z', description: 'When the person gave consent' })
  @IsInstant({ message: 'consent.givenAt must be an ISO 8601 date or date-time' })
  givenAt!: string;

  @NonBlankText(500, 'consent.scope', { example: 'placement follow-up and aggregate reporting' })
  scope!: string;
}

export class CreateParticipantDto {
  @Year(1994)
  yearOfBirth!: number;

  @ApiProperty({ enum: Gender })
  @IsEnumValue(Gender, 'gender')
  gender!: Gender;

  @ApiProperty({ example: 'SY', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2({ message: 'countryOfOrigin must be an ISO 3166-1 alpha-2 country code' })
  countryOfOrigin!: string;

  @Year(2023)
  arrivalYear!: number;

  @ApiProperty({ enum: StatusCategory })
  @IsEnumValue(StatusCategory, 'statusCategory')
  statusCategory!: StatusCategory;

  @ApiProperty({ example: ['ar', 'en'], description: 'ISO 639-1 codes' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsISO6391({ each: true, message: 'languages must be ISO 639-1 language codes' })
  languages!: string[];

  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: 'consent is required' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent!: ConsentDto;

  @ApiPropertyOptional({
    description: 'Which of my organisations registers the person (required if I belong to several)',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    description:
      'The programme the person takes part in; required for partners that are not employers. Employers active in the programme may then place the person.',
  })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}
