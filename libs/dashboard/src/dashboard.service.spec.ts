import { Clock, Actor, PlatformRole } from '@tandem/core';
import { DataSource, EntityManager } from 'typeorm';
import { ProgrammeAccessService } from '@tandem/programmes';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

const PROGRAMME = '11111111-1111-4111-8111-111111111111';
const ORG_A = '22222222-2222-4222-8222-222222222222';
const actor: Actor = {
  userId: '44444444-4444-4444-8444-444444444444',
  email: 'officer@observer.test',
  platformRole: PlatformRole.User,
  sessionId: null,
  memberships: [],
};
const zero = { todo: '0', in_progress: '0', blocked: '0', done: '0', cancelled: '0' };

describe(DashboardService.name, () => {
  let sut: DashboardService;
  let em: { query: jest.Mock };
  let access: { require: jest.Mock };
  let createQueryRunner: jest.Mock;
  let release: jest.Mock;
  let rows: Record<string, unknown[]>;

  beforeEach(() => {
    rows = { tasks: [], overdue: [], milestones: [], indicators: [], partners: [] };
    em = {
      query: jest.fn(async (sql: string) => {
        if (/^(START TRANSACTION|COMMIT|ROLLBACK)/.test(sql)) return [];
        if (sql.includes('GROUPING SETS')) return rows.tasks;
        if (sql.includes('t.due_date < $3')) return rows.overdue;
        if (sql.includes('FROM milestones')) return rows.milestones;
        if (sql.includes('FROM indicators i')) return rows.indicators;
        if (sql.includes('FROM programme_partners pp')) return rows.partners;
        throw new Error(`unexpected query ${sql}`);
      }),
    };
    release = jest.fn();
    createQueryRunner = jest.fn(() => ({
      connect: jest.fn(),
      query: em.query,
      manager: em as unknown as EntityManager,
      release,
    }));
    access = { require: jest.fn().mockResolvedValue({}) };
    const clock = { now: () => new Date('2027-05-10T23:30:00Z') };
    sut = new DashboardService(
      { createQueryRunner } as unknown as DataSource,
      new DashboardRepository(),
      access as unknown as ProgrammeAccessService,
      clock as Clock,
    );
  });

  it('reads in one read-only REPEATABLE READ snapshot, after checking the caller may read the programme', async () => {
    await sut.get(actor, PROGRAMME);
    expect(em.query.mock.calls[0][0]).toBe('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    expect(em.query.mock.calls.at(-1)![0]).toBe('COMMIT');
    expect(release).toHaveBeenCalledTimes(1);
    expect(access.require).toHaveBeenCalledWith(actor, PROGRAMME, 'read', em);
  });

  it('judges overdue against the UTC date and passes it to the queries', async () => {
    const dashboard = await sut.get(actor, PROGRAMME);
    expect(dashboard.today).toBe('2027-05-10');
    const overdueCall = em.query.mock.calls.find(([sql]) => String(sql).includes('t.due_date < $3'))!;
    expect(overdueCall[1]).toEqual([PROGRAMME, ['todo', 'in_progress', 'blocked'], '2027-05-10']);
  });

  it('shows zero counts for a programme without tasks', async () => {
    rows.tasks = [{ organization_id: null, name: null, is_total: 1, ...zero }];
    const dashboard = await sut.get(actor, PROGRAMME);
    expect(dashboard.tasksByState).toEqual({ todo: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0 });
    expect(dashboard.tasksByPartner).toEqual([]);
  });

  it('turns counts, decimals and ratios into numbers', async () => {
    rows.tasks = [
      {
        organization_id: ORG_A,
        name: 'Legal Aid',
        is_total: 0,
        ...zero,
        todo: '2',
        done: '1',
        cancelled: '1',
      },
      { organization_id: null, name: null, is_total: 3, ...zero, todo: '2', done: '1', cancelled: '1' },
    ];
    rows.milestones = [
      { id: 'm1', title: 'Cohort 1', due_date: '2027-05-01', total: '3', done: '1', overdue: true },
      { id: 'm2', title: 'Cohort 2', due_date: '2027-09-01', total: '0', done: '0', overdue: false },
    ];
    rows.indicators = [
      {
        id: 'i1',
        name: 'Employment gap',
        kind: 'gap',
        dimension: 'economic',
        unit: 'pp',
        direction: 'increase',
        baseline: '-20.0000',
        target: '-5.0000',
        period_start: '2027-01-01',
        period_end: '2027-03-31',
        value: '-12.0000',
        migrant_value: '60.0000',
        host_value: '72.0000',
      },
      {
        id: 'i2',
        name: 'Course completions',
        kind: 'plain',
        dimension: 'linguistic',
        unit: 'people',
        direction: 'increase',
        baseline: '0.0000',
        target: '200.0000',
        period_start: null,
        period_end: null,
        value: null,
        migrant_value: null,
        host_value: null,
      },
    ];
    const dashboard = await sut.get(actor, PROGRAMME);
    expect(dashboard.tasksByPartner).toEqual([
      {
        id: ORG_A,
        name: 'Legal Aid',
        byState: { todo: 2, in_progress: 0, blocked: 0, done: 1, cancelled: 1 },
        total: 4,
      },
    ]);
    expect(dashboard.milestones.map((m) => [m.progress, m.overdue])).toEqual([
      [0.333333, true],
      [0, false],
    ]);
    expect(dashboard.indicators[0]).toMatchObject({
      baseline: -20,
      target: -5,
      latestValue: { periodEnd: '2027-03-31', value: -12, migrantValue: 60, hostValue: 72 },
      progress: 0.533333,
      progressRaw: 0.533333,
    });
    expect(dashboard.indicators[1]).toMatchObject({ latestValue: null, progress: null, progressRaw: null });
  });
});
