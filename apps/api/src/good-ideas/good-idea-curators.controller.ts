import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@tandem/core';
import { CuratorResponse, GoodIdeaCuratorsService } from '@tandem/good-ideas';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('good ideas')
@Authenticated()
@Controller('good-idea-curators')
export class GoodIdeaCuratorsController {
  constructor(private readonly curators: GoodIdeaCuratorsService) {}

  @Get()
  @ApiOperation({ summary: 'Organisations with the curator role (platform admins)' })
  @ApiOkResponse({ type: [CuratorResponse] })
  @ApiProblems(403)
  list(@CurrentActor() actor: Actor): Promise<CuratorResponse[]> {
    return this.curators.list(actor);
  }

  @Put(':organizationId')
  @ApiOperation({ summary: 'Give an organisation the curator role: its members review good ideas' })
  @ApiOkResponse({ type: CuratorResponse })
  @ApiProblems(400, 403)
  grant(
    @CurrentActor() actor: Actor,
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
  ): Promise<CuratorResponse> {
    return this.curators.grant(actor, organizationId);
  }

  @Delete(':organizationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take the curator role back' })
  @ApiProblems(400, 403, 404)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('organizationId', uuidParam('organizationId')) organizationId: string,
  ): Promise<void> {
    return this.curators.revoke(actor, organizationId);
  }
}
