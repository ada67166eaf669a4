import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { Actor } from '@tandem/core';
import { ApiTags } from '@nestjs/swagger';
import {
  AddManagerDto,
  AddPartnerDto,
  CreateMilestoneDto,
  CreateProgrammeDto,
  ListProgrammesDto,
  ManagersMilestonesService,
  PartnersService,
  ProgrammesService,
  ProgrammeTransitionDto,
  ProgrammeView,
  UpdateMilestoneDto,
  UpdatePartnerDto,
  UpdateProgrammeDto,
} from '@tandem/programmes';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation, PagedList } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath, MilestonePath, PartnerPath, UserPath } from '../http/path-params.dto';

@ApiTags('programmes')
@Authenticated()
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly partners: PartnersService,
    private readonly staff: ManagersMilestonesService,
  ) {}

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Set up a programme (org admins of the lead organisation)',
    description: 'Starts as draft; the lead joins as its first partner.',
    problems: [400, 403, 409, 422],
  })
  @LocatedAt('/programmes')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto) {
    return this.programmes.create(actor, dto);
  }

  @Get()
  @PagedList(ProgrammeView, {
    summary: 'Programmes I may see',
    description:
      'Filters status, dimension, country, city, partnerOrganizationId, text; keyset pages, newest first.',
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListProgrammesDto) {
    return this.programmes.list(actor, filter);
  }

  @Get(':id')
  @Operation({
    summary: 'A programme (its managers, partners, observers, invited partners, platform admins)',
    problems: [400, 404],
  })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.programmes.get(actor, id);
  }

  @Patch(':id')
  @Operation({
    summary: 'Edit a programme (managers); requires If-Match',
    problems: [400, 403, 404, 409, 412, 422, 428],
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateProgrammeDto,
  ) {
    return this.programmes.update(actor, id, expectedVersion, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Operation({
    summary: 'Move the programme through its lifecycle (managers)',
    description:
      'draft → active ↔ suspended → completed → archived; draft → cancelled. Anything else is 409.',
    problems: [400, 403, 404, 409],
  })
  async transition(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: ProgrammeTransitionDto,
  ) {
    return this.programmes.transition(actor, id, dto.to);
  }

  @Get(':id/partners')
  @Operation({ summary: 'Partners with their role and status, including past ones', problems: [400, 404] })
  listPartners(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.partners.list(actor, id);
  }

  @Post(':id/partners')
  @Operation({
    summary: 'Invite an organisation as partner (managers)',
    description: 'The partner starts as invited; its org admins accept or decline.',
    problems: [400, 403, 404, 409],
  })
  addPartner(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: AddPartnerDto) {
    return this.partners.add(actor, id, dto);
  }

  @Patch(':id/partners/:organizationId')
  @Operation({ summary: "Change a partner's role or agreement (managers)", problems: [400, 403, 404, 409] })
  updatePartner(
    @CurrentActor() actor: Actor,
    @Param() { id, organizationId }: PartnerPath,
    @Body() dto: UpdatePartnerDto,
  ) {
    return this.partners.update(actor, id, organizationId, dto);
  }

  @Post(':id/partners/:organizationId/accept')
  @HttpCode(200)
  @Operation({
    summary: 'Accept the invitation (org admins of the invited organisation)',
    problems: [400, 403, 404, 409],
  })
  accept(@CurrentActor() actor: Actor, @Param() { id, organizationId }: PartnerPath) {
    return this.partners.answer(actor, id, organizationId, 'accept');
  }

  @Post(':id/partners/:organizationId/decline')
  @HttpCode(200)
  @Operation({
    summary: 'Decline the invitation (org admins of the invited organisation)',
    problems: [400, 403, 404, 409],
  })
  decline(@CurrentActor() actor: Actor, @Param() { id, organizationId }: PartnerPath) {
    return this.partners.answer(actor, id, organizationId, 'decline');
  }

  @Post(':id/partners/:organizationId/leave')
  @HttpCode(200)
  @Operation({
    summary: 'Leave the programme (org admins of the partner); its history stays',
    problems: [400, 403, 404, 409],
  })
  leave(@CurrentActor() actor: Actor, @Param() { id, organizationId }: PartnerPath) {
    return this.partners.end(actor, id, organizationId, 'leave');
  }

  @Delete(':id/partners/:organizationId')
  @Operation({ summary: 'Remove a partner (managers); its history stays', problems: [400, 403, 404, 409] })
  remove(@CurrentActor() actor: Actor, @Param() { id, organizationId }: PartnerPath) {
    return this.partners.end(actor, id, organizationId, 'remove');
  }

  @Get(':id/managers')
  @Operation({
    summary: 'Who manages the programme: org admins of the lead and named managers',
    problems: [400, 404],
  })
  managers(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.staff.listManagers(actor, id);
  }

  @Post(':id/managers')
  @Operation({
    summary: 'Name a member of the lead organisation programme manager (lead org admins)',
    problems: [400, 403, 404, 422],
  })
  addManager(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: AddManagerDto) {
    return this.staff.addManager(actor, id, dto);
  }

  @Delete(':id/managers/:userId')
  @HttpCode(204)
  @Operation({ summary: 'Withdraw a named programme manager (lead org admins)', problems: [400, 403, 404] })
  async removeManager(@CurrentActor() actor: Actor, @Param() { id, userId }: UserPath) {
    await this.staff.removeManager(actor, id, userId);
  }

  @Get(':id/milestones')
  @Operation({ summary: 'Milestones with progress derived from their tasks', problems: [400, 404] })
  milestones(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.staff.listMilestones(actor, id);
  }

  @Post(':id/milestones')
  @Operation({ summary: 'Add a milestone (managers)', problems: [400, 403, 404] })
  createMilestone(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: CreateMilestoneDto) {
    return this.staff.createMilestone(actor, id, dto);
  }

  @Patch(':id/milestones/:milestoneId')
  @Operation({ summary: 'Edit a milestone (managers)', problems: [400, 403, 404] })
  updateMilestone(
    @CurrentActor() actor: Actor,
    @Param() { id, milestoneId }: MilestonePath,
    @Body() dto: UpdateMilestoneDto,
  ) {
    return this.staff.updateMilestone(actor, id, milestoneId, dto);
  }
}
