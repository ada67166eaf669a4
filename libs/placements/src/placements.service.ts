import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, Clock, CoreError, mapPage, Page, orNotFound } from '@tandem/core';
import { ProgrammesRepository } from '@tandem/programmes';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';
import { addMonths, isoDate } from './classifications';
import { CreatePlacementDto, EndPlacementDto, ListPlacementsDto } from './dto';
import { CheckInsRepository } from './check-ins.repository';
import { CHECK_IN_MONTHS, Placement, PlacementStatus, RetentionCheckStatus } from './entities';
import { ParticipantsRepository } from './participants.repository';
import { PlacementAccessService } from './placement-access.service';
import { placementSnapshot, placementView, PlacementView } from './placement.view';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';
import { PlacementsRepository } from './placements.repository';

/**
 * Job placements. An employer's members log and end their organisation's placements; they and the
 * organisation that registered the participant read them (programme managers get statistics). Each
 * placement gets its three retention check-ins (3, 6, 12 months) as scheduled rows, opened on their
 * dates by the check-in sweep.
 */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly placements: PlacementsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly checkIns: CheckInsRepository,
    private readonly access: PlacementAccessService,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsRepository,
    private readonly programmes: ProgrammesRepository,
  ) {}

  async create(actor: Actor, dto: CreatePlacementDto): Promise<PlacementView> {
    const id = await this.write.run((em) => this.createIn(em, actor, dto));
    return this.get(actor, id);
  }

  /** Logs the placement inside the caller's transaction (registering and placing in one step). */
  async createIn(em: EntityManager, actor: Actor, dto: CreatePlacementDto): Promise<string> {
    {
      this.access.assertEmployerMember(
        actor,
        dto.employerOrganizationId,
        await this.organizations.kind(dto.employerOrganizationId, em),
        'log',
      );
      if (dto.programmeId) await this.assertProgrammePartner(em, dto.programmeId, dto.employerOrganizationId);
      await this.assertPlaceable(em, dto);
      this.assertStartDate(dto.startDate);
      const placement = await this.placements.insert(em, {
        participantId: dto.participantId,
        employerOrganizationId: dto.employerOrganizationId,
        programmeId: dto.programmeId ?? null,
        jobTitle: dto.jobTitle.trim(),
        occupationCode: dto.occupationCode,
        sector: dto.sector,
        startDate: dto.startDate,
        contractType: dto.contractType,
        hoursPerWeek: dto.hoursPerWeek,
        status: PlacementStatus.Active,
        createdByUserId: actor.userId,
      });
      await this.checkIns.insert(
        em,
        CHECK_IN_MONTHS.map((months) => ({
          placementId: placement.id,
          months,
          dueOn: addMonths(dto.startDate, months),
          status: RetentionCheckStatus.Scheduled,
        })),
      );
      await this.write.auditCreate(em, 'placement', placement.id, placementSnapshot(placement));
      // No job per check-in: the sweep finds their dates in retention_checks.
      return placement.id;
    }
  }

  /** A start date is from 1950 to twelve months ahead, when logged and when corrected. */
  assertStartDate(startDate: string): void {
    if (startDate < '1950-01-01' || startDate > addMonths(isoDate(this.clock.now()), 12)) {
      throw new PlacementsError(
        PlacementsErrorCode.InvalidPlacementDate,
        'startDate must be within the next twelve months',
        'startDate',
      );
    }
  }

  async list(actor: Actor, filter: ListPlacementsDto): Promise<Page<PlacementView>> {
    return mapPage(await this.placements.listVisible(actor, filter), (p) => placementView(p));
  }

  async get(actor: Actor, id: string): Promise<PlacementView> {
    const placement = await this.findVisible(actor, id);
    const checks = await this.checkIns.ofPlacement(id);
    return placementView(placement, checks);
  }

  /** The employer ends a placement; check-ins dated after the end are cancelled. */
  async end(actor: Actor, id: string, dto: EndPlacementDto): Promise<PlacementView> {
    await this.write.run(async (em) => {
      const placement = await this.findVisible(actor, id, em, true);
      if (!this.access.isMemberOf(actor, placement.employerOrganizationId)) {
        throw CoreError.forbidden('Only members of the employer end its placements');
      }
      await this.endLocked(em, placement, dto.endDate, dto.reason, 'endDate');
    });
    return this.get(actor, id);
  }

  /**
   * Ends a placement whose row the caller holds locked: used by `end` and by a check-in answer that
   * says the person left. Unanswered check-ins dated after the end are cancelled.
   */
  async endLocked(
    em: EntityManager,
    placement: Placement,
    endDate: string,
    reason: string,
    field: string,
  ): Promise<void> {
    if (placement.status !== PlacementStatus.Active) {
      throw new PlacementsError(
        PlacementsErrorCode.PlacementAlreadyEnded,
        `The placement already ended on ${placement.endDate}`,
      );
    }
    if (endDate < placement.startDate) {
      throw new PlacementsError(
        PlacementsErrorCode.InvalidPlacementDate,
        `${field} cannot be before the start date (${placement.startDate})`,
        field,
      );
    }
    if (endDate > isoDate(this.clock.now())) {
      throw new PlacementsError(
        PlacementsErrorCode.InvalidPlacementDate,
        `${field} cannot be in the future`,
        field,
      );
    }
    const before = placementSnapshot(placement);
    placement.status = PlacementStatus.Ended;
    placement.endDate = endDate;
    placement.endReason = reason;
    placement.version += 1;
    await this.placements.save(em, placement);
    await this.checkIns.cancelAfter(em, placement.id, endDate);
    await this.write.auditUpdate(em, 'placement', placement.id, before, placementSnapshot(placement));
  }

  async findVisible(actor: Actor, id: string, em?: EntityManager, lock = false): Promise<Placement> {
    const placement = orNotFound(await this.placements.findVisible(actor, id, em, lock), 'Placement');
    placement.participant =
      (await this.participants.findForPlacement(placement.participantId, em)) ?? undefined;
    return placement;
  }

  private async assertProgrammePartner(
    em: EntityManager,
    programmeId: string,
    employerId: string,
  ): Promise<void> {
    const partner = await this.programmes.partnership(em, programmeId, employerId);
    if (partner?.status !== 'active') {
      throw new PlacementsError(
        PlacementsErrorCode.EmployerNotProgrammePartner,
        'programmeId must be a programme the employer is an active partner of',
        'programmeId',
      );
    }
  }

  /**
   * An employer places the people it registered itself, and the people a partner registered under
   * a programme, in placements linked to that same programme. The row is share-locked so an
   * erasure cannot slip in between.
   */
  private async assertPlaceable(em: EntityManager, dto: CreatePlacementDto): Promise<void> {
    const participant = await this.participants.findForPlacement(dto.participantId, em, true);
    const usable =
      participant &&
      (participant.registeredByOrganizationId === dto.employerOrganizationId ||
        (participant.programmeId !== null && participant.programmeId === dto.programmeId));
    if (!usable) {
      throw new PlacementsError(
        PlacementsErrorCode.ParticipantNotPlaceable,
        'participantId must be a participant the employer registered, or one registered under the programme named',
        'participantId',
      );
    }
    if (participant.erasedAt) {
      throw new PlacementsError(
        PlacementsErrorCode.ParticipantErased,
        'participantId: this participant was erased',
        'participantId',
      );
    }
  }
}
