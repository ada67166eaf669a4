import { domainWriteOver } from '@tandem/audit';

import {
  AppConfig,
  Clock,
  CoreError,
  CoreErrorCode,
  DomainError,
  userActor,
  Actor,
  MembershipRole,
} from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import {
  PartnerRole,
  PartnerStatus,
  Programme,
  ProgrammeAccess,
  programmeAccessOf,
  ProgrammeAccessService,
  ProgrammeStatus,
} from '@tandem/programmes';
import { DataSource, EntityManager } from 'typeorm';
import { Task, TaskPriority, TaskState } from './entities';
import { TaskAccessService } from './task-access.service';
import { TasksErrorCode } from './tasks.errors';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

const PROGRAMME = '10000000-0000-4000-8000-000000000001';
const TASK = '20000000-0000-4000-8000-000000000002';
const OTHER_TASK = '20000000-0000-4000-8000-000000000003';
const IMPLEMENTER = '30000000-0000-4000-8000-000000000004';
const PROVIDER = '30000000-0000-4000-8000-000000000005';
const OBSERVER = '30000000-0000-4000-8000-000000000006';
const USER = '40000000-0000-4000-8000-000000000007';
const COLLEAGUE = '40000000-0000-4000-8000-000000000008';
const NOW = new Date('2027-03-01T12:00:00Z');

const actor = (orgId?: string): Actor =>
  userActor({
    userId: USER,
    email: 'someone@test',
    memberships: orgId ? [{ organizationId: orgId, role: MembershipRole.Member }] : [],
  });

const accessOf = (over: Partial<ProgrammeAccess> = {}): ProgrammeAccess =>
  programmeAccessOf(
    { id: PROGRAMME, title: 'Jobs Bridge', status: ProgrammeStatus.Active } as Programme,
    over,
  );
const MANAGER = accessOf({ isManager: true });
const IMPLEMENTER_STAFF = accessOf({
  activePartnerOrgIds: [IMPLEMENTER],
  workingPartnerOrgIds: [IMPLEMENTER],
});

const taskOf = (over: Partial<Task> = {}): Task =>
  ({
    id: TASK,
    programmeId: PROGRAMME,
    milestoneId: null,
    title: 'Book the venue',
    description: '',
    assigneeOrganizationId: IMPLEMENTER,
    assigneeUserId: null,
    priority: TaskPriority.Normal,
    dueDate: '2027-03-31',
    state: TaskState.Todo,
    blockedReason: null,
    completedAt: null,
    createdByUserId: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 3,
    ...over,
  }) as Task;

async function failure(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, fields: (err.errors ?? []).map((e) => e.field) };
    throw err;
  }
  throw new Error('expected a failure');
}

