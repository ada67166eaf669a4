import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, paginate } from '@tandem/core';
import { DataSource, EntityManager } from 'typeorm';
import { ListAuditEventsDto } from './dto/list-audit-events.dto';
import { AuditEvent } from './entities/audit-event.entity';

/** Queries over the append-only trail: rows are inserted, never updated or deleted. */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the change's own transaction, so the audit row commits with the change or not at all. */
  async insert(em: EntityManager, row: Omit<AuditEvent, 'id' | 'occurredAt'>): Promise<void> {
    await em.insert(AuditEvent, row as never);
  }

  /** The whole trail, newest first; only platform admins reach it (see AuditQueryService). */
  list(filter: ListAuditEventsDto): Promise<Page<AuditEvent>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorId) qb.andWhere('a.actor_user_id = :actorId', { actorId: filter.actorId });
    if (filter.from) qb.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.occurred_at < :to', { to: filter.to });
    return paginate(qb, {
      keys: ['a.occurred_at', 'a.id'],
      direction: 'DESC',
      cursorOf: (e) => [e.occurredAt.toISOString(), e.id],
      query: filter,
    });
  }
}
