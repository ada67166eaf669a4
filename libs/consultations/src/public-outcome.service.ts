import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, assertVersion, Clock, CoreError } from '@tandem/core';
import { ConsultationAccessService } from './consultation-access.service';
import { ConsultationsError, ConsultationsErrorCode } from './consultations.errors';
import { UpdateConsultationDto } from './dto';
import { ConsultationStatus } from './entities';
import { PublicConsultationsRepository } from './public-consultations.repository';

const FLAGS = ['publicOutcome', 'publicFreeTexts'] as const;

/**
 * Issue 20: the owner shows a published outcome on /public, or withdraws it. `publicFreeTexts`
 * also shows the free texts that the anonymity threshold allows; it needs a public outcome, and
 * withdrawing the outcome clears it (a later re-publication decides about free texts again).
 */
@Injectable()
export class PublicOutcomeService {
  constructor(
    private readonly write: DomainWrite,
    private readonly access: ConsultationAccessService,
    private readonly repository: PublicConsultationsRepository,
    private readonly clock: Clock,
  ) {}

  /** True when the edit is about publication (it is then handled here, alone). */
  static concerns(dto: UpdateConsultationDto): boolean {
    return FLAGS.some((f) => dto[f] !== undefined);
  }

  async set(actor: Actor, id: string, expectedVersion: number, dto: UpdateConsultationDto): Promise<void> {
    const other = Object.entries(dto).find(
      ([k, v]) => v !== undefined && !(FLAGS as readonly string[]).includes(k),
    );
    if (other)
      throw CoreError.invalid(
        other[0],
        'cannot change together with publicOutcome or publicFreeTexts: send them in their own request',
      );
    await this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, id, 'manage', em, 'update');
      assertVersion(c, expectedVersion, 'consultation');
      const publicOutcome = dto.publicOutcome ?? c.publicOutcome;
      if (publicOutcome && c.status !== ConsultationStatus.OutcomePublished)
        throw new ConsultationsError(
          ConsultationsErrorCode.OutcomeNotPublished,
          `Only a published outcome can be made public; this consultation is ${c.status} (publish it with POST /consultations/{id}/outcome)`,
          dto.publicOutcome !== undefined ? 'publicOutcome' : 'publicFreeTexts',
        );
      if (dto.publicFreeTexts && !publicOutcome)
        throw new ConsultationsError(
          ConsultationsErrorCode.OutcomeNotPublished,
          'Free texts are shown only with a public outcome: send publicOutcome: true as well',
          'publicFreeTexts',
        );
      const publicFreeTexts = publicOutcome ? (dto.publicFreeTexts ?? c.publicFreeTexts) : false;
      const before = { publicOutcome: c.publicOutcome, publicFreeTexts: c.publicFreeTexts };
      const after = { publicOutcome, publicFreeTexts };
      if (before.publicOutcome === after.publicOutcome && before.publicFreeTexts === after.publicFreeTexts)
        return;
      await this.repository.setPublication(em, id, {
        ...after,
        publicOutcomeAt: publicOutcome && !c.publicOutcome ? this.clock.now() : c.publicOutcomeAt,
      });
      await this.write.auditUpdate(em, 'consultation', id, before, after);
    });
  }
}
