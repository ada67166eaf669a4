import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEventView, AuditQueryService, ListAuditEventsDto } from '@tandem/audit';
import { Actor, PolicyService } from '@tandem/auth';
import { CoreError, PageOf } from '@tandem/core';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';

@ApiTags('audit')
@Authenticated()
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly policy: PolicyService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first (platform admins)' })
  @ApiProblems(400, 403)
  @ApiOkResponse({ type: PageOf(AuditEventView) })
  list(@CurrentActor() actor: Actor, @Query() filter: ListAuditEventsDto) {
    if (!this.policy.can(actor, 'list', 'AuditEvent'))
      throw CoreError.forbidden('The audit trail is for platform admins');
    return this.audit.list(filter);
  }
}
