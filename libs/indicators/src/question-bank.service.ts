import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { CreateQuestionDto, QuestionsService, QuestionType, QuestionView } from '@tandem/consultations';
import { Actor, CoreError, mapPage, Page, validationFailed, orNotFound } from '@tandem/core';
import { plainToInstance } from 'class-transformer';
import { CreateBankQuestionDto, ListBankQuestionsDto } from './dto';
import { BankQuestion } from './entities';
import { MeasuringAuditEntity } from './indicators.events';
import { MeasuringAccessService } from './measuring-access.service';
import { MeasuringRepository } from './measuring.repository';
import {
  AggregateCellView,
  bankQuestionView,
  BankQuestionView,
  BankQuestionResultsView,
} from './measuring.views';

/** Cells counting fewer answers than this are not shown (the platform's default suppression threshold). */
export const ANONYMITY_THRESHOLD = 5;
const SCALE_POINTS = ['1', '2', '3', '4', '5'];

/**
 * The shared question bank. Its copies in consultations keep `bankQuestionId`, so the answers of
 * every published consultation that used an entry add up to one comparable result, shown only in
 * cells at or above the anonymity threshold.
 */
@Injectable()
export class QuestionBankService {
  constructor(
    private readonly write: DomainWrite,
    private readonly repo: MeasuringRepository,
    private readonly access: MeasuringAccessService,
    private readonly questions: QuestionsService,
  ) {}

  async create(actor: Actor, dto: CreateBankQuestionDto): Promise<BankQuestionView> {
    this.access.assertCurator(actor);
    const options = dto.options ?? [];
    const choice = dto.type !== 'scale';
    if (choice && options.length < 2)
      throw validationFailed([
        { field: 'options', message: `a ${dto.type} question needs at least two options` },
      ]);
    if (!choice && options.length)
      throw validationFailed([{ field: 'options', message: 'a scale question has no options' }]);
    if (new Set(options.map((o) => o.value)).size !== options.length)
      throw validationFailed([{ field: 'options', message: 'option values must be distinct' }]);
    return this.write.run(async (em) => {
      const q = await this.repo.insertBankQuestion(em, {
        type: dto.type,
        prompt: dto.prompt,
        options: options.map((o) => ({ value: o.value, label: o.label })),
        dimensions: dto.dimensions,
        createdByUserId: actor.userId,
      });
      await this.write.auditCreate(em, MeasuringAuditEntity.BankQuestion, q.id, {
        type: q.type,
        prompt: q.prompt,
        options: q.options,
        dimensions: q.dimensions,
      });
      return bankQuestionView(q);
    });
  }

  async list(filter: ListBankQuestionsDto): Promise<Page<BankQuestionView>> {
    return mapPage(await this.repo.listBankQuestions(filter), bankQuestionView);
  }

  async get(id: string): Promise<BankQuestionView> {
    return bankQuestionView(await this.require(id));
  }

  /**
   * Copies a bank question into a consultation in one step, through the consultation's own rules
   * (its owner's officers, while it is a draft), keeping the link back to the bank.
   */
  async addToConsultation(
    actor: Actor,
    consultationId: string,
    bankQuestionId: string,
  ): Promise<QuestionView> {
    const q = await this.bankQuestionOrInvalid(bankQuestionId);
    const dto = plainToInstance(CreateQuestionDto, {
      type: q.type as QuestionType,
      prompt: q.prompt,
      ...(q.type !== 'scale' ? { options: q.options } : {}),
      required: false,
    });
    return this.questions.add(actor, consultationId, dto, q.id);
  }

  async results(id: string): Promise<BankQuestionResultsView> {
    const q = await this.require(id);
    const { consultations, answers } = await this.repo.bankAnswers(id);
    const values = q.type === 'scale' ? SCALE_POINTS : q.options.map((o) => o.value);
    const tally = (rows: typeof answers) => {
      const counts = new Map(values.map((v) => [v, 0]));
      let answered = 0;
      let sum = 0;
      for (const r of rows) {
        const given = Array.isArray(r.answer) ? r.answer.map(String) : [String(r.answer)];
        if (!given.length) continue;
        answered += 1;
        if (q.type === 'scale') sum += Number(r.answer);
        for (const g of given) if (counts.has(g)) counts.set(g, counts.get(g)! + 1);
      }
      const cells: AggregateCellView[] = values.map((value) => {
        const n = counts.get(value)!;
        // A count is shown only when the answers behind it reach the threshold; 0 reveals nobody.
        const suppressed = answered < ANONYMITY_THRESHOLD || (n > 0 && n < ANONYMITY_THRESHOLD);
        return { value, count: suppressed ? null : n, suppressed };
      });
      // Single choice: the shown total minus the shown cells would reveal one lone hidden cell, so hide one more.
      const hidden = cells.filter((c) => c.suppressed);
      if (q.type === 'single_choice' && answered >= ANONYMITY_THRESHOLD && hidden.length === 1) {
        const next = cells
          .filter((c) => !c.suppressed && counts.get(c.value)! > 0)
          .sort((a, b) => counts.get(a.value)! - counts.get(b.value)!)[0];
        if (next) Object.assign(next, { count: null, suppressed: true });
      }
      return { answered: answered < ANONYMITY_THRESHOLD ? null : answered, cells, sum, raw: answered };
    };
    const all = tally(answers);
    return {
      question: bankQuestionView(q),
      threshold: ANONYMITY_THRESHOLD,
      consultationCount: consultations.length,
      answered: all.answered,
      cells: all.cells,
      average:
        q.type === 'scale' && all.answered !== null ? Math.round((all.sum / all.raw) * 100) / 100 : null,
      consultations: consultations.map((c) => {
        const t = tally(answers.filter((a) => a.consultationId === c.id));
        return {
          consultationId: c.id,
          ownerOrganizationId: c.ownerOrganizationId,
          answered: t.answered,
          cells: t.cells,
        };
      }),
    };
  }

  private async require(id: string): Promise<BankQuestion> {
    return orNotFound(await this.repo.bankQuestion(id), 'Bank question');
  }

  private async bankQuestionOrInvalid(id: string): Promise<BankQuestion> {
    const q = await this.repo.bankQuestion(id);
    if (!q) throw CoreError.invalid('bankQuestionId', 'is not a question of the bank');
    return q;
  }
}
