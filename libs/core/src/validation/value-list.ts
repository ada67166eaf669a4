import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';

/**
 * An optional list of distinct values from a fixed vocabulary (dimensions, themes, target groups…),
 * described in OpenAPI as an enum array. The decorators are listed in the order the hand-written
 * stacks registered them (bottom-up), so validation messages keep their order.
 */
export function OptionalValueList(values: readonly string[], field: string): PropertyDecorator {
  return applyDecorators(
    IsIn(values as string[], {
      each: true,
      message: `each of ${field} must be one of: ${values.join(', ')}`,
    }),
    ArrayUnique(),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ enum: values, isArray: true, uniqueItems: true }),
  );
}
