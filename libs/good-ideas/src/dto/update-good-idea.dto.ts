import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateGoodIdeaDto } from './create-good-idea.dto';

/** A partial edit while the idea is a draft (or returned); the programme link is fixed at creation. */
export class UpdateGoodIdeaDto extends PartialType(
  OmitType(CreateGoodIdeaDto, ['programmeId', 'organizationId'] as const),
) {}
