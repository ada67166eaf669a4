import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { ProgrammeAccessService, ProgrammesRepository } from '@tandem/programmes';
import { TasksRepository } from './tasks.repository';

describe(`${TasksRepository.name} (PostgreSQL)`, () => {
  let ds: DataSource;
  let sut: TasksRepository;
  let a: string, b: string, c: string, d: string;

  beforeAll(async () => {
    ds = await openTestDataSource();
    const programmes = new ProgrammesRepository(ds);
    // Only the dependency graph is under test: the other libraries' readers are not reached.
    const unused = {} as never;
    sut = new TasksRepository(ds, new ProgrammeAccessService(programmes), programmes, unused, unused, unused);
    const rows = new Rows(ds.manager);
    const lead = await rows.organization('Lead');
    const programme = await rows.programme('Welcome', lead);
    [a, b, c, d] = await Promise.all(['A', 'B', 'C', 'D'].map((t) => rows.task(programme, lead, t)));
    // c waits for b, b waits for a: a ← b ← c; d stands alone.
    await sut.replaceDependencies(ds.manager, b, [a]);
    await sut.replaceDependencies(ds.manager, c, [b]);
  });

  afterAll(() => ds?.destroy());

  it.each([
    ['a waits for c (closes a ← b ← c ← a)', () => [a, [c]], true],
    ['a waits for b (direct back edge)', () => [a, [b]], true],
    ['a waits for itself', () => [a, [a]], true],
    ['c waits for a (already implied, no loop)', () => [c, [a]], false],
    ['d waits for c and a', () => [d, [c, a]], false],
    ['nothing to wait for', () => [a, []], false],
  ] as const)('%s → cycle %s', async (_, args, expected) => {
    const [taskId, dependsOn] = args() as [string, string[]];
    expect(await sut.wouldCycle(ds.manager, taskId, dependsOn)).toBe(expected);
  });

  it('reads the stored edges back per task', async () => {
    const deps = await sut.dependenciesOf(ds.manager, [a, b, c]);
    expect(Object.fromEntries(deps)).toEqual({ [a]: [], [b]: [a], [c]: [b] });
  });
});
