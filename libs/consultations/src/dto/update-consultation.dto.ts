import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateConsultationDto } from './create-consultation.dto';

/** Every field but the owner may change before the consultation opens. */
export class UpdateConsultationDto extends PartialType(OmitType(CreateConsultationDto, ['organizationId'])) {}
