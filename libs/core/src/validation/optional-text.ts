import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * An optional string of at most `maxLength` characters, with its OpenAPI description (`api`). The
 * decorators are listed in the order the hand-written stacks registered them (bottom-up), so
 * validation messages keep their order; `maxLength` is written into the schema here because the
 * swagger plugin cannot see a MaxLength inside a composed decorator.
 */
export function OptionalText(maxLength: number, api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    MaxLength(maxLength),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ maxLength, ...api } as ApiPropertyOptions),
  );
}
