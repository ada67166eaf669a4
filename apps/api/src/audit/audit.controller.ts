import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEventView, ListAuditEventsDto } from '@tandem/audit';
import { Actor, PageOf } from '@tandem/core';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { AuditTrailService } from './audit-trail.service';

@ApiTags('audit')
@Authenticated()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditTrailService) {}

  @Get()
  @Operation({
    summary: 'The audit trail, newest first (platform admins)',
    ok: PageOf(AuditEventView),
    problems: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListAuditEventsDto) {
    return this.audit.list(actor, filter);
  }
}
