import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateProgrammeDto } from './create-programme.dto';

/** The lead organisation and the status do not change here (status: transitions). */
export class UpdateProgrammeDto extends PartialType(
  OmitType(CreateProgrammeDto, ['leadOrganizationId'] as const),
) {}
