import { OutboxService, transactionOver } from '@tandem/core';
import { AuditService } from '../audit.service';
import { DomainWrite } from '../domain-write';

/**
 * A real DomainWrite over test doubles, for the libraries' unit specs of services (no Jest in
 * here): its transaction runs the work on the given (mocked) EntityManager, and its audit rows and
 * outbox events go to the given doubles (`{ record }`, `{ publish }`).
 */
export const domainWriteOver = (em: object, doubles: { audit?: object; outbox?: object } = {}): DomainWrite =>
  new DomainWrite(
    transactionOver(em),
    (doubles.audit ?? {}) as AuditService,
    (doubles.outbox ?? {}) as OutboxService,
  );
