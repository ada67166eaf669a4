import { Injectable } from '@nestjs/common';
import { JobName, JobPayload, OutboxService, TransactionService } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { AuditEntry, AuditService } from './audit.service';

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

  /** Records a job in the outbox, inside the change's own transaction; the relay enqueues it after commit. */
  publish<J extends JobName>(
    em: EntityManager,
    type: J,
    ...rest: [payload: JobPayload<J>, options?: { availableAt?: Date }]
  ): Promise<string> {
    return this.outbox.publish(em, type, ...rest);
  }
}
