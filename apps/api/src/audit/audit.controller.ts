import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEventView, ListAuditEventsDto } from '@tandem/audit';
import { Actor, PageOf } from '@tandem/core';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { AuditTrailService } from './audit-trail.service';

@ApiTags('audit')
@Authenticated()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditTrailService) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first (platform admins)' })
  @ApiProblems(400, 403)
  @ApiOkResponse({ type: PageOf(AuditEventView) })
  list(@CurrentActor() actor: Actor, @Query() filter: ListAuditEventsDto) {
    return this.audit.list(actor, filter);
  }
}
