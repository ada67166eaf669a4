import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { AgreementRemindersRepository } from './agreement-reminders.repository';

describe(`${AgreementRemindersRepository.name} (PostgreSQL)`, () => {
  let ds: DataSource;
  let rows: Rows;
  let programme: string;
  const repository = new AgreementRemindersRepository();

  const partner = async (name: string, expiresOn: string | null, status = 'active') => {
    const org = await rows.organization(name);
    await rows.partner(programme, org, 'implementer', status);
    await ds.query(
      `UPDATE programme_partners SET agreement_expires_on = $3, agreement_reference = 'MoU-1'
        WHERE programme_id = $1 AND organization_id = $2`,
      [programme, org, expiresOn],
    );
    return (
      await ds.query(`SELECT id FROM programme_partners WHERE programme_id = $1 AND organization_id = $2`, [
        programme,
        org,
      ])
    )[0].id as string;
  };
  const claim = (dueBy: string) => ds.transaction((em) => repository.claimDue(em, dueBy, 10));

  beforeAll(async () => {
    ds = await openTestDataSource();
    rows = new Rows(ds.manager);
    programme = await rows.programme(
      'Jobs Bridge',
      await rows.organization('City of Riverton', 'government'),
    );
  });

  afterAll(() => ds?.destroy());

  it('claims the active partners whose expiry is due, once per date; a changed date is pending again', async () => {
    const due = await partner('Harbour Foods', '2027-04-20');
    await partner('Later', '2027-06-01');
    const invited = await partner('Invited', '2027-04-10', 'invited');
    await partner('Left', '2027-04-10', 'left');
    await partner('Undated', null);
    const first = await claim('2027-04-30');
    expect(first).toEqual([
      expect.objectContaining({
        id: due,
        programmeId: programme,
        expiresOn: '2027-04-20',
        reference: 'MoU-1',
      }),
    ]);
    expect(first[0].programmeTitle).toBe('Jobs Bridge');
    expect(await claim('2027-04-30')).toEqual([]);
    await ds.query(`UPDATE programme_partners SET agreement_expires_on = '2027-04-25' WHERE id = $1`, [due]);
    expect((await claim('2027-04-30')).map((p) => [p.id, p.expiresOn])).toEqual([[due, '2027-04-25']]);
    // Accepted after its reminder time: reminded at the next sweep.
    await ds.query(`UPDATE programme_partners SET status = 'active' WHERE id = $1`, [invited]);
    expect((await claim('2027-04-30')).map((p) => p.id)).toEqual([invited]);
  });
});
