import { Injectable } from '@nestjs/common';
import { AuditService } from '@tandem/audit';
import { Actor, CoreError } from '@tandem/core';
import { questionView, QuestionView } from './consultation.view';
import { ConsultationsRepository } from './consultations.repository';
import { ReorderQuestionsDto } from './dto';
import { QuestionsRepository } from './questions.repository';
import { QuestionsService } from './questions.service';

/** Puts a draft's questions in a new order in one go (owners, before it opens; 409 after). */
@Injectable()
export class QuestionOrderService {
  constructor(
    private readonly drafts: QuestionsService,
    private readonly questions: QuestionsRepository,
    private readonly repository: ConsultationsRepository,
    private readonly audit: AuditService,
  ) {}

  async reorder(actor: Actor, consultationId: string, dto: ReorderQuestionsDto): Promise<QuestionView[]> {
    await this.drafts.editDraft(actor, consultationId, async (em) => {
      const all = await this.questions.ordered(consultationId, em);
      const known = new Set(all.map((q) => q.id));
      if (dto.questionIds.length !== all.length || dto.questionIds.some((id) => !known.has(id)))
        throw CoreError.invalid('questionIds', 'must list every question of the consultation exactly once');
      const before = all.map((q) => q.id);
      for (const [i, id] of dto.questionIds.entries()) {
        if (all.find((q) => q.id === id)!.position !== i + 1) await this.questions.setPosition(em, id, i + 1);
      }
      await this.repository.bumpVersion(em, consultationId);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'consultation',
        entityId: consultationId,
        before: { questionOrder: before },
        after: { questionOrder: dto.questionIds },
      });
    });
    return (await this.questions.ordered(consultationId)).map(questionView);
  }
}
