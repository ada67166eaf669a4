import { Body, Controller, HttpCode, Param, Post, Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@tandem/core';
import {
  BreakGlassDto,
  ParticipantView,
  PlacementView,
  PlacementsBreakGlassService,
} from '@tandem/placements';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { IdPath } from '../http/path-params.dto';

/**
 * The documentation of a break-glass read, for platform admins with an audited reason. Each route keeps its
 * `@HttpCode(200)` in sight: the Swagger CLI plugin reads it there to document the answer's status.
 */
const BreakGlassRead = (what: string, view: Type) =>
  Operation({
    summary: `Break glass: a platform admin reads one ${what}, with a reason that is audited`,
    description:
      'Platform admins only (403 for everyone else). The read and its reason enter the audit trail.',
    ok: view,
    problems: [400, 403, 404],
  });

@ApiTags('admin')
@Authenticated()
@Controller('admin/break-glass')
export class PlacementsBreakGlassController {
  constructor(private readonly breakGlass: PlacementsBreakGlassService) {}

  @Post('placements/:id')
  @HttpCode(200)
  @BreakGlassRead('placement', PlacementView)
  placement(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: BreakGlassDto) {
    return this.breakGlass.placement(actor, id, dto.reason);
  }

  @Post('participants/:id')
  @HttpCode(200)
  @BreakGlassRead('participant', ParticipantView)
  participant(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: BreakGlassDto) {
    return this.breakGlass.participant(actor, id, dto.reason);
  }
}
