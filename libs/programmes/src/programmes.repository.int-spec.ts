import { Actor, MembershipRole, PlatformRole } from '@tandem/core';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { ListProgrammesDto } from './dto';
import { ProgrammeAccessService } from './programme-access.service';
import { ProgrammesRepository } from './programmes.repository';

const actorOf = (
  userId: string,
  memberships: Actor['memberships'],
  platformRole = PlatformRole.User,
): Actor => ({
  userId,
  email: `${userId}@example.test`,
  platformRole,
  sessionId: null,
  memberships,
});

describe(`${ProgrammesRepository.name} visibility (PostgreSQL)`, () => {
  let ds: DataSource;
  let sut: ProgrammesRepository;
  let access: ProgrammeAccessService;
  let ids: Record<'welcome' | 'jobs' | 'housing', string>;
  let orgs: Record<'city' | 'ngo' | 'invited' | 'outsider', string>;
  let named: string;

  beforeAll(async () => {
    ds = await openTestDataSource();
    sut = new ProgrammesRepository(ds);
    access = new ProgrammeAccessService(sut);
    const rows = new Rows(ds.manager);
    orgs = {
      city: await rows.organization('City', 'government'),
      ngo: await rows.organization('NGO'),
      invited: await rows.organization('Invited'),
      outsider: await rows.organization('Outsider'),
    };
    ids = {
      welcome: await rows.programme('Welcome', orgs.city),
      jobs: await rows.programme('Jobs', orgs.city),
      housing: await rows.programme('Housing', orgs.city),
    };
    await rows.partner(ids.welcome, orgs.ngo);
    await rows.partner(ids.jobs, orgs.ngo, 'implementer', 'declined');
    await rows.partner(ids.housing, orgs.invited, 'advisor', 'invited');
    named = await rows.user('Named manager');
    await ds.query(`INSERT INTO programme_managers (programme_id, user_id) VALUES ($1, $2)`, [
      ids.jobs,
      named,
    ]);
  });

  afterAll(() => ds?.destroy());

  const visibleTo = async (actor: Actor) =>
    (await sut.listVisible(actor, Object.assign(new ListProgrammesDto(), { limit: 50 }))).items
      .map((p) => p.title)
      .sort();
  const member = (org: keyof typeof orgs, role = MembershipRole.Member) => [
    { organizationId: orgs[org], role },
  ];

  it('shows an outsider nothing, even as an org admin of its own organisation', async () => {
    expect(
      await visibleTo(
        actorOf('00000000-0000-4000-8000-000000000001', member('outsider', MembershipRole.OrgAdmin)),
      ),
    ).toEqual([]);
    expect(await visibleTo(actorOf('00000000-0000-4000-8000-000000000002', []))).toEqual([]);
  });

  it('shows a partner only the programmes it is an active or invited partner of', async () => {
    expect(await visibleTo(actorOf('00000000-0000-4000-8000-000000000003', member('ngo')))).toEqual([
      'Welcome',
    ]);
    expect(await visibleTo(actorOf('00000000-0000-4000-8000-000000000004', member('invited')))).toEqual([
      'Housing',
    ]);
  });

  it("shows the lead's org admins all its programmes, a plain member of the lead only where partnered", async () => {
    expect(
      await visibleTo(
        actorOf('00000000-0000-4000-8000-000000000005', member('city', MembershipRole.OrgAdmin)),
      ),
    ).toEqual(['Housing', 'Jobs', 'Welcome']);
    // The lead is an active partner of each of its programmes, so its members read them too.
    expect(await visibleTo(actorOf('00000000-0000-4000-8000-000000000006', member('city')))).toEqual([
      'Housing',
      'Jobs',
      'Welcome',
    ]);
  });

  it('shows a named manager the programme they manage', async () => {
    expect(await visibleTo(actorOf(named, []))).toEqual(['Jobs']);
  });

  it('shows platform admins everything', async () => {
    expect(await visibleTo(actorOf('00000000-0000-4000-8000-000000000007', [], PlatformRole.Admin))).toEqual([
      'Housing',
      'Jobs',
      'Welcome',
    ]);
  });

  it('agrees with the one-record check: invisible is 404, visible but not managed is 403', async () => {
    const partner = actorOf('00000000-0000-4000-8000-000000000008', member('ngo'));
    await expect(access.require(partner, ids.jobs, 'read')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(access.require(partner, ids.welcome, 'manage')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(access.require(partner, ids.welcome, 'work')).resolves.toMatchObject({ isManager: false });
  });
});
