import { Global, Module } from '@nestjs/common';
import { DeadLettersService } from './dead-letters.service';
import { JobQueueService } from './job-queue.service';

@Global()
@Module({ providers: [JobQueueService, DeadLettersService], exports: [JobQueueService, DeadLettersService] })
export class JobsModule {}
