import { Inject, Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import {
  isUniqueViolation,
  mapPage,
  Page,
  validateNested,
  Actor,
  assertVersion,
  orNotFound,
} from '@tandem/core';
import { EntityManager } from 'typeorm';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsDto } from './dto/list-organizations.dto';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsRepository } from './organizations.repository';
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
    @Inject(ORGANIZATION_KINDS) kinds: OrganizationKindDefinition[],
    private readonly organizations: OrganizationsRepository,
    private readonly access: OrganizationAccessService,
    private readonly write: DomainWrite,
  ) {
    this.kinds = new Map(kinds.map((k) => [k.kind, k]));
  }

  async create(actor: Actor, dto: CreateOrganizationDto): Promise<OrganizationView> {
    this.access.assertCanCreate(actor);
    const kind = this.kindOf(dto.kind);
    const profile = await validateNested(kind.profileDto, dto.profile, 'profile');
    const id = await this.write.run(async (em) => {
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
      await this.write.auditCreate(em, 'organization', org.id, { ...this.snapshot(org), profile });
      return org.id;
    });
    return this.view(await this.load(id));
  }

  /** The directory: every signed-in user may search it; details stay with members (see `get`). */
  async list(_actor: Actor, filter: ListOrganizationsDto): Promise<Page<OrganizationSummary>> {
    const page = await this.organizations.list(filter);
    return mapPage(page, (o) => this.summary(o));
  }

  async get(actor: Actor, id: string): Promise<OrganizationView> {
    this.access.assert(actor, id, 'read');
    return this.view(await this.load(id));
  }

  /** Optimistic concurrency: the caller sends the version it read (If-Match); a stale one is a 412. */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdateOrganizationDto,
  ): Promise<OrganizationView> {
    this.access.assert(actor, id, 'update');
    await this.write.run(async (em) => {
      const org = orNotFound(await this.organizations.findLocked(em, id), 'Organization');
      assertVersion(org, expectedVersion, 'organisation');
      const full = await this.load(id, em);
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
      await this.write.auditUpdate(em, 'organization', id, before, { ...this.snapshot(org), profile });
    });
    return this.view(await this.load(id));
  }

  private async saveUnique(em: EntityManager, org: Organization, isUpdate = false): Promise<void> {
    try {
      if (isUpdate) await this.organizations.update(em, org);
      else await this.organizations.insert(em, org);
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

  private async load(id: string, em?: EntityManager): Promise<Organization> {
    return orNotFound(await this.organizations.findWithProfile(id, em), 'Organization');
  }

  private kindOf(kind: OrganizationKind): OrganizationKindDefinition {
    const def = this.kinds.get(kind);
    if (!def) throw new Error(`no kind module registered for ${kind}`);
    return def;
  }

  /** The organisation's own fields: the first of its view, and what the audit trail keeps. */
  private snapshot(o: Organization) {
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
      ...this.snapshot(o),
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
