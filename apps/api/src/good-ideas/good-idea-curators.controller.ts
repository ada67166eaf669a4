import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@tandem/core';
import { CuratorResponse, GoodIdeaCuratorsService } from '@tandem/good-ideas';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { OrganizationIdPath } from '../http/path-params.dto';

@ApiTags('good ideas')
@Authenticated()
@Controller('good-idea-curators')
export class GoodIdeaCuratorsController {
  constructor(private readonly curators: GoodIdeaCuratorsService) {}

  @Get()
  @Operation({
    summary: 'Organisations with the curator role (platform admins)',
    ok: [CuratorResponse],
    problems: [403],
  })
  list(@CurrentActor() actor: Actor): Promise<CuratorResponse[]> {
    return this.curators.list(actor);
  }

  @Put(':organizationId')
  @Operation({
    summary: 'Give an organisation the curator role: its members review good ideas',
    ok: CuratorResponse,
    problems: [400, 403],
  })
  grant(
    @CurrentActor() actor: Actor,
    @Param() { organizationId }: OrganizationIdPath,
  ): Promise<CuratorResponse> {
    return this.curators.grant(actor, organizationId);
  }

  @Delete(':organizationId')
  @HttpCode(204)
  @Operation({ summary: 'Take the curator role back', problems: [400, 403, 404] })
  revoke(@CurrentActor() actor: Actor, @Param() { organizationId }: OrganizationIdPath): Promise<void> {
    return this.curators.revoke(actor, organizationId);
  }
}
