import { Injectable } from '@nestjs/common';
import { AuditService } from '@tandem/audit';
import { AppConfig, Clock, TransactionService, Actor } from '@tandem/core';
import { MembershipsRepository } from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';
import { AuthError, AuthErrorCode } from './auth.errors';
import { TokenPairDto } from './dto/token-pair.dto';
import { RefreshToken, Session, User } from './entities';
import { hashPassword, verifyPassword } from './password';

import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

/** Verifying an unknown e-mail costs as much as a known one, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;

export interface MeView {
  user: { id: string; email: string; name: string; preferredLanguage: string; createdAt: Date };
  platformRole: string;
  memberships: { organizationId: string; organizationName: string; organizationKind: string; role: string }[];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly tx: TransactionService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async login(email: string, password: string): Promise<TokenPairDto> {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt) {
      dummyHash ??= hashPassword('not-a-real-password-at-all');
      await verifyPassword(await dummyHash, password);
      throw new AuthError(AuthErrorCode.InvalidCredentials, 'E-mail or password is wrong');
    }
    const now = this.clock.now();
    if (user.lockedUntil && user.lockedUntil > now) throw this.locked(user.lockedUntil, now);
    if (!(await verifyPassword(user.passwordHash, password))) {
      const lockedUntil = await this.users.countFailedLogin(
        user.id,
        this.config.LOGIN_MAX_FAILURES,
        this.config.LOGIN_LOCK_MINUTES,
      );
      if (lockedUntil && lockedUntil > now) throw this.locked(lockedUntil, now);
      throw new AuthError(AuthErrorCode.InvalidCredentials, 'E-mail or password is wrong');
    }
    return this.tx.run(async (em) => {
      if (user.failedLoginCount > 0 || user.lockedUntil) {
        await em.update(User, { id: user.id }, { failedLoginCount: 0, lockedUntil: null });
      }
      return this.startSession(em, user);
    });
  }

  /** Opens a session (the family of its refresh tokens) and issues its first pair. */
  async startSession(em: EntityManager, user: User): Promise<TokenPairDto> {
    const session = await em.save(Session, em.create(Session, { userId: user.id }));
    await this.audit.record(em, {
      action: 'create',
      entityType: 'session',
      entityId: session.id,
      after: { userId: user.id },
      actorUserId: user.id,
    });
    return this.tokens.issue(em, user, session.id);
  }

  /**
   * Rotates a refresh token. Presenting a token that was already used means it leaked: the whole
   * session (every token rotated from the same login) is revoked.
   */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const tokenHash = this.tokens.hashRefreshToken(refreshToken);
    const outcome = await this.tx.run(async (em) => {
      const token = await em
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .innerJoinAndSelect('t.session', 's')
        .where('t.token_hash = :tokenHash', { tokenHash })
        .setLock('pessimistic_write', undefined, ['t'])
        .getOne();
      const session = token?.session;
      if (!token || !session || session.revokedAt)
        return { error: AuthErrorCode.InvalidRefreshToken } as const;
      if (token.usedAt) {
        await this.revokeSession(em, session, 'refresh_token_reuse', session.userId);
        return { error: AuthErrorCode.RefreshTokenReused } as const;
      }
      if (token.expiresAt <= this.clock.now()) return { error: AuthErrorCode.InvalidRefreshToken } as const;
      await em.update(RefreshToken, { id: token.id }, { usedAt: this.clock.now() });
      const user = await em.findOneByOrFail(User, { id: session.userId });
      if (user.disabledAt) return { error: AuthErrorCode.InvalidRefreshToken } as const;
      return { pair: await this.tokens.issue(em, user, session.id) } as const;
    });
    if (outcome.error) {
      throw new AuthError(
        outcome.error,
        outcome.error === AuthErrorCode.RefreshTokenReused
          ? 'This refresh token was already used; the session has been signed out everywhere'
          : 'Refresh token is invalid, expired or revoked',
      );
    }
    return outcome.pair!;
  }

  async logout(actor: Actor): Promise<void> {
    if (!actor.sessionId) return;
    await this.tx.run(async (em) => {
      const session = await em.findOneBy(Session, { id: actor.sessionId! });
      if (session && !session.revokedAt) await this.revokeSession(em, session, 'logout', actor.userId);
    });
  }

  private async revokeSession(
    em: EntityManager,
    session: Session,
    reason: string,
    actorUserId: string,
  ): Promise<void> {
    await em.update(Session, { id: session.id }, { revokedAt: this.clock.now(), revokedReason: reason });
    await this.audit.record(em, {
      action: 'update',
      entityType: 'session',
      entityId: session.id,
      before: { revokedAt: null },
      after: { revokedAt: this.clock.now(), revokedReason: reason },
      actorUserId,
    });
  }

  async me(actor: Actor): Promise<MeView> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new AuthError(AuthErrorCode.InvalidCredentials, 'This account no longer exists');
    const memberships = await this.memberships.withOrganizations(actor.userId);
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        preferredLanguage: user.preferredLanguage,
        createdAt: user.createdAt,
      },
      platformRole: user.platformRole,
      memberships,
    };
  }

  private locked(until: Date, now: Date): AuthError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new AuthError(
      AuthErrorCode.AccountLocked,
      `Too many failed sign-ins; try again in ${seconds} seconds`,
      undefined,
      {
        'Retry-After': String(seconds),
      },
    );
  }
}
