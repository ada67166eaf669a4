import { INestApplicationContext } from '@nestjs/common';
import { hashPassword } from '@tandem/auth';
import { Clock, MembershipRole, TransactionService } from '@tandem/core';
import { Programme } from '@tandem/programmes';
import { CreateOrganizationDto, OrganizationKind } from '@tandem/stakeholders';
import { seedDemoConsultations } from './demo-city-consultations.seed';
import { seedDemoPlacements, seedDemoReportSchedules } from './demo-city-placements.seed';
import { ORG_ADMINS, seedDemoProgrammes } from './demo-city-programmes.seed';
import { DemoCalendar, DemoCity } from './demo-city-support';

/** Four more community organisations, so that anonymous results have enough voices to show. */
const MORE_ORGANIZATIONS: Omit<CreateOrganizationDto, 'website'>[] = [
  {
    kind: OrganizationKind.MigrantAssociation,
    name: 'Ukrainian Association of Northvale',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'info@ukrainians-northvale.example',
    profile: { communities: ['UA'], languages: ['uk', 'ru'] },
  },
  {
    kind: OrganizationKind.MigrantAssociation,
    name: 'Brazilian Community of Riverton',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'ola@brasil-riverton.example',
    profile: { communities: ['BR'], languages: ['pt'] },
  },
  {
    kind: OrganizationKind.MigrantAssociation,
    name: 'Afghan Families Network',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'salaam@afghan-families.example',
    profile: { communities: ['AF'], languages: ['fa', 'ps'] },
  },
  {
    kind: OrganizationKind.CivilSociety,
    name: 'Riverton Food Bank',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'hello@foodbank-riverton.example',
    profile: { services: ['family_support', 'psychosocial_support'] },
  },
];

/** Staff who act for the organisations without a demo login (same password; not printed as logins). */
const STAFF_NAMES: Record<string, string> = {
  'sofia.almeida@ministry.example': 'Sofia Almeida',
  'tiago.ramos@northvale.example': 'Tiago Ramos',
  'helena.costa@legalaid.example': 'Helena Costa',
  'carlos.tavares@caboverde-riverton.example': 'Carlos Tavares',
  'pedro.neves@buildright.example': 'Pedro Neves',
  'ana.lopes@riversidecare.example': 'Ana Lopes',
  'olena@ukrainians-northvale.example': 'Olena Kovalenko',
  'joao@brasil-riverton.example': 'João Pereira',
  'farid@afghan-families.example': 'Farid Rahimi',
  'coordinator@foodbank-riverton.example': 'Marta Dias',
};

/** The programme the daily work and the placements hang on; also the seed's "already done" marker. */
export const NETWORK_PROGRAMME = 'Riverton Welcome Network';

/**
 * The living demo city (docs/demo-city.md): programmes in every state, tasks, indicators, consultations,
 * placements with check-ins and report schedules, all created through the domain services so every
 * rule holds and every change has its audit row and events. Needs the base city (seed.ts) and the
 * good-ideas seed first. Run again, it changes nothing.
 */
export async function seedLivingCity(app: INestApplicationContext, password: string): Promise<void> {
  const tx = app.get(TransactionService);
  if (await tx.run((em) => em.existsBy(Programme, { title: NETWORK_PROGRAMME }))) return;
  const started = Date.now();
  const parts: string[] = [];
  const timed = async <T>(what: string, step: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await step();
    parts.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  const city = new DemoCity(app, await hashPassword(password));
  await city.loadOrganizations();
  for (const org of MORE_ORGANIZATIONS) await city.addOrganization(org);
  for (const [org, email] of Object.entries(ORG_ADMINS))
    if (STAFF_NAMES[email])
      await city.addStaff(org, { email, name: STAFF_NAMES[email], role: MembershipRole.OrgAdmin });

  const cal = new DemoCalendar(app.get(Clock).now());
  const living = { app, city, cal };
  const programmes = await timed('programmes', () => seedDemoProgrammes(living));
  const network = programmes.get(NETWORK_PROGRAMME)!;
  await timed('consultations', () => seedDemoConsultations(living));
  await timed('placements', () => seedDemoPlacements(living, network));
  await seedDemoReportSchedules(living, network);
  console.log(
    `living demo city seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${parts.join(', ')})`,
  );
}
