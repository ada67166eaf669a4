import { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '@tandem/audit';
import { Actor, MembershipRole, PlatformRole, TransactionService } from '@tandem/core';
import { MeasuringAuditEntity, MeasuringRepository, Territory } from '@tandem/indicators';
import {
  CreateIndicatorDto,
  CreateProgrammeDto,
  IndicatorsService,
  IndicatorValuesService,
  ProgrammesService,
  ProgrammeStatus,
  ReportIndicatorValueDto,
} from '@tandem/programmes';
import { GovernmentProfile } from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';

/**
 * Demo data for measuring integration (issue 19): the demo country, region and city as territories
 * (PT, a fictional region PT-NV "Northvale", PT-NV-riverton) and a second city for comparison
 * (PT-NV-lakeside); governments get their jurisdiction codes and policy areas; official
 * observations 2021–2024 of four EU core indicators; two Riverton programmes, one adopting the
 * employment-rate indicator. Deterministic: every figure below is fixed; runs once, with the city.
 */
const TERRITORIES: Pick<Territory, 'code' | 'kind' | 'country' | 'parentCode' | 'name'>[] = [
  { code: 'PT', kind: 'country', country: 'PT', parentCode: null, name: 'Portugal' },
  { code: 'PT-NV', kind: 'subdivision', country: 'PT', parentCode: 'PT', name: 'Northvale Region' },
  { code: 'PT-NV-riverton', kind: 'city', country: 'PT', parentCode: 'PT-NV', name: 'Riverton' },
  { code: 'PT-NV-lakeside', kind: 'city', country: 'PT', parentCode: 'PT-NV', name: 'Lakeside' },
];

const GOVERNMENTS: Record<string, { territoryCode: string; policyAreas: string[] }> = {
  'Ministry of Labour and Integration': {
    territoryCode: 'PT',
    policyAreas: ['labour_employment', 'justice_home_affairs', 'social_protection', 'finance'],
  },
  'Northvale Regional Government': {
    territoryCode: 'PT-NV',
    policyAreas: ['education', 'health', 'housing'],
  },
  'City of Riverton': {
    territoryCode: 'PT-NV-riverton',
    policyAreas: ['local_services', 'housing', 'civic_participation', 'labour_employment'],
  },
};

/** [migrant, host] per year 2021–2024. */
const SERIES: Record<string, Record<string, [number, number][]>> = {
  'eu-zaragoza:employment-rate': {
    PT: [
      [66.2, 72.1],
      [67.0, 73.4],
      [68.1, 73.9],
      [69.0, 74.2],
    ],
    'PT-NV': [
      [63.5, 71.0],
      [64.9, 71.8],
      [66.0, 72.3],
      [66.8, 72.6],
    ],
    'PT-NV-riverton': [
      [58.4, 70.2],
      [60.1, 70.9],
      [62.7, 71.5],
      [64.3, 71.8],
    ],
    'PT-NV-lakeside': [
      [61.0, 69.5],
      [61.4, 70.1],
      [61.2, 70.6],
      [62.0, 70.8],
    ],
  },
  'eu-zaragoza:unemployment-rate': {
    PT: [
      [11.8, 6.9],
      [10.9, 6.2],
      [10.1, 6.1],
      [9.6, 6.0],
    ],
    'PT-NV': [
      [12.4, 7.3],
      [11.7, 7.0],
      [11.0, 6.8],
      [10.4, 6.7],
    ],
    'PT-NV-riverton': [
      [14.9, 7.8],
      [13.6, 7.4],
      [12.2, 7.1],
      [11.0, 7.0],
    ],
    'PT-NV-lakeside': [
      [13.1, 7.6],
      [13.4, 7.5],
      [13.0, 7.3],
      [12.8, 7.2],
    ],
  },
  'eu-zaragoza:at-risk-of-poverty-rate': {
    PT: [
      [29.5, 15.8],
      [28.7, 15.6],
      [28.1, 15.9],
      [27.4, 15.5],
    ],
    'PT-NV-riverton': [
      [34.2, 17.1],
      [33.0, 16.8],
      [31.6, 16.9],
      [30.1, 16.5],
    ],
    'PT-NV-lakeside': [
      [31.0, 16.0],
      [31.4, 16.2],
      [30.8, 16.1],
      [30.9, 16.0],
    ],
  },
  'eu-zaragoza:early-leavers': {
    PT: [
      [14.1, 6.3],
      [13.2, 6.0],
      [12.6, 5.9],
      [12.0, 5.8],
    ],
    'PT-NV-riverton': [
      [17.5, 6.8],
      [16.2, 6.6],
      [15.9, 6.4],
      [14.1, 6.2],
    ],
  },
};
const YEARS = ['2021', '2022', '2023', '2024'];
/** Lakeside's first years rest on small samples of the national survey. */
const isSmall = (territory: string, year: string) => territory.endsWith('lakeside') && year <= '2022';

export async function actorFor(em: EntityManager, email: string): Promise<Actor> {
  const [u] = (await em.query(
    `SELECT u.id, u.email,
            coalesce(json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role))
                     FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
       FROM users u LEFT JOIN memberships m ON m.user_id = u.id WHERE u.email = $1 GROUP BY u.id`,
    [email],
  )) as { id: string; email: string; memberships: { organizationId: string; role: MembershipRole }[] }[];
  return {
    userId: u.id,
    email: u.email,
    platformRole: PlatformRole.User,
    sessionId: null,
    memberships: u.memberships,
  };
}

export async function seedMeasuring(app: INestApplicationContext): Promise<void> {
  const tx = app.get(TransactionService);
  const audit = app.get(AuditService);
  const repo = app.get(MeasuringRepository, { strict: false });
  const rows = (await tx.run((em) =>
    em.query(`SELECT id, name FROM organizations WHERE country = 'PT'`),
  )) as {
    id: string;
    name: string;
  }[];
  const orgs = new Map(rows.map((o) => [o.name, o.id]));
  const officer = await tx.run((em) => actorFor(em, 'officer@riverton.example'));
  const manager = await tx.run((em) => actorFor(em, 'manager@welcomecentre.example'));

  await tx.run(async (em) => {
    for (const t of TERRITORIES) {
      await repo.insertTerritory(em, t);
      await audit.record(em, {
        action: 'create',
        entityType: MeasuringAuditEntity.Territory,
        entityId: t.code,
        after: t,
      });
    }
    for (const [name, profile] of Object.entries(GOVERNMENTS))
      await em.update(GovernmentProfile, { organizationId: orgs.get(name)! }, profile);
    // The city publishes its own figures; the ministry (jurisdiction PT) everything else.
    for (const [indicatorCode, byTerritory] of Object.entries(SERIES))
      for (const [territoryCode, series] of Object.entries(byTerritory))
        for (const [i, [migrantValue, hostValue]] of series.entries()) {
          const byCity = territoryCode === 'PT-NV-riverton';
          const saved = await repo.upsertObservation(em, {
            territoryCode,
            indicatorCode,
            period: YEARS[i],
            migrantValue,
            hostValue,
            sampleSize: null,
            smallSample: isSmall(territoryCode, YEARS[i]),
            source: byCity
              ? `Riverton Observatory, municipal register ${YEARS[i]}`
              : `National Statistics, Labour Force Survey / EU-SILC ${YEARS[i]}`,
            sourceUrl: null,
            publishedByOrganizationId: orgs.get(
              byCity ? 'City of Riverton' : 'Ministry of Labour and Integration',
            )!,
            publishedByUserId: officer.userId,
          });
          await audit.record(em, {
            action: 'create',
            entityType: MeasuringAuditEntity.Observation,
            entityId: saved.id,
            after: { territoryCode, indicatorCode, period: YEARS[i], migrantValue, hostValue },
          });
        }
  });

  const programmes = app.get(ProgrammesService, { strict: false });
  const indicators = app.get(IndicatorsService, { strict: false });
  const values = app.get(IndicatorValuesService, { strict: false });
  const base = {
    startDate: '2023-01-01',
    endDate: '2026-12-31',
    country: 'PT',
    region: 'Northvale',
    city: 'Riverton',
    territoryCode: 'PT-NV-riverton',
  };
  const jobs = await programmes.create(officer, {
    ...base,
    title: 'Riverton Jobs Bridge',
    summary: 'Mentoring and work placements with local employers for newly arrived residents.',
    leadOrganizationId: orgs.get('City of Riverton')!,
    targetGroups: ['refugees_and_asylum_seekers', 'labour_migrants'],
    dimensions: ['economic', 'linguistic'],
    policyAreas: ['labour_employment', 'local_services'],
  } as CreateProgrammeDto);
  await programmes.create(manager, {
    ...base,
    title: 'Adult Learning for All',
    summary: 'Evening courses open to every resident, with outreach to newcomers.',
    leadOrganizationId: orgs.get('Riverton Welcome Centre')!,
    targetGroups: ['host_community', 'refugees_and_asylum_seekers', 'family_migrants'],
    dimensions: ['education', 'linguistic'],
    policyAreas: ['education'],
    mainstream: true,
  } as CreateProgrammeDto);
  await programmes.transition(officer, jobs.id, ProgrammeStatus.Active);
  const adopted = await indicators.create(officer, jobs.id, {
    name: 'Employment rate of participants (gap with residents)',
    frameworkIndicatorCode: 'eu-zaragoza:employment-rate',
    baseline: -12,
    target: -5,
  } as CreateIndicatorDto);
  for (const [periodStart, periodEnd, migrantValue, hostValue] of [
    ['2023-01-01', '2023-12-31', 61.5, 71.5],
    ['2024-01-01', '2024-12-31', 65, 71.8],
  ] as const)
    await values.report(officer, adopted.id, {
      periodStart,
      periodEnd,
      migrantValue,
      hostValue,
    } as ReportIndicatorValueDto);
}
