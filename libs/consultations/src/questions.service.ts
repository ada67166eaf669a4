import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { CoreError, validationFailed, Actor } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { ConsultationAccessService } from './consultation-access.service';
import { questionView, QuestionView } from './consultation.view';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsService } from './consultations.service';
import { CreateQuestionDto, UpdateQuestionDto } from './dto';
import { Consultation, ConsultationQuestion, ConsultationStatus, QuestionType } from './entities';
import { QuestionsRepository } from './questions.repository';

const CHOICE = new Set([QuestionType.SingleChoice, QuestionType.MultipleChoice]);

/** Questions of a consultation: ordered, multilingual, frozen once it opens. */
@Injectable()
export class QuestionsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly questions: QuestionsRepository,
    private readonly repository: ConsultationsRepository,
    private readonly access: ConsultationAccessService,
    private readonly consultations: ConsultationsService,
  ) {}

  async list(actor: Actor, consultationId: string): Promise<QuestionView[]> {
    await this.access.require(actor, consultationId, 'read');
    return (await this.questions.ordered(consultationId)).map(questionView);
  }

  /** `bankQuestionId`: the question-bank entry this one copies (issue 19), so its results compare across cities. */
  async add(
    actor: Actor,
    consultationId: string,
    dto: CreateQuestionDto,
    bankQuestionId: string | null = null,
  ): Promise<QuestionView> {
    const id = await this.editDraft(actor, consultationId, async (em, c) => {
      const shape = this.checkShape(dto.type, dto.options ?? [], dto.maxLength);
      const existing = await this.ordered(em, consultationId);
      const q = await this.questions.insert(em, {
        consultationId,
        position: existing.length + 1,
        type: dto.type,
        prompt: dto.prompt,
        options: shape.options,
        required: dto.required ?? false,
        maxLength: shape.maxLength,
        bankQuestionId,
      });
      await this.reorder(em, [...existing, q], q, dto.position);
      await this.recordChange(em, c, 'create', q, undefined, this.snapshot(q));
      return q.id;
    });
    return questionView(await this.questions.getById(id));
  }

  async update(
    actor: Actor,
    consultationId: string,
    questionId: string,
    dto: UpdateQuestionDto,
  ): Promise<QuestionView> {
    await this.editDraft(actor, consultationId, async (em, c) => {
      const all = await this.ordered(em, consultationId);
      const q = questionIn(all, questionId);
      const before = this.snapshot(q);
      const type = dto.type ?? q.type;
      const shape = this.checkShape(
        type,
        dto.options ?? (CHOICE.has(type) ? q.options : []),
        dto.maxLength !== undefined
          ? dto.maxLength
          : type === QuestionType.Text
            ? (q.maxLength ?? undefined)
            : undefined,
      );
      q.type = type;
      if (dto.prompt !== undefined) q.prompt = dto.prompt;
      if (dto.required !== undefined) q.required = dto.required;
      q.options = shape.options;
      q.maxLength = shape.maxLength;
      await this.questions.save(em, q);
      if (dto.position !== undefined) await this.reorder(em, all, q, dto.position);
      await this.recordChange(em, c, 'update', q, before, this.snapshot(q));
    });
    return questionView(await this.questions.getById(questionId));
  }

  async remove(actor: Actor, consultationId: string, questionId: string): Promise<void> {
    await this.editDraft(actor, consultationId, async (em, c) => {
      const all = await this.ordered(em, consultationId);
      const q = questionIn(all, questionId);
      await this.questions.delete(em, q.id);
      const rest = all.filter((x) => x.id !== q.id);
      await this.renumber(em, rest);
      await this.recordChange(em, c, 'delete', q, this.snapshot(q));
    });
  }

  /**
   * Runs `work` in one transaction once the actor may edit the consultation's questions: its owners,
   * and only before it opens (409 after).
   */
  editDraft<T>(
    actor: Actor,
    consultationId: string,
    work: (em: EntityManager, c: Consultation) => Promise<T>,
  ): Promise<T> {
    return this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, consultationId, 'manage', em, 'update');
      this.consultations.assertEditable(c.status);
      return work(em, c);
    });
  }

  /** After a question changed: the consultation's version moves on and the audit trail keeps the change. */
  private async recordChange(
    em: EntityManager,
    c: Consultation,
    action: 'create' | 'update' | 'delete',
    q: ConsultationQuestion,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
  ): Promise<void> {
    await this.afterChange(em, c.id, c.status);
    await this.write.audit(em, {
      action,
      entityType: 'consultation_question',
      entityId: q.id,
      before,
      after,
    });
  }

  /** Options for choice questions only (two or more, distinct values); maxLength for text only. */
  private checkShape(
    type: QuestionType,
    options: { value: string; label: Record<string, string> }[],
    maxLength: number | undefined,
  ): { options: { value: string; label: Record<string, string> }[]; maxLength: number | null } {
    const errors: { field: string; message: string }[] = [];
    if (CHOICE.has(type)) {
      if (options.length < 2)
        errors.push({ field: 'options', message: `a ${type} question needs at least two options` });
      const values = options.map((o) => o.value);
      if (new Set(values).size !== values.length)
        errors.push({ field: 'options', message: 'option values must be distinct' });
    } else if (options.length) {
      errors.push({ field: 'options', message: `a ${type} question has no options` });
    }
    if (type !== QuestionType.Text && maxLength !== undefined && maxLength !== null)
      errors.push({ field: 'maxLength', message: 'only text questions have a maxLength' });
    if (errors.length) throw validationFailed(errors);
    return {
      options: options.map((o) => ({ value: o.value, label: o.label })),
      maxLength: type === QuestionType.Text ? (maxLength ?? null) : null,
    };
  }

  private async afterChange(
    em: EntityManager,
    consultationId: string,
    status: ConsultationStatus,
  ): Promise<void> {
    await this.repository.bumpVersion(em, consultationId);
    // A scheduled consultation must stay ready (every language present) until it opens.
    if (status === ConsultationStatus.Scheduled)
      await this.consultations.assertReady(em, await this.repository.getById(consultationId, em));
  }

  private ordered(em: EntityManager, consultationId: string): Promise<ConsultationQuestion[]> {
    return this.questions.ordered(consultationId, em);
  }

  /** Moves `q` to `position` (1-based, clamped) among `all`, then numbers them 1..n. */
  private async reorder(
    em: EntityManager,
    all: ConsultationQuestion[],
    q: ConsultationQuestion,
    position: number | undefined,
  ): Promise<void> {
    if (position === undefined) return;
    const rest = all.filter((x) => x.id !== q.id);
    const at = Math.min(Math.max(position, 1), rest.length + 1) - 1;
    rest.splice(at, 0, q);
    await this.renumber(em, rest);
  }

  private async renumber(em: EntityManager, ordered: ConsultationQuestion[]): Promise<void> {
    for (const [i, x] of ordered.entries()) {
      if (x.position !== i + 1) {
        x.position = i + 1;
        await this.questions.setPosition(em, x.id, i + 1);
      }
    }
  }

  private snapshot(q: ConsultationQuestion): Record<string, unknown> {
    const { id: _id, ...rest } = questionView(q);
    return { consultationId: q.consultationId, ...rest };
  }
}

function questionIn(all: ConsultationQuestion[], questionId: string): ConsultationQuestion {
  const q = all.find((x) => x.id === questionId);
  if (!q) throw CoreError.notFound('Question');
  return q;
}
