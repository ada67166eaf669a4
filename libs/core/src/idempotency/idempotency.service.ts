import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CoreError, CoreErrorCode } from '../errors/domain-error';
import { isUniqueViolation } from '../errors/postgres-errors';
import { IdempotencyKey } from './idempotency-key.entity';

export type IdempotencyOutcome =
  { replay: { status: number; body: unknown; location: string | null } } | { reservationId: string };

const KEY = /^[A-Za-z0-9._:-]{1,255}$/;

/**
 * Idempotency-Key on creating POSTs: the first request reserves the key and runs; a repeat with the
 * same body gets the first response again; with another body, or while the first still runs, a 409.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async begin(
    userId: string,
    method: string,
    path: string,
    key: string,
    body: unknown,
  ): Promise<IdempotencyOutcome> {
    if (!KEY.test(key))
      throw CoreError.invalid('Idempotency-Key', 'must be 1 to 255 characters of letters, digits and ._:-');
    const requestHash = createHash('sha256')
      .update(JSON.stringify(body ?? null))
      .digest('hex');
    const repo = this.dataSource.getRepository(IdempotencyKey);
    try {
      const row = await repo.save(repo.create({ userId, method, path, key, requestHash }));
      return { reservationId: row.id };
    } catch (err) {
      if (!isUniqueViolation(err, 'uq_idempotency_keys_scope')) throw err;
    }
    const existing = await repo.findOneByOrFail({ userId, method, path, key });
    if (existing.requestHash !== requestHash) {
      throw new CoreError(
        CoreErrorCode.Conflict,
        'This Idempotency-Key was already used with a different request body',
        [{ field: 'Idempotency-Key', message: 'was used with a different body' }],
      );
    }
    if (existing.responseStatus === null) {
      throw new CoreError(
        CoreErrorCode.Conflict,
        'A request with this Idempotency-Key is still being processed; retry shortly',
      );
    }
    return {
      replay: {
        status: existing.responseStatus,
        body: existing.responseBody,
        location: existing.responseLocation,
      },
    };
  }

  async complete(
    reservationId: string,
    status: number,
    body: unknown,
    location?: string | null,
  ): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyKey)
      .update(
        { id: reservationId },
        { responseStatus: status, responseBody: body as object, responseLocation: location ?? null },
      );
  }

  /** The request failed: free the key so the client can retry with it. */
  async release(reservationId: string): Promise<void> {
    await this.dataSource.getRepository(IdempotencyKey).delete({ id: reservationId });
  }
}
