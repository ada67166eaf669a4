import { domainWriteOver } from '@tandem/audit';
import { NotificationsService } from '@tandem/notifications';
import { DataSource, EntityManager } from 'typeorm';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationsRepository } from './consultations.repository';
import { ResponsesRepository } from './responses.repository';
import { Consultation, ConsultationAudience, ConsultationStatus as S } from './entities';

describe(ConsultationLifecycleService.name, () => {
  let updated: { id: string }[];
  let query: jest.Mock;
  let record: jest.Mock;
  let notify: jest.Mock;
  let publish: jest.Mock;
  let em: EntityManager;
  let sut: ConsultationLifecycleService;
  const consultation = {
    id: 'c1',
    organizationId: 'city',
    audience: ConsultationAudience.Invited,
    title: { en: 'Night transport', ar: 'النقل الليلي' },
    languages: ['en', 'ar'],
    closesAt: new Date('2027-03-31T17:00:00Z'),
  } as unknown as Consultation;

  beforeEach(() => {
    updated = [{ id: 'c1' }];
    query = jest.fn(async (sql: string) =>
      sql.startsWith('UPDATE')
        ? [updated, updated.length]
        : [{ consultation_id: 'c1', organization_id: 'assoc' }],
    );
    record = jest.fn();
    notify = jest.fn();
    publish = jest.fn();
    em = { query, findOneByOrFail: jest.fn(async () => consultation) } as unknown as EntityManager;
    sut = new ConsultationLifecycleService(
      domainWriteOver(em, { audit: { record }, outbox: { publish } }),
      { notify } as unknown as NotificationsService,
      // The real repositories over the mocked connection: the SQL they send is what is checked.
      new ConsultationsRepository({} as DataSource),
      new ResponsesRepository({} as DataSource),
    );
  });

  it('is a compare-and-set on the status and the date the sweep found', async () => {
    const opensAt = new Date('2027-03-01T09:00:00Z');
    await sut.move(em, 'c1', S.Scheduled, S.Open, { opensAt });
    const [sql, params] = query.mock.calls[0] as [string, unknown[]];
    expect(sql).toMatch(
      /^UPDATE consultations SET .* WHERE id = \$1 AND status = \$2 AND opens_at = \$4 RETURNING id$/,
    );
    expect(params).toEqual(['c1', S.Scheduled, S.Open, opensAt]);
  });

  it('a second opener (another replica, a retry, an officer) changes nothing and tells nobody', async () => {
    updated = [];
    await expect(sut.move(em, 'c1', S.Scheduled, S.Open)).resolves.toBeNull();
    expect(record).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
    expect(publish).not.toHaveBeenCalled();
  });

  it('opening notifies the invitees once per offered language, and schedules nothing (the sweep reads the dates)', async () => {
    await sut.move(em, 'c1', S.Scheduled, S.Open);
    expect(publish).not.toHaveBeenCalled();
    expect(notify.mock.calls.map(([, r]) => [r.recipients, r.params.consultationTitle, r.dedupeKey])).toEqual(
      [
        [
          { organizationIds: ['assoc'], languages: { notIn: ['ar'] } },
          'Night transport',
          'consultation-opened:c1',
        ],
        [{ organizationIds: ['assoc'], languages: { in: ['ar'] } }, 'النقل الليلي', 'consultation-opened:c1'],
      ],
    );
    expect(record).toHaveBeenCalledWith(
      em,
      expect.objectContaining({ before: { status: S.Scheduled }, after: { status: S.Open } }),
    );
  });
});
