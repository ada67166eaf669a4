import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, paginateByCreation, updatedRows } from '@tandem/core';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { ListReportsDto } from './dto';
import { Report } from './entities';

/** What a finished build stores about its file. */
export interface BuiltFile {
  storageKey: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  rows: number;
  retentionDays: number;
}

/**
 * Queries over reports. A person reads the reports they requested or receive (`userId` is part of
 * every such query). The build's steps are compare-and-set updates on (status, attempts): only the
 * attempt that holds the claim may move the report on, so a dead worker's late writes change nothing.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(em: EntityManager, values: DeepPartial<Report>): Promise<Report> {
    return em.save(Report, em.create(Report, values));
  }

  getById(id: string): Promise<Report> {
    return this.dataSource.getRepository(Report).findOneByOrFail({ id });
  }

  /** The report if `userId` requested it or receives it, else null. */
  findReadable(userId: string, id: string): Promise<Report | null> {
    return this.dataSource
      .getRepository(Report)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere('(r.requested_by_user_id = :me OR :me = ANY(r.recipient_user_ids))', { me: userId })
      .getOne();
  }

  listReadable(userId: string, query: ListReportsDto): Promise<Page<Report>> {
    const qb = this.dataSource
      .getRepository(Report)
      .createQueryBuilder('r')
      .where('(r.requested_by_user_id = :me OR :me = ANY(r.recipient_user_ids))', { me: userId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.format) qb.andWhere('r.format = :format', { format: query.format });
    if (query.scheduleId) qb.andWhere('r.schedule_id = :scheduleId', { scheduleId: query.scheduleId });
    return paginateByCreation(qb, 'r', query, 'DESC');
  }

  /**
   * This period's report of a schedule, once: the unique (schedule, period) index makes a firing
   * handled twice one report. Null when it exists already.
   */
  async insertScheduled(
    em: EntityManager,
    r: Pick<Report, 'kind' | 'format' | 'parameters' | 'requestedByUserId' | 'recipientUserIds'> & {
      scheduleId: string;
      periodKey: string;
    },
  ): Promise<string | null> {
    const inserted = await em.query<{ id: string }[]>(
      `INSERT INTO reports (kind, format, parameters, requested_by_user_id, recipient_user_ids, schedule_id, period_key, status)
         VALUES ($1, $2, $3, $4, $5::uuid[], $6, $7, 'queued')
         ON CONFLICT (schedule_id, period_key) WHERE schedule_id IS NOT NULL DO NOTHING
         RETURNING id`,
      [
        r.kind,
        r.format,
        JSON.stringify(r.parameters),
        r.requestedByUserId,
        r.recipientUserIds,
        r.scheduleId,
        r.periodKey,
      ],
    );
    return inserted[0]?.id ?? null;
  }

  /**
   * Claims a build: queued → running, or a running one whose heartbeat is older than `staleSeconds`
   * (its worker died), counting the attempt. Null when it is done, failed, expired, or being built.
   */
  async claim(id: string, staleSeconds: number): Promise<{ id: string; attempts: number } | null> {
    const [claimed] = updatedRows<{ id: string; attempts: number }>(
      await this.dataSource.query(
        `UPDATE reports
          SET status = 'running', attempts = attempts + 1, started_at = now(), heartbeat_at = now(),
              processed_rows = 0, failure_reason = NULL, updated_at = now()
        WHERE id = $1
          AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $2)))
        RETURNING id, attempts`,
        [id, staleSeconds],
      ),
    );
    return claimed ?? null;
  }

  /** Gives the claim back (running → queued) so a retry can claim it again. */
  async release(id: string, attempt: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET status = 'queued', failure_reason = $3, updated_at = now() WHERE id = $1 AND status = 'running' AND attempts = $2`,
      [id, attempt, reason.slice(0, 1000)],
    );
  }

  /** running → done with its file; false when another attempt holds the claim now. */
  async finish(em: EntityManager, id: string, attempt: number, file: BuiltFile): Promise<boolean> {
    const updated = updatedRows<{ id: string }>(
      await em.query(
        `UPDATE reports
            SET status = 'done', storage_key = $3, file_name = $4, content_type = $5, byte_size = $6,
                processed_rows = $7, total_rows = COALESCE(total_rows, $7), finished_at = now(),
                expires_at = now() + make_interval(days => $8), failure_reason = NULL, updated_at = now()
          WHERE id = $1 AND status = 'running' AND attempts = $2
          RETURNING id`,
        [
          id,
          attempt,
          file.storageKey,
          file.fileName,
          file.contentType,
          file.byteSize,
          file.rows,
          file.retentionDays,
        ],
      ),
    );
    return updated.length > 0;
  }

  /** running → failed with the reason; false when another attempt holds the claim now. */
  async fail(em: EntityManager, id: string, attempt: number, reason: string): Promise<boolean> {
    const updated = updatedRows<{ id: string }>(
      await em.query(
        `UPDATE reports SET status = 'failed', failure_reason = $3, finished_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'running' AND attempts = $2 RETURNING id`,
        [id, attempt, reason.slice(0, 1000)],
      ),
    );
    return updated.length > 0;
  }

  /** Heartbeat, and optionally the rows written or the rows expected, of the attempt holding the claim. */
  async touch(
    id: string,
    attempt: number,
    counts: { processed?: number; total?: number } = {},
  ): Promise<void> {
    if (counts.processed !== undefined)
      await this.dataSource.query(
        `UPDATE reports SET processed_rows = $3, heartbeat_at = now() WHERE id = $1 AND status = 'running' AND attempts = $2`,
        [id, attempt, counts.processed],
      );
    else if (counts.total !== undefined)
      await this.dataSource.query(
        `UPDATE reports SET total_rows = $3, heartbeat_at = now() WHERE id = $1 AND status = 'running' AND attempts = $2`,
        [id, attempt, counts.total],
      );
    else
      await this.dataSource.query(
        `UPDATE reports SET heartbeat_at = now() WHERE id = $1 AND status = 'running' AND attempts = $2`,
        [id, attempt],
      );
  }

  /** Up to `limit` done reports past their expiry, oldest first. */
  expiredDone(limit: number): Promise<{ id: string; storage_key: string | null }[]> {
    return this.dataSource.query(
      `SELECT id, storage_key FROM reports WHERE status = 'done' AND expires_at <= now() ORDER BY expires_at LIMIT $1`,
      [limit],
    );
  }

  async markExpired(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET status = 'expired', storage_key = NULL, updated_at = now() WHERE id = $1 AND status = 'done'`,
      [id],
    );
  }

  /** Builds whose heartbeat stopped longer than `staleSeconds` ago (their worker died). */
  staleRunning(staleSeconds: number, limit: number): Promise<{ id: string; attempts: number }[]> {
    return this.dataSource.query(
      `SELECT id, attempts FROM reports
        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1) LIMIT $2`,
      [staleSeconds, limit],
    );
  }
}
