import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/**
 * A string of at most `maxLength` characters with something other than white space in it
 * (`<field> must not be blank`), with its OpenAPI schema (`api`: an example, or `required: false`
 * on a partial edit). The decorators are listed in the order the hand-written stacks registered
 * them (bottom-up), so validation messages keep their order; `maxLength` and the pattern are
 * written into the schema here because the swagger plugin cannot see them inside a composed
 * decorator.
 */
export function NonBlankText(
  maxLength: number,
  field: string,
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return applyDecorators(
    Matches(/\S/, { message: `${field} must not be blank` }),
    MaxLength(maxLength),
    IsString(),
    ApiProperty({ maxLength, pattern: '\\S', ...api } as ApiPropertyOptions),
  );
}
