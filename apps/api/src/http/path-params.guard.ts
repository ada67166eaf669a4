import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { CoreError, textProblem } from '@tandem/core';
import { Request } from 'express';
import { UUID_PATTERN } from './path-params.dto';

const MAX_TOKEN = 512;
/** Catalogue codes (territories, frameworks, indicators): short, no spaces. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Path parameters are checked before anything else runs (rate limits, authentication, the
 * Idempotency-Key reservation, pipes): every `id` or `…Id` parameter must be a UUID and any other
 * parameter (an invitation token) short clean text. A 300-character id is a 400 naming the
 * parameter, never a database error. The path DTOs (path-params.dto.ts) repeat the check per route
 * and document the parameters.
 */
@Injectable()
export class PathParamsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const params = context.switchToHttp().getRequest<Request>().params ?? {};
    for (const [name, raw] of Object.entries(params)) {
      const value = String(raw);
      if (name === 'id' || name.endsWith('Id')) {
        if (!UUID_PATTERN.test(value)) throw CoreError.invalid(name, 'must be a UUID');
      } else if (name === 'code' || name.endsWith('Code')) {
        if (!CODE.test(value))
          throw CoreError.invalid(name, "must be a code of at most 64 letters, digits, '.', '_' or '-'");
      } else if (value.length > MAX_TOKEN || textProblem(value)) {
        throw CoreError.invalid(name, `must be at most ${MAX_TOKEN} characters of plain text`);
      }
    }
    return true;
  }
}
