import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AccessTokenClaims, ActorLoader, SessionCache } from '@tandem/auth';
import { AppConfig, RequestContext, Actor } from '@tandem/core';
import { createSecretKey } from 'node:crypto';
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
      // A KeyObject, not the string: given a string, jsonwebtoken's verify first tries to parse it as
      // a PEM public key (createPublicKey, which throws) on every request, ~4 % of the api's CPU under
      // the read benchmark. It accepts a KeyObject as documented; @types/passport-jwt only lists
      // string | Buffer. A secret KeyObject is still HS-only, like `algorithms` below.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_ACCESS_SECRET, 'utf8')) as unknown as Buffer,
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
