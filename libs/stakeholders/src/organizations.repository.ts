import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, paginate } from '@tandem/core';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { ListOrganizationsDto } from './dto/list-organizations.dto';
import { Organization } from './entities/organization.entity';

/**
 * Queries over organisations and their kind profiles. The directory is open to every signed-in
 * user, so `list` takes no scope; the record's details are guarded by OrganizationAccessService.
 */
@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  exists(id: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return em.existsBy(Organization, { id });
  }

  /** The organisation's kind (`employer`, `government`, …), or null when there is none with this id. */
  async kind(id: string, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    return (
      (await em.findOne(Organization, { where: { id }, select: { id: true, kind: true } }))?.kind ?? null
    );
  }

  /** Which of these ids are organisations. */
  async existing(ids: string[], em: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await em.find(Organization, { where: { id: In([...new Set(ids)]) }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  /** Names of organisations by id (for lines other libraries write about them). */
  async names(ids: string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await em.query(
      `SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Name and kind of organisations by id, with `rank`: their position in name order as PostgreSQL
   * sorts it (so callers that list them order them as the directory does).
   */
  async summaries(
    ids: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { name: string; kind: string; rank: number }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; kind: string }[] = await em.query(
      `SELECT id, name, kind FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r, rank) => [r.id, { name: r.name, kind: r.kind, rank }]));
  }

  /** The organisation with its kind profile, or null. */
  findWithProfile(id: string, em: EntityManager = this.dataSource.manager): Promise<Organization | null> {
    return this.withProfiles(em.getRepository(Organization).createQueryBuilder('o'))
      .where('o.id = :id', { id })
      .getOne();
  }

  /** Locks the row for an edit (FOR UPDATE: the version check and the write must see the same row). */
  findLocked(em: EntityManager, id: string): Promise<Organization | null> {
    return em.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(em: EntityManager, org: Organization): Promise<Organization> {
    return em.save(Organization, org);
  }

  async update(em: EntityManager, org: Organization): Promise<void> {
    await em.update(
      Organization,
      { id: org.id },
      {
        name: org.name,
        country: org.country,
        city: org.city,
        contactEmail: org.contactEmail,
        website: org.website,
        version: org.version,
        updatedAt: org.updatedAt,
      },
    );
  }

  /** The directory, by name. */
  list(filter: ListOrganizationsDto): Promise<Page<Organization>> {
    const qb = this.withProfiles(this.dataSource.getRepository(Organization).createQueryBuilder('o'));
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.level) qb.andWhere('gov.level = :level', { level: filter.level });
    if (filter.country) qb.andWhere('o.country = :country', { country: filter.country });
    if (filter.city) qb.andWhere('lower(o.city) = lower(:city)', { city: filter.city });
    if (filter.text) {
      const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('o.name ILIKE :like', { like })
            .orWhere('o.city ILIKE :like', { like })
            .orWhere('gov.jurisdiction ILIKE :like', { like }),
        ),
      );
    }
    return paginate(qb, {
      keys: ['o.name', 'o.id'],
      direction: 'ASC',
      cursorOf: (o) => [o.name, o.id],
      query: filter,
    });
  }

  private withProfiles(qb: SelectQueryBuilder<Organization>): SelectQueryBuilder<Organization> {
    return qb
      .leftJoinAndSelect('o.government', 'gov')
      .leftJoinAndSelect('o.employer', 'emp')
      .leftJoinAndSelect('o.civilSociety', 'cso')
      .leftJoinAndSelect('o.migrantAssociation', 'mig');
  }
}
