import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { TokenPairDto } from './dto/token-pair.dto';
import { RefreshToken, User } from './entities';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/** Mints access tokens (JWT) and opaque refresh tokens; stores only an HMAC of the latter. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  hashRefreshToken(token: string): string {
    return createHmac('sha256', this.config.JWT_REFRESH_SECRET).update(`refresh:${token}`).digest('hex');
  }

  /** Issues a new pair for a session, inside the caller's transaction. */
  async issue(em: EntityManager, user: Pick<User, 'id'>, sessionId: string): Promise<TokenPairDto> {
    const id = randomUUID();
    const refreshToken = `${id}.${randomBytes(32).toString('base64url')}`;
    await em.insert(RefreshToken, {
      id,
      sessionId,
      tokenHash: this.hashRefreshToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.JWT_REFRESH_TTL * 1000),
    });
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, refreshToken, expiresIn: this.config.JWT_ACCESS_TTL };
  }
}
