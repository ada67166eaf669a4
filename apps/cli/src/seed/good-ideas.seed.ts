import { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '@tandem/audit';
import { hashPassword } from '@tandem/auth';
import { MembershipRole, SYSTEM_ACTOR, TransactionService } from '@tandem/core';
import {
  CreateGoodIdeaDto,
  GOOD_IDEA_CRITERIA,
  GoodIdea,
  GoodIdeasService,
  GoodIdeaStatus,
  GoodIdeaTravelService,
} from '@tandem/good-ideas';
import {
  IndicatorDirection,
  IndicatorKind,
  IndicatorsService,
  IndicatorValuesService,
  ManagersMilestonesService,
  PartnerRole,
  PartnersService,
  ProgrammeStatus,
  ProgrammesService,
} from '@tandem/programmes';
import {
  CreateOrganizationDto,
  Organization,
  OrganizationKind,
  OrganizationsService,
} from '@tandem/stakeholders';
import { TasksService } from '@tandem/tasks';
import { loadActor, saveMember } from './demo-city-support';

/**
 * Demo data of the good-ideas catalogue, deterministic (same content, same slugs on every fresh
 * database; run again, it changes nothing):
 * - one idea written from a demo-city programme (Riverton Jobs Bridge), with partners, milestones, a
 *   task, a gap indicator and values, reviewed on the four criteria and published: live evidence;
 * - catalogue entries based on real, publicly listed practices: city, organisation and title only.
 *   Their other fields say so rather than invent a description, and their assessments are marked as
 *   demo assessments, not a judgement of the practice;
 * - one adaptation: the City of Kuopio adapts the Riverton idea into a draft programme.
 */
type ListedOrganization = Omit<CreateOrganizationDto, 'website'>;

/** One listed practice: the organisation that runs it (its catalogue contact derived from `key`). */
const listed = (
  key: string,
  kind: OrganizationKind,
  [name, country, city]: [string, string, string],
  profile: Record<string, unknown>,
  title: string,
  theme: string,
) => ({
  key,
  org: {
    kind,
    name,
    country,
    city,
    contactEmail: `catalogue+${key}@tandem.example`,
    profile,
  } as ListedOrganization,
  title,
  theme,
});

const LISTED = [
  listed(
    'highline',
    OrganizationKind.Employer,
    ['Highline Mushrooms', 'CA', 'Leamington'],
    { sector: 'A', sizeBand: 'large' },
    'From Survival Jobs to Rich Harvest',
    'employment',
  ),
  listed(
    'mapleleaf',
    OrganizationKind.Employer,
    ['Maple Leaf Foods', 'CA', 'Brandon'],
    { sector: 'C', sizeBand: 'large' },
    'Recruiting newcomers to Brandon',
    'employment',
  ),
  listed(
    'halifax',
    OrganizationKind.Government,
    ['Halifax Regional Municipality', 'CA', 'Halifax'],
    { level: 'municipal', jurisdiction: 'Halifax' },
    'Welcomed in Halifax',
    'welcoming',
  ),
  listed(
    'wes',
    OrganizationKind.CivilSociety,
    ['World Education Services', 'CA', 'Toronto'],
    { services: ['employment_support'] },
    'WES Gateway Program',
    'employment',
  ),
  listed(
    'kuopio',
    OrganizationKind.Government,
    ['City of Kuopio', 'FI', 'Kuopio'],
    { level: 'municipal', jurisdiction: 'Kuopio' },
    'Bringing locals and immigrants together',
    'social_cohesion',
  ),
];

const LISTED_NOTE =
  'Catalogue entry based on a publicly listed practice: only its city, organisation and title are recorded here.';

export const KUOPIO_LOGIN = { role: 'adapting city (Kuopio)', email: 'coordinator@kuopio.example' };

async function publish(app: INestApplicationContext, ideaId: string, rationale: (c: string) => string) {
  const ideas = app.get(GoodIdeasService);
  await ideas.transition(SYSTEM_ACTOR, ideaId, { to: GoodIdeaStatus.Submitted });
  for (const [i, criterion] of GOOD_IDEA_CRITERIA.entries())
    await ideas.assess(SYSTEM_ACTOR, ideaId, {
      criterion,
      rating: 4 + (i % 2),
      rationale: rationale(criterion),
    });
  await ideas.transition(SYSTEM_ACTOR, ideaId, { to: GoodIdeaStatus.Published });
}

/** Needs the demo city (seedDemoCity) first. Returns the extra login it adds. */
export async function seedGoodIdeas(
  app: INestApplicationContext,
  password: string,
): Promise<{ role: string; email: string; password: string }[]> {
  const tx = app.get(TransactionService);
  const logins = [{ ...KUOPIO_LOGIN, password }];
  if (await tx.run((em) => em.existsBy(GoodIdea, {}))) return logins;
  const orgId = async (name: string) => (await tx.run((em) => em.findOneByOrFail(Organization, { name }))).id;

  // 1. The demo city's programme, worked through the same services as the API.
  const manager = await loadActor(app, 'manager@welcomecentre.example');
  const welcome = await orgId('Riverton Welcome Centre');
  const harbour = await orgId('Harbour Foods');
  const syrian = await orgId('Syrian Community of Riverton');
  const city = await orgId('City of Riverton');
  const programmes = app.get(ProgrammesService);
  const programme = await programmes.create(manager, {
    title: 'Riverton Jobs Bridge',
    summary: 'Language at work and mentored placements for newcomers in food processing.',
    leadOrganizationId: welcome,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    country: 'PT',
    city: 'Riverton',
    targetGroups: ['refugees_and_asylum_seekers', 'labour_migrants'],
    dimensions: ['economic', 'linguistic'],
    sdgTargets: ['8.8', '10.7'],
    gcmObjectives: [16, 18],
  });
  const partners = app.get(PartnersService);
  for (const [org, role, admin] of [
    [harbour, PartnerRole.Implementer, 'hr@harbourfoods.example'],
    [syrian, PartnerRole.ServiceProvider, 'amira@syrian-riverton.example'],
    [city, PartnerRole.Funder, 'officer@riverton.example'],
  ] as const) {
    await partners.add(manager, programme.id, { organizationId: org, role });
    await partners.answer(await loadActor(app, admin), programme.id, org, 'accept');
  }
  await programmes.transition(manager, programme.id, ProgrammeStatus.Active);
  const milestones = app.get(ManagersMilestonesService);
  const first = await milestones.createMilestone(manager, programme.id, {
    title: 'First cohort placed',
    dueDate: '2026-04-30',
  });
  await milestones.createMilestone(manager, programme.id, {
    title: 'Second cohort placed',
    dueDate: '2026-10-31',
  });
  await app.get(TasksService).create(manager, programme.id, {
    title: 'Set up workplace language classes',
    assigneeOrganizationId: harbour,
    milestoneId: first.id,
    dueDate: '2026-02-28',
  });
  const indicators = app.get(IndicatorsService);
  const values = app.get(IndicatorValuesService);
  const gap = await indicators.create(manager, programme.id, {
    name: 'Employment rate gap (migrant minus host)',
    dimension: 'economic',
    unit: 'percentage points',
    kind: IndicatorKind.Gap,
    baseline: -18,
    target: -6,
    direction: IndicatorDirection.Increase,
  });
  for (const [periodStart, periodEnd, migrantValue, hostValue] of [
    ['2026-01-01', '2026-03-31', 50, 67],
    ['2026-04-01', '2026-06-30', 55, 67.5],
  ] as const)
    await values.report(manager, gap.id, { periodStart, periodEnd, migrantValue, hostValue });
  const courses = await indicators.create(manager, programme.id, {
    name: 'Workplace language course completions',
    dimension: 'linguistic',
    unit: 'people',
    baseline: 0,
    target: 120,
    direction: IndicatorDirection.Increase,
  });
  await values.report(manager, courses.id, { periodStart: '2026-01-01', periodEnd: '2026-06-30', value: 64 });

  // 2. The idea written from it, reviewed and published (a platform admin reviews).
  const ideas = app.get(GoodIdeasService);
  const riverton: CreateGoodIdeaDto = {
    programmeId: programme.id,
    title: 'Language at work: a jobs bridge for newcomers',
    summary: 'Newcomers start paid work in food processing with language classes during working hours.',
    challenge: 'Refugees waited months for language courses before they could apply for work.',
    approach:
      'An employer, a welcome centre and a community association run classes on site and mentor each cohort.',
    partners: [
      { kind: 'employer', role: 'hires and hosts the classes' },
      { kind: 'civil_society', role: 'teaches and coordinates' },
      { kind: 'migrant_association', role: 'mentors and interprets' },
      { kind: 'government', role: 'funds the classes' },
    ],
    city: 'Riverton',
    country: 'PT',
    dimensions: ['economic', 'linguistic'],
    themes: ['employment', 'language'],
    targetGroups: ['refugees_and_asylum_seekers', 'labour_migrants'],
    sdgTargets: ['8.8', '10.7'],
    gcmObjectives: [16, 18],
    startedOn: '2026-01-01',
    languages: ['en', 'fr', 'es', 'ar'],
    texts: {
      fr: {
        title: "La langue au travail : une passerelle vers l'emploi",
        summary:
          'Les nouveaux arrivants commencent un emploi rémunéré avec des cours de langue pendant le travail.',
        challenge: 'Les réfugiés attendaient des mois un cours de langue avant de pouvoir postuler.',
        approach:
          'Un employeur, un centre d’accueil et une association communautaire donnent les cours sur place.',
      },
      es: {
        title: 'El idioma en el trabajo: un puente al empleo',
        summary:
          'Los recién llegados empiezan un trabajo remunerado con clases de idioma en horario laboral.',
        challenge: 'Los refugiados esperaban meses un curso de idioma antes de poder buscar trabajo.',
        approach:
          'Un empleador, un centro de acogida y una asociación comunitaria imparten las clases en la empresa.',
      },
      ar: {
        title: 'اللغة في العمل: جسر إلى الوظائف للقادمين الجدد',
        summary: 'يبدأ القادمون الجدد عملاً مأجورًا مع دروس لغة أثناء ساعات العمل.',
        challenge: 'كان اللاجئون ينتظرون أشهرًا دروس اللغة قبل التقدم إلى العمل.',
        approach: 'صاحب عمل ومركز استقبال وجمعية مجتمعية يقدّمون الدروس في موقع العمل.',
      },
    },
  };
  const idea = await ideas.create(manager, riverton);
  await publish(
    app,
    idea.id,
    (c) => `Demo assessment (${c}): the gap narrowed from -18 to -12.5 points in two quarters.`,
  );

  // 3. Catalogue entries based on real, publicly listed practices.
  const organizations = app.get(OrganizationsService);
  const listedIds = new Map<string, string>();
  for (const l of LISTED) {
    const org = await organizations.create(SYSTEM_ACTOR, l.org as CreateOrganizationDto);
    listedIds.set(l.key, org.id);
    const entry = await ideas.create(SYSTEM_ACTOR, {
      organizationId: org.id,
      title: l.title,
      summary: LISTED_NOTE,
      challenge: LISTED_NOTE,
      approach: LISTED_NOTE,
      city: l.org.city,
      country: l.org.country,
      themes: [l.theme],
      partners: [{ kind: l.org.kind, role: 'runs the practice', name: l.org.name }],
      languages: ['en'],
    });
    await publish(
      app,
      entry.id,
      (c) => `Demo assessment (${c}) for the demo catalogue, not a judgement of the practice.`,
    );
  }

  // 4. One adaptation: the City of Kuopio adapts the Riverton idea (a new org admin signs in for it).
  const kuopio = listedIds.get('kuopio')!;
  const passwordHash = await hashPassword(password);
  await tx.run((em) =>
    saveMember(em, app.get(AuditService), {
      email: KUOPIO_LOGIN.email,
      name: 'Kuopio coordinator',
      passwordHash,
      organizationId: kuopio,
      role: MembershipRole.OrgAdmin,
    }),
  );
  await app.get(GoodIdeaTravelService).adapt(await loadActor(app, KUOPIO_LOGIN.email), idea.id, {
    organizationId: kuopio,
    city: 'Kuopio',
    country: 'FI',
    startDate: '2027-09-01',
  });
  return logins;
}
