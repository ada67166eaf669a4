import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Response } from 'express';
import { Observable, tap } from 'rxjs';
import { etagOf } from './etag';

/**
 * Every response that is one versioned record (an object with an `id` and a numeric `version`)
 * carries its ETag, so controllers never set it by hand and no endpoint forgets it.
 */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body: unknown) => {
        if (
          !body ||
          typeof body !== 'object' ||
          Array.isArray(body) ||
          res.headersSent ||
          res.getHeader('ETag')
        )
          return;
        const { id, version } = body as { id?: unknown; version?: unknown };
        if (typeof id === 'string' && typeof version === 'number') res.setHeader('ETag', etagOf(version));
      }),
    );
  }
}
