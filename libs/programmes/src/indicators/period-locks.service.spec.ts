import { domainWriteOver } from '@tandem/audit';

import { CoreErrorCode, errorCodeOf as codeOf, userActor } from '@tandem/core';
import { DataSource, QueryFailedError } from 'typeorm';
import { Programme, ProgrammeStatus, ReportingPeriodLock } from '../entities';
import { ProgrammeAccessService } from '../programme-access.service';
import { ProgrammesErrorCode } from '../programmes.errors';
import { IndicatorValuesRepository } from './indicator-values.repository';
import { PeriodLocksService } from './period-locks.service';

const PROGRAMME = '11111111-1111-4111-8111-111111111111';
const LOCK = '22222222-2222-4222-8222-222222222222';
const actor = userActor({ userId: '44444444-4444-4444-8444-444444444444', email: 'manager@lead.test' });

describe(PeriodLocksService.name, () => {
  let sut: PeriodLocksService;
  let em: { save: jest.Mock; create: jest.Mock; findOneBy: jest.Mock; delete: jest.Mock };
  let access: { require: jest.Mock };
  let audit: { record: jest.Mock };

  beforeEach(() => {
    em = {
      save: jest.fn(),
      create: jest.fn((_: unknown, fields: object) => fields),
      findOneBy: jest.fn(),
      delete: jest.fn(),
    };
    access = {
      require: jest.fn().mockResolvedValue({
        programme: Object.assign(new Programme(), { id: PROGRAMME, status: ProgrammeStatus.Active }),
      }),
    };
    audit = { record: jest.fn() };
    sut = new PeriodLocksService(
      new IndicatorValuesRepository({} as DataSource),
      domainWriteOver(em, { audit }),
      access as unknown as ProgrammeAccessService,
    );
  });

  it('locks a period under the programme row lock and audits it', async () => {
    em.save.mockImplementation((_: unknown, fields: object) =>
      Promise.resolve({ ...fields, id: LOCK, lockedAt: new Date() }),
    );
    const lock = await sut.lock(actor, PROGRAMME, { periodStart: '2027-01-01', periodEnd: '2027-03-31' });
    expect(access.require).toHaveBeenCalledWith(actor, PROGRAMME, 'manage', em, true);
    expect(lock).toMatchObject({ id: LOCK, lockedByUserId: actor.userId, periodEnd: '2027-03-31' });
    expect(audit.record).toHaveBeenCalledWith(
      em,
      expect.objectContaining({ action: 'create', entityType: 'reporting_period_lock', entityId: LOCK }),
    );
  });

  it('turns the unique constraint on the period into PERIOD_ALREADY_LOCKED', async () => {
    const violation = new QueryFailedError('INSERT', [], new Error('duplicate'));
    Object.assign(violation, {
      driverError: { code: '23505', constraint: 'uq_reporting_period_locks_period' },
    });
    em.save.mockRejectedValue(violation);
    expect(
      await codeOf(sut.lock(actor, PROGRAMME, { periodStart: '2027-01-01', periodEnd: '2027-03-31' })),
    ).toBe(ProgrammesErrorCode.PeriodAlreadyLocked);
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('unlocks only a lock of this programme, and audits the deletion', async () => {
    em.findOneBy.mockResolvedValueOnce(null);
    expect(await codeOf(sut.unlock(actor, PROGRAMME, LOCK))).toBe(CoreErrorCode.NotFound);
    expect(em.findOneBy).toHaveBeenCalledWith(ReportingPeriodLock, { id: LOCK, programmeId: PROGRAMME });
    expect(em.delete).not.toHaveBeenCalled();

    em.findOneBy.mockResolvedValueOnce(
      Object.assign(new ReportingPeriodLock(), {
        id: LOCK,
        programmeId: PROGRAMME,
        periodStart: '2027-01-01',
        periodEnd: '2027-03-31',
        lockedByUserId: actor.userId,
        lockedAt: new Date(),
      }),
    );
    await sut.unlock(actor, PROGRAMME, LOCK);
    expect(em.delete).toHaveBeenCalledWith(ReportingPeriodLock, { id: LOCK });
    expect(audit.record).toHaveBeenCalledWith(
      em,
      expect.objectContaining({
        action: 'delete',
        entityId: LOCK,
        before: expect.objectContaining({ periodStart: '2027-01-01' }),
      }),
    );
  });
});
