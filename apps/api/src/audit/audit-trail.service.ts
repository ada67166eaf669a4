import { Injectable } from '@nestjs/common';
import { AuditEventView, AuditQueryService, ListAuditEventsDto } from '@tandem/audit';
import { UsersRepository } from '@tandem/auth';
import { Actor, Page } from '@tandem/core';

/**
 * The audit trail as people read it: each row names who acted (the audit library depends on core
 * only, so the names are joined here, from the users the auth library exposes, one query a page).
 */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly users: UsersRepository,
  ) {}

  async list(actor: Actor, filter: ListAuditEventsDto): Promise<Page<AuditEventView>> {
    const page = await this.audit.list(actor, filter);
    const ids = page.items.map((e) => e.actorUserId).filter((id): id is string => !!id);
    const names = new Map((await this.users.people(ids)).map((u) => [u.id, u.name]));
    return {
      ...page,
      items: page.items.map((e) => ({
        ...e,
        actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
      })),
    };
  }
}
