import { Global, Module } from '@nestjs/common';
import { DeadLettersRepository } from './dead-letters.repository';
import { DeadLettersService } from './dead-letters.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { JobQueueService } from './job-queue.service';

/** The queues, their dead letters, and the outbox rows the relay hands to them. */
@Global()
@Module({
  providers: [JobQueueService, DeadLettersRepository, DeadLettersService, OutboxRepository],
  exports: [JobQueueService, DeadLettersService, OutboxRepository],
})
export class JobsModule {}
