import { Injectable } from '@nestjs/common';
import { Actor, DataSourceRepository, PlatformRole } from '@tandem/core';
import { Page, paginateByCreation } from '@tandem/core';
import { DeepPartial, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ListConsultationsDto } from './dto';
import {
  Consultation,
  ConsultationAudience,
  ConsultationInvitation,
  ConsultationOutcome,
  ConsultationStatus,
} from './entities';

/**
 * Queries over consultations and their invitations. Lists take the actor, whose scope is part of
 * the query (scopeVisible, the same rule ConsultationAccessService decides for one record); reads by id are for callers that checked
 * access first. Status moves are compare-and-set updates.
 */
@Injectable()
export class ConsultationsRepository extends DataSourceRepository {
  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<Consultation | null> {
    return em.findOneBy(Consultation, { id });
  }

  getById(id: string, em: EntityManager = this.dataSource.manager): Promise<Consultation> {
    return em.findOneByOrFail(Consultation, { id });
  }

  /** The consultation an access decision is about, locked when the caller is about to change it. */
  findForAccess(
    id: string,
    em: EntityManager,
    lock: 'update' | 'share' | false,
  ): Promise<Consultation | null> {
    return em.findOne(Consultation, {
      where: { id },
      ...(lock
        ? {
            lock: {
              mode: lock === 'update' ? ('pessimistic_write' as const) : ('pessimistic_read' as const),
            },
          }
        : {}),
    });
  }

  /** Those of `organizationIds` invited to the consultation. */
  async invitedAmong(
    consultationId: string,
    organizationIds: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: { organization_id: string }[] = await em.query(
      `SELECT organization_id FROM consultation_invitations WHERE consultation_id = $1 AND organization_id = ANY($2::uuid[])`,
      [consultationId, organizationIds],
    );
    return rows.map((r) => r.organization_id);
  }

  insert(em: EntityManager, values: DeepPartial<Consultation>): Promise<Consultation> {
    return em.save(Consultation, em.create(Consultation, values));
  }

  async save(em: EntityManager, c: Consultation): Promise<void> {
    await em.save(Consultation, c);
  }

  listVisible(actor: Actor, filter: ListConsultationsDto): Promise<Page<Consultation>> {
    const qb = this.scopeVisible(
      this.dataSource.getRepository(Consultation).createQueryBuilder('c'),
      actor,
      'c',
    );
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.organizationId) qb.andWhere('c.organization_id = :org', { org: filter.organizationId });
    return paginateByCreation(qb, 'c', filter, 'DESC');
  }

  /** The invited organisations of each consultation, in the order they were invited. */
  async invitedOf(
    ids: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows: { consultation_id: string; organization_id: string }[] = await em.query(
      `SELECT consultation_id, organization_id FROM consultation_invitations WHERE consultation_id = ANY($1::uuid[]) ORDER BY created_at, organization_id`,
      [ids],
    );
    for (const r of rows)
      out.set(r.consultation_id, [...(out.get(r.consultation_id) ?? []), r.organization_id]);
    return out;
  }

  async invite(em: EntityManager, consultationId: string, organizationIds: string[]): Promise<void> {
    if (organizationIds.length)
      await em.insert(
        ConsultationInvitation,
        organizationIds.map((organizationId) => ({ consultationId, organizationId })),
      );
  }

  async replaceInvitations(
    em: EntityManager,
    consultationId: string,
    organizationIds: string[],
  ): Promise<void> {
    await em.delete(ConsultationInvitation, { consultationId });
    await this.invite(em, consultationId, organizationIds);
  }

  async invitedCount(consultationId: string): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM consultation_invitations WHERE consultation_id = $1`,
      [consultationId],
    )) as { n: number }[];
    return n;
  }

  /** Invited organisations that have not answered yet. */
  async invitedWithoutResponse(em: EntityManager, consultationId: string): Promise<string[]> {
    const rows: { organization_id: string }[] = await em.query(
      `SELECT ci.organization_id FROM consultation_invitations ci
          WHERE ci.consultation_id = $1
            AND NOT EXISTS (SELECT 1 FROM consultation_responses r WHERE r.consultation_id = ci.consultation_id AND r.organization_id = ci.organization_id)`,
      [consultationId],
    );
    return rows.map((r) => r.organization_id);
  }

  /** Any change to the consultation's questions is a change of the consultation (its ETag). */
  async bumpVersion(em: EntityManager, consultationId: string): Promise<void> {
    await em.query(`UPDATE consultations SET version = version + 1, updated_at = now() WHERE id = $1`, [
      consultationId,
    ]);
  }

  async setOutcome(em: EntityManager, id: string, outcome: ConsultationOutcome, at: Date): Promise<void> {
    await em.update(Consultation, { id }, { outcome, outcomePublishedAt: at });
  }

  /**
   * Compare-and-set `from` → `to`, stamping the date of the step; `when` also requires the dates
   * still to be the ones a job was scheduled for. False when another move won.
   */
  async move(
    em: EntityManager,
    id: string,
    from: ConsultationStatus,
    to: ConsultationStatus,
    when?: { opensAt?: Date; closesAt?: Date },
  ): Promise<boolean> {
    const sets = ['status = $3', 'version = version + 1', 'updated_at = now()'];
    if (to === ConsultationStatus.Scheduled) sets.push('announced_at = COALESCE(announced_at, now())');
    if (to === ConsultationStatus.Open) sets.push('opened_at = now()');
    if (to === ConsultationStatus.Closed) sets.push('closed_at = now()');
    const params: unknown[] = [id, from, to];
    let guard = '';
    if (when?.opensAt) {
      params.push(when.opensAt);
      guard += ` AND opens_at = $${params.length}`;
    }
    if (when?.closesAt) {
      params.push(when.closesAt);
      guard += ` AND closes_at = $${params.length}`;
    }
    const [rows] = (await em.query(
      `UPDATE consultations SET ${sets.join(', ')} WHERE id = $1 AND status = $2${guard} RETURNING id`,
      params,
    )) as [{ id: string }[], number];
    return rows.length > 0;
  }

  /**
   * Restricts a query over consultations (alias `c`) to those the actor may see, in SQL: the list
   * form of ConsultationAccessService's visibility rule.
   */
  scopeVisible<T extends object>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'c',
  ): SelectQueryBuilder<T> {
    if (actor.platformRole === PlatformRole.Admin) return qb;
    const orgIds = actor.memberships.map((m) => m.organizationId);
    if (orgIds.length === 0) return qb.andWhere('1 = 0');
    return qb.andWhere(
      `(${alias}.organization_id = ANY(:scopeOrgIds::uuid[])
        OR (${alias}.announced_at IS NOT NULL AND (
              (${alias}.audience = :scopeAll AND EXISTS (SELECT 1 FROM unnest(:scopeOrgIds::uuid[]) o(id) WHERE o.id <> ${alias}.organization_id))
           OR EXISTS (SELECT 1 FROM consultation_invitations sci WHERE sci.consultation_id = ${alias}.id AND sci.organization_id = ANY(:scopeOrgIds::uuid[])))))`,
      { scopeOrgIds: orgIds, scopeAll: ConsultationAudience.AllOrganizations },
    );
  }
}
