import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { CreateParticipantDto } from './create-participant.dto';
import { CreatePlacementDto } from './create-placement.dto';

/** The person, registered by the employer (and under the placement's programme, if any). */
export class RegisterParticipantDto extends OmitType(CreateParticipantDto, [
  'organizationId',
  'programmeId',
] as const) {}

/**
 * The person and the job in one request: both are written in one transaction, or nothing is.
 * Field errors name `participant.<field>` for the person and `<field>` for the job.
 */
export class RegisterPlacementDto extends OmitType(CreatePlacementDto, ['participantId'] as const) {
  @ApiProperty({ type: RegisterParticipantDto })
  @IsDefined({ message: 'participant is required' })
  @ValidateNested()
  @Type(() => RegisterParticipantDto)
  participant!: RegisterParticipantDto;
}
