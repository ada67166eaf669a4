import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, PlatformRole } from '@tandem/core';
import { CoreError } from '@tandem/core';
import { CuratorResponse } from './good-idea.view';
import { GoodIdeasRepository } from './good-ideas.repository';

/** Platform admins give organisations the curator role (their members review good ideas) and take it back. */
@Injectable()
export class GoodIdeaCuratorsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly ideas: GoodIdeasRepository,
  ) {}

  private assertAdmin(actor: Actor): void {
    if (actor.platformRole !== PlatformRole.Admin)
      throw CoreError.forbidden('Only platform admins manage curators');
  }

  async list(actor: Actor): Promise<CuratorResponse[]> {
    this.assertAdmin(actor);
    return (await this.ideas.listCurators(this.ideas.manager)).map((c) => ({
      organizationId: c.organizationId,
      grantedAt: c.grantedAt,
    }));
  }

  async grant(actor: Actor, organizationId: string): Promise<CuratorResponse> {
    this.assertAdmin(actor);
    return this.write.run(async (em) => {
      if (!(await this.ideas.organization(em, organizationId)))
        throw CoreError.invalid('organizationId', 'is not an organisation');
      const c = await this.ideas.grantCurator(em, organizationId, actor.userId);
      await this.write.auditCreate(em, 'good_idea_curator', organizationId, { organizationId });
      return { organizationId: c.organizationId, grantedAt: c.grantedAt };
    });
  }

  async revoke(actor: Actor, organizationId: string): Promise<void> {
    this.assertAdmin(actor);
    await this.write.run(async (em) => {
      if (!(await this.ideas.revokeCurator(em, organizationId))) throw CoreError.notFound('Curator');
      await this.write.auditDelete(em, 'good_idea_curator', organizationId, { organizationId });
    });
  }
}
