import { Injectable } from '@nestjs/common';
import { Actor, CoreError, PlatformRole, territoryCovers } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { MeasuringRepository } from './measuring.repository';

/**
 * Who may write measuring data. Reading the catalogue, territories and published observations is
 * for every signed-in user. Observations are published by members of a government organisation
 * whose jurisdiction (its territory code) is the territory or one of its ancestors; a statistical
 * office is registered as such a government organisation. The question bank is curated by
 * platform admins (a curator role, if one is added, belongs in `assertCurator`).
 */
@Injectable()
export class MeasuringAccessService {
  constructor(private readonly repo: MeasuringRepository) {}

  isPlatformAdmin(actor: Actor): boolean {
    return actor.platformRole === PlatformRole.Admin;
  }

  /** The organisation that publishes on the actor's behalf; 403 when none of theirs covers the territory. */
  async publisherFor(
    em: EntityManager,
    actor: Actor,
    territoryCode: string,
    organizationId?: string,
  ): Promise<string> {
    const covering = (await this.repo.jurisdictions(em, actor.userId)).filter((j) =>
      territoryCovers(j.territoryCode, territoryCode),
    );
    if (organizationId) {
      if (covering.some((j) => j.organizationId === organizationId)) return organizationId;
      throw new CoreError(
        CoreError.forbidden().code,
        `organizationId is not a government organisation of yours whose jurisdiction covers ${territoryCode}`,
        [{ field: 'organizationId', message: `does not cover ${territoryCode} or is not yours` }],
      );
    }
    const orgs = [...new Set(covering.map((j) => j.organizationId))];
    if (orgs.length === 1) return orgs[0];
    if (!orgs.length)
      throw CoreError.forbidden(
        `Only members of a government organisation whose jurisdiction covers ${territoryCode} publish its observations`,
      );
    throw CoreError.invalid(
      'organizationId',
      'is required: several of your organisations cover this territory',
    );
  }

  /** Territories are registered by platform admins and by governments for places under their jurisdiction. */
  async assertMayRegister(em: EntityManager, actor: Actor, code: string): Promise<void> {
    if (this.isPlatformAdmin(actor)) return;
    const covering = (await this.repo.jurisdictions(em, actor.userId)).some((j) =>
      territoryCovers(j.territoryCode, code),
    );
    if (!covering)
      throw CoreError.forbidden(
        'Only platform admins and governments whose jurisdiction covers it register a territory',
      );
  }

  assertCurator(actor: Actor): void {
    if (!this.isPlatformAdmin(actor))
      throw CoreError.forbidden('Only platform admins curate the question bank');
  }
}
