import { domainWriteOver } from '@tandem/audit';

import { errorCodeOf as codeOf, MembershipRole, userActor } from '@tandem/core';
import { DataSource } from 'typeorm';
import { Indicator, IndicatorKind, IndicatorValue, Programme, ProgrammeStatus } from '../entities';
import { ProgrammeAccess } from '../programme-access.service';
import { ProgrammesErrorCode } from '../programmes.errors';
import { ReportIndicatorValueDto } from './dto/report-indicator-value.dto';
import { IndicatorValuesRepository } from './indicator-values.repository';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsService } from './indicators.service';

const PROGRAMME = '11111111-1111-4111-8111-111111111111';
const ORG = '22222222-2222-4222-8222-222222222222';
const INDICATOR = '33333333-3333-4333-8333-333333333333';
const VALUE = '55555555-5555-4555-8555-555555555555';

const actor = userActor({
  userId: '44444444-4444-4444-8444-444444444444',
  email: 'staff@partner.test',
  memberships: [{ organizationId: ORG, role: MembershipRole.Member }],
});

const storedValue = (fields: Partial<IndicatorValue> = {}): IndicatorValue =>
  Object.assign(new IndicatorValue(), {
    id: VALUE,
    indicatorId: INDICATOR,
    periodStart: '2027-01-01',
    periodEnd: '2027-03-31',
    value: '-12.0000',
    migrantValue: '60.0000',
    hostValue: '72.0000',
    note: null,
    reportedByUserId: actor.userId,
    reportedByOrganizationId: ORG,
    createdAt: new Date('2027-04-01T00:00:00Z'),
    updatedAt: new Date('2027-04-01T00:00:00Z'),
    ...fields,
  });

describe(IndicatorValuesService.name, () => {
  let sut: IndicatorValuesService;
  let em: { query: jest.Mock; findOne: jest.Mock; findOneByOrFail: jest.Mock };
  let indicators: { requireIndicator: jest.Mock };
  let audit: { record: jest.Mock };

  const inScope = (kind: IndicatorKind) => ({
    indicator: Object.assign(new Indicator(), { id: INDICATOR, programmeId: PROGRAMME, kind }),
    access: {
      programme: Object.assign(new Programme(), {
        id: PROGRAMME,
        leadOrganizationId: '99999999-9999-4999-8999-999999999999',
        status: ProgrammeStatus.Active,
      }),
      isPlatformAdmin: false,
      isManager: false,
      activePartnerOrgIds: [ORG],
      workingPartnerOrgIds: [ORG],
      invitedOrgIds: [],
    } satisfies ProgrammeAccess,
  });

  const gapReport = Object.assign(new ReportIndicatorValueDto(), {
    periodStart: '2027-01-01',
    periodEnd: '2027-03-31',
    migrantValue: 60,
    hostValue: 72,
  });

  beforeEach(() => {
    em = { query: jest.fn(), findOne: jest.fn(), findOneByOrFail: jest.fn() };
    indicators = { requireIndicator: jest.fn().mockResolvedValue(inScope(IndicatorKind.Gap)) };
    audit = { record: jest.fn() };
    sut = new IndicatorValuesService(
      // The real repository over the mocked EntityManager: the SQL it sends is what is checked.
      new IndicatorValuesRepository({} as DataSource),
      domainWriteOver(em, { audit }),
      indicators as unknown as IndicatorsService,
    );
  });

  it('checks the period locks while holding the programme row lock, and writes nothing in a locked period', async () => {
    em.query.mockResolvedValueOnce([{ period_start: '2027-01-01', period_end: '2027-06-30' }]);
    expect(await codeOf(sut.report(actor, INDICATOR, gapReport))).toBe(ProgrammesErrorCode.PeriodLocked);
    expect(indicators.requireIndicator).toHaveBeenCalledWith(actor, INDICATOR, 'work', em, true);
    expect(em.query).toHaveBeenCalledTimes(1);
    expect(em.query.mock.calls[0][1]).toEqual([PROGRAMME, '2027-01-01', '2027-03-31']);
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('records a new gap value, the gap computed by the database, audited as a creation', async () => {
    em.query.mockResolvedValueOnce([]).mockResolvedValueOnce([{ id: VALUE }]);
    em.findOne.mockResolvedValue(null);
    em.findOneByOrFail.mockResolvedValue(storedValue());
    const result = await sut.report(actor, INDICATOR, gapReport);
    const [sql, params] = em.query.mock.calls[1];
    expect(sql).toMatch(/INSERT INTO indicator_values/);
    expect(sql).toMatch(/COALESCE\(\$1::numeric, \$2::numeric - \$3::numeric\)/);
    expect(params).toEqual([
      null,
      '60',
      '72',
      null,
      actor.userId,
      ORG,
      INDICATOR,
      '2027-01-01',
      '2027-03-31',
    ]);
    expect(result).toMatchObject({ created: true, value: { value: -12, migrantValue: 60, hostValue: 72 } });
    expect(audit.record).toHaveBeenCalledWith(
      em,
      expect.objectContaining({ action: 'create', entityId: VALUE }),
    );
  });

  it('corrects the value already there for the period, audited as an update with before and after', async () => {
    const before = storedValue({ value: '-15.0000', migrantValue: '55.0000', hostValue: '70.0000' });
    em.query.mockResolvedValueOnce([]).mockResolvedValueOnce([]);
    em.findOne.mockResolvedValue(before);
    em.findOneByOrFail.mockResolvedValue(storedValue());
    const result = await sut.report(actor, INDICATOR, gapReport);
    expect(em.query.mock.calls[1][0]).toMatch(/UPDATE indicator_values/);
    expect(em.query.mock.calls[1][1].at(-1)).toBe(VALUE);
    expect(result.created).toBe(false);
    expect(audit.record).toHaveBeenCalledWith(
      em,
      expect.objectContaining({
        action: 'update',
        before: expect.objectContaining({ value: -15 }),
        after: expect.objectContaining({ value: -12 }),
      }),
    );
  });

  it('refuses a period that ends before it starts, before looking at locks', async () => {
    const report = Object.assign(new ReportIndicatorValueDto(), { ...gapReport, periodEnd: '2026-12-31' });
    expect(await codeOf(sut.report(actor, INDICATOR, report))).toBe(ProgrammesErrorCode.InvalidDateRange);
    expect(em.query).not.toHaveBeenCalled();
  });

  it('refuses values in an archived programme', async () => {
    const scope = inScope(IndicatorKind.Gap);
    scope.access.programme.status = ProgrammeStatus.Archived;
    indicators.requireIndicator.mockResolvedValue(scope);
    expect(await codeOf(sut.report(actor, INDICATOR, gapReport))).toBe(
      ProgrammesErrorCode.ProgrammeNotActive,
    );
  });
});
