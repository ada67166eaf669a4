import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateProgrammeDto } from './create-programme.dto';

/** The lead organisation and the status do not change here (status: transitions). */
export class UpdateProgrammeDto extends PartialType(
  OmitType(CreateProgrammeDto, ['leadOrganizationId'] as const),
) {
  @ApiPropertyOptional({
    description:
      "List the programme on its territory's public page while it is active (members of the lead organisation who manage it).",
  })
  @IsOptional()
  @IsBoolean({ message: 'listedPublicly must be true or false' })
  listedPublicly?: boolean;
}
