import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** SDG targets are "goal.target": 1–17 then a number or a letter (e.g. 10.7, 16.b). */
export const SDG_TARGET = /^([1-9]|1[0-7])\.([1-9]\d?|[a-d])$/;

/*
 * The global goals a programme or a good idea contributes to, validated alike wherever they are
 * given. The decorators are listed in the order the hand-written stacks registered them
 * (bottom-up), so validation messages keep their order.
 */

/** Optional `sdgTargets`: distinct SDG targets (169 at most). */
export function OptionalSdgTargets(example: string[]): PropertyDecorator {
  return applyDecorators(
    Matches(SDG_TARGET, {
      each: true,
      message: 'each of sdgTargets must be an SDG target such as 10.7 or 16.b',
    }),
    ArrayMaxSize(169),
    ArrayUnique(),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ type: [String], example, uniqueItems: true, maxItems: 169 }),
  );
}

/**
 * Optional `gcmObjectives`: distinct Global Compact for Migration objectives, 1 to 23.
 * `integerMessage`: the message when one is not an integer (class-validator's own if absent).
 */
export function OptionalGcmObjectives(example: number[], integerMessage?: string): PropertyDecorator {
  const range = { each: true, message: 'each of gcmObjectives must be between 1 and 23' };
  return applyDecorators(
    Max(23, range),
    Min(1, range),
    IsInt({ each: true, ...(integerMessage ? { message: integerMessage } : {}) }),
    ArrayUnique(),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ type: [Number], example, uniqueItems: true, minimum: 1, maximum: 23 }),
  );
}
