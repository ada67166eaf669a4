import { SetMetadata } from '@nestjs/common';
import { JobName, JobPayload } from './job.registry';

export const JOB_HANDLER = Symbol('tandem:job-handler');

/**
 * Marks a provider method as the handler of a job. The worker discovers handlers at boot and
 * refuses to start when any JobName has none (or two). Handlers must be idempotent: a job may run
 * twice after a crash.
 */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);

export type JobHandlerFn<J extends JobName> = (payload: JobPayload<J>, meta: JobMeta) => Promise<void>;

/**
 * What a handler knows about its run. `stopping` aborts when the worker received SIGTERM: a long
 * handler (an e-mail batch) finishes the item in hand, hands the rest back as a new job and returns.
 */
export interface JobMeta {
  jobId: string;
  attempt: number;
  /** The job's name (one handler may serve two names, e.g. interactive and bulk e-mail batches). */
  name?: string;
  stopping?: AbortSignal;
}
