import { domainWriteOver } from '@tandem/audit';

import { CoreError, CoreErrorCode, domainFailureOf as failure, userActor } from '@tandem/core';
import { DataSource, EntityManager } from 'typeorm';
import { Indicator, IndicatorDirection, IndicatorKind, Programme, ProgrammeStatus } from '../entities';
import { ProgrammeAccessService } from '../programme-access.service';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

const PROGRAMME = '11111111-1111-4111-8111-111111111111';
const INDICATOR = '33333333-3333-4333-8333-333333333333';
const actor = userActor({ userId: '44444444-4444-4444-8444-444444444444', email: 'manager@lead.test' });

const indicator = (fields: Partial<Indicator> = {}): Indicator =>
  Object.assign(new Indicator(), {
    id: INDICATOR,
    programmeId: PROGRAMME,
    name: 'Employment gap',
    dimension: 'economic',
    unit: 'pp',
    kind: IndicatorKind.Gap,
    baseline: '-20.0000',
    target: '-5.0000',
    direction: IndicatorDirection.Increase,
    version: 3,
    ...fields,
  });

describe(IndicatorsService.name, () => {
  let sut: IndicatorsService;
  let em: { findOne: jest.Mock; findOneBy: jest.Mock; update: jest.Mock; findOneByOrFail: jest.Mock };
  let access: { require: jest.Mock };
  let audit: { record: jest.Mock };

  beforeEach(() => {
    em = { findOne: jest.fn(), findOneBy: jest.fn(), update: jest.fn(), findOneByOrFail: jest.fn() };
    access = {
      require: jest.fn().mockResolvedValue({
        programme: Object.assign(new Programme(), { id: PROGRAMME, status: ProgrammeStatus.Active }),
      }),
    };
    audit = { record: jest.fn() };
    sut = new IndicatorsService(
      new IndicatorsRepository({} as DataSource),
      domainWriteOver(em, { audit }),
      access as unknown as ProgrammeAccessService,
    );
  });

  it('answers "Indicator not found" for an indicator of a programme the caller may not read', async () => {
    em.findOneBy.mockResolvedValue(indicator());
    access.require.mockRejectedValue(CoreError.notFound('Programme'));
    expect(
      await failure(sut.requireIndicator(actor, INDICATOR, 'read', em as unknown as EntityManager)),
    ).toEqual({
      code: CoreErrorCode.NotFound,
      message: 'Indicator not found',
      fields: [],
    });
  });

  it('lets a 403 through for a reader who may not act', async () => {
    em.findOneBy.mockResolvedValue(indicator());
    access.require.mockRejectedValue(CoreError.forbidden());
    expect(
      (await failure(sut.requireIndicator(actor, INDICATOR, 'work', em as unknown as EntityManager))).code,
    ).toBe(CoreErrorCode.Forbidden);
  });

  it('refuses a stale version with 412, after checking access', async () => {
    em.findOne.mockResolvedValue(indicator());
    expect((await failure(sut.update(actor, INDICATOR, 2, { name: 'New name' }))).code).toBe(
      CoreErrorCode.VersionMismatch,
    );
    expect(access.require).toHaveBeenCalledWith(actor, PROGRAMME, 'manage', em, false);
    expect(em.update).not.toHaveBeenCalled();
  });

  it('checks the edited definition as a whole: a target that widens the gap is a 400 naming target', async () => {
    em.findOne.mockResolvedValue(indicator());
    expect(await failure(sut.update(actor, INDICATOR, 3, { target: -25 }))).toMatchObject({
      code: CoreErrorCode.ValidationFailed,
      fields: ['target'],
    });
    expect(em.update).not.toHaveBeenCalled();
  });

  it('saves an edit with the next version and audits before and after', async () => {
    em.findOne.mockResolvedValue(indicator());
    em.findOneByOrFail.mockResolvedValue(indicator({ target: '-2.0000', version: 4 }));
    const view = await sut.update(actor, INDICATOR, 3, { target: -2 });
    expect(em.update).toHaveBeenCalledWith(
      Indicator,
      { id: INDICATOR },
      expect.objectContaining({ target: '-2', version: 4 }),
    );
    expect(view).toMatchObject({ target: -2, baseline: -20, version: 4 });
    expect(audit.record).toHaveBeenCalledWith(
      em,
      expect.objectContaining({
        action: 'update',
        before: expect.objectContaining({ target: -5 }),
        after: expect.objectContaining({ target: -2 }),
      }),
    );
  });
});
