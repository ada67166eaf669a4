import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { ProgrammeStatus } from '../entities';

export class ProgrammeTransitionDto {
  @ApiProperty({ enum: ProgrammeStatus })
  @IsEnum(ProgrammeStatus, { message: `to must be one of: ${Object.values(ProgrammeStatus).join(', ')}` })
  to!: ProgrammeStatus;
}
