import { Actor } from '@tandem/core';
import { QuestionView } from '@tandem/consultations';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AddBankQuestionDto,
  BankQuestionPageView,
  BankQuestionResultsView,
  BankQuestionView,
  CreateBankQuestionDto,
  ListBankQuestionsDto,
  QuestionBankService,
} from '@tandem/indicators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated, Operation } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

@ApiTags('measuring')
@Authenticated()
@Controller()
export class QuestionBankController {
  constructor(private readonly bank: QuestionBankService) {}

  @Get('question-bank')
  @Operation({
    summary: 'The shared question bank (every signed-in user)',
    description: 'Filter `dimension`; keyset pages.',
    ok: BankQuestionPageView,
    problems: [400],
  })
  list(@Query() query: ListBankQuestionsDto) {
    return this.bank.list(query);
  }

  @Post('question-bank')
  @Idempotent()
  @Operation({
    summary: 'Add a question to the bank (platform admins)',
    created: BankQuestionView,
    problems: [400, 403],
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBankQuestionDto): Promise<BankQuestionView> {
    return this.bank.create(actor, dto);
  }

  @Get('question-bank/:id')
  @ApiOkResponse({ type: BankQuestionView })
  @ApiProblems(400, 404)
  get(@Param() { id }: IdPath): Promise<BankQuestionView> {
    return this.bank.get(id);
  }

  @Get('question-bank/:id/results')
  @Operation({
    summary: 'Combined answers across published consultations that used the question',
    description:
      'Counts under the anonymity threshold (5) are null and marked suppressed, per consultation and combined; no organisation is named.',
    ok: BankQuestionResultsView,
    problems: [400, 404],
  })
  results(@Param() { id }: IdPath): Promise<BankQuestionResultsView> {
    return this.bank.results(id);
  }

  @Post('consultations/:id/questions/from-bank')
  @Idempotent()
  @Operation({
    summary: 'Add a bank question to a consultation in one step (its officers, while a draft)',
    description:
      'Copies the wording and options; the copy keeps bankQuestionId so its results add up across cities.',
    problems: [400, 403, 404, 409],
  })
  @ApiCreatedResponse({ type: QuestionView, description: 'The consultation question' })
  addToConsultation(
    @CurrentActor() actor: Actor,
    @Param() { id: consultationId }: IdPath,
    @Body() dto: AddBankQuestionDto,
  ) {
    return this.bank.addToConsultation(actor, consultationId, dto.bankQuestionId);
  }
}
