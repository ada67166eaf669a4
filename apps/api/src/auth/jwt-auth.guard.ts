import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CoreError, CoreErrorCode, isInfrastructureError, serviceUnavailable } from '@tandem/core';
import { IS_PUBLIC } from './public.decorator';

/** The one global guard: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err instanceof CoreError) throw err;
    // The session lookup failed because PostgreSQL (or Redis) is away: the token may be perfectly
    // good, and a 401 would make the client throw it away. Say "try again" instead.
    if (err && isInfrastructureError(err)) throw serviceUnavailable();
    if (err || !user)
      throw new CoreError(CoreErrorCode.Unauthenticated, 'A valid, unexpired access token is required');
    return user;
  }
}
