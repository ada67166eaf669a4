import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ConsultationsService,
  ConsultationTransitionDto,
  ConsultationView,
  CreateConsultationDto,
  CreateQuestionDto,
  ListConsultationsDto,
  OutcomeService,
  PublishOutcomeDto,
  QuestionOrderService,
  QuestionsService,
  ReorderQuestionsDto,
  ResponsesService,
  ResultsService,
  SubmitResponseDto,
  UpdateConsultationDto,
  UpdateQuestionDto,
} from '@tandem/consultations';
import { Actor, CoreError } from '@tandem/core';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation, PagedList } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath, QuestionPath, UUID_PATTERN } from '../http/path-params.dto';

@ApiTags('consultations')
@Authenticated()
@Controller('consultations')
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly questions: QuestionsService,
    private readonly responses: ResponsesService,
    private readonly results: ResultsService,
    private readonly outcome: OutcomeService,
    private readonly questionOrder: QuestionOrderService,
  ) {}

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Draft a consultation (members of the owning government organisation)',
    description: 'Texts per language (`{"en": "…", "ar": "…"}`); the first of `languages` is the default.',
    problems: [400, 403, 422],
  })
  @LocatedAt('/consultations')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateConsultationDto) {
    return this.consultations.create(actor, dto);
  }

  @Get()
  @PagedList(ConsultationView, {
    summary: 'Consultations I may see',
    description:
      "The owning organisation's members see its consultations; invitees (everyone for all_organizations) once scheduled. Filters status, organizationId; newest first.",
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListConsultationsDto) {
    return this.consultations.list(actor, filter);
  }

  @Get(':id')
  @Operation({ summary: 'A consultation with its questions', problems: [400, 404] })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.consultations.get(actor, id);
  }

  @Patch(':id')
  @Operation({
    summary: 'Edit a consultation before it opens (owners); requires If-Match',
    problems: [400, 403, 404, 409, 412, 422, 428],
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateConsultationDto,
  ) {
    return this.consultations.update(actor, id, expectedVersion, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Operation({
    summary: 'Move the consultation through its lifecycle (owners)',
    description:
      'draft → scheduled → open → closed; cancelled from draft, scheduled or open. The worker opens and closes it on its dates. Anything else is 409; scheduling with a text missing in an offered language is 422.',
    problems: [400, 403, 404, 409, 422],
  })
  async transition(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: ConsultationTransitionDto,
  ) {
    return this.consultations.transition(actor, id, dto.to);
  }

  @Get(':id/questions')
  @Operation({ summary: 'The questions, in order', problems: [400, 404] })
  listQuestions(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.questions.list(actor, id);
  }

  @Post(':id/questions')
  @Idempotent()
  @Operation({
    summary: 'Add a question (owners, before it opens)',
    description: 'type text | single_choice | multiple_choice | scale (1 to 5); 409 once open.',
    problems: [400, 403, 404, 409, 422],
  })
  addQuestion(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: CreateQuestionDto) {
    return this.questions.add(actor, id, dto);
  }

  @Put(':id/questions/order')
  @Operation({
    summary: 'Put the questions in a new order (owners, before it opens)',
    description: 'questionIds lists every question once, in the new order; 409 once open. Audited.',
    problems: [400, 403, 404, 409],
  })
  reorderQuestions(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: ReorderQuestionsDto) {
    return this.questionOrder.reorder(actor, id, dto);
  }

  @Patch(':id/questions/:questionId')
  @Operation({
    summary: 'Edit or move a question (owners, before it opens)',
    problems: [400, 403, 404, 409, 422],
  })
  updateQuestion(
    @CurrentActor() actor: Actor,
    @Param() { id, questionId }: QuestionPath,
    @Body() dto: UpdateQuestionDto,
  ) {
    return this.questions.update(actor, id, questionId, dto);
  }

  @Delete(':id/questions/:questionId')
  @HttpCode(204)
  @Operation({ summary: 'Remove a question (owners, before it opens)', problems: [400, 403, 404, 409, 422] })
  async removeQuestion(@CurrentActor() actor: Actor, @Param() { id, questionId }: QuestionPath) {
    await this.questions.remove(actor, id, questionId);
  }

  @Post(':id/responses')
  @Operation({
    summary: 'Answer for your organisation (members of invited organisations, while open)',
    description:
      'One response per organisation: a second is 409 (change it with PUT …/responses/mine). Each bad answer is a 400 naming `answers.<questionId>`.',
    problems: [400, 403, 404, 409, 422],
  })
  async respond(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: SubmitResponseDto) {
    return (await this.responses.submit(actor, id, dto, 'create')).response;
  }

  @Put(':id/responses/mine')
  @Operation({
    summary: "Create or replace your organisation's response (until it closes)",
    description: 'Returns 201 when it created the response, 200 when it replaced it.',
    problems: [400, 403, 404, 409, 422],
  })
  async upsertMine(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: SubmitResponseDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { response, created } = await this.responses.submit(actor, id, dto, 'upsert');
    res.status(created ? 201 : 200);
    return response;
  }

  @Get(':id/responses/mine')
  @Operation({ summary: "Your organisation's response", problems: [400, 403, 404, 422] })
  @ApiQuery({ name: 'organizationId', required: false })
  mine(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Query('organizationId') organizationId?: string,
  ) {
    if (organizationId !== undefined && !UUID_PATTERN.test(organizationId))
      throw CoreError.invalid('organizationId', 'must be a UUID');
    return this.responses.mine(actor, id, organizationId);
  }

  @Get(':id/results')
  @Operation({
    summary: 'Results (owners at any time; invitees once the outcome is published)',
    description:
      'Per question counts and percentages, scale average and distribution, free-text answers; participation by stakeholder kind and response rate. Anonymous consultations never pair an organisation with an answer.',
    problems: [400, 403, 404],
  })
  getResults(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.results.results(actor, id);
  }

  @Get(':id/results.csv')
  @Operation({
    summary: 'Results as CSV: one row per response (no organisation columns when anonymous)',
    description: 'Choices are written as their labels in `language`, never as their internal values.',
    problems: [400, 403, 404],
  })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiQuery({
    name: 'language',
    required: false,
    description: "One of the consultation's languages, for prompts and choice labels (default: its first)",
  })
  async resultsCsv(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Res({ passthrough: true }) res: Response,
    @Query('language') language?: string,
  ) {
    const { filename, body } = await this.results.csv(actor, id, language);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Post(':id/outcome')
  @Operation({
    summary: 'Publish the outcome, "you said, we did" (owners, once closed)',
    description: 'Moves it to outcome_published and notifies every organisation that answered.',
    problems: [400, 403, 404, 409],
  })
  async publishOutcome(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: PublishOutcomeDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const c = await this.outcome.publish(actor, id, dto);
    res.status(201);
    return c;
  }
}
