import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';

/**
 * An optional list of distinct values from a fixed vocabulary (dimensions, themes, target groups…),
 * described in OpenAPI as an enum array. The decorators are listed in the order the hand-written
 * stacks registered them (bottom-up), so validation messages keep their order; `api` adds to the
 * schema (a description).
 */
export function OptionalValueList(
  values: readonly string[],
  field: string,
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return applyDecorators(
    IsIn(values as string[], {
      each: true,
      message: `each of ${field} must be one of: ${values.join(', ')}`,
    }),
    ArrayUnique(),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ enum: values, isArray: true, uniqueItems: true }),
    // Merged afterwards, so a description follows the enum's items in the schema as it did by hand.
    ApiPropertyOptional(api),
  );
}
