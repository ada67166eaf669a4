import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { CreateOrganizationDto } from './create-organization.dto';

/** Everything but the kind may change; profile fields given are merged into the current profile. */
export class UpdateOrganizationDto extends PartialType(
  OmitType(CreateOrganizationDto, ['kind', 'profile'] as const),
) {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Fields of the profile to change',
  })
  @IsOptional()
  @IsObject()
  profile?: Record<string, unknown>;
}
