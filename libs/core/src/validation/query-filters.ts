import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { blankAsAbsent } from './blank';

/**
 * An optional query filter naming one value of a fixed vocabulary (a dimension, a theme, a
 * language…); an empty `name=` from an HTML form counts as absent. The decorators are listed in the
 * order the hand-written stacks registered them (bottom-up), so validation messages keep their order.
 */
export function OptionalFilterValue(
  values: readonly string[],
  field: string,
  description?: string,
): PropertyDecorator {
  return applyDecorators(
    IsIn(values as string[], { message: `${field} must be one of: ${values.join(', ')}` }),
    Transform(blankAsAbsent),
    IsOptional(),
    ApiPropertyOptional({ enum: values, ...(description ? { description } : {}) }),
  );
}
