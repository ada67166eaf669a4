import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Clock, CoreError, FieldError, validationFailed, Actor, orNotFound } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { responseAuditEntry } from './consultation-anonymity';
import { ConsultationAccessService } from './consultation-access.service';
import { ConsultationsError, ConsultationsErrorCode } from './consultations.errors';
import { SubmitResponseDto } from './dto';
import {
  AnswerValue,
  Consultation,
  ConsultationQuestion,
  ConsultationStatus,
  QuestionType,
  SCALE_MAX,
  SCALE_MIN,
  TEXT_ANSWER_LIMIT,
} from './entities';
import { ResponseView } from './response.view';
import { QuestionsRepository } from './questions.repository';
import { ResponsesRepository } from './responses.repository';

/**
 * An organisation's answers. One response per organisation (a unique index): `PUT …/responses/mine`
 * creates or replaces it until the consultation closes; `POST …/responses` only creates, and a
 * second one from the same organisation is a 409 pointing at the PUT.
 */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly write: DomainWrite,
    private readonly responses: ResponsesRepository,
    private readonly questions: QuestionsRepository,
    private readonly access: ConsultationAccessService,
    private readonly clock: Clock,
  ) {}

  async submit(
    actor: Actor,
    consultationId: string,
    dto: SubmitResponseDto,
    mode: 'create' | 'upsert',
  ): Promise<{ response: ResponseView; created: boolean }> {
    return this.write.run(async (em) => {
      // FOR SHARE: closing (an UPDATE of the row) waits for answers in flight, and they for it.
      const { consultation: c, respondingOrgIds } = await this.access.require(
        actor,
        consultationId,
        'respond',
        em,
        'share',
      );
      const organizationId = this.respondingOrganization(respondingOrgIds, dto.organizationId);
      this.assertOpen(c);
      const questions = await this.questions.ordered(consultationId, em);
      const answers = this.validate(questions, dto);
      const submittedBy = c.anonymous ? null : actor.userId;
      const saved = await this.responses.save(
        em,
        { consultationId, organizationId, submittedByUserId: submittedBy, answers },
        mode,
      );
      if (!saved)
        throw new ConsultationsError(
          ConsultationsErrorCode.ResponseExists,
          'Your organisation has already answered; change its answers with PUT /consultations/{id}/responses/mine',
        );
      const { id, created } = saved;
      // Anonymous: the audit row names neither the person, the organisation, the answers nor the response.
      await this.write.audit(em, responseAuditEntry(c, { id, organizationId, answers }, created));
      return { response: await this.view(em, consultationId, organizationId), created };
    });
  }

  async mine(actor: Actor, consultationId: string, organizationId?: string): Promise<ResponseView> {
    const { respondingOrgIds } = await this.access.require(actor, consultationId, 'respond');
    const org = this.respondingOrganization(respondingOrgIds, organizationId);
    return this.view(undefined, consultationId, org);
  }

  private async view(
    em: EntityManager | undefined,
    consultationId: string,
    organizationId: string,
  ): Promise<ResponseView> {
    const response = orNotFound(
      await this.responses.ofOrganization(consultationId, organizationId, em),
      'Response',
    );
    const order = await this.questions.ordered(consultationId, em);
    const a = response.answers;
    return {
      consultationId,
      organizationId,
      answers: order.filter((q) => q.id in a).map((q) => ({ questionId: q.id, value: a[q.id] })),
      createdAt: response.created_at,
      updatedAt: response.updated_at,
    };
  }

  private respondingOrganization(respondingOrgIds: string[], requested?: string): string {
    if (requested) {
      if (!respondingOrgIds.includes(requested))
        throw CoreError.forbidden('You may answer only for an organisation of yours that is invited');
      return requested;
    }
    if (respondingOrgIds.length > 1)
      throw new ConsultationsError(
        ConsultationsErrorCode.RespondingOrganizationRequired,
        'You belong to several organisations that may answer: say which with organizationId',
        'organizationId',
      );
    return respondingOrgIds[0];
  }

  private assertOpen(c: Consultation): void {
    if (c.status !== ConsultationStatus.Open || c.closesAt.getTime() <= this.clock.now().getTime())
      throw new ConsultationsError(
        ConsultationsErrorCode.ConsultationNotOpen,
        c.status === ConsultationStatus.Open
          ? 'The consultation has closed'
          : `The consultation is ${c.status}; answers are taken only while it is open`,
      );
  }

  /** Each answer against its question; every problem is named `answers.<questionId>`. */
  validate(questions: ConsultationQuestion[], dto: SubmitResponseDto): Record<string, AnswerValue> {
    const byId = new Map(questions.map((q) => [q.id, q]));
    const errors: FieldError[] = [];
    const out: Record<string, AnswerValue> = {};
    const fail = (questionId: string, message: string) =>
      errors.push({ field: `answers.${questionId}`, message });
    for (const { questionId, value } of dto.answers) {
      const q = byId.get(questionId);
      if (!q) {
        fail(questionId, 'is not a question of this consultation');
        continue;
      }
      if (questionId in out) {
        fail(questionId, 'is answered twice');
        continue;
      }
      const problem = this.check(q, value);
      if (problem) fail(questionId, problem);
      else out[questionId] = Array.isArray(value) ? [...new Set(value)] : value;
    }
    for (const q of questions)
      if (q.required && !(q.id in out) && !errors.some((e) => e.field === `answers.${q.id}`))
        fail(q.id, 'is required');
    if (errors.length) throw validationFailed(errors);
    return out;
  }

  private check(q: ConsultationQuestion, value: unknown): string | null {
    const values = new Set(q.options.map((o) => o.value));
    switch (q.type) {
      case QuestionType.Text: {
        if (typeof value !== 'string') return 'must be a text';
        if (q.required && value.trim() === '') return 'is required';
        const max = q.maxLength ?? TEXT_ANSWER_LIMIT;
        return value.length > max ? `must be at most ${max} characters` : null;
      }
      case QuestionType.SingleChoice:
        if (typeof value !== 'string') return 'must be one option value';
        return values.has(value) ? null : `must be one of: ${[...values].join(', ')}`;
      case QuestionType.MultipleChoice:
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
          return 'must be a list of option values';
        if (q.required && value.length === 0) return 'is required';
        return value.every((v: string) => values.has(v))
          ? null
          : `each must be one of: ${[...values].join(', ')}`;
      case QuestionType.Scale:
        return Number.isInteger(value) && (value as number) >= SCALE_MIN && (value as number) <= SCALE_MAX
          ? null
          : `must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}`;
    }
  }
}
