import { Body, Controller, HttpCode, Post } from '@nestjs/common';
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
import { UuidParam } from '../http/validation.pipe';

@ApiTags('admin')
@Authenticated()
@Controller('admin/break-glass')
export class PlacementsBreakGlassController {
  constructor(private readonly breakGlass: PlacementsBreakGlassService) {}

  @Post('placements/:id')
  @HttpCode(200)
  @Operation({
    summary: 'Break glass: a platform admin reads one placement, with a reason that is audited',
    description:
      'Platform admins only (403 for everyone else). The read and its reason enter the audit trail.',
    ok: PlacementView,
    problems: [400, 403, 404],
  })
  placement(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: BreakGlassDto) {
    return this.breakGlass.placement(actor, id, dto.reason);
  }

  @Post('participants/:id')
  @HttpCode(200)
  @Operation({
    summary: 'Break glass: a platform admin reads one participant, with a reason that is audited',
    description:
      'Platform admins only (403 for everyone else). The read and its reason enter the audit trail.',
    ok: ParticipantView,
    problems: [400, 403, 404],
  })
  participant(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: BreakGlassDto) {
    return this.breakGlass.participant(actor, id, dto.reason);
  }
}
