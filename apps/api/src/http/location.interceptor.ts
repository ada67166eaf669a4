import { CallHandler, ExecutionContext, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';

/** Sets `Location: <path>/<id>` from the created record the handler returns. */
class LocationInterceptor implements NestInterceptor {
  constructor(private readonly path: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const params = http.getRequest<Request>().params;
    const base = this.path.replace(/:(\w+)/g, (_, name: string) => String(params[name]));
    return next
      .handle()
      .pipe(
        tap((created: { id: string }) =>
          http.getResponse<Response>().setHeader('Location', `${base}/${created.id}`),
        ),
      );
  }
}

/**
 * A creating route answers with `Location: <path>/<id of the created record>`; `:name` in the path
 * is filled from the route's parameters: `@LocatedAt('/organizations/:id/webhooks')`.
 * Method-level, so it runs inside the global idempotency interceptor, which records the header.
 */
export const LocatedAt = (path: string): MethodDecorator => UseInterceptors(new LocationInterceptor(path));
