import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '../database/updated-rows';
import { Page, PageQueryDto, paginate } from '../pagination/page';
import { DeadLetter } from './dead-letter.entity';

export interface FailedJob {
  queue: string;
  name: string;
  id: string;
  data: unknown;
  error: string;
  attempts: number;
}

/** Queries over dead letters (platform admins only: DeadLettersService checks who asks). */
@Injectable()
export class DeadLettersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Once per job: unique (queue, job id), so the two places that record a failure make one row. */
  async insert(job: FailedJob): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letters (queue, job_name, job_id, payload, error, attempts)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6) ON CONFLICT (queue, job_id) DO NOTHING`,
      [
        job.queue,
        job.name,
        job.id.slice(0, 300),
        JSON.stringify(job.data ?? {}),
        job.error.slice(0, 4000),
        job.attempts,
      ],
    );
  }

  list(query: PageQueryDto & { queue?: string; replayed?: boolean }): Promise<Page<DeadLetter>> {
    const qb = this.dataSource.getRepository(DeadLetter).createQueryBuilder('d');
    if (query.queue) qb.andWhere('d.queue = :queue', { queue: query.queue });
    if (query.replayed !== undefined)
      qb.andWhere(query.replayed ? 'd.replayed_at IS NOT NULL' : 'd.replayed_at IS NULL');
    return paginate(qb, {
      keys: ['d.failed_at', 'd.id'],
      direction: 'DESC',
      cursorOf: (d) => [d.failedAt.toISOString(), d.id],
      query,
    });
  }

  /** Compare-and-set on `replayed_at`: true for the one replay that wins. */
  async claimReplay(em: EntityManager, id: string, userId: string): Promise<boolean> {
    const claimed = updatedRows<{ id: string }>(
      await em.query(
        `UPDATE dead_letters SET replayed_at = now(), replayed_by = $2 WHERE id = $1 AND replayed_at IS NULL RETURNING id`,
        [id, userId],
      ),
    );
    return claimed.length > 0;
  }

  findById(em: EntityManager, id: string): Promise<DeadLetter | null> {
    return em.getRepository(DeadLetter).findOneBy({ id });
  }

  async setReplayJobId(em: EntityManager, id: string, jobId: string): Promise<void> {
    await em.query(`UPDATE dead_letters SET replay_job_id = $2 WHERE id = $1`, [id, jobId]);
  }
}
