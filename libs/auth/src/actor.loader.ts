import { Injectable } from '@nestjs/common';
import { Actor } from '@tandem/core';
import { MembershipsRepository } from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';
import { SessionCache } from './session-cache';
import { EnabledUserRow, UsersRepository } from './users.repository';

/**
 * Turns verified token claims into an Actor: the user (enabled, session not revoked, so logout and
 * token-reuse detection take effect at once) from auth's tables, their memberships through
 * stakeholders, which owns them. Sessions are cached per replica (SessionCache) and evicted
 * everywhere by the writes that change them (SessionEvents).
 */
@Injectable()
export class ActorLoader {
  constructor(
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly sessions: SessionCache,
  ) {}

  /** The Actor of a live session; from the replica's SessionCache while it is sure to be current. */
  load(userId: string, sessionId: string): Promise<Actor | null> {
    return this.sessions.get(userId, sessionId, async () => {
      const user = await this.users.enabledWithSession(userId, sessionId);
      if (!user) return null;
      return (await this.withMemberships([user], sessionId))[0];
    });
  }

  /**
   * Enabled users as Actors without a session, memberships as they are now: for work done on
   * someone's behalf outside a request (a report built as its requester, recipients and mentioned
   * people checked by the policy as if they were asking). Disabled or unknown users are simply
   * absent. Two queries whatever the number of users. `em` reads inside the caller's transaction.
   */
  async loadUsers(by: { ids: string[] } | { emails: string[] }, em?: EntityManager): Promise<Actor[]> {
    return this.withMemberships(await this.users.enabled(by, em), null, em);
  }

  /** One enabled user as a sessionless Actor (see `loadUsers`), or null. */
  async loadUser(userId: string, em?: EntityManager): Promise<Actor | null> {
    return (await this.loadUsers({ ids: [userId] }, em))[0] ?? null;
  }

  private async withMemberships(
    users: EnabledUserRow[],
    sessionId: string | null,
    em?: EntityManager,
  ): Promise<Actor[]> {
    const memberships = await this.memberships.ofUsers(
      users.map((u) => u.id),
      em,
    );
    return users.map((u) => ({
      userId: u.id,
      email: u.email,
      platformRole: u.platformRole,
      sessionId,
      memberships: memberships.get(u.id) ?? [],
    }));
  }
}
