import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AccessTokenClaims, ActorLoader, SessionCache } from '@tandem/auth';
import { AppConfig, RequestContext, Actor } from '@tandem/core';
import { ExtractJwt, Strategy } from 'passport-jwt';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Bearer JWT, HS256 only (so `alg: none` and key-confusion tokens are refused), not expired. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') implements OnApplicationBootstrap {
  constructor(
    config: AppConfig,
    private readonly actors: ActorLoader,
    private readonly sessions: SessionCache,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_ACCESS_SECRET,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** The session cache listens for evictions before the first request (docs/performance.md#reads). */
  onApplicationBootstrap(): void {
    this.sessions.start();
  }

  async validate(claims: Partial<AccessTokenClaims>): Promise<Actor | false> {
    if (
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string' ||
      !UUID.test(claims.sub) ||
      !UUID.test(claims.sid)
    )
      return false;
    const actor = await this.actors.load(claims.sub, claims.sid);
    if (!actor) return false;
    RequestContext.setActor(actor.userId);
    return actor;
  }
}
