import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateConsultationDto } from './create-consultation.dto';

/**
 * Every field but the owner may change before the consultation opens. `publicOutcome` and
 * `publicFreeTexts` (issue 20) are sent on their own, once the outcome is published.
 */
export class UpdateConsultationDto extends PartialType(OmitType(CreateConsultationDto, ['organizationId'])) {
  @ApiPropertyOptional({
    description: 'Show the published outcome on /public (true), or withdraw it (false). Sent alone.',
  })
  @IsOptional()
  @IsBoolean({ message: 'publicOutcome must be true or false' })
  publicOutcome?: boolean;

  @ApiPropertyOptional({
    description:
      'Also show free-text answers publicly where at least the anonymity threshold of organisations wrote one. ' +
      'Needs publicOutcome; withdrawing the outcome clears it.',
  })
  @IsOptional()
  @IsBoolean({ message: 'publicFreeTexts must be true or false' })
  publicFreeTexts?: boolean;
}
