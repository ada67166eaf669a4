import { PartnerRole, ProgrammeStatus } from '@tandem/programmes';
import {
  IATI_ACTIVITY_STATUS,
  IATI_ROLE,
  iatiOrganisationType,
  percentages,
  xml,
} from './iati-activities.source';

describe('IATI mapping', () => {
  it('partner roles: funder 1, lead 2, implementers and service providers 4; observers left out', () => {
    expect(IATI_ROLE[PartnerRole.Funder]).toBe(1);
    expect(IATI_ROLE[PartnerRole.Lead]).toBe(2);
    expect(IATI_ROLE[PartnerRole.Implementer]).toBe(4);
    expect(IATI_ROLE[PartnerRole.ServiceProvider]).toBe(4);
    expect(IATI_ROLE[PartnerRole.Advisor]).toBe(4);
    expect(IATI_ROLE[PartnerRole.Observer]).toBeNull();
  });

  it('lifecycle → activity-status 1 to 6', () => {
    expect(
      Object.values(ProgrammeStatus)
        .map((s) => IATI_ACTIVITY_STATUS[s])
        .sort(),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(IATI_ACTIVITY_STATUS[ProgrammeStatus.Active]).toBe(2);
    expect(IATI_ACTIVITY_STATUS[ProgrammeStatus.Suspended]).toBe(6);
  });

  it('organisation types from kind and government level', () => {
    expect(iatiOrganisationType('government', 'national')).toBe(10);
    expect(iatiOrganisationType('government', 'municipal')).toBe(11);
    expect(iatiOrganisationType('employer', null)).toBe(70);
    expect(iatiOrganisationType('migrant_association', null)).toBe(22);
  });

  it('percentages always add up to 100', () => {
    for (const n of [1, 2, 3, 6, 7, 9]) expect(percentages(n).reduce((a, b) => a + b, 0)).toBe(100);
    expect(percentages(3)).toEqual([34, 33, 33]);
  });

  it('escapes XML', () => {
    expect(xml(`A & B <"c"> 'd'`)).toBe('A &amp; B &lt;&quot;c&quot;&gt; &apos;d&apos;');
  });
});