describe(TasksService.name, () => {
  let sut: TasksService;
  let repo: jest.Mocked<TasksRepository>;
  let programmes: jest.Mocked<ProgrammeAccessService>;
  let audit: { record: jest.Mock };
  let notifications: { notify: jest.Mock };
  let em: { save: jest.Mock; create: jest.Mock; findOneByOrFail: jest.Mock; update: jest.Mock };
  let stored: Task;

  beforeEach(() => {
    stored = taskOf();
    em = {
      create: jest.fn((_cls, plain: object) => ({ ...plain })),
      save: jest.fn(async (_cls, row: object) => ({ ...row, id: TASK })),
      findOneByOrFail: jest.fn(async () => stored),
      update: jest.fn(async () => undefined),
    };
    repo = {
      findById: jest.fn(async () => stored),
      dependenciesOf: jest.fn(
        async (_em: EntityManager, ids: string[]) => new Map(ids.map((id) => [id, []])),
      ),
      lockProgramme: jest.fn(async () => undefined),
      tasksInProgramme: jest.fn(async (_em: EntityManager, _p: string, ids: string[]) => new Set(ids)),
      wouldCycle: jest.fn(async () => false),
      replaceDependencies: jest.fn(async () => undefined),
      openPrerequisites: jest.fn(async () => []),
      compareAndSetState: jest.fn(async () => true),
      isMember: jest.fn(async () => true),
      partnership: jest.fn(async () => ({ role: PartnerRole.Implementer, status: PartnerStatus.Active })),
      milestoneInProgramme: jest.fn(async () => true),
      organizationName: jest.fn(async () => 'Legal Aid Network'),
      userName: jest.fn(async () => 'Amira'),
    } as unknown as jest.Mocked<TasksRepository>;
    programmes = {
      load: jest.fn(async () => MANAGER),
      require: jest.fn(async () => MANAGER),
      can: jest.fn(),
    } as unknown as jest.Mocked<ProgrammeAccessService>;
    audit = { record: jest.fn(async () => undefined) };
    notifications = { notify: jest.fn(async () => undefined) };
    const dataSource = { manager: em } as unknown as DataSource;
    sut = new TasksService(
      dataSource,
      domainWriteOver(em, { audit }),
      repo,
      new TaskAccessService(dataSource, repo, programmes),
      programmes,
      notifications as unknown as NotificationsService,
      { now: () => NOW } as Clock,
      { TASK_DUE_REMINDER_HOURS: 24 } as AppConfig,
    );
  });

  describe('create', () => {
    const dto = { title: 'Book the venue', assigneeOrganizationId: IMPLEMENTER, dueDate: '2027-03-31' };

    it('creates a todo task, audits it, tells the assignee and schedules its reminders', async () => {
      stored = taskOf({ assigneeUserId: COLLEAGUE });
      const view = await sut.create(actor(), PROGRAMME, {
        ...dto,
        assigneeUserId: COLLEAGUE,
        blockedBy: [OTHER_TASK],
      });
      expect(programmes.require).toHaveBeenCalledWith(expect.anything(), PROGRAMME, 'manage', em);
      expect(em.create).toHaveBeenCalledWith(
        Task,
        expect.objectContaining({
          state: TaskState.Todo,
          priority: TaskPriority.Normal,
          createdByUserId: USER,
          // Its reminders are dates on the row, for the sweep: 24 h before the end of the due date, and at it.
          dueSoonAt: new Date('2027-03-31T00:00:00Z'),
          overdueAt: new Date('2027-04-01T00:00:00Z'),
        }),
      );
      expect(repo.lockProgramme).toHaveBeenCalledWith(em, PROGRAMME);
      expect(repo.replaceDependencies).toHaveBeenCalledWith(em, TASK, [OTHER_TASK]);
      expect(audit.record).toHaveBeenCalledWith(
        em,
        expect.objectContaining({ action: 'create', entityType: 'task' }),
      );
      expect(notifications.notify).toHaveBeenCalledWith(
        em,
        expect.objectContaining({
          type: 'task.assigned',
          recipients: { userIds: [COLLEAGUE], exceptUserId: USER },
        }),
      );
      expect(view).toMatchObject({ id: TASK, state: 'todo', blockedBy: [OTHER_TASK], overdue: false });
    });

    it('tells the whole organisation when no person is named', async () => {
      await sut.create(actor(), PROGRAMME, dto);
      expect(notifications.notify.mock.calls[0][1].recipients).toEqual({
        organizationIds: [IMPLEMENTER],
        exceptUserId: USER,
      });
    });

    it.each([
      ['an observer', { role: PartnerRole.Observer, status: PartnerStatus.Active }],
      ['an invited partner', { role: PartnerRole.Implementer, status: PartnerStatus.Invited }],
      ['an organisation that left', { role: PartnerRole.Implementer, status: PartnerStatus.Left }],
      ['a non-partner', null],
    ])('refuses to assign %s (422 naming assigneeOrganizationId)', async (_, partnership) => {
      repo.partnership.mockResolvedValue(partnership);
      expect(
        await failure(sut.create(actor(), PROGRAMME, { ...dto, assigneeOrganizationId: OBSERVER })),
      ).toEqual({
        code: TasksErrorCode.AssigneeNotPartner,
        fields: ['assigneeOrganizationId'],
      });
      expect(em.save).not.toHaveBeenCalled();
    });

    it('refuses a person outside the assignee organisation (422 naming assigneeUserId)', async () => {
      repo.isMember.mockResolvedValue(false);
      expect(await failure(sut.create(actor(), PROGRAMME, { ...dto, assigneeUserId: COLLEAGUE }))).toEqual({
        code: TasksErrorCode.AssigneeNotMember,
        fields: ['assigneeUserId'],
      });
    });

    it('refuses a milestone or a prerequisite of another programme (400 naming the field)', async () => {
      repo.milestoneInProgramme.mockResolvedValueOnce(false);
      expect(await failure(sut.create(actor(), PROGRAMME, { ...dto, milestoneId: OTHER_TASK }))).toEqual({
        code: CoreErrorCode.ValidationFailed,
        fields: ['milestoneId'],
      });
      repo.tasksInProgramme.mockResolvedValueOnce(new Set());
      expect(await failure(sut.create(actor(), PROGRAMME, { ...dto, blockedBy: [OTHER_TASK] }))).toEqual({
        code: CoreErrorCode.ValidationFailed,
        fields: ['blockedBy'],
      });
    });

    it('refuses new tasks in an archived programme', async () => {
      programmes.require.mockResolvedValue(
        accessOf({ isManager: true, programme: { status: ProgrammeStatus.Archived } as Programme }),
      );
      expect((await failure(sut.create(actor(), PROGRAMME, dto))).code).toBe('PROGRAMME_NOT_ACTIVE');
    });
  });

  describe('transition', () => {
    it('lets the assignee organisation start its task, compare-and-set from the state it read', async () => {
      programmes.load.mockResolvedValue(IMPLEMENTER_STAFF);
      stored = taskOf({ state: TaskState.Todo });
      repo.findById.mockResolvedValue(stored);
      em.findOneByOrFail.mockResolvedValue(taskOf({ state: TaskState.InProgress, version: 4 }));
      const view = await sut.transition(actor(IMPLEMENTER), TASK, { to: TaskState.InProgress });
      expect(repo.openPrerequisites).toHaveBeenCalledWith(em, TASK);
      expect(repo.compareAndSetState).toHaveBeenCalledWith(
        em,
        TASK,
        { state: TaskState.Todo, assigneeOrganizationId: IMPLEMENTER },
        {
          state: TaskState.InProgress,
          blockedReason: null,
          completedAt: null,
        },
      );
      expect(audit.record).toHaveBeenCalledWith(
        em,
        expect.objectContaining({ before: expect.objectContaining({ state: 'todo' }) }),
      );
      expect(notifications.notify).toHaveBeenCalledWith(
        em,
        expect.objectContaining({
          type: 'task.state_changed',
          recipients: { programmeManagersOf: PROGRAMME, organizationIds: [IMPLEMENTER], exceptUserId: USER },
        }),
      );
      expect(view.state).toBe('in_progress');
    });

    it('stamps completedAt on done', async () => {
      stored = taskOf({ state: TaskState.InProgress });
      repo.findById.mockResolvedValue(stored);
      await sut.transition(actor(), TASK, { to: TaskState.Done });
      // A manager's move does not depend on who the assignee is.
      expect(repo.compareAndSetState.mock.calls[0][2]).toEqual({ state: TaskState.InProgress });
      expect(repo.compareAndSetState.mock.calls[0][3]).toEqual({
        state: TaskState.Done,
        blockedReason: null,
        completedAt: NOW,
        // Finishing drops the reminders.
        dueSoonAt: null,
        overdueAt: null,
      });
    });

    it('brings the reminders back when a done task is reopened', async () => {
      stored = taskOf({ state: TaskState.Done });
      repo.findById.mockResolvedValue(stored);
      await sut.transition(actor(), TASK, { to: TaskState.InProgress });
      expect(repo.compareAndSetState.mock.calls[0][3]).toMatchObject({
        state: TaskState.InProgress,
        dueSoonAt: new Date('2027-03-31T00:00:00Z'),
        overdueAt: new Date('2027-04-01T00:00:00Z'),
      });
    });

    it('leaves the reminders alone between open states', async () => {
      stored = taskOf({ state: TaskState.InProgress });
      repo.findById.mockResolvedValue(stored);
      await sut.transition(actor(), TASK, { to: TaskState.Blocked, reason: 'waiting' });
      expect(repo.compareAndSetState.mock.calls[0][3]).not.toHaveProperty('dueSoonAt');
      expect(repo.compareAndSetState.mock.calls[0][3]).not.toHaveProperty('overdueAt');
    });

    it('needs a reason to block (400 naming reason), before touching the database', async () => {
      expect(await failure(sut.transition(actor(), TASK, { to: TaskState.Blocked, reason: '  ' }))).toEqual({
        code: CoreErrorCode.ValidationFailed,
        fields: ['reason'],
      });
      expect(repo.findById).not.toHaveBeenCalled();
    });

    it('answers 409 TASK_TRANSITION_NOT_ALLOWED for a move the state machine does not have', async () => {
      expect(await failure(sut.transition(actor(), TASK, { to: TaskState.Done }))).toEqual({
        code: TasksErrorCode.TaskTransitionNotAllowed,
        fields: ['to'],
      });
      expect(repo.compareAndSetState).not.toHaveBeenCalled();
    });

    it('will not start a task while a prerequisite is open', async () => {
      repo.openPrerequisites.mockResolvedValue([
        { id: OTHER_TASK, title: 'Sign the lease', state: TaskState.Todo },
      ]);
      expect((await failure(sut.transition(actor(), TASK, { to: TaskState.InProgress }))).code).toBe(
        TasksErrorCode.TaskBlockedByDependency,
      );
      expect(repo.compareAndSetState).not.toHaveBeenCalled();
    });

    it('loses cleanly to a concurrent transition: 409 and nothing recorded', async () => {
      repo.compareAndSetState.mockResolvedValue(false);
      expect((await failure(sut.transition(actor(), TASK, { to: TaskState.InProgress }))).code).toBe(
        TasksErrorCode.TaskTransitionNotAllowed,
      );
      expect(audit.record).not.toHaveBeenCalled();
      expect(notifications.notify).not.toHaveBeenCalled();
    });

    it.each([
      [
        'another working partner',
        accessOf({ activePartnerOrgIds: [PROVIDER], workingPartnerOrgIds: [PROVIDER] }),
      ],
      ['an observer', accessOf({ activePartnerOrgIds: [OBSERVER] })],
      ['a platform admin', accessOf({ isPlatformAdmin: true })],
    ])('forbids %s (403)', async (_, access) => {
      programmes.load.mockResolvedValue(access);
      expect((await failure(sut.transition(actor(), TASK, { to: TaskState.InProgress }))).code).toBe(
        CoreErrorCode.Forbidden,
      );
    });

    it('lets only managers cancel', async () => {
      programmes.load.mockResolvedValue(IMPLEMENTER_STAFF);
      expect(
        (await failure(sut.transition(actor(IMPLEMENTER), TASK, { to: TaskState.Cancelled }))).code,
      ).toBe(CoreErrorCode.Forbidden);
    });

    it('reports a task in a programme the caller cannot read as a missing task', async () => {
      programmes.load.mockRejectedValue(CoreError.notFound('Programme'));
      await expect(sut.transition(actor(), TASK, { to: TaskState.InProgress })).rejects.toThrow(
        'Task not found',
      );
    });
  });

  describe('update', () => {
    it('answers 412 when the version read is stale', async () => {
      expect((await failure(sut.update(actor(), TASK, 2, { title: 'New' }))).code).toBe(
        CoreErrorCode.VersionMismatch,
      );
      expect(em.update).not.toHaveBeenCalled();
    });

    it('lets the assignee organisation edit the description but not the title', async () => {
      programmes.load.mockResolvedValue(IMPLEMENTER_STAFF);
      expect(
        await failure(sut.update(actor(IMPLEMENTER), TASK, 3, { title: 'Mine now', description: 'x' })),
      ).toEqual({
        code: CoreErrorCode.Forbidden,
        fields: ['title'],
      });
      await sut.update(actor(IMPLEMENTER), TASK, 3, { title: stored.title, description: 'Two rooms' });
      expect(em.update).toHaveBeenCalledWith(
        Task,
        { id: TASK },
        expect.objectContaining({ description: 'Two rooms', title: 'Book the venue' }),
      );
    });

    it('changes nothing, and records nothing, when nothing differs', async () => {
      await sut.update(actor(), TASK, 3, { title: stored.title, dueDate: stored.dueDate });
      expect(em.update).not.toHaveBeenCalled();
      expect(audit.record).not.toHaveBeenCalled();
    });

    it('locks the programme before the task when prerequisites change, and refuses a cycle', async () => {
      const order: string[] = [];
      repo.lockProgramme.mockImplementation(async () => void order.push('programme'));
      repo.findById.mockImplementation(async (_em, _id, lock) => (lock && order.push('task'), stored));
      repo.wouldCycle.mockResolvedValue(true);
      expect(await failure(sut.update(actor(), TASK, 3, { blockedBy: [OTHER_TASK] }))).toEqual({
        code: TasksErrorCode.DependencyCycle,
        fields: ['blockedBy'],
      });
      expect(order).toEqual(['programme', 'task']);
      expect(repo.replaceDependencies).not.toHaveBeenCalled();
    });

    it('refuses a task waiting for itself', async () => {
      expect((await failure(sut.update(actor(), TASK, 3, { blockedBy: [TASK] }))).code).toBe(
        TasksErrorCode.DependencyCycle,
      );
    });

    it('moves the reminders when the due date changes', async () => {
      em.findOneByOrFail.mockResolvedValue(taskOf({ dueDate: '2027-06-30', version: 4 }));
      await sut.update(actor(), TASK, 3, { dueDate: '2027-06-30' });
      // New dates, and the old date's "sent" stamps cleared: the new date reminds again.
      expect(em.update.mock.calls[0][2]).toMatchObject({
        dueDate: '2027-06-30',
        dueSoonAt: new Date('2027-06-30T00:00:00Z'),
        overdueAt: new Date('2027-07-01T00:00:00Z'),
        dueSoonSentAt: null,
        overdueSentAt: null,
      });
    });

    it('drops the reminders when the due date is removed, and leaves them alone on other edits', async () => {
      await sut.update(actor(), TASK, 3, { dueDate: null });
      expect(em.update.mock.calls[0][2]).toMatchObject({ dueDate: null, dueSoonAt: null, overdueAt: null });
      em.update.mockClear();
      await sut.update(actor(), TASK, 3, { title: 'Book the hall' });
      expect(em.update.mock.calls[0][2]).not.toHaveProperty('dueSoonAt');
      expect(em.update.mock.calls[0][2]).not.toHaveProperty('dueSoonSentAt');
    });

    it('tells the new assignee, and drops a person who is not in the new organisation', async () => {
      stored = taskOf({ assigneeUserId: COLLEAGUE });
      repo.findById.mockResolvedValue(stored);
      repo.isMember.mockResolvedValue(false);
      em.findOneByOrFail.mockResolvedValue(
        taskOf({ assigneeOrganizationId: PROVIDER, assigneeUserId: null }),
      );
      await sut.update(actor(), TASK, 3, { assigneeOrganizationId: PROVIDER });
      expect(em.update.mock.calls[0][2]).toMatchObject({
        assigneeOrganizationId: PROVIDER,
        assigneeUserId: null,
      });
      expect(notifications.notify).toHaveBeenCalledWith(
        em,
        expect.objectContaining({
          type: 'task.assigned',
          recipients: { organizationIds: [PROVIDER], exceptUserId: USER },
        }),
      );
    });
  });
});
