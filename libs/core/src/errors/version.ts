import { CoreError, CoreErrorCode } from './domain-error';

/**
 * Optimistic concurrency: the caller sends the version it read (If-Match); a stale one is a 412.
 * Call it on the row as locked inside the write's transaction.
 */
export function assertVersion(entity: { version: number }, ifMatch: number, what: string): void {
  if (entity.version !== ifMatch)
    throw new CoreError(
      CoreErrorCode.VersionMismatch,
      `The ${what} changed since you read it (now version ${entity.version}); reload and retry`,
    );
}
