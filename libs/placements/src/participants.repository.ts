import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@tandem/core';
import { Page, paginateByCreation, updatedRows } from '@tandem/core';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { ListParticipantsDto } from './dto';
import { Participant } from './entities';
import { PlacementAccessService } from './placement-access.service';

/**
 * Queries over participants. Reads for a person take the actor, whose scope is part of the query
 * (PlacementAccessService.scopeParticipants), so an unscoped read cannot be written by accident.
 */
@Injectable()
export class ParticipantsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlacementAccessService,
  ) {}

  insert(em: EntityManager, values: DeepPartial<Participant>): Promise<Participant> {
    return em.save(Participant, em.create(Participant, values));
  }

  /** By id, unscoped: only for showing back what the caller has just written. */
  findById(id: string): Promise<Participant> {
    return this.dataSource.getRepository(Participant).findOneByOrFail({ id });
  }

  /** Visible to the actor, or null (missing and not yours look the same). */
  findVisible(
    actor: Actor,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Participant | null> {
    return this.access
      .scopeParticipants(em.getRepository(Participant).createQueryBuilder('pa'), actor, 'pa')
      .andWhere('pa.id = :id', { id })
      .getOne();
  }

  /**
   * Unscoped, for a placement the caller may already read. FOR SHARE (`lockForPlacing`) holds the
   * row while a placement of the person is created, so an erasure cannot slip in between.
   */
  findForPlacement(
    id: string,
    em: EntityManager = this.dataSource.manager,
    lockForPlacing = false,
  ): Promise<Participant | null> {
    return em.findOne(Participant, {
      where: { id },
      ...(lockForPlacing ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
  }

  /** The participants these organisations registered. */
  listRegisteredBy(organizationIds: string[], filter: ListParticipantsDto): Promise<Page<Participant>> {
    const qb = this.dataSource
      .getRepository(Participant)
      .createQueryBuilder('pa')
      .where('pa.registered_by_organization_id = ANY(CAST(:orgs AS uuid[]))', { orgs: organizationIds });
    if (filter.programmeId)
      qb.andWhere('pa.programme_id = :programmeId', { programmeId: filter.programmeId });
    return paginateByCreation(qb, 'pa', filter, 'DESC');
  }

  /**
   * Compare-and-set: nulls every attribute and the consent record once; false when the participant
   * was already erased (erasing twice is a no-op).
   */
  async erase(em: EntityManager, id: string): Promise<boolean> {
    const rows: { id: string }[] = updatedRows(
      await em.query(
        `UPDATE participants SET year_of_birth = NULL, gender = NULL, country_of_origin = NULL, arrival_year = NULL,
                status_category = NULL, languages = NULL, consent_given_at = NULL, consent_scope = NULL,
                erased_at = now(), updated_at = now()
          WHERE id = $1 AND erased_at IS NULL RETURNING id`,
        [id],
      ),
    );
    return rows.length > 0;
  }
}
