import { applyDecorators, Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

/*
 * Nested request objects, validated with their own class's rules. The decorators are listed in the
 * order the hand-written stacks registered them (bottom-up), so validation messages keep their
 * order; `maxItems` is written into the schema here because the swagger plugin cannot see an
 * ArrayMaxSize inside a composed decorator. `api` adds to the schema (a description).
 */

/** A list of at most `maxItems` objects of class `type`; optional with `api.required: false`. */
export function NestedList(type: Class, maxItems: number, api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    Type(() => type),
    ValidateNested({ each: true }),
    ArrayMaxSize(maxItems),
    IsArray(),
    ...(api.required === false ? [IsOptional()] : []),
    ApiProperty({ maxItems, type: [type], ...api } as ApiPropertyOptions),
  );
}

/** An optional list of at most `maxItems` objects of class `type`. */
export function OptionalNestedList(
  type: Class,
  maxItems: number,
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return NestedList(type, maxItems, { ...api, required: false } as ApiPropertyOptions);
}

/** An optional object of class `type`. */
export function OptionalNested(type: Class, api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    Type(() => type),
    ValidateNested(),
    IsOptional(),
    ApiPropertyOptional({ type, ...api } as ApiPropertyOptions),
  );
}
