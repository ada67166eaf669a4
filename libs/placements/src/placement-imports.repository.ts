import { Injectable } from '@nestjs/common';
import { DataSourceRepository, updatedRows } from '@tandem/core';
import { DeepPartial, EntityManager } from 'typeorm';
import { ImportMode, ImportRowError, ImportStatus, PlacementImport } from './entities';

/** An import the worker has claimed. */
export interface ClaimedImport {
  id: string;
  employer_organization_id: string;
  created_by_user_id: string;
  mode: ImportMode;
}

/**
 * Queries over placement imports. Reads by id are unscoped: PlacementImportsService checks that the
 * caller is a member of the importing employer before showing anything. The worker's steps are
 * compare-and-set updates on the status, so a second run (retry, second worker) changes nothing.
 */
@Injectable()
export class PlacementImportsRepository extends DataSourceRepository {
  findById(id: string): Promise<PlacementImport | null> {
    return this.dataSource.getRepository(PlacementImport).findOneBy({ id });
  }

  /** Serialises uploads of the same file by the same employer (transaction-scoped advisory lock). */
  async lockUpload(em: EntityManager, employerId: string, sha256: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `placement-import:${employerId}:${sha256}`,
    ]);
  }

  findByIdempotencyKey(
    em: EntityManager,
    userId: string,
    idempotencyKey: string,
  ): Promise<PlacementImport | null> {
    return em.getRepository(PlacementImport).findOneBy({ createdByUserId: userId, idempotencyKey });
  }

  /** The latest import of the same content by the employer that created (or may still create) rows. */
  findStandingWithContent(
    em: EntityManager,
    employerId: string,
    sha256: string,
  ): Promise<PlacementImport | null> {
    return em
      .getRepository(PlacementImport)
      .createQueryBuilder('i')
      .where('i.employer_organization_id = :employer AND i.content_sha256 = :sha', {
        employer: employerId,
        sha: sha256,
      })
      .andWhere(`i.status NOT IN ('rejected', 'failed')`)
      .orderBy('i.created_at', 'DESC')
      .getOne();
  }

  insert(em: EntityManager, values: DeepPartial<PlacementImport>): Promise<PlacementImport> {
    const repo = em.getRepository(PlacementImport);
    return repo.save(repo.create(values));
  }

  /** Compare-and-set queued (or a crashed run's processing) → processing; null when another run finished it. */
  async claim(importId: string): Promise<ClaimedImport | null> {
    const [claimed]: ClaimedImport[] = updatedRows(
      await this.dataSource.query(
        `UPDATE placement_imports SET status = 'processing', started_at = COALESCE(started_at, now()), processed_rows = 0, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'processing')
        RETURNING id, employer_organization_id, created_by_user_id, mode`,
        [importId],
      ),
    );
    return claimed ?? null;
  }

  async file(importId: string): Promise<Buffer | null> {
    const rows: { file: Buffer | null }[] = await this.dataSource.query(
      `SELECT file FROM placement_imports WHERE id = $1`,
      [importId],
    );
    return rows[0]?.file ?? null;
  }

  async progress(importId: string, processedRows: number): Promise<void> {
    await this.dataSource.query(`UPDATE placement_imports SET processed_rows = $2 WHERE id = $1`, [
      importId,
      processedRows,
    ]);
  }

  /**
   * Compare-and-set processing → completed or rejected, with the counts and errors, dropping the
   * file; false when another run finished it first.
   */
  async finish(
    em: EntityManager,
    importId: string,
    result: {
      status: ImportStatus.Completed | ImportStatus.Rejected;
      total: number;
      created: number;
      errorCount: number;
      errors: ImportRowError[];
    },
  ): Promise<boolean> {
    const done: { id: string }[] = updatedRows(
      await em.query(
        `UPDATE placement_imports
            SET status = $2, total_rows = $3, processed_rows = $3, created_count = $4, error_count = $5,
                errors = $6::jsonb, file = NULL, finished_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'processing' RETURNING id`,
        [
          importId,
          result.status,
          result.total,
          result.created,
          result.errorCount,
          JSON.stringify(result.errors),
        ],
      ),
    );
    return done.length > 0;
  }

  async fail(importId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE placement_imports SET status = 'failed', failure_reason = $2, file = NULL, finished_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'processing'`,
      [importId, reason.slice(0, 500)],
    );
  }
}
