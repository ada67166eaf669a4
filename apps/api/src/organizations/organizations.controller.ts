import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CreateInvitationDto, InvitationsService, InvitationView } from '@tandem/auth';
import { Actor, PageQueryDto } from '@tandem/core';
import {
  CreateOrganizationDto,
  ListOrganizationsDto,
  MembersService,
  MemberView,
  OrganizationsService,
  OrganizationSummary,
  UpdateMemberDto,
  UpdateOrganizationDto,
} from '@tandem/stakeholders';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation, PagedList, PagedChildList } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { IdPath, UserPath } from '../http/path-params.dto';

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
  @Operation({
    summary: 'Onboard an organisation (platform admins)',
    description: 'The profile must fit the kind.',
    problems: [400, 403, 409],
  })
  @LocatedAt('/organizations')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganizationDto) {
    return this.organizations.create(actor, dto);
  }

  @Get()
  @PagedList(OrganizationSummary, {
    summary: 'The directory of organisations',
    description: 'Keyset pages `{items, nextCursor}` ordered by name.',
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListOrganizationsDto) {
    return this.organizations.list(actor, filter);
  }

  @Get(':id')
  @Operation({ summary: 'An organisation in full (its members and platform admins)', problems: [400, 404] })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.organizations.get(actor, id);
  }

  @Patch(':id')
  @Operation({
    summary: 'Edit an organisation (its org admins and platform admins)',
    description: 'Requires If-Match with the ETag read.',
    problems: [400, 403, 404, 409, 412, 428],
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateOrganizationDto,
  ) {
    return this.organizations.update(actor, id, expectedVersion, dto);
  }

  @Get(':id/members')
  @PagedChildList(MemberView, { summary: "An organisation's members (its members and platform admins)" })
  listMembers(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Query() page: PageQueryDto) {
    return this.members.list(actor, id, page);
  }

  @Patch(':id/members/:userId')
  @Operation({
    summary: "Change a member's role (org admins and platform admins)",
    problems: [400, 403, 404, 409],
  })
  changeRole(@CurrentActor() actor: Actor, @Param() { id, userId }: UserPath, @Body() dto: UpdateMemberDto) {
    return this.members.changeRole(actor, id, userId, dto);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @Operation({
    summary: 'Remove a member (org admins and platform admins); the last org admin stays',
    problems: [400, 403, 404, 409],
  })
  async removeMember(@CurrentActor() actor: Actor, @Param() { id, userId }: UserPath) {
    await this.members.remove(actor, id, userId);
  }

  @Post(':id/invitations')
  @Operation({
    summary: 'Invite someone into the organisation (its org admins and platform admins)',
    description: 'The e-mail is sent by the worker.',
    problems: [400, 403, 404, 409],
  })
  @ApiCreatedResponse({ description: 'The invitation, pending', type: InvitationView })
  createInvitation(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: CreateInvitationDto) {
    return this.invitations.create(actor, id, dto);
  }
}
