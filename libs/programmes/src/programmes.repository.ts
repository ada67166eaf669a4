import { Injectable } from '@nestjs/common';
import {
  Actor,
  adminOrgIds,
  DataSourceRepository,
  isPlatformAdmin,
  memberOrgIds,
  Page,
  paginateByCreation,
} from '@tandem/core';
import { Brackets, EntityManager, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { ListProgrammesDto } from './dto';
import { PartnerRole, PartnerStatus, Programme, ProgrammeManager, ProgrammeStatus } from './entities';

export interface PartnershipRow {
  organizationId: string;
  role: PartnerRole;
  status: PartnerStatus;
}

/**
 * Queries over programmes and their managers. Every list takes the actor and is scoped in SQL by
 * `scopeVisible`, so a list that forgets the policy does not compile.
 */
@Injectable()
export class ProgrammesRepository extends DataSourceRepository {
  /** A programme by id, unscoped: callers go through ProgrammeAccessService. `lock`: FOR UPDATE. */
  findById(em: EntityManager, id: string, lock = false): Promise<Programme | null> {
    return em.findOne(Programme, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /**
   * Serialises every change to the programme's task dependency graph (tasks call it), so two edits
   * that are each acyclic cannot make a cycle together. NO KEY UPDATE leaves inserts of rows that
   * reference the programme (new tasks, milestones) unblocked.
   */
  async lockForGraphChange(em: EntityManager, programmeId: string): Promise<void> {
    await em.query(`SELECT 1 FROM programmes WHERE id = $1 FOR NO KEY UPDATE`, [programmeId]);
  }

  async milestoneInProgramme(em: EntityManager, programmeId: string, milestoneId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM milestones WHERE id = $1 AND programme_id = $2`, [
      milestoneId,
      programmeId,
    ]);
    return rows.length > 0;
  }

  /** Titles of programmes by id. */
  async titles(ids: string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; title: string }[] = await em.query(
      `SELECT id, title FROM programmes WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** Titles and statuses of programmes by id (the task reminder sweep: a closed programme reminds no one). */
  async titlesAndStatuses(
    ids: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { title: string; status: ProgrammeStatus }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; title: string; status: ProgrammeStatus }[] = await em.query(
      `SELECT id, title, status FROM programmes WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { title: r.title, status: r.status }]));
  }

  /** The organisation's place in the programme (any status), if it has one. */
  async partnership(em: EntityManager, programmeId: string, orgId: string): Promise<PartnershipRow | null> {
    return (await this.partnershipsOf(em, programmeId, [orgId]))[0] ?? null;
  }

  /**
   * Which of `ids` are programmes the organisation leads or is an active or invited partner of (so
   * a check reveals nothing about other partnerships).
   */
  async ofOrganization(em: EntityManager, organizationId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await em.query(
      `SELECT p.id FROM programmes p
        WHERE p.id = ANY($1::uuid[])
          AND (p.lead_organization_id = $2
               OR EXISTS (SELECT 1 FROM programme_partners pp WHERE pp.programme_id = p.id AND pp.organization_id = $2 AND pp.status IN ('active', 'invited')))`,
      [ids, organizationId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The programmes the organisation is an active partner of. */
  async activeProgrammesOf(
    organizationId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const rows: { programme_id: string }[] = await em.query(
      `SELECT programme_id FROM programme_partners WHERE organization_id = $1 AND status = 'active'`,
      [organizationId],
    );
    return new Set(rows.map((r) => r.programme_id));
  }

  /** The given organisations' places in the programme (any status). */
  async partnershipsOf(em: EntityManager, programmeId: string, orgIds: string[]): Promise<PartnershipRow[]> {
    if (!orgIds.length) return [];
    return em.query(
      `SELECT organization_id AS "organizationId", role, status
         FROM programme_partners WHERE programme_id = $1 AND organization_id = ANY($2::uuid[])`,
      [programmeId, orgIds],
    );
  }

  /** Named managers of the programme and since when. */
  async namedManagers(programmeId: string): Promise<{ userId: string; since: Date }[]> {
    const rows: { user_id: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT user_id, created_at FROM programme_managers WHERE programme_id = $1`,
      [programmeId],
    );
    return rows.map((r) => ({ userId: r.user_id, since: r.created_at }));
  }

  /** Names a manager; false when they already were one (the primary key decides). */
  async addNamedManager(em: EntityManager, programmeId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO programme_managers (programme_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [programmeId, userId],
    );
    return rows.length > 0;
  }

  async removeNamedManager(em: EntityManager, programmeId: string, userId: string): Promise<boolean> {
    const result = await em.delete(ProgrammeManager, { programmeId, userId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * The programme with what a user is to it, in one round trip (the access check of every request
   * under a programme): the partnerships of `orgIds` in it, and whether the user is a named manager.
   */
  async relationOf(
    em: EntityManager,
    programmeId: string,
    orgIds: string[],
    userId: string,
  ): Promise<{ programme: Programme; partners: PartnershipRow[]; namedManager: boolean } | null> {
    const { entities, raw } = await em
      .getRepository(Programme)
      .createQueryBuilder('p')
      .addSelect(
        `(SELECT coalesce(json_agg(json_build_object('organizationId', pp.organization_id, 'role', pp.role, 'status', pp.status)), '[]'::json)
            FROM programme_partners pp WHERE pp.programme_id = p.id AND pp.organization_id = ANY(:orgIds::uuid[]))`,
        '__partners',
      )
      .addSelect(
        'EXISTS (SELECT 1 FROM programme_managers pm WHERE pm.programme_id = p.id AND pm.user_id = :userId)',
        '__named',
      )
      .where('p.id = :programmeId', { programmeId, orgIds, userId })
      .getRawAndEntities<{ __partners: PartnershipRow[]; __named: boolean }>();
    if (!entities.length) return null;
    return { programme: entities[0], partners: raw[0].__partners, namedManager: raw[0].__named };
  }

  async isNamedManager(em: EntityManager, programmeId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM programme_managers WHERE programme_id = $1 AND user_id = $2`,
      [programmeId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Compare-and-set of the lifecycle: moves the programme only if it is still `from`, so two
   * managers cannot both move it. False when someone else moved it first.
   */
  async compareAndSetStatus(
    em: EntityManager,
    id: string,
    from: ProgrammeStatus,
    to: ProgrammeStatus,
  ): Promise<boolean> {
    const moved: unknown[] = await em.query(
      `UPDATE programmes SET status = $3, version = version + 1, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id`,
      [id, from, to],
    );
    return Array.isArray(moved[0]) && moved[0].length > 0;
  }

  /** The programmes the actor may read, newest first, filtered. */
  listVisible(actor: Actor, filter: ListProgrammesDto): Promise<Page<Programme>> {
    const qb = this.scopeVisible(
      this.dataSource.getRepository(Programme).createQueryBuilder('p'),
      actor,
      'p',
    );
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.dimension) qb.andWhere(':dimension = ANY(p.dimensions)', { dimension: filter.dimension });
    if (filter.country) qb.andWhere('p.country = :country', { country: filter.country });
    if (filter.city) qb.andWhere('lower(p.city) = lower(:city)', { city: filter.city });
    if (filter.partnerOrganizationId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM programme_partners fp WHERE fp.programme_id = p.id AND fp.organization_id = :partnerOrg AND fp.status IN ('active', 'invited'))`,
        { partnerOrg: filter.partnerOrganizationId },
      );
    }
    if (filter.text) {
      const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(p.title ILIKE :like OR p.summary ILIKE :like)', { like });
    }
    return paginateByCreation(qb, 'p', filter, 'DESC');
  }

  /**
   * Restricts a query over programmes (alias `p`) to those the actor may read (named manager,
   * admin of the lead organisation, active or invited partner; platform admins see all), in SQL, so
   * lists are scoped by the database and not filtered afterwards. Other libraries reach it through
   * ProgrammeAccessService.scopeVisible.
   */
  scopeVisible<T extends object>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'p',
  ): SelectQueryBuilder<T> {
    if (isPlatformAdmin(actor)) return qb;
    const orgIds = memberOrgIds(actor);
    const adminOf = adminOrgIds(actor);
    return qb.andWhere(
      new Brackets((w: WhereExpressionBuilder) => {
        w.where(
          `EXISTS (SELECT 1 FROM programme_managers pm WHERE pm.programme_id = ${alias}.id AND pm.user_id = :__scopeUser)`,
          { __scopeUser: actor.userId },
        );
        if (adminOf.length)
          w.orWhere(`${alias}.lead_organization_id IN (:...__scopeAdminOf)`, { __scopeAdminOf: adminOf });
        if (orgIds.length) {
          w.orWhere(
            `EXISTS (SELECT 1 FROM programme_partners pp WHERE pp.programme_id = ${alias}.id AND pp.organization_id IN (:...__scopeOrgs) AND pp.status IN ('active', 'invited'))`,
            { __scopeOrgs: orgIds },
          );
        }
      }),
    );
  }
}
