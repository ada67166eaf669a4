import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsIn } from 'class-validator';
import { EmployerSizeBand, ISIC_SECTIONS } from './employer-profile.entity';

export class EmployerProfileDto {
  @ApiProperty({ enum: ISIC_SECTIONS, description: 'ISIC Rev.4 section letter' })
  @IsIn(ISIC_SECTIONS, { message: 'sector must be an ISIC Rev.4 section letter (A to U)' })
  sector!: string;

  @ApiProperty({
    enum: EmployerSizeBand,
    description: 'micro 1–9, small 10–49, medium 50–249, large 250+ people',
  })
  @IsEnum(EmployerSizeBand, { message: 'sizeBand must be one of: micro, small, medium, large' })
  sizeBand!: EmployerSizeBand;
}
