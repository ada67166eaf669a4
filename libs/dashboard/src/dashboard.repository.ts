import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  IndicatorDirection,
  IndicatorKind,
  indicatorProgress,
  LatestValueColumns,
  latestValueOf,
  loadMilestones,
  PartnerRole,
  PartnerStatus,
  toNumber,
  toNumberOrNull,
} from '@tandem/programmes';
import {
  DASHBOARD_TASK_STATES,
  DashboardTaskState,
  IndicatorStatus,
  MilestoneProgress,
  OverdueTask,
  PartnerActivity,
  PartnerTasks,
  TaskStateCounts,
} from './dashboard.view';
const OPEN_STATES: readonly DashboardTaskState[] = ['todo', 'in_progress', 'blocked'];

type Counts = Record<DashboardTaskState, string>;

const countColumns = DASHBOARD_TASK_STATES.map(
  (s) => `count(*) FILTER (WHERE t.state = '${s}') AS "${s}"`,
).join(',\n       ');

const toCounts = (row: Counts): TaskStateCounts =>
  Object.fromEntries(DASHBOARD_TASK_STATES.map((s) => [s, Number(row[s])])) as TaskStateCounts;

const sum = (c: TaskStateCounts): number => DASHBOARD_TASK_STATES.reduce((n, s) => n + c[s], 0);

/**
 * The dashboard's queries, each run in the caller's REPEATABLE READ transaction (`em`). A read
 * model: it reads other libraries' tables by design (declared in scripts/check-sql-ownership.mjs,
 * READ_MODELS) and never writes.
 */
@Injectable()
export class DashboardRepository {
  /**
   * Runs `work` in one read-only REPEATABLE READ snapshot (nothing here may change a row), begun in
   * a single statement: TypeORM's transaction() would take two more round trips to set it up.
   */
  async snapshot<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      try {
        const result = await work(runner.manager);
        await runner.query('COMMIT');
        return result;
      } catch (err) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  /** Counts by state for the programme and per assignee organisation, in one pass (grouping sets). */
  async taskCounts(
    em: EntityManager,
    programmeId: string,
  ): Promise<{ total: TaskStateCounts; byPartner: PartnerTasks[] }> {
    const rows: (Counts & { organization_id: string | null; name: string | null; is_total: number })[] =
      await em.query(
        `SELECT t.assignee_organization_id AS organization_id, o.name,
                GROUPING(t.assignee_organization_id, o.name) AS is_total,
                ${countColumns}
           FROM tasks t
           JOIN organizations o ON o.id = t.assignee_organization_id
          WHERE t.programme_id = $1
          GROUP BY GROUPING SETS ((t.assignee_organization_id, o.name), ())
          ORDER BY is_total, o.name, t.assignee_organization_id`,
        [programmeId],
      );
    const totalRow = rows.find((r) => Number(r.is_total) !== 0);
    const byPartner = rows
      .filter((r) => Number(r.is_total) === 0)
      .map((r) => {
        const byState = toCounts(r);
        return { id: r.organization_id!, name: r.name!, byState, total: sum(byState) };
      });
    return {
      total: totalRow ? toCounts(totalRow) : toCounts({} as Counts),
      byPartner,
    };
  }

  async overdueTasks(em: EntityManager, programmeId: string, today: string): Promise<OverdueTask[]> {
    const rows: {
      id: string;
      title: string;
      due_date: string;
      assignee_organization_id: string;
      state: DashboardTaskState;
    }[] = await em.query(
      `SELECT t.id, t.title, to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.assignee_organization_id, t.state
         FROM tasks t
        WHERE t.programme_id = $1 AND t.state = ANY($2::varchar[]) AND t.due_date < $3::date
        ORDER BY t.due_date, t.id`,
      [programmeId, OPEN_STATES, today],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      dueDate: r.due_date,
      assigneeOrganizationId: r.assignee_organization_id,
      state: r.state,
    }));
  }

  async milestones(em: EntityManager, programmeId: string, today: string): Promise<MilestoneProgress[]> {
    const all = await loadMilestones(em, 'm.programme_id = $2', [programmeId], today);
    return all.map(({ id, title, dueDate, tasksTotal, tasksDone, progress, overdue }) => ({
      id,
      title,
      dueDate,
      tasksTotal,
      tasksDone,
      progress,
      overdue,
    }));
  }

  async indicators(em: EntityManager, programmeId: string): Promise<IndicatorStatus[]> {
    const rows: (LatestValueColumns & {
      id: string;
      name: string;
      kind: IndicatorKind;
      dimension: string;
      unit: string;
      direction: IndicatorDirection;
      baseline: string;
      target: string;
    })[] = await em.query(
      `SELECT i.id, i.name, i.kind, i.dimension, i.unit, i.direction, i.baseline, i.target,
              to_char(lv.period_start, 'YYYY-MM-DD') AS period_start,
              to_char(lv.period_end, 'YYYY-MM-DD') AS period_end,
              lv.value, lv.migrant_value, lv.host_value
         FROM indicators i
         LEFT JOIN LATERAL (
           SELECT v.period_start, v.period_end, v.value, v.migrant_value, v.host_value
             FROM indicator_values v
            WHERE v.indicator_id = i.id
            ORDER BY v.period_end DESC, v.period_start DESC
            LIMIT 1
         ) lv ON true
        WHERE i.programme_id = $1
        ORDER BY i.created_at, i.id`,
      [programmeId],
    );
    return rows.map((r) => {
      const baseline = toNumber(r.baseline);
      const target = toNumber(r.target);
      const latest = toNumberOrNull(r.value);
      const progress = indicatorProgress(r.kind, baseline, target, latest);
      return {
        id: r.id,
        name: r.name,
        kind: r.kind,
        dimension: r.dimension,
        unit: r.unit,
        direction: r.direction,
        baseline,
        target,
        latestValue: latestValueOf(r),
        progress: progress?.progress ?? null,
        progressRaw: progress?.progressRaw ?? null,
      };
    });
  }

  /**
   * Every partner (whatever its status) with the last time one of its members changed something of
   * the programme's (its tasks, their comments, its indicator values, its partnerships), from the
   * audit trail's per-(programme, user) figure `programme_activity`, kept by PostgreSQL at every
   * audited commit (migration 1796700000000-ProgrammeActivity). Members are taken as they are now,
   * so a person in several partner organisations counts for each of them.
   */
  async partners(em: EntityManager, programmeId: string): Promise<PartnerActivity[]> {
    const rows: {
      organization_id: string;
      name: string;
      role: PartnerRole;
      status: PartnerStatus;
      last_activity_at: Date | null;
    }[] = await em.query(
      `WITH activity AS (
              SELECT mb.organization_id, max(pa.last_activity_at) AS last_activity_at
                FROM programme_activity pa
                JOIN memberships mb ON mb.user_id = pa.user_id
               WHERE pa.programme_id = $1
               GROUP BY mb.organization_id
            )
       SELECT pp.organization_id, o.name, pp.role, pp.status, a.last_activity_at
         FROM programme_partners pp
         JOIN organizations o ON o.id = pp.organization_id
         LEFT JOIN activity a ON a.organization_id = pp.organization_id
        WHERE pp.programme_id = $1
        ORDER BY o.name, pp.organization_id`,
      [programmeId],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      name: r.name,
      role: r.role,
      status: r.status,
      lastActivityAt: r.last_activity_at,
    }));
  }
}
