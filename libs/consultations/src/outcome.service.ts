import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';

import { validationFailed, Actor } from '@tandem/core';
import { ConsultationAccessService } from './consultation-access.service';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationView } from './consultation.view';
import { ConsultationsError, ConsultationsErrorCode } from './consultations.errors';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsService } from './consultations.service';
import { PublishOutcomeDto } from './dto';
import { ConsultationOutcome, ConsultationStatus as S, LocalizedText } from './entities';
import { textIn } from './localized-text';
import { QuestionsRepository } from './questions.repository';
import { ResponsesRepository } from './responses.repository';

/** "You said, we did": the owner publishes what it decided; every organisation that answered hears. */
@Injectable()
export class OutcomeService {
  constructor(
    private readonly write: DomainWrite,
    private readonly access: ConsultationAccessService,
    private readonly consultations: ConsultationsService,
    private readonly lifecycle: ConsultationLifecycleService,
    private readonly repository: ConsultationsRepository,
    private readonly questions: QuestionsRepository,
    private readonly responses: ResponsesRepository,
  ) {}

  async publish(actor: Actor, id: string, dto: PublishOutcomeDto): Promise<ConsultationView> {
    await this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, id, 'manage', em, 'update');
      if (c.status !== S.Closed)
        throw new ConsultationsError(
          ConsultationsErrorCode.ConsultationTransitionNotAllowed,
          `The outcome is published once the consultation is closed; it is ${c.status}`,
        );
      const questionIds = await this.questions.ids(em, id);
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
      await this.repository.setOutcome(em, id, outcome, new Date());
      const moved = await this.lifecycle.move(em, id, S.Closed, S.OutcomePublished);
      if (!moved)
        throw new ConsultationsError(
          ConsultationsErrorCode.ConsultationTransitionNotAllowed,
          'The consultation changed status meanwhile; reload and retry',
        );
      await this.write.auditUpdate(em, 'consultation', id, { outcome: null }, { outcome });
      const participants = await this.responses.respondingOrganizations(em, id);
      // One notification per organisation member, identical for all: it says nothing of who answered what.
      await this.lifecycle.notifyInTheirLanguage(em, c, {
        type: 'consultation.outcome_published',
        subject: { type: 'consultation', id },
        recipients: { organizationIds: participants },
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
