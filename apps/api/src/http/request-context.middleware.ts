import { Injectable, NestMiddleware } from '@nestjs/common';
import { requestIdOf, RequestContext } from '@tandem/core';
import { NextFunction, Request, Response } from 'express';

/** Opens the request's context (request id, later the actor) for logs and audit rows. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    RequestContext.run({ requestId: requestIdOf(req, res) }, next);
  }
}
