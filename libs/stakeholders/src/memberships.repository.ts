import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActorMembership, MembershipRole, Page, PageQueryDto, paginateByCreation } from '@tandem/core';
import { DataSource, EntityManager } from 'typeorm';
import { Membership } from './entities/membership.entity';

export interface OrganizationMembership {
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  role: MembershipRole;
}

/**
 * Queries over memberships, the join of people and organisations. The exported reader of the
 * table: auth builds Actors from `ofUsers`, tasks and notifications ask `isMember` / `userIdsOf`.
 */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each user's memberships as the Actor carries them (users without any map to []). */
  async ofUsers(
    userIds: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, ActorMembership[]>> {
    const map = new Map<string, ActorMembership[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return map;
    const rows: { user_id: string; organization_id: string; role: MembershipRole }[] = await em.query(
      `SELECT user_id, organization_id, role FROM memberships WHERE user_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [userIds],
    );
    for (const r of rows) map.get(r.user_id)?.push({ organizationId: r.organization_id, role: r.role });
    return map;
  }

  /** One user's organisations with their names, alphabetically (the "me" view). */
  async withOrganizations(userId: string): Promise<OrganizationMembership[]> {
    const rows: { organization_id: string; name: string; kind: string; role: MembershipRole }[] =
      await this.dataSource.query(
        `SELECT m.organization_id, o.name, o.kind, m.role
           FROM memberships m JOIN organizations o ON o.id = m.organization_id
          WHERE m.user_id = $1
          ORDER BY o.name`,
        [userId],
      );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      organizationName: r.name,
      organizationKind: r.kind,
      role: r.role,
    }));
  }

  /** The users who are org admins of the organisation. */
  async adminUserIds(organizationId: string, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await em.find(Membership, {
      where: { organizationId, role: MembershipRole.OrgAdmin },
      select: { userId: true },
    });
    return rows.map((r) => r.userId);
  }

  async isMember(em: EntityManager, userId: string, organizationId: string): Promise<boolean> {
    return em.existsBy(Membership, { userId, organizationId });
  }

  /**
   * Adds the user to the organisation unless they already belong to it (then nothing changes and
   * null comes back): the unique (user, organisation) index decides, so two accepts cannot both add.
   */
  async add(
    em: EntityManager,
    m: { userId: string; organizationId: string; role: MembershipRole },
  ): Promise<Membership | null> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, organization_id) DO NOTHING RETURNING id`,
      [m.userId, m.organizationId, m.role],
    );
    return rows[0] ? em.findOneBy(Membership, { id: rows[0].id }) : null;
  }

  /** Members of one organisation (the caller has been checked), oldest first, with their person. */
  listInOrganization(organizationId: string, query: PageQueryDto): Promise<Page<Membership>> {
    const qb = this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.organization_id = :organizationId', { organizationId });
    return paginateByCreation(qb, 'm', query, 'ASC');
  }

  /**
   * Locks every admin membership of the organisation and the member's own, in id order, so two
   * admins demoting each other at the same moment cannot leave it with none (and cannot deadlock).
   */
  async lockForChange(em: EntityManager, organizationId: string, userId: string): Promise<Membership | null> {
    await em.query(
      `SELECT id FROM memberships WHERE organization_id = $1 AND (role = 'org_admin' OR user_id = $2) ORDER BY id FOR UPDATE`,
      [organizationId, userId],
    );
    return em.findOne(Membership, { where: { organizationId, userId }, relations: { user: true } });
  }

  /** Org admins other than `userId`; call under `lockForChange`. */
  countOtherAdmins(em: EntityManager, organizationId: string, userId: string): Promise<number> {
    return em
      .getRepository(Membership)
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId AND m.role = :role AND m.user_id <> :userId', {
        organizationId,
        role: MembershipRole.OrgAdmin,
        userId,
      })
      .getCount();
  }

  async setRole(em: EntityManager, id: string, role: MembershipRole): Promise<void> {
    await em.update(Membership, { id }, { role });
  }

  async remove(em: EntityManager, id: string): Promise<void> {
    await em.delete(Membership, { id });
  }
}
