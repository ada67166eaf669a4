import { ApiProperty } from '@nestjs/swagger';
import { ProgrammeStatus } from '../entities';
import { IsEnumValue } from '@tandem/core';

export class ProgrammeTransitionDto {
  @ApiProperty({ enum: ProgrammeStatus })
  @IsEnumValue(ProgrammeStatus, 'to')
  to!: ProgrammeStatus;
}
