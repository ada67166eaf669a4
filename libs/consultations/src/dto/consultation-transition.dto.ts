import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { ConsultationStatus } from '../entities';

export class ConsultationTransitionDto {
  @ApiProperty({ enum: ConsultationStatus })
  @IsEnum(ConsultationStatus, {
    message: `to must be one of: ${Object.values(ConsultationStatus).join(', ')}`,
  })
  to!: ConsultationStatus;
}
