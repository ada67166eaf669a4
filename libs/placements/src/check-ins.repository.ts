import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@tandem/core';
import { Page, paginate, updatedRows } from '@tandem/core';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DataSource, EntityManager } from 'typeorm';
import { ListCheckInsDto } from './dto';
import { Placement, RetentionCheck, RetentionCheckStatus } from './entities';
import { PlacementAccessService } from './placement-access.service';

/** A check-in with what its notification says (the placement's job, the person's reference code). */
export interface CheckInNotice {
  id: string;
  months: number;
  due_on: string;
  status: RetentionCheckStatus;
  opened_at: Date | null;
  employer_organization_id: string;
  job_title: string;
  reference_code: string;
}

/**
 * Queries over retention check-ins. Reads for a person take the actor: a check-in is visible with
 * its placement (PlacementAccessService.scopePlacements). State changes are compare-and-set updates,
 * so a job that runs twice changes nothing the second time.
 */
@Injectable()
export class CheckInsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlacementAccessService,
  ) {}

  insert(em: EntityManager, checks: QueryDeepPartialEntity<RetentionCheck>[]): Promise<unknown> {
    return em.insert(RetentionCheck, checks);
  }

  ofPlacement(placementId: string): Promise<RetentionCheck[]> {
    return this.dataSource.getRepository(RetentionCheck).findBy({ placementId });
  }

  findById(id: string): Promise<RetentionCheck> {
    return this.dataSource.getRepository(RetentionCheck).findOneByOrFail({ id });
  }

  listVisible(actor: Actor, filter: ListCheckInsDto): Promise<Page<RetentionCheck>> {
    const qb = this.access.scopePlacements(
      this.dataSource
        .getRepository(RetentionCheck)
        .createQueryBuilder('rc')
        .innerJoinAndSelect('rc.placement', 'pl'),
      actor,
      'pl',
    );
    if (filter.status) qb.andWhere('rc.status = :status', { status: filter.status });
    if (filter.placementId)
      qb.andWhere('rc.placement_id = :placementId', { placementId: filter.placementId });
    return paginate(qb, {
      keys: ['rc.due_on', 'rc.id'],
      direction: 'ASC',
      cursorOf: (c) => [c.dueOn, c.id],
      query: filter,
    });
  }

  /** Visible to the actor (with its placement), or null. Takes no lock: see `lock`. */
  findVisible(em: EntityManager, actor: Actor, id: string): Promise<RetentionCheck | null> {
    return this.access
      .scopePlacements(
        em
          .getRepository(RetentionCheck)
          .createQueryBuilder('rc')
          .innerJoin(Placement, 'pl', 'pl.id = rc.placement_id')
          .where('rc.id = :id', { id }),
        actor,
        'pl',
      )
      .getOne();
  }

  /** FOR UPDATE. Lock the placement first (the order ending a placement uses), so the two never deadlock. */
  lock(em: EntityManager, id: string): Promise<RetentionCheck> {
    return em.findOneOrFail(RetentionCheck, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(em: EntityManager, check: RetentionCheck): Promise<void> {
    await em.save(RetentionCheck, check);
  }

  /** Cancels the unanswered check-ins dated after a placement's end. */
  async cancelAfter(em: EntityManager, placementId: string, endDate: string): Promise<void> {
    await em.query(
      `UPDATE retention_checks SET status = 'cancelled', updated_at = now()
        WHERE placement_id = $1 AND status IN ('scheduled', 'due') AND due_on > $2`,
      [placementId, endDate],
    );
  }

  /** The placement's check-ins still scheduled (to enqueue) or cancelled (to drop), by month. */
  scheduledOrCancelled(
    placementId: string,
  ): Promise<{ months: number; due_on: string; status: RetentionCheckStatus }[]> {
    return this.dataSource.query(
      `SELECT months, to_char(due_on, 'YYYY-MM-DD') AS due_on, status FROM retention_checks
        WHERE placement_id = $1 AND status IN ('scheduled', 'cancelled') ORDER BY months`,
      [placementId],
    );
  }

  /** Every scheduled check-in of the placements an import created. */
  scheduledOfImport(importId: string): Promise<{ placement_id: string; months: number; due_on: string }[]> {
    return this.dataSource.query(
      `SELECT rc.placement_id, rc.months, to_char(rc.due_on, 'YYYY-MM-DD') AS due_on
         FROM retention_checks rc JOIN placements pl ON pl.id = rc.placement_id
        WHERE pl.import_id = $1 AND rc.status = 'scheduled'`,
      [importId],
    );
  }

  /** Compare-and-set scheduled → due, only once its date has come; true when this call opened it. */
  async open(em: EntityManager, placementId: string, months: number): Promise<boolean> {
    const opened: { id: string }[] = updatedRows(
      await em.query(
        `UPDATE retention_checks SET status = 'due', opened_at = now(), updated_at = now()
          WHERE placement_id = $1 AND months = $2 AND status = 'scheduled' AND due_on <= (now() AT TIME ZONE 'UTC')::date
          RETURNING id`,
        [placementId, months],
      ),
    );
    return opened.length > 0;
  }

  /** Compare-and-set: marks a due check-in reminded, once; true when this call did it. */
  async markReminded(em: EntityManager, placementId: string, months: number): Promise<boolean> {
    const reminded: { id: string }[] = updatedRows(
      await em.query(
        `UPDATE retention_checks SET reminded_at = now(), updated_at = now()
          WHERE placement_id = $1 AND months = $2 AND status = 'due' AND reminded_at IS NULL
          RETURNING id`,
        [placementId, months],
      ),
    );
    return reminded.length > 0;
  }

  async notice(em: EntityManager, placementId: string, months: number): Promise<CheckInNotice | null> {
    const rows: CheckInNotice[] = await em.query(
      `SELECT rc.id, rc.months, to_char(rc.due_on, 'YYYY-MM-DD') AS due_on, rc.status, rc.opened_at,
              pl.employer_organization_id, pl.job_title, pa.reference_code
         FROM retention_checks rc
         JOIN placements pl ON pl.id = rc.placement_id
         JOIN participants pa ON pa.id = pl.participant_id
        WHERE rc.placement_id = $1 AND rc.months = $2`,
      [placementId, months],
    );
    return rows[0] ?? null;
  }
}
