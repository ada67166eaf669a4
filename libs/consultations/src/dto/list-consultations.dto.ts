import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, IsEnumValue } from '@tandem/core';
import { IsOptional, IsUUID } from 'class-validator';
import { ConsultationStatus } from '../entities';

export class ListConsultationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ConsultationStatus })
  @IsOptional()
  @IsEnumValue(ConsultationStatus, 'status')
  status?: ConsultationStatus;

  @ApiPropertyOptional({ description: 'The owning organisation' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
