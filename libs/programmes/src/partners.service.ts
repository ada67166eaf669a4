import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Actor, MembershipRole } from '@tandem/auth';
import { CoreError, JobName, OutboxService, TransactionService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource, EntityManager } from 'typeorm';
import { AddPartnerDto, UpdatePartnerDto } from './dto';
import { PartnerRole, PartnerStatus, ProgrammePartner } from './entities';
import { ProgrammeAccess, ProgrammeAccessService } from './programme-access.service';
import { isClosed } from './programme-lifecycle';
import { ProgrammesError, ProgrammesErrorCode } from './programmes.errors';

export interface PartnerView {
  id: string;
  programmeId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  role: PartnerRole;
  status: PartnerStatus;
  agreementSignedOn: string | null;
  agreementReference: string | null;
  agreementExpiresOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly access: ProgrammeAccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
  ) {}

  async list(actor: Actor, programmeId: string): Promise<PartnerView[]> {
    await this.access.require(actor, programmeId, 'read');
    const rows = await this.query(this.dataSource.manager, 'pp.programme_id = $1', [programmeId]);
    return rows;
  }

  async add(actor: Actor, programmeId: string, dto: AddPartnerDto): Promise<PartnerView> {
    if (dto.role === PartnerRole.Lead) {
      throw new ProgrammesError(
        ProgrammesErrorCode.LeadPartnerFixed,
        'A programme has one lead: the organisation that set it up',
        'role',
      );
    }
    const id = await this.tx.run(async (em) => {
      const access = await this.requireOpen(actor, programmeId, em);
      const org = await em
        .getRepository<{ id: string; name: string }>('Organization')
        .findOneBy({ id: dto.organizationId });
      if (!org) throw CoreError.invalid('organizationId', 'is not an organisation');
      const existing = await em.findOne(ProgrammePartner, {
        where: { programmeId, organizationId: dto.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      let partner: ProgrammePartner;
      if (
        existing &&
        (existing.status === PartnerStatus.Active || existing.status === PartnerStatus.Invited)
      ) {
        throw new ProgrammesError(
          ProgrammesErrorCode.AlreadyPartner,
          `${org.name} is already ${existing.status} in this programme`,
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
        const before = snapshot(existing);
        Object.assign(existing, fields);
        partner = await em.save(ProgrammePartner, existing);
        await this.audit.record(em, {
          action: 'update',
          entityType: 'programme_partner',
          entityId: partner.id,
          before,
          after: snapshot(partner),
        });
      } else {
        partner = await em.save(
          ProgrammePartner,
          em.create(ProgrammePartner, { programmeId, organizationId: dto.organizationId, ...fields }),
        );
        await this.audit.record(em, {
          action: 'create',
          entityType: 'programme_partner',
          entityId: partner.id,
          after: snapshot(partner),
        });
      }
      await this.notifications.notify(em, {
        type: 'programme.partner_invited',
        subject: { type: 'programme', id: programmeId },
        recipients: { organizationAdminsOf: [dto.organizationId], exceptUserId: actor.userId },
        params: { organizationName: org.name, programmeTitle: access.programme.title, role: dto.role },
      });
      await this.scheduleAgreementReminder(em, partner);
      return partner.id;
    });
    return (await this.query(this.dataSource.manager, 'pp.id = $1', [id]))[0];
  }

  /** The invited organisation's org admins answer; anyone else who can see the programme gets 403. */
  async answer(
    actor: Actor,
    programmeId: string,
    organizationId: string,
    answer: Answer,
  ): Promise<PartnerView> {
    await this.tx.run(async (em) => {
      const access = await this.access.load(actor, programmeId, em);
      this.assertOrgAdmin(actor, organizationId);
      const partner = await this.lockPartner(em, programmeId, organizationId);
      if (partner.status !== PartnerStatus.Invited) {
        throw new ProgrammesError(
          ProgrammesErrorCode.PartnerNotInvited,
          `There is no pending invitation (the partner is ${partner.status})`,
        );
      }
      const before = snapshot(partner);
      partner.status = answer === 'accept' ? PartnerStatus.Active : PartnerStatus.Declined;
      await em.save(ProgrammePartner, partner);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'programme_partner',
        entityId: partner.id,
        before,
        after: snapshot(partner),
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
      await this.scheduleAgreementReminder(em, partner);
    });
    return (
      await this.query(this.dataSource.manager, 'pp.programme_id = $1 AND pp.organization_id = $2', [
        programmeId,
        organizationId,
      ])
    )[0];
  }

  /** The partner's own org admins take it out (leave), or the managers do (remove). */
  async end(
    actor: Actor,
    programmeId: string,
    organizationId: string,
    how: 'leave' | 'remove',
  ): Promise<PartnerView> {
    await this.tx.run(async (em) => {
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
      const before = snapshot(partner);
      partner.status = how === 'leave' ? PartnerStatus.Left : PartnerStatus.Removed;
      await em.save(ProgrammePartner, partner);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'programme_partner',
        entityId: partner.id,
        before,
        after: snapshot(partner),
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
    return (
      await this.query(this.dataSource.manager, 'pp.programme_id = $1 AND pp.organization_id = $2', [
        programmeId,
        organizationId,
      ])
    )[0];
  }

  async update(
    actor: Actor,
    programmeId: string,
    organizationId: string,
    dto: UpdatePartnerDto,
  ): Promise<PartnerView> {
    await this.tx.run(async (em) => {
      await this.requireOpen(actor, programmeId, em);
      const partner = await this.lockPartner(em, programmeId, organizationId);
      if (dto.role !== undefined && (dto.role === PartnerRole.Lead) !== (partner.role === PartnerRole.Lead)) {
        throw new ProgrammesError(
          ProgrammesErrorCode.LeadPartnerFixed,
          'The lead role cannot be given or taken away',
          'role',
        );
      }
      const before = snapshot(partner);
      for (const key of ['role', 'agreementSignedOn', 'agreementReference', 'agreementExpiresOn'] as const) {
        if (dto[key] !== undefined) (partner as unknown as Record<string, unknown>)[key] = dto[key];
      }
      await em.save(ProgrammePartner, partner);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'programme_partner',
        entityId: partner.id,
        before,
        after: snapshot(partner),
      });
      if (before.agreementExpiresOn !== partner.agreementExpiresOn)
        await this.scheduleAgreementReminder(em, partner);
    });
    return (
      await this.query(this.dataSource.manager, 'pp.programme_id = $1 AND pp.organization_id = $2', [
        programmeId,
        organizationId,
      ])
    )[0];
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
    const partner = await em.findOne(ProgrammePartner, {
      where: { programmeId, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!partner) throw CoreError.notFound('Partner');
    return partner;
  }

  private async orgName(em: EntityManager, id: string): Promise<string> {
    return (await em.getRepository<{ id: string; name: string }>('Organization').findOneByOrFail({ id }))
      .name;
  }

  /** The worker (re)schedules the lead's reminder before the agreement expires; see agreement-reminder.handlers.ts. */
  private async scheduleAgreementReminder(em: EntityManager, partner: ProgrammePartner): Promise<void> {
    if (partner.agreementExpiresOn)
      await this.outbox.publish(em, JobName.AgreementReminders, { partnerId: partner.id });
  }

  private async query(em: EntityManager, where: string, params: unknown[]): Promise<PartnerView[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT pp.id, pp.programme_id, pp.organization_id, o.name AS organization_name, o.kind AS organization_kind, pp.role, pp.status,
              to_char(pp.agreement_signed_on, 'YYYY-MM-DD') AS agreement_signed_on, pp.agreement_reference,
              to_char(pp.agreement_expires_on, 'YYYY-MM-DD') AS agreement_expires_on, pp.created_at, pp.updated_at
         FROM programme_partners pp JOIN organizations o ON o.id = pp.organization_id
        WHERE ${where}
        ORDER BY (pp.role = 'lead') DESC, o.name, pp.id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      programmeId: r.programme_id as string,
      organizationId: r.organization_id as string,
      organizationName: r.organization_name as string,
      organizationKind: r.organization_kind as string,
      role: r.role as PartnerRole,
      status: r.status as PartnerStatus,
      agreementSignedOn: r.agreement_signed_on as string | null,
      agreementReference: r.agreement_reference as string | null,
      agreementExpiresOn: r.agreement_expires_on as string | null,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
    }));
  }
}
