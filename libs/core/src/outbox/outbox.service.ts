import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayload } from '../jobs/job.registry';
import { captureTraceContext } from '../telemetry/trace-context';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Records that something must happen in the background. Call it with the transaction's manager:
 * the event commits with the change or not at all, and Redis being down never fails the request.
 */
@Injectable()
export class OutboxService {
  async publish<J extends JobName>(
    em: EntityManager,
    type: J,
    payload: JobPayload<J>,
    options: { availableAt?: Date } = {},
  ): Promise<string> {
    const row = em.create(OutboxEvent, {
      type,
      payload: payload as unknown as Record<string, unknown>,
      // Tracing: the request's trace continues in the relay and the job (null when tracing is off).
      traceContext: captureTraceContext(),
      ...(options.availableAt ? { availableAt: options.availableAt } : {}),
    });
    const saved = await em.save(OutboxEvent, row);
    return saved.id;
  }
}
