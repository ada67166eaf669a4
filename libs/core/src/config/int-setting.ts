import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * An optional whole-number setting, read from its environment string, of at least `min` (and at
 * most `max`); absent, the property's default applies. The decorators are listed in the order the
 * hand-written stacks registered them (bottom-up), so the boot error names the same problems in
 * the same order.
 */
export function IntSetting(min: number, max?: number): PropertyDecorator {
  return applyDecorators(
    ...(max === undefined ? [] : [Max(max)]),
    Min(min),
    IsInt(),
    Type(() => Number),
    IsOptional(),
  );
}
