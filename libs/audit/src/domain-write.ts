import { Injectable } from '@nestjs/common';
import { JobName, JobPayload, OutboxService, TransactionService } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { AuditEntry, AuditService } from './audit.service';

type Snapshot = NonNullable<AuditEntry['after']>;

/**
 * The collaborators of a domain write, injected as one: every change runs in one transaction
 * that holds the changed rows, their audit row and the outbox events they cause, so they commit
 * together or not at all (docs/structure.md, "How work flows").
 */
@Injectable()
export class DomainWrite {
  constructor(
    private readonly tx: TransactionService,
    private readonly auditService: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Runs the work in one READ COMMITTED transaction. */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.tx.run(work);
  }

  /** Writes the audit row of a change, inside the change's own transaction. */
  audit(em: EntityManager, entry: AuditEntry): Promise<void> {
    return this.auditService.record(em, entry);
  }

  /** The audit row of a record created: what it holds now. */
  auditCreate(em: EntityManager, entityType: string, entityId: string, after: Snapshot): Promise<void> {
    return this.audit(em, { action: 'create', entityType, entityId, after });
  }

  /** The audit row of a record changed: the fields before and after (the trail keeps those that differ). */
  auditUpdate(
    em: EntityManager,
    entityType: string,
    entityId: string,
    before: Snapshot,
    after: Snapshot,
  ): Promise<void> {
    return this.audit(em, { action: 'update', entityType, entityId, before, after });
  }

  /** The audit row of a record deleted: what it held. */
  auditDelete(em: EntityManager, entityType: string, entityId: string, before: Snapshot): Promise<void> {
    return this.audit(em, { action: 'delete', entityType, entityId, before });
  }

  /** Records a job in the outbox, inside the change's own transaction; the relay enqueues it after commit. */
  publish<J extends JobName>(
    em: EntityManager,
    type: J,
    ...rest: [payload: JobPayload<J>, options?: { availableAt?: Date }]
  ): Promise<string> {
    return this.outbox.publish(em, type, ...rest);
  }
}
