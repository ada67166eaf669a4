import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@tandem/core';
import { Page, paginate } from '@tandem/core';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DataSource, EntityManager } from 'typeorm';
import { ListCheckInsDto } from './dto';
import { Placement, RetentionCheck } from './entities';
import { PlacementAccessService } from './placement-access.service';

/** Scheduled check-ins whose UTC date ($1) has come: the sweep opens them. */
const SCHEDULED_AND_COME = `rc.status = 'scheduled' AND rc.due_on <= $1::date`;
/** Opened at least $1 seconds ago and still unanswered, not yet reminded: the sweep reminds them. */
const UNREMINDED_FOR = `rc.status = 'due' AND rc.reminded_at IS NULL AND rc.opened_at <= now() - make_interval(secs => $1)`;

/** How many check-ins an employer has among those a sweep step just marked. */
export interface OrganisationCount {
  organization_id: string;
  count: number;
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

  /**
   * A placement's start date moved: each unanswered check-in whose date changes gets its new
   * `due_on` and starts over as if logged with it: `scheduled` (the sweep opens it, at once if the
   * date has passed), its `opened_at` and `reminded_at` cleared so it is opened and reminded for the
   * new date. On an ended placement, a date after `endDate` is `cancelled` (as ending does) and a
   * cancelled one now dated on or before it is scheduled again. Answered check-ins, and those whose
   * date does not change (month ends clamp), keep everything. `dueOns`: months → new date.
   */
  async reschedule(
    em: EntityManager,
    placementId: string,
    dueOns: { months: number; dueOn: string }[],
    endDate: string | null,
  ): Promise<void> {
    await em.query(
      `UPDATE retention_checks rc
          SET due_on = m.due_on,
              status = CASE WHEN $4::date IS NOT NULL AND m.due_on > $4::date THEN 'cancelled' ELSE 'scheduled' END,
              opened_at = NULL, reminded_at = NULL, updated_at = now()
         FROM unnest($2::smallint[], $3::date[]) AS m(months, due_on)
        WHERE rc.placement_id = $1 AND rc.months = m.months
          AND rc.status IN ('scheduled', 'due', 'cancelled') AND rc.due_on <> m.due_on`,
      [placementId, dueOns.map((d) => d.months), dueOns.map((d) => d.dueOn), endDate],
    );
  }

  // --- the check-in sweep (dates in rows, one repeating job) ---

  /**
   * Opens up to `limit` scheduled check-ins whose UTC date has come (scheduled → due), oldest first;
   * how many per employer. Served by the partial index on scheduled rows' due_on.
   */
  openDueBatch(em: EntityManager, today: string, limit: number): Promise<OrganisationCount[]> {
    return this.markBatch(
      em,
      SCHEDULED_AND_COME,
      'rc.due_on',
      `status = 'due', opened_at = now()`,
      today,
      limit,
    );
  }

  /**
   * Marks up to `limit` check-ins due for `afterSeconds` and still unanswered as reminded (once
   * each); how many per employer. Served by the partial index on unreminded due rows.
   */
  remindBatch(em: EntityManager, afterSeconds: number, limit: number): Promise<OrganisationCount[]> {
    return this.markBatch(em, UNREMINDED_FOR, 'rc.opened_at', 'reminded_at = now()', afterSeconds, limit);
  }

  /** Per employer, the check-ins still to open today that a batch did not reach (for the summary's count). */
  stillDue(em: EntityManager, organizationIds: string[], today: string): Promise<OrganisationCount[]> {
    return this.countPending(em, SCHEDULED_AND_COME, today, organizationIds);
  }

  /** Per employer, the check-ins waiting for a reminder that a batch did not reach. */
  stillToRemind(
    em: EntityManager,
    organizationIds: string[],
    afterSeconds: number,
  ): Promise<OrganisationCount[]> {
    return this.countPending(em, UNREMINDED_FOR, afterSeconds, organizationIds);
  }

  /**
   * One batch of a sweep step: up to `limit` rows matching `pending` ($1 = `arg`), oldest by `order`
   * first, get `set`, skipping rows another sweep holds (FOR UPDATE SKIP LOCKED: several workers
   * never mark one twice nor wait on each other); counted per employer. `pending`, `order` and `set`
   * are this file's constants, never input.
   */
  private markBatch(
    em: EntityManager,
    pending: string,
    order: string,
    set: string,
    arg: string | number,
    limit: number,
  ): Promise<OrganisationCount[]> {
    return em.query(
      `WITH batch AS (
         SELECT rc.id FROM retention_checks rc WHERE ${pending}
          ORDER BY ${order}, rc.id LIMIT $2 FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE retention_checks rc SET ${set}, updated_at = now()
           FROM batch WHERE rc.id = batch.id
         RETURNING rc.placement_id
       )
       SELECT pl.employer_organization_id AS organization_id, count(*)::int AS count
         FROM marked JOIN placements pl ON pl.id = marked.placement_id
        GROUP BY pl.employer_organization_id ORDER BY pl.employer_organization_id`,
      [arg, limit],
    );
  }

  private countPending(
    em: EntityManager,
    pending: string,
    arg: string | number,
    organizationIds: string[],
  ): Promise<OrganisationCount[]> {
    return em.query(
      `SELECT pl.employer_organization_id AS organization_id, count(*)::int AS count
         FROM retention_checks rc JOIN placements pl ON pl.id = rc.placement_id
        WHERE ${pending} AND pl.employer_organization_id = ANY($2::uuid[])
        GROUP BY pl.employer_organization_id`,
      [arg, organizationIds],
    );
  }
}
