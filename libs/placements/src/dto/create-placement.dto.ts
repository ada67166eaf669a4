import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { IsCalendarDate, NonBlankText, IsEnumValue } from '@tandem/core';
import { isIsco08, ISIC4_SECTIONS } from '../classifications';
import { ContractType } from '../entities';

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@ValidatorConstraint({ name: 'isco08' })
export class Isco08Constraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isIsco08(value);
  }
  defaultMessage(): string {
    return 'occupationCode must be an ISCO-08 code (1–4 digits, e.g. 9412)';
  }
}

export class CreatePlacementDto {
  @ApiProperty()
  @IsUUID()
  participantId!: string;

  @ApiProperty()
  @IsUUID()
  employerOrganizationId!: string;

  @ApiPropertyOptional({ description: 'A programme the employer is an active partner of' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @NonBlankText(200, 'jobTitle', { example: 'Kitchen assistant' })
  jobTitle!: string;

  @ApiProperty({ example: '9412', description: 'ISCO-08' })
  @Validate(Isco08Constraint)
  occupationCode!: string;

  @ApiProperty({ example: 'I', description: 'ISIC Rev.4 section letter' })
  @IsIn(ISIC4_SECTIONS, { message: 'sector must be an ISIC Rev.4 section letter (A–U)' })
  sector!: string;

  @ApiProperty({ example: '2027-03-01' })
  @IsCalendarDate({ message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ enum: ContractType })
  @IsEnumValue(ContractType, 'contractType')
  contractType!: ContractType;

  @ApiProperty({ example: 37.5 })
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hoursPerWeek must be a number (one decimal at most)' })
  @Min(1)
  @Max(80)
  hoursPerWeek!: number;
}

export class EndPlacementDto {
  @ApiProperty({ example: '2027-09-30' })
  @IsCalendarDate({ message: 'endDate must be a date YYYY-MM-DD' })
  endDate!: string;

  @NonBlankText(500, 'reason', { example: 'contract ended' })
  reason!: string;
}
