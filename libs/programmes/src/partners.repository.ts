import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerRole, PartnerStatus, ProgrammePartner } from './entities';

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

/**
 * Queries over programme partners. Callers have checked the actor against the programme; the
 * organisations' names and kinds come through stakeholders' exported repository.
 */
@Injectable()
export class PartnersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /** Locks one organisation's place in the programme for a change (FOR UPDATE), or null. */
  lock(em: EntityManager, programmeId: string, organizationId: string): Promise<ProgrammePartner | null> {
    return em.findOne(ProgrammePartner, {
      where: { programmeId, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  save(em: EntityManager, partner: ProgrammePartner): Promise<ProgrammePartner> {
    return em.save(ProgrammePartner, partner);
  }

  /** The programme's partners: the lead first, then by organisation name. */
  inProgramme(programmeId: string): Promise<PartnerView[]> {
    return this.views('pp.programme_id = $1', [programmeId]);
  }

  async byId(id: string): Promise<PartnerView | undefined> {
    return (await this.views('pp.id = $1', [id]))[0];
  }

  async byOrganization(programmeId: string, organizationId: string): Promise<PartnerView | undefined> {
    return (
      await this.views('pp.programme_id = $1 AND pp.organization_id = $2', [programmeId, organizationId])
    )[0];
  }

  /** What an agreement reminder needs: the partner, its organisation's name, the programme's title. */
  async agreementSubject(partnerId: string): Promise<{
    programmeId: string;
    status: PartnerStatus;
    expiresOn: string | null;
    reference: string;
    organizationName: string;
    programmeTitle: string;
  } | null> {
    const rows: {
      programme_id: string;
      organization_id: string;
      status: PartnerStatus;
      expires_on: string | null;
      reference: string | null;
      programme_title: string;
    }[] = await this.dataSource.query(
      `SELECT pp.programme_id, pp.organization_id, pp.status, to_char(pp.agreement_expires_on, 'YYYY-MM-DD') AS expires_on,
              pp.agreement_reference AS reference, p.title AS programme_title
         FROM programme_partners pp JOIN programmes p ON p.id = pp.programme_id
        WHERE pp.id = $1`,
      [partnerId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      programmeId: r.programme_id,
      status: r.status,
      expiresOn: r.expires_on,
      reference: r.reference ?? '',
      organizationName: (await this.organizations.names([r.organization_id])).get(r.organization_id) ?? '',
      programmeTitle: r.programme_title,
    };
  }

  private async views(where: string, params: unknown[]): Promise<PartnerView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT pp.id, pp.programme_id, pp.organization_id, pp.role, pp.status,
              to_char(pp.agreement_signed_on, 'YYYY-MM-DD') AS agreement_signed_on, pp.agreement_reference,
              to_char(pp.agreement_expires_on, 'YYYY-MM-DD') AS agreement_expires_on, pp.created_at, pp.updated_at
         FROM programme_partners pp
        WHERE ${where}`,
      params,
    );
    const orgs = await this.organizations.summaries(rows.map((r) => r.organization_id as string));
    const views = rows.map((r) => ({
      id: r.id as string,
      programmeId: r.programme_id as string,
      organizationId: r.organization_id as string,
      organizationName: orgs.get(r.organization_id as string)?.name ?? '',
      organizationKind: orgs.get(r.organization_id as string)?.kind ?? '',
      role: r.role as PartnerRole,
      status: r.status as PartnerStatus,
      agreementSignedOn: r.agreement_signed_on as string | null,
      agreementReference: r.agreement_reference as string | null,
      agreementExpiresOn: r.agreement_expires_on as string | null,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
    }));
    // The lead first, then by name (as the directory sorts them), then by id for a stable order.
    return views.sort(
      (a, b) =>
        Number(b.role === PartnerRole.Lead) - Number(a.role === PartnerRole.Lead) ||
        orgs.get(a.organizationId)!.rank - orgs.get(b.organizationId)!.rank ||
        (a.id < b.id ? -1 : 1),
    );
  }
}
