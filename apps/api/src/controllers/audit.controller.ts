import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListAuditEventsDto, AuditQueryService } from '@tandem/audit';
import { Actor } from '@tandem/core';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';

@ApiTags('audit')
@Authenticated()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first (platform admins)' })
  @ApiProblems(400, 403)
  list(@CurrentActor() actor: Actor, @Query() filter: ListAuditEventsDto) {
    return this.audit.list(actor, filter);
  }
}
