import { CoreErrorCode, DomainError, Actor, MembershipRole, userActor } from '@tandem/core';
import { IndicatorKind } from '../entities';
import { ProgrammesErrorCode } from '../programmes.errors';
import { ReportIndicatorValueDto } from './dto/report-indicator-value.dto';
import { assertPeriod, reportingOrganization, valueFieldsFor } from './reporting';

const LEAD = '11111111-1111-4111-8111-111111111111';
const ORG_A = '22222222-2222-4222-8222-222222222222';
const ORG_B = '33333333-3333-4333-8333-333333333333';

const actorIn = (...orgs: string[]): Actor =>
  userActor({
    userId: '44444444-4444-4444-8444-444444444444',
    email: 'someone@test',
    memberships: orgs.map((organizationId) => ({ organizationId, role: MembershipRole.Member })),
  });

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    const e = err as DomainError;
    return { code: e.code, fields: (e.errors ?? []).map((x) => x.field) };
  }
  throw new Error('expected a failure');
};

const dto = (fields: Partial<ReportIndicatorValueDto>): ReportIndicatorValueDto =>
  Object.assign(
    new ReportIndicatorValueDto(),
    { periodStart: '2027-01-01', periodEnd: '2027-03-31' },
    fields,
  );

describe(valueFieldsFor.name, () => {
  const sut = valueFieldsFor;

  it('takes value for a plain indicator and migrant and host values for a gap indicator', () => {
    expect(sut({ kind: IndicatorKind.Plain }, dto({ value: 0 }))).toEqual({ kind: 'plain', value: 0 });
    expect(sut({ kind: IndicatorKind.Gap }, dto({ migrantValue: 61.2, hostValue: 72.4 }))).toEqual({
      kind: 'gap',
      migrantValue: 61.2,
      hostValue: 72.4,
    });
  });

  it('names every missing or misplaced field', () => {
    expect(failure(() => sut({ kind: IndicatorKind.Plain }, dto({ migrantValue: 1 })))).toEqual({
      code: CoreErrorCode.ValidationFailed,
      fields: ['value', 'migrantValue'],
    });
    expect(failure(() => sut({ kind: IndicatorKind.Gap }, dto({ value: 1, hostValue: 2 })))).toEqual({
      code: CoreErrorCode.ValidationFailed,
      fields: ['value', 'migrantValue'],
    });
  });
});

describe(reportingOrganization.name, () => {
  const sut = reportingOrganization;
  const access = (workingPartnerOrgIds: string[], isManager = false) => ({
    isManager,
    workingPartnerOrgIds,
    programme: { leadOrganizationId: LEAD },
  });

  it('reports for the one organisation the caller works the programme with', () => {
    expect(sut(actorIn(ORG_A, ORG_B), access([ORG_A]), undefined)).toBe(ORG_A);
  });

  it('lets a manager report for the lead organisation', () => {
    expect(sut(actorIn(LEAD), access([], true), undefined)).toBe(LEAD);
    expect(sut(actorIn(LEAD), access([LEAD], true), undefined)).toBe(LEAD);
  });

  it('requires organizationId from someone in several working organisations, and checks it', () => {
    expect(failure(() => sut(actorIn(ORG_A, ORG_B), access([ORG_A, ORG_B]), undefined))).toEqual({
      code: CoreErrorCode.ValidationFailed,
      fields: ['organizationId'],
    });
    expect(sut(actorIn(ORG_A, ORG_B), access([ORG_A, ORG_B]), ORG_B)).toBe(ORG_B);
    expect(failure(() => sut(actorIn(ORG_A, ORG_B), access([ORG_A]), ORG_B))).toEqual({
      code: CoreErrorCode.ValidationFailed,
      fields: ['organizationId'],
    });
  });

  it('refuses a manager who belongs to no organisation working the programme', () => {
    expect(failure(() => sut(actorIn(ORG_A), access([], true), undefined)).code).toBe(
      CoreErrorCode.Forbidden,
    );
  });
});

describe(assertPeriod.name, () => {
  it('accepts a one-day period and refuses one that ends before it starts, naming periodEnd', () => {
    expect(() => assertPeriod('2027-01-01', '2027-01-01')).not.toThrow();
    expect(failure(() => assertPeriod('2027-02-01', '2027-01-31'))).toEqual({
      code: ProgrammesErrorCode.InvalidDateRange,
      fields: ['periodEnd'],
    });
  });
});
