import { Injectable } from '@nestjs/common';
import { Actor, CoreError, isSystem, MembershipRole, PlatformRole, orNotFound } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { GoodIdea, GoodIdeaStatus } from './entities';
import { GoodIdeaScope, GoodIdeasRepository } from './good-ideas.repository';

export interface GoodIdeaAccess {
  idea: GoodIdea;
  /** A member of the authoring organisation. */
  isAuthor: boolean;
  /** A platform admin, or a member of a curator organisation. */
  isReviewer: boolean;
}

/** Ideas anyone may read. Archived ideas were published, but leave the catalogue. */
const PUBLIC_STATES: readonly GoodIdeaStatus[] = [GoodIdeaStatus.Published];

/**
 * Who may see and do what to a good idea. Anyone reads a published idea; the authoring
 * organisation's members and the reviewers (platform admins, members of curator organisations)
 * see it in every state; everyone else gets the same 404 as for an idea that does not exist.
 */
@Injectable()
export class GoodIdeaAccessService {
  constructor(private readonly ideas: GoodIdeasRepository) {}

  orgIds(actor: Actor): string[] {
    return actor.memberships.map((m) => m.organizationId);
  }

  isOrgAdmin(actor: Actor, organizationId: string): boolean {
    return actor.memberships.some(
      (m) => m.organizationId === organizationId && m.role === MembershipRole.OrgAdmin,
    );
  }

  async isReviewer(actor: Actor, em: EntityManager = this.ideas.manager): Promise<boolean> {
    if (actor.platformRole === PlatformRole.Admin) return true;
    return this.ideas.isCuratorMember(em, this.orgIds(actor));
  }

  async scope(actor: Actor): Promise<GoodIdeaScope> {
    return { organizationIds: this.orgIds(actor), reviewer: await this.isReviewer(actor) };
  }

  async load(
    actor: Actor,
    id: string,
    em: EntityManager = this.ideas.manager,
    lock = false,
  ): Promise<GoodIdeaAccess> {
    const idea = orNotFound(await this.ideas.findById(em, id, lock), 'Good idea');
    // The system (seed, jobs) acts for any organisation.
    const isAuthor = isSystem(actor) || this.orgIds(actor).includes(idea.organizationId);
    const isReviewer = await this.isReviewer(actor, em);
    // Reviewers do not see drafts: an idea reaches them when it is submitted.
    const visible =
      PUBLIC_STATES.includes(idea.status) || isAuthor || (isReviewer && idea.status !== GoodIdeaStatus.Draft);
    if (!visible) throw CoreError.notFound('Good idea');
    return { idea, isAuthor, isReviewer };
  }

  assertAuthor(access: GoodIdeaAccess): void {
    if (!access.isAuthor) throw CoreError.forbidden('Only members of the authoring organisation may do this');
  }

  assertReviewer(access: GoodIdeaAccess): void {
    if (!access.isReviewer)
      throw CoreError.forbidden('Only reviewers (platform admins and curator organisations) may do this');
  }
}
