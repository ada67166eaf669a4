import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { AppConfig, Clock, Actor, SessionEvents } from '@tandem/core';
import { MembershipsRepository } from '@tandem/stakeholders';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuthError, AuthErrorCode } from './auth.errors';
import { TokenPairDto } from './dto/token-pair.dto';
import { RefreshToken, Session, User } from './entities';
import { hashPassword, verifyPassword } from './password';
import { MeView } from './me.view';

import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

/** Verifying an unknown e-mail costs as much as a known one, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;

/** The first wait after LOGIN_MAX_FAILURES failures; it doubles with each further failure. */
export const LOGIN_BACKOFF_SECONDS = 30;

/** The throttle key of one account-and-source; hashed, so the table holds no e-mail or address. */
export const signInKey = (email: string, source: string): string =>
  createHash('sha256').update(`${email.trim().toLowerCase()}\u0000${source}`).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: SignInThrottleRepository,
    private readonly memberships: MembershipsRepository,
    private readonly write: DomainWrite,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: SessionEvents,
  ) {}

  /**
   * Sign-in. Failures are counted per account-and-source (e-mail + client address): after
   * LOGIN_MAX_FAILURES in a row that source waits, 30 s at first and twice as long after each further
   * failure, up to LOGIN_LOCK_MINUTES. Nobody elsewhere can lock the account, and an e-mail without
   * an account goes through the same steps (a dummy argon2 hash, the same counter, the same answers),
   * so neither status, body nor timing tells the two apart.
   */
  async login(email: string, password: string, source = 'unknown'): Promise<TokenPairDto> {
    const key = signInKey(email, source);
    const now = this.clock.now();
    const blocked = await this.throttle.blockedUntil(key);
    if (blocked && blocked > now) throw this.locked(blocked, now);
    const user = await this.users.findByEmail(email);
    const usable = user && !user.disabledAt ? user : null;
    dummyHash ??= hashPassword('not-a-real-password-at-all');
    const ok = await verifyPassword(usable?.passwordHash ?? (await dummyHash), password);
    if (!usable || !ok) {
      const until = await this.throttle.recordFailure(
        key,
        this.config.LOGIN_MAX_FAILURES,
        LOGIN_BACKOFF_SECONDS,
        this.config.LOGIN_LOCK_MINUTES * 60,
      );
      if (until && until > now) throw this.locked(until, now);
      throw new AuthError(AuthErrorCode.InvalidCredentials, 'E-mail or password is wrong');
    }
    return this.write.run(async (em) => {
      await this.throttle.clear(em, key);
      return this.startSession(em, usable);
    });
  }

  /** Opens a session (the family of its refresh tokens) and issues its first pair. */
  async startSession(em: EntityManager, user: User): Promise<TokenPairDto> {
    const session = await em.save(Session, em.create(Session, { userId: user.id }));
    await this.write.audit(em, {
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
    const outcome = await this.write.run(async (em) => {
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
        return { error: AuthErrorCode.RefreshTokenReused, revoked: session.id } as const;
      }
      if (token.expiresAt <= this.clock.now()) return { error: AuthErrorCode.InvalidRefreshToken } as const;
      await em.update(RefreshToken, { id: token.id }, { usedAt: this.clock.now() });
      const user = await em.findOneByOrFail(User, { id: session.userId });
      if (user.disabledAt) return { error: AuthErrorCode.InvalidRefreshToken } as const;
      return { pair: await this.tokens.issue(em, user, session.id) } as const;
    });
    // Committed: every replica forgets the session before the client hears of it.
    if ('revoked' in outcome) await this.sessions.sessionsEnded([outcome.revoked]);
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
    await this.write.run(async (em) => {
      const session = await em.findOneBy(Session, { id: actor.sessionId! });
      if (session && !session.revokedAt) await this.revokeSession(em, session, 'logout', actor.userId);
    });
    // After the commit, before the 204: no replica answers from a cached copy of this session.
    await this.sessions.sessionsEnded([actor.sessionId]);
  }

  private async revokeSession(
    em: EntityManager,
    session: Session,
    reason: string,
    actorUserId: string,
  ): Promise<void> {
    await em.update(Session, { id: session.id }, { revokedAt: this.clock.now(), revokedReason: reason });
    await this.write.audit(em, {
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
      `Too many failed sign-ins from here; try again in ${seconds} seconds`,
      undefined,
      {
        'Retry-After': String(seconds),
      },
    );
  }
}
