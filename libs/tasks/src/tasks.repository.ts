import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { UsersRepository } from '@tandem/auth';
import { Actor, afterCursor, keysetPage, Page, paginate } from '@tandem/core';
import { ProgrammeAccessService, ProgrammesRepository } from '@tandem/programmes';
import { MembershipsRepository, OrganizationsRepository } from '@tandem/stakeholders';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { ListMyTasksDto, ListTasksDto } from './dto';
import { OPEN_TASK_STATES, Task, TaskDependency, TaskState } from './entities';

/** A task with the ids of its prerequisites, read together. */
export interface TaskWithPrerequisites {
  task: Task;
  blockedBy: string[];
}

export interface Prerequisite {
  id: string;
  title: string;
  state: TaskState;
}

/** Urgent first among tasks due the same day. */
const PRIORITY_RANK = `CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;
/** Tasks without a due date sort after every dated one. */
const DUE_KEY = `COALESCE(t.due_date, 'infinity'::date)`;
/**
 * The order of `GET /me/tasks`. The partial indexes of migration 1796100000000 (ReadPathIndexes) are
 * built on exactly these expressions: change one, change both.
 */
const MY_TASKS_KEYS = [DUE_KEY, PRIORITY_RANK, 't.id'];
/** Open states as literals, so the planner matches the partial indexes' predicate in any plan. */
const OPEN_STATE_SQL = `t.state IN (${OPEN_TASK_STATES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Queries over tasks. Every list takes its scope (a programme the caller may read, or the caller
 * themselves), so an unscoped read cannot be written by accident.
 */
@Injectable()
export class TasksRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammeAccessService,
    private readonly programmeRows: ProgrammesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
  ) {}

  /**
   * A task by id, whatever its programme: callers must check the actor's access to `programmeId`
   * before showing or changing anything (see TaskAccessService). `lock` takes FOR NO KEY UPDATE, which
   * does not block rows that merely reference the task (dependencies, comments).
   */
  findById(em: EntityManager, id: string, lock = false): Promise<Task | null> {
    return em.findOne(Task, {
      where: { id },
      ...(lock ? { lock: { mode: 'for_no_key_update' as const } } : {}),
    });
  }

  /** Each task's prerequisites (the tasks it waits for). */
  async dependenciesOf(em: EntityManager, taskIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(taskIds.map((id) => [id, []]));
    if (!taskIds.length) return map;
    const rows = await em.find(TaskDependency, {
      where: { taskId: In(taskIds) },
      select: { taskId: true, dependsOnTaskId: true },
    });
    for (const r of rows) map.get(r.taskId)?.push(r.dependsOnTaskId);
    return map;
  }

  /** Serialises every change to the programme's dependency graph (see ProgrammesRepository). */
  lockProgramme(em: EntityManager, programmeId: string): Promise<void> {
    return this.programmeRows.lockForGraphChange(em, programmeId);
  }

  /** Which of `ids` are tasks of the programme. */
  async tasksInProgramme(em: EntityManager, programmeId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM tasks WHERE programme_id = $1 AND id = ANY($2::uuid[])`,
      [programmeId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * True when making `taskId` wait for `dependsOn` closes a loop: `taskId` is reachable from one of
   * them along existing edges. UNION (not UNION ALL) keeps the walk finite on any graph. Call under
   * `lockProgramme`.
   */
  async wouldCycle(em: EntityManager, taskId: string, dependsOn: string[]): Promise<boolean> {
    if (!dependsOn.length) return false;
    const rows: { cycle: boolean }[] = await em.query(
      `WITH RECURSIVE reachable(id) AS (
         SELECT unnest($2::uuid[])
         UNION
         SELECT d.depends_on_task_id
           FROM task_dependencies d
           JOIN reachable r ON d.task_id = r.id
       )
       SELECT EXISTS (SELECT 1 FROM reachable WHERE id = $1) AS cycle`,
      [taskId, dependsOn],
    );
    return rows[0]?.cycle === true;
  }

  async replaceDependencies(em: EntityManager, taskId: string, dependsOn: string[]): Promise<void> {
    await em.delete(TaskDependency, { taskId });
    if (dependsOn.length)
      await em.insert(
        TaskDependency,
        dependsOn.map((dependsOnTaskId) => ({ taskId, dependsOnTaskId })),
      );
  }

  /**
   * The task's prerequisites that are still open. FOR SHARE holds them while the task starts, so a
   * prerequisite reopened at the same moment waits for this transaction (or is seen reopened).
   */
  async openPrerequisites(em: EntityManager, taskId: string): Promise<Prerequisite[]> {
    const rows: Prerequisite[] = await em.query(
      `SELECT t.id, t.title, t.state
         FROM tasks t
         JOIN task_dependencies d ON d.depends_on_task_id = t.id
        WHERE d.task_id = $1
        ORDER BY t.id
          FOR SHARE OF t`,
      [taskId],
    );
    return rows.filter((r) => OPEN_TASK_STATES.includes(r.state));
  }

  /**
   * Compare-and-set: moves the task only if it is still as `expected` (its state, and optionally its
   * assignee). False when another request changed it first, so two concurrent transitions cannot
   * both win.
   */
  async compareAndSetState(
    em: EntityManager,
    id: string,
    expected: { state: TaskState; assigneeOrganizationId?: string },
    set: { state: TaskState; blockedReason: string | null; completedAt: Date | null } & Partial<
      Pick<Task, 'dueSoonAt' | 'overdueAt'>
    >,
  ): Promise<boolean> {
    const qb = em
      .createQueryBuilder()
      .update(Task)
      .set({ ...set, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND state = :from', { id, from: expected.state });
    if (expected.assigneeOrganizationId)
      qb.andWhere('assignee_organization_id = :org', { org: expected.assigneeOrganizationId });
    const result = await qb.returning('id').execute();
    return (result.affected ?? 0) === 1;
  }

  // Reads of other libraries' tables go through their exported repositories.
  isMember(em: EntityManager, userId: string, organizationId: string): Promise<boolean> {
    return this.memberships.isMember(em, userId, organizationId);
  }

  /** The organisation's place in the programme, if it has one. */
  async partnership(
    em: EntityManager,
    programmeId: string,
    organizationId: string,
  ): Promise<{ role: string; status: string } | null> {
    return (await this.programmeRows.partnershipsOf(em, programmeId, [organizationId]))[0] ?? null;
  }

  milestoneInProgramme(em: EntityManager, programmeId: string, milestoneId: string): Promise<boolean> {
    return this.programmeRows.milestoneInProgramme(em, programmeId, milestoneId);
  }

  async organizationName(em: EntityManager, organizationId: string): Promise<string> {
    return (await this.organizations.names([organizationId], em)).get(organizationId) ?? '';
  }

  userName(em: EntityManager, userId: string): Promise<string> {
    return this.users.nameOf(em, userId);
  }

  /** Tasks of one programme (the caller has been checked as a reader), in the order they were planned. */
  listInProgramme(programmeId: string, filter: ListTasksDto, today: string): Promise<Page<Task>> {
    const qb = this.dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .where('t.programme_id = :programmeId', { programmeId });
    if (filter.state?.length) qb.andWhere('t.state IN (:...states)', { states: filter.state });
    if (filter.assigneeOrganizationId)
      qb.andWhere('t.assignee_organization_id = :org', { org: filter.assigneeOrganizationId });
    if (filter.assigneeUserId) qb.andWhere('t.assignee_user_id = :user', { user: filter.assigneeUserId });
    if (filter.milestoneId) qb.andWhere('t.milestone_id = :milestone', { milestone: filter.milestoneId });
    if (filter.overdue === true) this.overdue(qb, today);
    if (filter.overdue === false) this.notOverdue(qb, today);
    return paginate(qb, {
      keys: ['t.created_at', 't.id'],
      direction: 'ASC',
      cursorOf: (t) => [t.createdAt.toISOString(), t.id],
      query: filter,
    });
  }

  /**
   * The caller's work across programmes: open tasks assigned to them or to one of their
   * organisations, in programmes they may read (scoped in SQL by the programme policy). Overdue
   * first (they have the earliest dates), then by due date, undated last, urgent before low.
   *
   * One ordered walk per assignee, each stopping after a page: every organisation of the caller
   * and the caller in person get a branch that reads the partial index of open tasks kept in this
   * very order (idx_tasks_open_organization_order, idx_tasks_open_user_order), applies the
   * programme scope and the cursor, and takes `limit + 1`; the outer query orders the few
   * candidates and cuts the page. Sorting every open task of a 14,000-task organisation for 21
   * rows was the cost this avoids. The person's branch leaves out their organisations' tasks, which
   * the other branches already hold, so a task appears once. Same keys, cursor and page as before.
   */
  async listForActor(
    actor: Actor,
    filter: ListMyTasksDto,
    today: string,
  ): Promise<Page<TaskWithPrerequisites>> {
    const orgIds = [...new Set(actor.memberships.map((m) => m.organizationId))];
    const limit = filter.limit ?? 20;
    // A branch per assignee: every open task of it the caller may see; `paged` walks its index from
    // the cursor and stops after a page, otherwise it is the whole set (for the first page's total).
    const branch = (
      assignee: (qb: SelectQueryBuilder<Task>) => void,
      paged = true,
    ): SelectQueryBuilder<Task> => {
      const qb = this.dataSource
        .getRepository(Task)
        .createQueryBuilder('t')
        .select('t.id')
        .innerJoin('programmes', 'p', 'p.id = t.programme_id')
        .where(OPEN_STATE_SQL);
      assignee(qb);
      this.programmes.scopeVisible(qb, actor, 'p');
      // Every task here is open, so "overdue" is a bound on the index's first sort key.
      if (filter.overdue === true) qb.andWhere(`${DUE_KEY} < :today`, { today });
      if (filter.overdue === false) qb.andWhere(`${DUE_KEY} >= :today`, { today });
      if (!paged) return qb;
      afterCursor(qb, MY_TASKS_KEYS, 'ASC', filter.cursor);
      MY_TASKS_KEYS.forEach((k, i) => (i === 0 ? qb.orderBy(k, 'ASC') : qb.addOrderBy(k, 'ASC')));
      return qb.limit(limit + 1);
    };
    const assignees: ((qb: SelectQueryBuilder<Task>) => void)[] = [
      ...orgIds.map(
        (org, i) => (qb: SelectQueryBuilder<Task>) =>
          qb.andWhere(`t.assignee_organization_id = :__org${i}`, { [`__org${i}`]: org }),
      ),
      (qb) => {
        qb.andWhere('t.assignee_user_id = :me', { me: actor.userId });
        if (orgIds.length) qb.andWhere('t.assignee_organization_id NOT IN (:...myOrgs)', { myOrgs: orgIds });
      },
    ];
    const branches = assignees.map((a) => branch(a));
    const candidates = branches.map((b) => `(${b.getQuery()})`).join(' UNION ALL ');
    // The branches are disjoint (the person's leaves out their organisations' tasks), so the total
    // is the sum of their sizes: each an index-only count of its partial index, same scope.
    const wholeBranches = filter.cursor ? [] : assignees.map((a) => branch(a, false));
    const everything = wholeBranches.map((b) => `(${b.getQuery()})`).join(' UNION ALL ');
    // One round trip: the page, each task's prerequisites and (first page only) the count.
    const qb = this.dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .addSelect(
        '(SELECT array_agg(d.depends_on_task_id::text) FROM task_dependencies d WHERE d.task_id = t.id)',
        '__blocked_by',
      )
      .where(`t.id IN (${candidates})`)
      .setParameters(Object.assign({}, ...[...branches, ...wholeBranches].map((b) => b.getParameters())));
    if (!filter.cursor) qb.addSelect(`(SELECT count(*) FROM (${everything}) c)`, '__total');
    afterCursor(qb, MY_TASKS_KEYS, 'ASC', filter.cursor);
    MY_TASKS_KEYS.forEach((k, i) => (i === 0 ? qb.orderBy(k, 'ASC') : qb.addOrderBy(k, 'ASC')));
    const { entities, raw } = await qb.limit(limit + 1).getRawAndEntities<{
      __blocked_by: string[] | null;
      __total?: string;
    }>();
    const rows = entities.map((task, i) => ({ task, blockedBy: raw[i].__blocked_by ?? [] }));
    return keysetPage(
      rows,
      limit,
      ({ task: t }) => [t.dueDate ?? 'infinity', priorityRank(t.priority), t.id],
      filter.cursor ? undefined : Number(raw[0]?.__total ?? 0),
    );
  }

  private overdue<T extends object>(qb: SelectQueryBuilder<T>, today: string): void {
    qb.andWhere('t.due_date < :today AND t.state IN (:...overdueOpen)', {
      today,
      overdueOpen: OPEN_TASK_STATES,
    });
  }

  private notOverdue<T extends object>(qb: SelectQueryBuilder<T>, today: string): void {
    qb.andWhere('NOT (t.due_date IS NOT NULL AND t.due_date < :today AND t.state IN (:...overdueOpen))', {
      today,
      overdueOpen: OPEN_TASK_STATES,
    });
  }
}

export function priorityRank(priority: string): number {
  return { urgent: 0, high: 1, normal: 2 }[priority] ?? 3;
}
