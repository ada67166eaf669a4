import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The postgres driver answers INSERT … RETURNING through query() as rows, UPDATE as [rows, count]. */
function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** Failed sign-ins per account-and-source (table `sign_in_throttles`, keyed by a hash). */
@Injectable()
export class SignInThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async blockedUntil(key: string): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ blocked_until: Date | null }[]>(
      `SELECT blocked_until FROM sign_in_throttles WHERE key = $1`,
      [key],
    );
    return row?.blocked_until ?? null;
  }

  /**
   * Counts one failure in one atomic statement (parallel failures all count; a day without failures
   * starts afresh). From `freeFailures` on, the source is blocked for `baseSeconds`, doubling with
   * each further failure, at most `maxSeconds`. Returns until when it is blocked, if it is.
   */
  async recordFailure(
    key: string,
    freeFailures: number,
    baseSeconds: number,
    maxSeconds: number,
  ): Promise<Date | null> {
    const n = `(CASE WHEN t.updated_at < now() - interval '1 day' THEN 1 ELSE t.failures + 1 END)`;
    const [row] = returnedRows<{ blocked_until: Date | null }>(
      await this.dataSource.query(
        `INSERT INTO sign_in_throttles AS t (key, failures, blocked_until, updated_at)
         VALUES ($1, 1, CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $3) END, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = ${n},
           blocked_until = CASE WHEN ${n} >= $2
             THEN now() + make_interval(secs => LEAST($4::float8, $3::float8 * power(2, ${n} - $2)))
             ELSE NULL END,
           updated_at = now()
         RETURNING blocked_until`,
        [key, freeFailures, baseSeconds, maxSeconds],
      ),
    );
    return row?.blocked_until ?? null;
  }

  async clear(em: EntityManager, key: string): Promise<void> {
    await em.query(`DELETE FROM sign_in_throttles WHERE key = $1`, [key]);
  }
}
