import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';

import { CoreError, Actor, MembershipRole, orNotFound } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';
import { AddPartnerDto, UpdatePartnerDto } from './dto';
import { PartnerRole, PartnerStatus, ProgrammePartner } from './entities';
import { PartnersRepository } from './partners.repository';
import { ProgrammeAccess, ProgrammeAccessService } from './programme-access.service';
import { isClosed } from './programme-lifecycle';
import { ProgrammesError, ProgrammesErrorCode } from './programmes.errors';
import { PartnerView } from './partner.view';

type Answer = 'accept' | 'decline';

const snapshot = (p: ProgrammePartner) => ({
  programmeId: p.programmeId,
  organizationId: p.organizationId,
  role: p.role,
  status: p.status,
  agreementSignedOn: p.agreementSignedOn,
  agreementReference: p.agreementReference,
  agreementExpiresOn: p.agreementExpiresOn,
});

/**
 * Partners of a programme: invited by its managers, accepted or declined by the partner's own org
 * admins, leaving or removed without losing their history (the row stays with its status).
 */
@Injectable()
export class PartnersService {
  constructor(
    private readonly partners: PartnersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly write: DomainWrite,
    private readonly access: ProgrammeAccessService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(actor: Actor, programmeId: string): Promise<PartnerView[]> {
    await this.access.require(actor, programmeId, 'read');
    return this.partners.inProgramme(programmeId);
  }

  async add(actor: Actor, programmeId: string, dto: AddPartnerDto): Promise<PartnerView> {
    if (dto.role === PartnerRole.Lead) {
      throw new ProgrammesError(
        ProgrammesErrorCode.LeadPartnerFixed,
        'A programme has one lead: the organisation that set it up',
        'role',
      );
    }
    const id = await this.write.run(async (em) => {
      const access = await this.requireOpen(actor, programmeId, em);
      const orgName = (await this.organizations.names([dto.organizationId], em)).get(dto.organizationId);
      if (orgName === undefined) throw CoreError.invalid('organizationId', 'is not an organisation');
      const existing = await this.partners.lock(em, programmeId, dto.organizationId);
      let partner: ProgrammePartner;
      if (
        existing &&
        (existing.status === PartnerStatus.Active || existing.status === PartnerStatus.Invited)
      ) {
        throw new ProgrammesError(
          ProgrammesErrorCode.AlreadyPartner,
          `${orgName} is already ${existing.status} in this programme`,
          'organizationId',
        );
      }
      const fields = {
        role: dto.role,
        status: PartnerStatus.Invited,
        agreementSignedOn: dto.agreementSignedOn ?? null,
        agreementReference: dto.agreementReference ?? null,
        agreementExpiresOn: dto.agreementExpiresOn ?? null,
      };
      if (existing) {
        // Invited again after declining, leaving or removal: same row, its history in the audit trail.
        await this.change(em, existing, (p) => Object.assign(p, fields));
        partner = existing;
      } else {
        partner = await em.save(
          ProgrammePartner,
          em.create(ProgrammePartner, { programmeId, organizationId: dto.organizationId, ...fields }),
        );
        await this.write.auditCreate(em, 'programme_partner', partner.id, snapshot(partner));
      }
      await this.notifications.notify(em, {
        type: 'programme.partner_invited',
        subject: { type: 'programme', id: programmeId },
        recipients: { organizationAdminsOf: [dto.organizationId], exceptUserId: actor.userId },
        params: { organizationName: orgName, programmeTitle: access.programme.title, role: dto.role },
      });
      return partner.id;
    });
    return (await this.partners.byId(id))!;
  }

  /** The invited organisation's org admins answer; anyone else who can see the programme gets 403. */
  async answer(
    actor: Actor,
    programmeId: string,
    organizationId: string,
    answer: Answer,
  ): Promise<PartnerView> {
    await this.write.run(async (em) => {
      const access = await this.access.load(actor, programmeId, em);
      this.assertOrgAdmin(actor, organizationId);
      const partner = await this.lockPartner(em, programmeId, organizationId);
      if (partner.status !== PartnerStatus.Invited) {
        throw new ProgrammesError(
          ProgrammesErrorCode.PartnerNotInvited,
          `There is no pending invitation (the partner is ${partner.status})`,
        );
      }
      await this.change(em, partner, (p) => {
        p.status = answer === 'accept' ? PartnerStatus.Active : PartnerStatus.Declined;
      });
      await this.notifications.notify(em, {
        type: answer === 'accept' ? 'programme.partner_accepted' : 'programme.partner_declined',
        subject: { type: 'programme', id: programmeId },
        recipients: { programmeManagersOf: programmeId, exceptUserId: actor.userId },
        params: {
          organizationName: await this.orgName(em, organizationId),
          programmeTitle: access.programme.title,
          role: partner.role,
        },
      });
    });
    return (await this.partners.byOrganization(programmeId, organizationId))!;
  }

  /** The partner's own org admins take it out (leave), or the managers do (remove). */
  async end(
    actor: Actor,
    programmeId: string,
    organizationId: string,
    how: 'leave' | 'remove',
  ): Promise<PartnerView> {
    await this.write.run(async (em) => {
      const access =
        how === 'remove'
          ? await this.access.require(actor, programmeId, 'manage', em)
          : await this.access.load(actor, programmeId, em);
      if (how === 'leave') this.assertOrgAdmin(actor, organizationId);
      const partner = await this.lockPartner(em, programmeId, organizationId);
      if (partner.role === PartnerRole.Lead) {
        throw new ProgrammesError(
          ProgrammesErrorCode.LeadPartnerFixed,
          'The lead organisation cannot leave or be removed from its programme',
        );
      }
      const allowed =
        how === 'leave' ? [PartnerStatus.Active] : [PartnerStatus.Active, PartnerStatus.Invited];
      if (!allowed.includes(partner.status)) {
        throw new ProgrammesError(ProgrammesErrorCode.PartnerNotActive, `The partner is ${partner.status}`);
      }
      await this.change(em, partner, (p) => {
        p.status = how === 'leave' ? PartnerStatus.Left : PartnerStatus.Removed;
      });
      await this.notifications.notify(em, {
        type: 'programme.partner_left',
        subject: { type: 'programme', id: programmeId },
        recipients: {
          programmeManagersOf: programmeId,
          organizationAdminsOf: [organizationId],
          exceptUserId: actor.userId,
        },
        params: {
          organizationName: await this.orgName(em, organizationId),
          programmeTitle: access.programme.title,
          endedBy: how === 'leave' ? 'organisation' : 'managers',
        },
      });
    });
    return (await this.partners.byOrganization(programmeId, organizationId))!;
  }

  async update(
    actor: Actor,
    programmeId: string,
    organizationId: string,
    dto: UpdatePartnerDto,
  ): Promise<PartnerView> {
    await this.write.run(async (em) => {
      await this.requireOpen(actor, programmeId, em);
      const partner = await this.lockPartner(em, programmeId, organizationId);
      if (dto.role !== undefined && (dto.role === PartnerRole.Lead) !== (partner.role === PartnerRole.Lead)) {
        throw new ProgrammesError(
          ProgrammesErrorCode.LeadPartnerFixed,
          'The lead role cannot be given or taken away',
          'role',
        );
      }
      await this.change(em, partner, (p) => {
        for (const key of [
          'role',
          'agreementSignedOn',
          'agreementReference',
          'agreementExpiresOn',
        ] as const) {
          if (dto[key] !== undefined) (p as unknown as Record<string, unknown>)[key] = dto[key];
        }
      });
      // A new expiry date needs nothing else: the agreement reminder sweep reads it from the row.
    });
    return (await this.partners.byOrganization(programmeId, organizationId))!;
  }

  /** Applies `apply` to the partner's row, saves it and audits before and after; the before. */
  private async change(
    em: EntityManager,
    partner: ProgrammePartner,
    apply: (p: ProgrammePartner) => void,
  ): Promise<ReturnType<typeof snapshot>> {
    const before = snapshot(partner);
    apply(partner);
    await em.save(ProgrammePartner, partner);
    await this.write.auditUpdate(em, 'programme_partner', partner.id, before, snapshot(partner));
    return before;
  }

  private async requireOpen(actor: Actor, programmeId: string, em: EntityManager): Promise<ProgrammeAccess> {
    const access = await this.access.require(actor, programmeId, 'manage', em);
    if (isClosed(access.programme.status)) {
      throw new ProgrammesError(
        ProgrammesErrorCode.ProgrammeNotActive,
        `The programme is ${access.programme.status}`,
      );
    }
    return access;
  }

  private assertOrgAdmin(actor: Actor, organizationId: string): void {
    if (
      !actor.memberships.some(
        (m) => m.organizationId === organizationId && m.role === MembershipRole.OrgAdmin,
      )
    ) {
      throw CoreError.forbidden("Only the partner organisation's own org admins may do this");
    }
  }

  private async lockPartner(
    em: EntityManager,
    programmeId: string,
    organizationId: string,
  ): Promise<ProgrammePartner> {
    return orNotFound(await this.partners.lock(em, programmeId, organizationId), 'Partner');
  }

  private async orgName(em: EntityManager, id: string): Promise<string> {
    return (await this.organizations.names([id], em)).get(id) ?? '';
  }
}
