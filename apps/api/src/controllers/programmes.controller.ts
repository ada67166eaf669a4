import { Actor } from '@tandem/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

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
  UpdateMilestoneDto,
  UpdatePartnerDto,
  UpdateProgrammeDto,
} from '@tandem/programmes';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { uuidParam } from '../http/validation.pipe';

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
  @ApiOperation({
    summary: 'Set up a programme (org admins of the lead organisation)',
    description: 'Starts as draft; the lead joins as its first partner.',
  })
  @ApiProblems(400, 403, 409, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateProgrammeDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const p = await this.programmes.create(actor, dto);
    res.setHeader('Location', `/programmes/${p.id}`);
    return p;
  }

  @Get()
  @ApiOperation({
    summary: 'Programmes I may see',
    description:
      'Filters status, dimension, country, city, partnerOrganizationId, text; keyset pages, newest first.',
  })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() filter: ListProgrammesDto) {
    return this.programmes.list(actor, filter);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A programme (its managers, partners, observers, invited partners, platform admins)',
  })
  @ApiProblems(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.programmes.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a programme (managers); requires If-Match' })
  @ApiProblems(400, 403, 404, 409, 412, 422, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateProgrammeDto,
  ) {
    return this.programmes.update(actor, id, expectedVersion, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the programme through its lifecycle (managers)',
    description:
      'draft → active ↔ suspended → completed → archived; draft → cancelled. Anything else is 409.',
  })
  @ApiProblems(400, 403, 404, 409)
  async transition(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: ProgrammeTransitionDto,
  ) {
    return this.programmes.transition(actor, id, dto.to);
  }

  @Get(':id/partners')
  @ApiOperation({ summary: 'Partners with their role and status, including past ones' })
  @ApiProblems(400, 404)
  listPartners(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.partners.list(actor, id);
  }

  @Post(':id/partners')
  @ApiOperation({
    summary: 'Invite an organisation as partner (managers)',
    description: 'The partner starts as invited; its org admins accept or decline.',
  })
  @ApiProblems(400, 403, 404, 409)
  addPartner(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddPartnerDto,
  ) {
    return this.partners.add(actor, id, dto);
  }

  @Patch(':id/partners/:organizationId')
  @ApiOperation({ summary: "Change a partner's role or agreement (managers)" })
  @ApiProblems(400, 403, 404, 409)
  updatePartner(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
    @Body() dto: UpdatePartnerDto,
  ) {
    return this.partners.update(actor, id, organizationId, dto);
  }

  @Post(':id/partners/:organizationId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the invitation (org admins of the invited organisation)' })
  @ApiProblems(400, 403, 404, 409)
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
  ) {
    return this.partners.answer(actor, id, organizationId, 'accept');
  }

  @Post(':id/partners/:organizationId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the invitation (org admins of the invited organisation)' })
  @ApiProblems(400, 403, 404, 409)
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
  ) {
    return this.partners.answer(actor, id, organizationId, 'decline');
  }

  @Post(':id/partners/:organizationId/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave the programme (org admins of the partner); its history stays' })
  @ApiProblems(400, 403, 404, 409)
  leave(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
  ) {
    return this.partners.end(actor, id, organizationId, 'leave');
  }

  @Delete(':id/partners/:organizationId')
  @ApiOperation({ summary: 'Remove a partner (managers); its history stays' })
  @ApiProblems(400, 403, 404, 409)
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
  ) {
    return this.partners.end(actor, id, organizationId, 'remove');
  }

  @Get(':id/managers')
  @ApiOperation({ summary: 'Who manages the programme: org admins of the lead and named managers' })
  @ApiProblems(400, 404)
  managers(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.staff.listManagers(actor, id);
  }

  @Post(':id/managers')
  @ApiOperation({ summary: 'Name a member of the lead organisation programme manager (lead org admins)' })
  @ApiProblems(400, 403, 404, 422)
  addManager(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AddManagerDto,
  ) {
    return this.staff.addManager(actor, id, dto);
  }

  @Delete(':id/managers/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a named programme manager (lead org admins)' })
  @ApiProblems(400, 403, 404)
  async removeManager(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ) {
    await this.staff.removeManager(actor, id, userId);
  }

  @Get(':id/milestones')
  @ApiOperation({ summary: 'Milestones with progress derived from their tasks' })
  @ApiProblems(400, 404)
  milestones(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.staff.listMilestones(actor, id);
  }

  @Post(':id/milestones')
  @ApiOperation({ summary: 'Add a milestone (managers)' })
  @ApiProblems(400, 403, 404)
  createMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CreateMilestoneDto,
  ) {
    return this.staff.createMilestone(actor, id, dto);
  }

  @Patch(':id/milestones/:milestoneId')
  @ApiOperation({ summary: 'Edit a milestone (managers)' })
  @ApiProblems(400, 403, 404)
  updateMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('milestoneId', uuidParam('milestoneId')) milestoneId: string,
    @Body() dto: UpdateMilestoneDto,
  ) {
    return this.staff.updateMilestone(actor, id, milestoneId, dto);
  }
}
