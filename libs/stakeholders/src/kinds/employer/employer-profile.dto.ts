import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EmployerSizeBand, ISIC_SECTIONS } from './employer-profile.entity';
import { IsEnumValue } from '@tandem/core';

export class EmployerProfileDto {
  @ApiProperty({ enum: ISIC_SECTIONS, description: 'ISIC Rev.4 section letter' })
  @IsIn(ISIC_SECTIONS, { message: 'sector must be an ISIC Rev.4 section letter (A to U)' })
  sector!: string;

  @ApiProperty({
    enum: EmployerSizeBand,
    description: 'micro 1–9, small 10–49, medium 50–249, large 250+ people',
  })
  @IsEnumValue(EmployerSizeBand, 'sizeBand')
  sizeBand!: EmployerSizeBand;
}
