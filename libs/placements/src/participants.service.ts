import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Clock, CoreError, mapPage, Page, Actor, orNotFound } from '@tandem/core';
import { PartnerRole, PartnerStatus, ProgrammeAccessService, ProgrammesRepository } from '@tandem/programmes';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CreateParticipantDto, ListParticipantsDto } from './dto';
import { Participant } from './entities';
import {
  participantAuditSnapshot,
  ParticipantRegisteredView,
  participantRegisteredView,
  participantView,
  ParticipantView,
} from './participant.view';
import { ParticipantsRepository } from './participants.repository';
import { PlacementAccessService } from './placement-access.service';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';

/** Crockford base 32 without I, L, O, U: unambiguous when read out or typed. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `TP-` and 10 random characters (50 bits): a pseudonym, derived from nothing about the person. */
export function newReferenceCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `TP-${code}`;
}

const PARTNER_KINDS = new Set(['civil_society', 'migrant_association']);

/**
 * Pseudonymous participants. Who registers them:
 * - an employer's members, for the people the employer hires (no programme needed); only that
 *   employer may place them;
 * - civil-society organisations and migrant associations that are working partners of a programme,
 *   and any service-provider partner, for that programme; every employer that is an active partner
 *   of the same programme may then place them in placements linked to that programme.
 * Each organisation lists the participants it registered.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly participants: ParticipantsRepository,
    private readonly access: PlacementAccessService,
    private readonly programmes: ProgrammeAccessService,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsRepository,
    private readonly programmeRows: ProgrammesRepository,
  ) {}

  async create(actor: Actor, dto: CreateParticipantDto): Promise<ParticipantRegisteredView> {
    const id = await this.write.run((em) => this.registerIn(em, actor, dto));
    return participantRegisteredView(await this.participants.findById(id));
  }

  /** Registers the person inside the caller's transaction (registering and placing in one step). */
  async registerIn(em: EntityManager, actor: Actor, dto: CreateParticipantDto): Promise<string> {
    const organizationId = this.registeringOrganization(actor, dto.organizationId);
    const givenAt = new Date(dto.consent.givenAt);
    if (givenAt.getTime() > this.clock.now().getTime() + 5 * 60_000) {
      throw CoreError.invalid('consent.givenAt', 'cannot be in the future');
    }
    if (dto.arrivalYear < dto.yearOfBirth) {
      throw CoreError.invalid('arrivalYear', 'cannot be before yearOfBirth');
    }
    {
      const kind = await this.kindOf(em, organizationId);
      if (dto.programmeId) {
        await this.assertMayRegisterFor(actor, em, dto.programmeId, organizationId, kind);
      } else if (kind !== 'employer') {
        throw new PlacementsError(
          PlacementsErrorCode.OrganizationCannotDoThis,
          'Partners that are not employers register participants for a programme: name it',
          'programmeId',
        );
      }
      const participant = await this.participants.insert(em, {
        referenceCode: newReferenceCode(),
        registeredByOrganizationId: organizationId,
        programmeId: dto.programmeId ?? null,
        yearOfBirth: dto.yearOfBirth,
        gender: dto.gender,
        countryOfOrigin: dto.countryOfOrigin.toUpperCase(),
        arrivalYear: dto.arrivalYear,
        statusCategory: dto.statusCategory,
        languages: [...new Set(dto.languages.map((l) => l.toLowerCase()))],
        consentGivenAt: givenAt,
        consentScope: dto.consent.scope.trim(),
        erasedAt: null,
        createdByUserId: actor.userId,
      });
      await this.write.auditCreate(em, 'participant', participant.id, participantAuditSnapshot(participant));
      return participant.id;
    }
  }

  /** The participants my organisations registered. */
  async list(actor: Actor, filter: ListParticipantsDto): Promise<Page<ParticipantView>> {
    return mapPage(
      await this.participants.listRegisteredBy(this.access.orgIds(actor), filter),
      participantView,
    );
  }

  async get(actor: Actor, id: string): Promise<ParticipantView> {
    return participantView(await this.findVisible(actor, id));
  }

  /**
   * Erasure on request: every attribute (and the consent record) is nulled, the row stays with its
   * reference code so placements still count. Members of the registering organisation do it.
   * Erasing twice is a no-op.
   */
  async erase(actor: Actor, id: string): Promise<void> {
    await this.write.run(async (em) => {
      const participant = await this.findVisible(actor, id, em);
      if (!this.access.isMemberOf(actor, participant.registeredByOrganizationId)) {
        throw CoreError.forbidden('Only the organisation that registered the participant may erase them');
      }
      if (!(await this.participants.erase(em, id))) return;
      await this.write.auditUpdate(em, 'participant', id, { erased: false }, { erased: true });
    });
  }

  async findVisible(actor: Actor, id: string, em?: EntityManager): Promise<Participant> {
    return orNotFound(await this.participants.findVisible(actor, id, em), 'Participant');
  }

  private registeringOrganization(actor: Actor, requested?: string): string {
    if (requested) {
      if (!this.access.isMemberOf(actor, requested)) {
        throw CoreError.forbidden('You register participants for your own organisation only');
      }
      return requested;
    }
    const orgs = [...new Set(this.access.orgIds(actor))];
    if (orgs.length === 1) return orgs[0];
    if (orgs.length === 0) throw CoreError.forbidden('Only members of an organisation register participants');
    throw CoreError.invalid('organizationId', 'is required: you belong to several organisations');
  }

  private async kindOf(em: EntityManager, organizationId: string): Promise<string> {
    const kind = await this.organizations.kind(organizationId, em);
    if (!kind) throw CoreError.invalid('organizationId', 'is not an organisation');
    return kind;
  }

  private async assertMayRegisterFor(
    actor: Actor,
    em: EntityManager,
    programmeId: string,
    organizationId: string,
    kind: string,
  ): Promise<void> {
    await this.programmes.load(actor, programmeId, em);
    const partner = await this.programmeRows.partnership(em, programmeId, organizationId);
    const working = partner?.status === PartnerStatus.Active && partner.role !== PartnerRole.Observer;
    if (kind === 'employer') {
      if (!working) {
        throw new PlacementsError(
          PlacementsErrorCode.EmployerNotProgrammePartner,
          'The employer is not an active partner of this programme',
          'programmeId',
        );
      }
      return;
    }
    if (!working || !(PARTNER_KINDS.has(kind) || partner.role === PartnerRole.ServiceProvider)) {
      throw CoreError.forbidden(
        'Civil-society and service-provider partners of the programme register its participants',
      );
    }
  }
}
