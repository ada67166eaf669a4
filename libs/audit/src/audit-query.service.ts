import { Injectable } from '@nestjs/common';
import { Actor, authorize, isPlatformAdmin, Page } from '@tandem/core';
import { AuditEventsRepository } from './audit-events.repository';
import { ListAuditEventsDto } from './dto/list-audit-events.dto';
import { AuditEvent } from './entities/audit-event.entity';

/** Reads the trail: platform admins only (everyone else knows it exists, hence 403, not 404). */
@Injectable()
export class AuditQueryService {
  constructor(private readonly events: AuditEventsRepository) {}

  list(actor: Actor, filter: ListAuditEventsDto): Promise<Page<AuditEvent>> {
    authorize({
      what: 'Audit trail',
      visible: true,
      permitted: isPlatformAdmin(actor),
      reason: 'The audit trail is for platform admins',
    });
    return this.events.list(filter);
  }
}
