import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  OnApplicationBootstrap,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, Clock, ReadCache } from '@tandem/core';
import { Request, Response } from 'express';
import { defer, from, lastValueFrom, Observable, throwError } from 'rxjs';
import { catchError, concatMap, map } from 'rxjs/operators';
import { RenderedJson } from './rendered-json';

const CACHED_READ = 'tandem:cached-read';

/**
 * Marks a GET whose rendered response each replica may keep (ReadCache): only reads whose every
 * table is covered by the change triggers of migration 1797000000000-ReadChangeNotify.
 */
export const CachedRead = (): MethodDecorator => SetMetadata(CACHED_READ, true);

const LEAVES_CACHED_READS = 'tandem:leaves-cached-reads';

/**
 * Marks a write that changes nothing a cached read shows (signing in, refreshing a token: sessions
 * and sign-in counters only): it answers without dropping every replica's cached reads and waiting
 * for their acknowledgements. Only a safety margin is given up, not correctness: a write to any
 * watched table still reaches every replica through PostgreSQL's notification, and a revoked session
 * still evicts (ReadCache.evict).
 */
export const LeavesCachedReads = (): MethodDecorator => SetMetadata(LEAVES_CACHED_READS, true);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Serves `@CachedRead()` GETs from the replica's ReadCache, and makes every write request, once its
 * handler has finished (its transaction committed, or failed), drop the cached reads of every
 * replica before it answers (docs/performance.md#reads).
 *
 * A cached read is sent as the JSON text Express would have written (`res.json` is
 * `JSON.stringify` with no replacer or spaces here, and the same `application/json; charset=utf-8`
 * type), already encoded with its ETag (RenderedJson), so hits and misses are byte-identical to an
 * uncached response, headers included. Errors are never cached.
 */
@Injectable()
export class ReadCacheInterceptor implements NestInterceptor, OnApplicationBootstrap {
  constructor(
    private readonly reflector: Reflector,
    private readonly cache: ReadCache,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.cache.start();
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.cache.enabled) return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    if (WRITES.has(req.method)) {
      if (this.reflector.get<boolean>(LEAVES_CACHED_READS, context.getHandler())) return next.handle();
      const invalidate = () => from(this.cache.afterWrite());
      return next.handle().pipe(
        concatMap((body) => invalidate().pipe(map(() => body))),
        catchError((err: unknown) => invalidate().pipe(concatMap(() => throwError(() => err)))),
      );
    }
    if (!req.user || !this.reflector.get<boolean>(CACHED_READ, context.getHandler())) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const key = ReadCache.keyOf(
      req.user,
      req.path,
      req.query as Record<string, unknown>,
      this.clock.now().toISOString().slice(0, 10),
    );
    // Stored as the bytes to send and their ETag (RenderedJson, sent by TandemExpressAdapter): a hit
    // encodes and hashes nothing.
    return defer(() =>
      this.cache.read(key, async () =>
        RenderedJson.of(JSON.stringify(await lastValueFrom(next.handle())), res),
      ),
    );
  }
}
