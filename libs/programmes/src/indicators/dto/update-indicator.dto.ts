import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateIndicatorDto } from './create-indicator.dto';

/** Everything but the kind may change: values already reported were recorded for that kind. */
export class UpdateIndicatorDto extends PartialType(
  OmitType(CreateIndicatorDto, ['kind', 'frameworkIndicatorCode'] as const),
) {}
