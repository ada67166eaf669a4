import { Injectable, NestMiddleware } from '@nestjs/common';
import { findInputProblem, validationFailed } from '@tandem/core';
import { NextFunction, Request, Response } from 'express';

/**
 * Text hygiene at the edge, before guards, interceptors and pipes see the request: the query and a
 * parsed JSON (or form) body are refused with a 400 naming the field when they hold NUL, control
 * characters other than tab and newline, lone surrogates, prototype keys (`__proto__`,
 * `constructor`, `prototype`) or nest deeper than 32 levels. Nothing downstream (passport,
 * class-transformer, PostgreSQL) then meets input it would choke on.
 */
@Injectable()
export class InputHygieneMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const inQuery = findInputProblem(req.query);
    if (inQuery) return next(validationFailed([inQuery]));
    const body: unknown = req.body;
    if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
      const inBody = findInputProblem(body);
      if (inBody) return next(validationFailed([inBody]));
    }
    next();
  }
}
