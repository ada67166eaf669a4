import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import {
  AppConfig,
  Clock,
  SessionEvents,
  CoreError,
  isUniqueViolation,
  JobName,
  Actor,
  isSystem,
  validationFailed,
} from '@tandem/core';
import {
  MembershipsRepository,
  OrganizationAccessService,
  OrganizationsRepository,
} from '@tandem/stakeholders';
import { EntityManager, IsNull } from 'typeorm';
import { AuthError, AuthErrorCode } from './auth.errors';
import { AuthService } from './auth.service';
import { AcceptInvitationDto, CreateInvitationDto, TokenPairDto } from './dto';
import { Invitation, User } from './entities';
import { invitationIdFromToken } from './invitation-token';
import { hashPassword, passwordProblems, verifyPassword } from './password';
import { InvitationView } from './invitation.view';
import { UsersRepository } from './users.repository';

export function invitationStatus(inv: Invitation, now: Date): InvitationView['status'] {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return inv.expiresAt <= now ? 'expired' : 'pending';
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly organizations: OrganizationsRepository,
    private readonly organizationAccess: OrganizationAccessService,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: SessionEvents,
  ) {}

  /**
   * An organisation admin (or a platform admin) invites someone by e-mail. Inviting the same
   * address again replaces the pending invitation, so only the newest link works.
   */
  async create(actor: Actor, organizationId: string, dto: CreateInvitationDto): Promise<InvitationView> {
    return this.write.run(async (em) => {
      if (!(await this.organizations.exists(organizationId, em))) throw CoreError.notFound('Organization');
      this.organizationAccess.assert(actor, organizationId, 'invite');
      const email = dto.email.toLowerCase();
      const existingUser = await this.users.findByEmail(email, em);
      const alreadyMember =
        !!existingUser && (await this.memberships.isMember(em, existingUser.id, organizationId));
      if (alreadyMember)
        throw new AuthError(AuthErrorCode.AlreadyMember, `${email} is already a member of this organisation`);

      const now = this.clock.now();
      const pending = await em.findBy(Invitation, {
        organizationId,
        email,
        acceptedAt: IsNull(),
        revokedAt: IsNull(),
      });
      for (const old of pending) {
        await em.update(Invitation, { id: old.id }, { revokedAt: now });
        await this.write.auditUpdate(em, 'invitation', old.id, { revokedAt: null }, { revokedAt: now });
      }
      const invitation = em.create(Invitation, {
        organizationId,
        email,
        role: dto.role,
        language: dto.language ?? 'en',
        invitedByUserId: isSystem(actor) ? null : actor.userId,
        expiresAt: new Date(now.getTime() + this.config.INVITATION_TTL_HOURS * 3600_000),
      });
      try {
        await em.save(Invitation, invitation);
      } catch (err) {
        // Two admins inviting the same address at the same instant: one wins.
        if (isUniqueViolation(err, 'uq_invitations_pending_email')) {
          throw new AuthError(
            AuthErrorCode.AlreadyMember,
            `${email} was invited at the same moment by someone else`,
          );
        }
        throw err;
      }
      await this.write.auditCreate(em, 'invitation', invitation.id, {
        organizationId,
        email,
        role: invitation.role,
        language: invitation.language,
        expiresAt: invitation.expiresAt,
      });
      await this.write.publish(em, JobName.InvitationEmail, { invitationId: invitation.id });
      return this.view(invitation, now);
    });
  }

  /**
   * Accepts an invitation: a new user is created with the given name and password, an existing user
   * (same e-mail) proves it with their current password. Either way they join the organisation and
   * are signed in.
   */
  async accept(token: string, dto: AcceptInvitationDto): Promise<TokenPairDto> {
    const id = invitationIdFromToken(this.config.JWT_REFRESH_SECRET, token);
    if (!id) throw new AuthError(AuthErrorCode.InvitationNotFound, 'This invitation link is not valid');
    const outcome = await this.write.run(async (em) => {
      const invitation = await em.findOne(Invitation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      if (!invitation || invitation.revokedAt) {
        throw new AuthError(
          AuthErrorCode.InvitationNotFound,
          'This invitation link is not valid (it may have been replaced by a newer one)',
        );
      }
      if (invitation.acceptedAt)
        throw new AuthError(AuthErrorCode.InvitationAlreadyUsed, 'This invitation has already been used');
      if (invitation.expiresAt <= now)
        throw new AuthError(
          AuthErrorCode.InvitationExpired,
          'This invitation has expired; ask for a new one',
        );

      let user = await em.findOneBy(User, { email: invitation.email });
      if (user) {
        if (!(await verifyPassword(user.passwordHash, dto.password))) {
          return {
            error: new AuthError(
              AuthErrorCode.InvalidCredentials,
              'This e-mail already has an account: give its current password',
            ),
          };
        }
      } else {
        // The DTO cannot see the invited e-mail; the password is checked against it here.
        const problems = passwordProblems(dto.password, invitation.email);
        if (problems.length)
          return {
            error: validationFailed(problems.map((p) => ({ field: 'password', message: `password ${p}` }))),
          };
        user = await em.save(
          User,
          em.create(User, {
            email: invitation.email,
            name: dto.name.trim(),
            passwordHash: await hashPassword(dto.password),
            preferredLanguage: invitation.language,
          }),
        );
        await this.write.audit(em, {
          action: 'create',
          entityType: 'user',
          entityId: user.id,
          after: {
            email: user.email,
            name: user.name,
            platformRole: user.platformRole,
            preferredLanguage: user.preferredLanguage,
          },
          actorUserId: user.id,
        });
      }
      await this.addMembership(em, user.id, invitation);
      await em.update(Invitation, { id: invitation.id }, { acceptedAt: now, acceptedUserId: user.id });
      await this.write.audit(em, {
        action: 'update',
        entityType: 'invitation',
        entityId: invitation.id,
        before: { acceptedAt: null },
        after: { acceptedAt: now, acceptedUserId: user.id },
        actorUserId: user.id,
      });
      return { pair: await this.auth.startSession(em, user), userId: user.id };
    });
    if ('error' in outcome) throw outcome.error;
    // An existing user's other sessions gain the organisation at once, on every replica.
    await this.sessions.usersChanged([outcome.userId]);
    return outcome.pair;
  }

  private async addMembership(em: EntityManager, userId: string, invitation: Invitation): Promise<void> {
    const membership = await this.memberships.add(em, {
      userId,
      organizationId: invitation.organizationId,
      role: invitation.role,
    });
    if (!membership) return; // already a member
    await this.write.audit(em, {
      action: 'create',
      entityType: 'membership',
      entityId: membership.id,
      after: { userId, organizationId: invitation.organizationId, role: invitation.role },
      actorUserId: userId,
    });
  }

  view(inv: Invitation, now = this.clock.now()): InvitationView {
    return {
      id: inv.id,
      organizationId: inv.organizationId,
      email: inv.email,
      role: inv.role,
      language: inv.language,
      status: invitationStatus(inv, now),
      expiresAt: inv.expiresAt,
      createdAt: inv.createdAt,
    };
  }
}
