import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, Max, Min, Validate, ValidateIf } from 'class-validator';
import { ISIC4_SECTIONS } from '../classifications';
import { ContractType } from '../entities';
import { Isco08Constraint } from './create-placement.dto';
import { IsCalendarDate, NonBlankText, IsEnumValue } from '@tandem/core';

/** Absent means "leave as is"; null is validated (and refused): none of these fields is clearable. */
const present = (_: object, v: unknown): boolean => v !== undefined;

/**
 * A partial edit of a placement by the employer's members: the job details while it is active, the
 * start date also once it ended. Moving the start date moves the unanswered check-ins with it
 * (PlacementEditsService).
 */
export class UpdatePlacementDto {
  @ValidateIf(present)
  @NonBlankText(200, 'jobTitle', { example: 'Kitchen assistant', required: false })
  jobTitle?: string;

  @ApiPropertyOptional({ example: '9412', description: 'ISCO-08' })
  @ValidateIf(present)
  @Validate(Isco08Constraint)
  occupationCode?: string;

  @ApiPropertyOptional({ example: 'I', description: 'ISIC Rev.4 section letter' })
  @ValidateIf(present)
  @IsIn(ISIC4_SECTIONS, { message: 'sector must be an ISIC Rev.4 section letter (A–U)' })
  sector?: string;

  @ApiPropertyOptional({
    example: '2027-03-01',
    description:
      'Moves the unanswered check-ins with it. Not after the end date; not a day another placement of the participant at this employer starts.',
  })
  @ValidateIf(present)
  @IsCalendarDate({ message: 'startDate must be a date YYYY-MM-DD' })
  startDate?: string;

  @ApiPropertyOptional({ enum: ContractType })
  @ValidateIf(present)
  @IsEnumValue(ContractType, 'contractType')
  contractType?: ContractType;

  @ApiPropertyOptional({ example: 37.5 })
  @ValidateIf(present)
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hoursPerWeek must be a number (one decimal at most)' })
  @Min(1)
  @Max(80)
  hoursPerWeek?: number;
}
