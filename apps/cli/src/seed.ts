import { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '@tandem/audit';
import { hashPassword } from '@tandem/auth';
import { TransactionService, MembershipRole, SYSTEM_ACTOR } from '@tandem/core';
import {
  CreateOrganizationDto,
  Organization,
  OrganizationKind,
  OrganizationsService,
} from '@tandem/stakeholders';
import { KUOPIO_LOGIN, seedGoodIdeas } from './seed/good-ideas.seed';
import { seedMeasuring } from './seed/measuring.seed';
import { seedLivingCity } from './seed/demo-city.seed';
import { seedPublicPage } from './seed/public-page.seed';
import { saveMember } from './seed/demo-city-support';

export const DEMO_PASSWORD = 'Tandem-demo-2026!';

type Org = Omit<CreateOrganizationDto, 'website'> & { key: string };

const ORGS: Org[] = [
  {
    key: 'ministry',
    kind: OrganizationKind.Government,
    name: 'Ministry of Labour and Integration',
    country: 'PT',
    city: 'Lisbon',
    contactEmail: 'integration@ministry.example',
    profile: { level: 'national', jurisdiction: 'Portugal' },
  },
  {
    key: 'region',
    kind: OrganizationKind.Government,
    name: 'Northvale Regional Government',
    country: 'PT',
    city: 'Northvale',
    contactEmail: 'inclusion@northvale.example',
    profile: { level: 'regional', jurisdiction: 'Northvale Region' },
  },
  {
    key: 'city',
    kind: OrganizationKind.Government,
    name: 'City of Riverton',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'welcome@riverton.example',
    profile: { level: 'municipal', jurisdiction: 'Riverton' },
  },
  {
    key: 'harbour',
    kind: OrganizationKind.Employer,
    name: 'Harbour Foods',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'hr@harbourfoods.example',
    profile: { sector: 'C', sizeBand: 'medium' },
  },
  {
    key: 'buildright',
    kind: OrganizationKind.Employer,
    name: 'BuildRight Construction',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'jobs@buildright.example',
    profile: { sector: 'F', sizeBand: 'large' },
  },
  {
    key: 'carehome',
    kind: OrganizationKind.Employer,
    name: 'Riverside Care Homes',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'people@riversidecare.example',
    profile: { sector: 'Q', sizeBand: 'small' },
  },
  {
    key: 'welcome',
    kind: OrganizationKind.CivilSociety,
    name: 'Riverton Welcome Centre',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'hello@welcomecentre.example',
    profile: { services: ['language_courses', 'employment_support', 'civic_orientation'] },
  },
  {
    key: 'legal',
    kind: OrganizationKind.CivilSociety,
    name: 'Newcomers Legal Aid Network',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'help@legalaid.example',
    profile: { services: ['legal_aid', 'interpretation_translation'] },
  },
  {
    key: 'syrian',
    kind: OrganizationKind.MigrantAssociation,
    name: 'Syrian Community of Riverton',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'contact@syrian-riverton.example',
    profile: { communities: ['SY'], languages: ['ar', 'ku'] },
  },
  {
    key: 'capeverde',
    kind: OrganizationKind.MigrantAssociation,
    name: 'Cape Verdean Association',
    country: 'PT',
    city: 'Riverton',
    contactEmail: 'info@caboverde-riverton.example',
    profile: { communities: ['CV'], languages: ['pt'] },
  },
];

const USERS = [
  {
    role: 'programme manager',
    email: 'manager@welcomecentre.example',
    name: 'Inês Moreira',
    org: 'welcome',
    membership: MembershipRole.OrgAdmin,
  },
  {
    role: 'municipal officer',
    email: 'officer@riverton.example',
    name: 'Rui Carvalho',
    org: 'city',
    membership: MembershipRole.OrgAdmin,
  },
  {
    role: 'employer',
    email: 'hr@harbourfoods.example',
    name: 'Marta Silva',
    org: 'harbour',
    membership: MembershipRole.OrgAdmin,
  },
  {
    role: 'partner staff',
    email: 'staff@legalaid.example',
    name: 'Jonas Weber',
    org: 'legal',
    membership: MembershipRole.Member,
  },
  {
    role: 'migrant association',
    email: 'amira@syrian-riverton.example',
    name: 'Amira Haddad',
    org: 'syrian',
    membership: MembershipRole.OrgAdmin,
  },
];

/** Seeds a small demo city once; run again, it changes nothing. */
export async function seedDemoCity(
  app: INestApplicationContext,
): Promise<{ seeded: boolean; logins: { role: string; email: string; password: string }[] }> {
  const tx = app.get(TransactionService);
  const organizations = app.get(OrganizationsService);
  const audit = app.get(AuditService);
  const logins = USERS.map(({ role, email }) => ({ role, email, password: DEMO_PASSWORD }));
  const already = await tx.run((em) =>
    em.existsBy(Organization, { name: 'City of Riverton', country: 'PT' }),
  );
  // Run again, the same logins are printed as on the first run (the good-ideas city's included).
  if (already) return { seeded: false, logins: [...logins, { ...KUOPIO_LOGIN, password: DEMO_PASSWORD }] };

  const ids = new Map<string, string>();
  for (const { key, ...dto } of ORGS) {
    const org = await organizations.create(SYSTEM_ACTOR, dto as CreateOrganizationDto);
    ids.set(key, org.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx.run(async (em) => {
    for (const u of USERS) {
      const member = { email: u.email, name: u.name, passwordHash, role: u.membership };
      await saveMember(em, audit, { ...member, organizationId: ids.get(u.org)! });
    }
  });
  await seedMeasuring(app);
  const goodIdeasLogins = await seedGoodIdeas(app, DEMO_PASSWORD);
  await seedLivingCity(app, DEMO_PASSWORD);
  await seedPublicPage(app);
  return { seeded: true, logins: [...logins, ...goodIdeasLogins] };
}
