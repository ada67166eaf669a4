import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsOptional } from 'class-validator';

/**
 * A `country` field: an ISO 3166-1 alpha-2 code, upper-cased before it is checked ("pt" is PT).
 * Decorators in the order the hand-written stacks registered them (bottom-up).
 */
export function CountryCode(
  options: { optional?: boolean; example?: string; description?: string } = {},
): PropertyDecorator {
  const { optional = false, ...api } = options;
  return applyDecorators(
    IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 country code' }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value)),
    ...(optional ? [IsOptional(), ApiPropertyOptional(api)] : [ApiProperty(api)]),
  );
}
