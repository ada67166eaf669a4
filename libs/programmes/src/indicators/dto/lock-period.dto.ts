import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@tandem/core';

export class LockPeriodDto {
  @ApiProperty({ example: '2027-01-01' })
  @IsCalendarDate()
  periodStart!: string;

  @ApiProperty({ example: '2027-03-31', description: 'On or after periodStart' })
  @IsCalendarDate()
  periodEnd!: string;
}
