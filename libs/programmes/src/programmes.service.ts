import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Actor, MembershipRole } from '@tandem/auth';
import { CoreError, CoreErrorCode, mapPage, Page, paginate, TransactionService } from '@tandem/core';
import { DataSource } from 'typeorm';
import { CreateProgrammeDto, ListProgrammesDto, UpdateProgrammeDto } from './dto';
import { PartnerRole, PartnerStatus, Programme, ProgrammePartner, ProgrammeStatus } from './entities';
import { ProgrammeAccessService } from './programme-access.service';
import { canTransition, isClosed } from './programme-lifecycle';
import { programmeSnapshot, programmeView, ProgrammeView } from './programme.view';
import { ProgrammesError, ProgrammesErrorCode } from './programmes.errors';

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly access: ProgrammeAccessService,
    private readonly audit: AuditService,
  ) {}

  /** An org admin of the lead organisation sets up a programme; the lead joins as its first partner. */
  async create(actor: Actor, dto: CreateProgrammeDto): Promise<ProgrammeView> {
    const isLeadAdmin = actor.memberships.some(
      (m) => m.organizationId === dto.leadOrganizationId && m.role === MembershipRole.OrgAdmin,
    );
    if (!isLeadAdmin) {
      const exists = await this.dataSource
        .getRepository('Organization')
        .existsBy({ id: dto.leadOrganizationId });
      if (!exists) throw CoreError.invalid('leadOrganizationId', 'is not an organisation');
      throw CoreError.forbidden('Only org admins of the lead organisation set up its programmes');
    }
    this.assertDates(dto.startDate, dto.endDate);
    const id = await this.tx.run(async (em) => {
      const programme = await em.save(
        Programme,
        em.create(Programme, {
          title: dto.title,
          summary: dto.summary ?? '',
          leadOrganizationId: dto.leadOrganizationId,
          startDate: dto.startDate,
          endDate: dto.endDate,
          country: dto.country,
          region: dto.region ?? null,
          city: dto.city ?? null,
          budgetAmount: dto.budget?.amount ?? null,
          budgetCurrency: dto.budget?.currency ?? null,
          targetGroups: dto.targetGroups ?? [],
          dimensions: dto.dimensions ?? [],
          sdgTargets: dto.sdgTargets ?? [],
          gcmObjectives: dto.gcmObjectives ?? [],
          policyAreas: dto.policyAreas ?? [],
          mainstream: dto.mainstream ?? false,
          territoryCode: dto.territoryCode ?? null,
          createdByUserId: actor.userId,
        }),
      );
      await this.audit.record(em, {
        action: 'create',
        entityType: 'programme',
        entityId: programme.id,
        after: programmeSnapshot(programme),
      });
      const lead = await em.save(
        ProgrammePartner,
        em.create(ProgrammePartner, {
          programmeId: programme.id,
          organizationId: dto.leadOrganizationId,
          role: PartnerRole.Lead,
          status: PartnerStatus.Active,
        }),
      );
      await this.audit.record(em, {
        action: 'create',
        entityType: 'programme_partner',
        entityId: lead.id,
        after: {
          programmeId: programme.id,
          organizationId: lead.organizationId,
          role: lead.role,
          status: lead.status,
        },
      });
      return programme.id;
    });
    return programmeView(await this.dataSource.getRepository(Programme).findOneByOrFail({ id }));
  }

  async list(actor: Actor, filter: ListProgrammesDto): Promise<Page<ProgrammeView>> {
    const qb = this.access.scopeVisible(
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
    const page = await paginate(qb, {
      keys: ['p.created_at', 'p.id'],
      direction: 'DESC',
      cursorOf: (p) => [p.createdAt.toISOString(), p.id],
      query: filter,
    });
    return mapPage(page, programmeView);
  }

  async get(actor: Actor, id: string): Promise<ProgrammeView> {
    return programmeView((await this.access.require(actor, id, 'read')).programme);
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdateProgrammeDto,
  ): Promise<ProgrammeView> {
    await this.tx.run(async (em) => {
      const { programme } = await this.access.require(actor, id, 'manage', em, true);
      if (programme.version !== expectedVersion) {
        throw new CoreError(
          CoreErrorCode.VersionMismatch,
          `The programme changed since you read it (now version ${programme.version}); reload and retry`,
        );
      }
      if (isClosed(programme.status))
        throw new ProgrammesError(
          ProgrammesErrorCode.ProgrammeNotActive,
          `A ${programme.status} programme cannot be edited`,
        );
      const before = programmeSnapshot(programme);
      const { budget, ...fields } = dto;
      // DTO instances carry every declared field; only the ones sent are changes.
      Object.assign(programme, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
      if (budget !== undefined) {
        programme.budgetAmount = budget?.amount ?? null;
        programme.budgetCurrency = budget?.currency ?? null;
      }
      this.assertDates(programme.startDate, programme.endDate);
      programme.version += 1;
      await em.save(Programme, programme);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'programme',
        entityId: id,
        before,
        after: programmeSnapshot(programme),
      });
    });
    return programmeView(await this.dataSource.getRepository(Programme).findOneByOrFail({ id }));
  }

  /** Lifecycle moves are compare-and-set on the status, so two managers cannot both move it. */
  async transition(actor: Actor, id: string, to: ProgrammeStatus): Promise<ProgrammeView> {
    await this.tx.run(async (em) => {
      const { programme } = await this.access.require(actor, id, 'manage', em);
      const from = programme.status;
      if (!canTransition(from, to)) {
        throw new ProgrammesError(
          ProgrammesErrorCode.ProgrammeTransitionNotAllowed,
          `A programme cannot go from ${from} to ${to}`,
          'to',
        );
      }
      const moved: unknown[] = await em.query(
        `UPDATE programmes SET status = $3, version = version + 1, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id`,
        [id, from, to],
      );
      if (!Array.isArray(moved[0]) || moved[0].length === 0) {
        throw new ProgrammesError(
          ProgrammesErrorCode.ProgrammeTransitionNotAllowed,
          'The programme changed status meanwhile; reload and retry',
          'to',
        );
      }
      await this.audit.record(em, {
        action: 'update',
        entityType: 'programme',
        entityId: id,
        before: { status: from },
        after: { status: to },
      });
    });
    return programmeView(await this.dataSource.getRepository(Programme).findOneByOrFail({ id }));
  }

  private assertDates(start: string, end: string): void {
    if (end < start)
      throw new ProgrammesError(
        ProgrammesErrorCode.InvalidDateRange,
        'endDate must not be before startDate',
        'endDate',
      );
  }
}
