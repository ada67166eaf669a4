import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TaskState } from '../entities';
import { IsEnumValue } from '@tandem/core';

export class TransitionTaskDto {
  @ApiProperty({ enum: TaskState, example: TaskState.InProgress })
  @IsEnumValue(TaskState, 'to')
  to!: TaskState;

  @ApiPropertyOptional({
    example: 'Waiting for the venue contract to be signed',
    description: 'Required when moving to blocked; recorded in the history for any move',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
