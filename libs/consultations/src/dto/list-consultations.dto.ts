import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@tandem/core';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ConsultationStatus } from '../entities';

export class ListConsultationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ConsultationStatus })
  @IsOptional()
  @IsEnum(ConsultationStatus, {
    message: `status must be one of: ${Object.values(ConsultationStatus).join(', ')}`,
  })
  status?: ConsultationStatus;

  @ApiPropertyOptional({ description: 'The owning organisation' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
