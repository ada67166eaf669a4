import { Global, Module } from '@nestjs/common';
import { DeadLettersRepository } from './dead-letters.repository';
import { DeadLettersService } from './dead-letters.service';
import { JobQueueService } from './job-queue.service';

@Global()
@Module({
  providers: [JobQueueService, DeadLettersRepository, DeadLettersService],
  exports: [JobQueueService, DeadLettersService],
})
export class JobsModule {}
