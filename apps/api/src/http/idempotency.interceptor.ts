import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';

import { IdempotencyService, Actor } from '@tandem/core';
import { Request, Response } from 'express';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';

const IDEMPOTENT = 'tandem:idempotent';

/** Marks a creating POST whose `Idempotency-Key` header is honoured. */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat the request safely: the same key and body return the first result',
    }),
  );

const locationOf = (res: Response): string | null => {
  const location = res.getHeader('Location');
  return typeof location === 'string' ? location : null;
};

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (!key || !req.user) return next.handle();
    const path = (req.originalUrl ?? req.url).split('?')[0];
    return from(this.idempotency.begin(req.user.userId, req.method, path, key, req.body)).pipe(
      mergeMap((outcome) => {
        if ('replay' in outcome) {
          res.status(outcome.replay.status).setHeader('Idempotent-Replayed', 'true');
          if (outcome.replay.location) res.setHeader('Location', outcome.replay.location);
          return of(outcome.replay.body);
        }
        // Nest applies the route's status after interceptors run, so read it from the route.
        const status =
          this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
          (req.method === 'POST' ? 201 : 200);
        return next.handle().pipe(
          mergeMap((body) =>
            from(this.idempotency.complete(outcome.reservationId, status, body, locationOf(res))).pipe(
              mergeMap(() => of(body)),
            ),
          ),
          catchError((err) =>
            from(this.idempotency.release(outcome.reservationId)).pipe(mergeMap(() => throwError(() => err))),
          ),
        );
      }),
    );
  }
}
