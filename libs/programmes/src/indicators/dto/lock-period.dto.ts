import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@tandem/core';

/** A reporting period: what a lock covers, and what a reported value is for. */
export class ReportingPeriodDto {
  @ApiProperty({ example: '2027-01-01' })
  @IsCalendarDate()
  periodStart!: string;

  @ApiProperty({ example: '2027-03-31', description: 'On or after periodStart' })
  @IsCalendarDate()
  periodEnd!: string;
}

export class LockPeriodDto extends ReportingPeriodDto {}
