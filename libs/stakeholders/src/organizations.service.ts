import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Actor, PolicyService } from '@tandem/auth';
import {
  CoreError,
  CoreErrorCode,
  isUniqueViolation,
  mapPage,
  Page,
  paginate,
  TransactionService,
  validateNested,
} from '@tandem/core';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsDto } from './dto/list-organizations.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { Organization, OrganizationKind } from './entities/organization.entity';
import { ORGANIZATION_KINDS, OrganizationKindDefinition } from './kinds/organization-kind';
import { StakeholdersError, StakeholdersErrorCode } from './stakeholders.errors';
import { OrganizationSummary, OrganizationView } from './organization.view';

/** What every signed-in user sees of any organisation in the directory. */
@Injectable()
export class OrganizationsService {
  private readonly kinds: Map<OrganizationKind, OrganizationKindDefinition>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ORGANIZATION_KINDS) kinds: OrganizationKindDefinition[],
    private readonly tx: TransactionService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {
    this.kinds = new Map(kinds.map((k) => [k.kind, k]));
  }

  async create(actor: Actor, dto: CreateOrganizationDto): Promise<OrganizationView> {
    if (!this.policy.can(actor, 'create', 'Organization'))
      throw CoreError.forbidden('Only platform admins create organisations');
    const kind = this.kindOf(dto.kind);
    const profile = await validateNested(kind.profileDto, dto.profile, 'profile');
    const id = await this.tx.run(async (em) => {
      const org = em.create(Organization, {
        kind: dto.kind,
        name: dto.name,
        country: dto.country,
        city: dto.city,
        contactEmail: dto.contactEmail.toLowerCase(),
        website: dto.website ?? null,
      });
      await this.saveUnique(em, org);
      await kind.save(em, org.id, profile);
      await this.audit.record(em, {
        action: 'create',
        entityType: 'organization',
        entityId: org.id,
        after: { ...this.snapshot(org), profile },
      });
      return org.id;
    });
    return this.view(await this.load(this.dataSource.manager, id));
  }

  /** The directory: every signed-in user may search it; details stay with members (see `get`). */
  async list(actor: Actor, filter: ListOrganizationsDto): Promise<Page<OrganizationSummary>> {
    if (!this.policy.can(actor, 'list', 'Organization')) throw CoreError.forbidden();
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
    const page = await paginate(qb, {
      keys: ['o.name', 'o.id'],
      direction: 'ASC',
      cursorOf: (o) => [o.name, o.id],
      query: filter,
    });
    return mapPage(page, (o) => this.summary(o));
  }

  async get(actor: Actor, id: string): Promise<OrganizationView> {
    this.policy.assert(actor, 'read', 'Organization', { id });
    return this.view(await this.load(this.dataSource.manager, id));
  }

  /** Optimistic concurrency: the caller sends the version it read (If-Match); a stale one is a 412. */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdateOrganizationDto,
  ): Promise<OrganizationView> {
    this.policy.assert(actor, 'update', 'Organization', { id });
    await this.tx.run(async (em) => {
      const org = await em.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw CoreError.notFound('Organization');
      if (org.version !== expectedVersion) {
        throw new CoreError(
          CoreErrorCode.VersionMismatch,
          `The organisation changed since you read it (now version ${org.version}); reload and retry`,
        );
      }
      const full = await this.load(em, id);
      const kind = this.kindOf(org.kind);
      const beforeProfile = kind.view(full);
      const before = { ...this.snapshot(org), profile: beforeProfile };
      let profile = beforeProfile;
      if (dto.profile) {
        profile = await validateNested(kind.profileDto, { ...beforeProfile, ...dto.profile }, 'profile');
        await kind.save(em, id, profile);
      }
      if (dto.name !== undefined) org.name = dto.name;
      if (dto.country !== undefined) org.country = dto.country;
      if (dto.city !== undefined) org.city = dto.city;
      if (dto.contactEmail !== undefined) org.contactEmail = dto.contactEmail.toLowerCase();
      if (dto.website !== undefined) org.website = dto.website;
      // Bump the version even when only the profile changed: it is part of the record.
      org.version += 1;
      org.updatedAt = new Date();
      await this.saveUnique(em, org, true);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'organization',
        entityId: id,
        before,
        after: { ...this.snapshot(org), profile },
      });
    });
    return this.view(await this.load(this.dataSource.manager, id));
  }

  private async saveUnique(em: EntityManager, org: Organization, isUpdate = false): Promise<void> {
    try {
      if (isUpdate) {
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
      } else {
        await em.save(Organization, org);
      }
    } catch (err) {
      if (isUniqueViolation(err, 'uq_organizations_name_country')) {
        throw new StakeholdersError(
          StakeholdersErrorCode.OrganizationExists,
          `An organisation named "${org.name}" already exists in ${org.country}`,
        );
      }
      throw err;
    }
  }

  private withProfiles(qb: SelectQueryBuilder<Organization>): SelectQueryBuilder<Organization> {
    return qb
      .leftJoinAndSelect('o.government', 'gov')
      .leftJoinAndSelect('o.employer', 'emp')
      .leftJoinAndSelect('o.civilSociety', 'cso')
      .leftJoinAndSelect('o.migrantAssociation', 'mig');
  }

  private async load(em: EntityManager, id: string): Promise<Organization> {
    const org = await this.withProfiles(em.getRepository(Organization).createQueryBuilder('o'))
      .where('o.id = :id', { id })
      .getOne();
    if (!org) throw CoreError.notFound('Organization');
    return org;
  }

  private kindOf(kind: OrganizationKind): OrganizationKindDefinition {
    const def = this.kinds.get(kind);
    if (!def) throw new Error(`no kind module registered for ${kind}`);
    return def;
  }

  private snapshot(o: Organization): Record<string, unknown> {
    return {
      kind: o.kind,
      name: o.name,
      country: o.country,
      city: o.city,
      contactEmail: o.contactEmail,
      website: o.website,
    };
  }

  view(o: Organization): OrganizationView {
    return {
      id: o.id,
      kind: o.kind,
      name: o.name,
      country: o.country,
      city: o.city,
      contactEmail: o.contactEmail,
      website: o.website,
      profile: this.kindOf(o.kind).view(o),
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      version: o.version,
    };
  }

  private summary(o: Organization): OrganizationSummary {
    const { id, kind, name, country, city, website, profile, createdAt } = this.view(o);
    return { id, kind, name, country, city, website, profile, createdAt };
  }
}
