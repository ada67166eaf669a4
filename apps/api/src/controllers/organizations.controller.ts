import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateInvitationDto, InvitationsService } from '@tandem/auth';
import { PageQueryDto, Actor } from '@tandem/core';
import {
  CreateOrganizationDto,
  ListOrganizationsDto,
  MembersService,
  OrganizationsService,
  UpdateMemberDto,
  UpdateOrganizationDto,
} from '@tandem/stakeholders';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('organizations')
@Authenticated()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Onboard an organisation (platform admins)',
    description: 'The profile must fit the kind.',
  })
  @ApiProblems(400, 403, 409)
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateOrganizationDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const org = await this.organizations.create(actor, dto);
    res.setHeader('Location', `/organizations/${org.id}`);
    return org;
  }

  @Get()
  @ApiOperation({
    summary: 'The directory of organisations',
    description: 'Keyset pages `{items, nextCursor}` ordered by name.',
  })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() filter: ListOrganizationsDto) {
    return this.organizations.list(actor, filter);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organisation in full (its members and platform admins)' })
  @ApiProblems(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.organizations.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit an organisation (its org admins and platform admins)',
    description: 'Requires If-Match with the ETag read.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag of the version you read' })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateOrganizationDto,
  ) {
    return this.organizations.update(actor, id, expectedVersion, dto);
  }

  @Get(':id/members')
  @ApiOperation({ summary: "An organisation's members (its members and platform admins)" })
  @ApiProblems(400, 404)
  listMembers(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() page: PageQueryDto,
  ) {
    return this.members.list(actor, id, page);
  }

  @Patch(':id/members/:userId')
  @ApiOperation({ summary: "Change a member's role (org admins and platform admins)" })
  @ApiProblems(400, 403, 404, 409)
  changeRole(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() dto: UpdateMemberDto,
  ) {
    return this.members.changeRole(actor, id, userId, dto);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (org admins and platform admins); the last org admin stays' })
  @ApiProblems(400, 403, 404, 409)
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ) {
    await this.members.remove(actor, id, userId);
  }

  @Post(':id/invitations')
  @ApiOperation({
    summary: 'Invite someone into the organisation (its org admins and platform admins)',
    description: 'The e-mail is sent by the worker.',
  })
  @ApiCreatedResponse({ description: 'The invitation, pending' })
  @ApiProblems(400, 403, 404, 409)
  createInvitation(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CreateInvitationDto,
  ) {
    return this.invitations.create(actor, id, dto);
  }
}
