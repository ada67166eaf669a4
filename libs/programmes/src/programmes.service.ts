import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';

import { CoreError, mapPage, Page, Actor, MembershipRole, assertVersion } from '@tandem/core';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { CreateProgrammeDto, ListProgrammesDto, UpdateProgrammeDto } from './dto';
import { PartnerRole, PartnerStatus, Programme, ProgrammePartner, ProgrammeStatus } from './entities';
import { ProgrammeAccessService } from './programme-access.service';
import { canTransition, isClosed } from './programme-lifecycle';
import { programmeSnapshot, programmeView, ProgrammeView } from './programme.view';
import { ProgrammesError, ProgrammesErrorCode } from './programmes.errors';
import { ProgrammesRepository } from './programmes.repository';

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly programmes: ProgrammesRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly write: DomainWrite,
    private readonly access: ProgrammeAccessService,
  ) {}

  /** An org admin of the lead organisation sets up a programme; the lead joins as its first partner. */
  async create(actor: Actor, dto: CreateProgrammeDto): Promise<ProgrammeView> {
    const isLeadAdmin = actor.memberships.some(
      (m) => m.organizationId === dto.leadOrganizationId && m.role === MembershipRole.OrgAdmin,
    );
    if (!isLeadAdmin) {
      if (!(await this.organizations.exists(dto.leadOrganizationId)))
        throw CoreError.invalid('leadOrganizationId', 'is not an organisation');
      throw CoreError.forbidden('Only org admins of the lead organisation set up its programmes');
    }
    this.assertDates(dto.startDate, dto.endDate);
    const id = await this.write.run(async (em) => {
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
      await this.write.auditCreate(em, 'programme', programme.id, programmeSnapshot(programme));
      const lead = await em.save(
        ProgrammePartner,
        em.create(ProgrammePartner, {
          programmeId: programme.id,
          organizationId: dto.leadOrganizationId,
          role: PartnerRole.Lead,
          status: PartnerStatus.Active,
        }),
      );
      await this.write.auditCreate(em, 'programme_partner', lead.id, {
        programmeId: programme.id,
        organizationId: lead.organizationId,
        role: lead.role,
        status: lead.status,
      });
      return programme.id;
    });
    return programmeView((await this.programmes.findById(this.programmes.manager, id))!);
  }

  async list(actor: Actor, filter: ListProgrammesDto): Promise<Page<ProgrammeView>> {
    const page = await this.programmes.listVisible(actor, filter);
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
    await this.write.run(async (em) => {
      const { programme } = await this.access.require(actor, id, 'manage', em, true);
      assertVersion(programme, expectedVersion, 'programme');
      if (isClosed(programme.status))
        throw new ProgrammesError(
          ProgrammesErrorCode.ProgrammeNotActive,
          `A ${programme.status} programme cannot be edited`,
        );
      // Listing on /public speaks for the partnership: the lead organisation decides it (issue 20).
      if (
        dto.listedPublicly !== undefined &&
        !actor.memberships.some((m) => m.organizationId === programme.leadOrganizationId)
      )
        throw CoreError.forbidden('Only the lead organisation lists the programme publicly');
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
      await this.write.auditUpdate(em, 'programme', id, before, programmeSnapshot(programme));
    });
    return programmeView((await this.programmes.findById(this.programmes.manager, id))!);
  }

  /** Lifecycle moves are compare-and-set on the status, so two managers cannot both move it. */
  async transition(actor: Actor, id: string, to: ProgrammeStatus): Promise<ProgrammeView> {
    await this.write.run(async (em) => {
      const { programme } = await this.access.require(actor, id, 'manage', em);
      const from = programme.status;
      if (!canTransition(from, to)) {
        throw new ProgrammesError(
          ProgrammesErrorCode.ProgrammeTransitionNotAllowed,
          `A programme cannot go from ${from} to ${to}`,
          'to',
        );
      }
      if (!(await this.programmes.compareAndSetStatus(em, id, from, to))) {
        throw new ProgrammesError(
          ProgrammesErrorCode.ProgrammeTransitionNotAllowed,
          'The programme changed status meanwhile; reload and retry',
          'to',
        );
      }
      await this.write.auditUpdate(em, 'programme', id, { status: from }, { status: to });
    });
    return programmeView((await this.programmes.findById(this.programmes.manager, id))!);
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
