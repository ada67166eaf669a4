import { ApiProperty } from '@nestjs/swagger';
import { ConsultationStatus } from '../entities';
import { IsEnumValue } from '@tandem/core';

export class ConsultationTransitionDto {
  @ApiProperty({ enum: ConsultationStatus })
  @IsEnumValue(ConsultationStatus, 'to')
  to!: ConsultationStatus;
}
