import { userActor } from '@tandem/core';
import { CoherenceService, isMainstreaming } from './coherence.service';
import { MeasuringRepository } from './measuring.repository';
import { TerritoriesService } from './territories.service';

const actor = userActor({ userId: 'u', email: 'e' });
const programme = (id: string, extra: object) => ({
  id,
  title: id,
  mainstream: false,
  targetGroups: ['refugees_and_asylum_seekers'],
  policyAreas: [],
  dimensions: [],
  ...extra,
});

describe(CoherenceService.name, () => {
  const repo = { visibleProgrammesIn: jest.fn(), partnersOf: jest.fn() };
  const territories = { require: jest.fn() };
  const sut = new CoherenceService(
    repo as unknown as MeasuringRepository,
    territories as unknown as TerritoriesService,
  );

  it('places each programme by its government partners’ levels × its policy areas × its dimensions', async () => {
    territories.require.mockResolvedValue({
      code: 'CA-ON-x',
      kind: 'city',
      country: 'CA',
      parentCode: 'CA-ON',
      name: 'X',
      createdAt: new Date(0),
    });
    repo.visibleProgrammesIn.mockResolvedValue([
      programme('two-levels', { policyAreas: ['housing', 'health'], dimensions: ['housing'] }),
      programme('civil', {
        policyAreas: ['education'],
        dimensions: ['education', 'linguistic'],
        mainstream: true,
      }),
    ]);
    repo.partnersOf.mockResolvedValue([
      {
        programmeId: 'two-levels',
        organizationId: 'r',
        name: 'Region',
        kind: 'government',
        level: 'regional',
        role: 'funder',
      },
      {
        programmeId: 'two-levels',
        organizationId: 'c',
        name: 'City',
        kind: 'government',
        level: 'municipal',
        role: 'lead',
      },
      {
        programmeId: 'civil',
        organizationId: 'n',
        name: 'NGO',
        kind: 'civil_society',
        level: null,
        role: 'lead',
      },
    ]);
    const m = await sut.matrix(actor, 'CA-ON-x');
    const filled = m.cells
      .filter((c) => !c.empty)
      .map((c) => `${c.level}/${c.policyArea}/${c.dimension}:${c.programmes.map((p) => p.id).join(',')}`);
    expect(filled.sort()).toEqual(
      [
        'regional/housing/housing:two-levels',
        'regional/health/housing:two-levels',
        'municipal/housing/housing:two-levels',
        'municipal/health/housing:two-levels',
        'none/education/education:civil',
        'none/education/linguistic:civil',
      ].sort(),
    );
    expect(m.cells).toHaveLength(5 * 10 * 9);
    expect(m).toMatchObject({ programmeCount: 2, mainstreamingCount: 1, emptyCellCount: 450 - 6 });
  });

  it('counts as mainstreaming only a general programme that names a migrant group', () => {
    expect(isMainstreaming({ mainstream: true, targetGroups: ['host_community', 'labour_migrants'] })).toBe(
      true,
    );
    expect(isMainstreaming({ mainstream: true, targetGroups: ['host_community'] })).toBe(false);
    expect(isMainstreaming({ mainstream: false, targetGroups: ['labour_migrants'] })).toBe(false);
  });
});
