import { Injectable } from '@nestjs/common';
import { AuditService } from '@tandem/audit';

import { TransactionService, validationFailed, Actor } from '@tandem/core';
import { ConsultationAccessService } from './consultation-access.service';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationView } from './consultation.view';
import { ConsultationsError, ConsultationsErrorCode } from './consultations.errors';
import { ConsultationsService } from './consultations.service';
import { PublishOutcomeDto } from './dto';
import { Consultation, ConsultationOutcome, ConsultationStatus as S, LocalizedText } from './entities';
import { textIn } from './localized-text';

/** "You said, we did": the owner publishes what it decided; every organisation that answered hears. */
@Injectable()
export class OutcomeService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: ConsultationAccessService,
    private readonly consultations: ConsultationsService,
    private readonly lifecycle: ConsultationLifecycleService,
    private readonly audit: AuditService,
  ) {}

  async publish(actor: Actor, id: string, dto: PublishOutcomeDto): Promise<ConsultationView> {
    await this.tx.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, id, 'manage', em, 'update');
      if (c.status !== S.Closed)
        throw new ConsultationsError(
          ConsultationsErrorCode.ConsultationTransitionNotAllowed,
          `The outcome is published once the consultation is closed; it is ${c.status}`,
        );
      const questionIds = new Set(
        (
          (await em.query(`SELECT id FROM consultation_questions WHERE consultation_id = $1`, [id])) as {
            id: string;
          }[]
        ).map((r) => r.id),
      );
      const errors = dto.decisions.flatMap((d, i) =>
        (d.questionIds ?? [])
          .filter((q) => !questionIds.has(q))
          .map((q) => ({
            field: `decisions[${i}].questionIds`,
            message: `${q} is not a question of this consultation`,
          })),
      );
      if (errors.length) throw validationFailed(errors);
      const text = (t: string | LocalizedText): LocalizedText =>
        typeof t === 'string' ? { [c.languages[0]]: t } : t;
      const outcome: ConsultationOutcome = {
        summary: text(dto.summary),
        decisions: dto.decisions.map((d) => ({ text: text(d.text), questionIds: d.questionIds ?? [] })),
      };
      await em.update(Consultation, { id }, { outcome, outcomePublishedAt: new Date() });
      const moved = await this.lifecycle.move(em, id, S.Closed, S.OutcomePublished);
      if (!moved)
        throw new ConsultationsError(
          ConsultationsErrorCode.ConsultationTransitionNotAllowed,
          'The consultation changed status meanwhile; reload and retry',
        );
      await this.audit.record(em, {
        action: 'update',
        entityType: 'consultation',
        entityId: id,
        before: { outcome: null },
        after: { outcome },
      });
      const participants: { organization_id: string }[] = await em.query(
        `SELECT organization_id FROM consultation_responses WHERE consultation_id = $1`,
        [id],
      );
      // One notification per organisation member, identical for all: it says nothing of who answered what.
      await this.lifecycle.notifyInTheirLanguage(em, c, {
        type: 'consultation.outcome_published',
        subject: { type: 'consultation', id },
        recipients: { organizationIds: participants.map((p) => p.organization_id) },
        params: (lang) => ({
          consultationTitle: textIn(c.title, lang, c.languages),
          summary: textIn(outcome.summary, lang, c.languages).slice(0, 500),
        }),
        dedupeKey: `consultation-outcome:${id}`,
      });
    });
    return this.consultations.view(id);
  }
}
