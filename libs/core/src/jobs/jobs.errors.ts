import { DomainError } from '../errors/domain-error';

export enum JobsErrorCode {
  DeadLetterAlreadyReplayed = 'DEAD_LETTER_ALREADY_REPLAYED',
}

export class JobsError extends DomainError<JobsErrorCode> {
  constructor(code: JobsErrorCode, message: string) {
    super(code, message);
  }
}
