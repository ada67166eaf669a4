import { Actor, TransactionService } from '@tandem/core';
import {
  CreateIndicatorDto,
  CreateProgrammeDto,
  IndicatorDirection,
  IndicatorKind,
  IndicatorsService,
  IndicatorValuesService,
  ManagersMilestonesService,
  PartnerRole,
  PartnersService,
  Programme,
  ProgrammeStatus,
  ProgrammesService,
} from '@tandem/programmes';
import { TaskPriority, TasksService, TaskState } from '@tandem/tasks';
import { atTime, DemoCalendar, LivingCity } from './demo-city-support';

/** Who signs in for each organisation that leads or joins a programme (its org admin). */
export const ORG_ADMINS: Record<string, string> = {
  'Riverton Welcome Centre': 'manager@welcomecentre.example',
  'City of Riverton': 'officer@riverton.example',
  'Harbour Foods': 'hr@harbourfoods.example',
  'Syrian Community of Riverton': 'amira@syrian-riverton.example',
  'Ministry of Labour and Integration': 'sofia.almeida@ministry.example',
  'Northvale Regional Government': 'tiago.ramos@northvale.example',
  'Newcomers Legal Aid Network': 'helena.costa@legalaid.example',
  'Cape Verdean Association': 'carlos.tavares@caboverde-riverton.example',
  'BuildRight Construction': 'pedro.neves@buildright.example',
  'Riverside Care Homes': 'ana.lopes@riversidecare.example',
  'Ukrainian Association of Northvale': 'olena@ukrainians-northvale.example',
  'Brazilian Community of Riverton': 'joao@brasil-riverton.example',
  'Afghan Families Network': 'farid@afghan-families.example',
  'Riverton Food Bank': 'coordinator@foodbank-riverton.example',
};

type TaskSpec = {
  key: string;
  title: string;
  to: string;
  /** Days from the anchor; negative: in the past. */
  due: number | null;
  state?: TaskState;
  blockedReason?: string;
  priority?: TaskPriority;
  milestone?: number;
  waitsFor?: string[];
  /** A person of the assignee organisation (e-mail) instead of the whole organisation. */
  person?: string;
  description?: string;
};

type IndicatorSpec = Omit<CreateIndicatorDto, 'frameworkIndicatorCode'> & {
  /** Values of the last three calendar years, oldest first: a number, or [migrant, host] for a gap. */
  years: (number | [number, number])[];
  reportedBy?: string;
};

type ProgrammeSpec = {
  lead: string;
  fields: Omit<CreateProgrammeDto, 'leadOrganizationId' | 'startDate' | 'endDate' | 'country'> & {
    startDate: (c: DemoCalendar) => string;
    endDate: (c: DemoCalendar) => string;
  };
  partners: [string, PartnerRole, 'accept' | 'pending' | 'decline'][];
  milestones: [string, number][];
  tasks: TaskSpec[];
  indicators: IndicatorSpec[];
  /** The moves after set-up, in order (draft → …). */
  moves: ProgrammeStatus[];
};

const { Active, Suspended, Completed, Archived, Cancelled } = ProgrammeStatus;
const { InProgress, Blocked, Done } = TaskState;
const jan1 = (years: number) => (c: DemoCalendar) => `${c.year(years)}-01-01`;
const dec31 = (years: number) => (c: DemoCalendar) => `${c.year(years)}-12-31`;

/**
 * Six programmes, one in each lifecycle state, with partners of all four kinds. The active one carries
 * most of the daily work: tasks for every demo login's organisation, some overdue, one blocked, one
 * waiting for another, three years of indicator values including two gap indicators.
 */
export const PROGRAMMES: ProgrammeSpec[] = [
  {
    lead: 'Riverton Welcome Centre',
    fields: {
      title: 'Riverton Welcome Network',
      summary:
        'Orientation courses, volunteer mentors and legal information for every newcomer household in Riverton, run with the communities themselves.',
      startDate: jan1(-3),
      endDate: dec31(1),
      region: 'Northvale',
      city: 'Riverton',
      territoryCode: 'PT-NV-riverton',
      budget: { amount: '480000.00', currency: 'EUR' },
      targetGroups: ['refugees_and_asylum_seekers', 'family_migrants', 'labour_migrants'],
      dimensions: ['social', 'economic', 'linguistic', 'legal'],
      sdgTargets: ['10.7', '8.8', '16.7'],
      gcmObjectives: [3, 16, 18],
      policyAreas: ['local_services', 'labour_employment'],
    },
    partners: [
      ['City of Riverton', PartnerRole.Funder, 'accept'],
      ['Harbour Foods', PartnerRole.Implementer, 'accept'],
      ['Syrian Community of Riverton', PartnerRole.ServiceProvider, 'accept'],
      ['Newcomers Legal Aid Network', PartnerRole.ServiceProvider, 'accept'],
      ['Cape Verdean Association', PartnerRole.Advisor, 'accept'],
      ['Ukrainian Association of Northvale', PartnerRole.Implementer, 'pending'],
    ],
    milestones: [
      ['Orientation course running in three languages', -200],
      ['Mentoring circles in every district', -10],
      ['First-year review with the communities', 60],
    ],
    tasks: [
      {
        key: 'course',
        title: 'Run the autumn orientation course',
        to: 'Riverton Welcome Centre',
        due: -40,
        state: Done,
        milestone: 0,
      },
      {
        key: 'mentors',
        title: 'Recruit twelve volunteer mentors',
        to: 'Riverton Welcome Centre',
        due: -3,
        priority: TaskPriority.High,
        milestone: 1,
        description: 'Two per district; the Syrian and Cape Verdean associations propose candidates.',
      },
      {
        key: 'schedule',
        title: 'Publish the district mentoring schedule',
        to: 'Riverton Welcome Centre',
        due: 12,
        milestone: 1,
        waitsFor: ['mentors'],
      },
      {
        key: 'guide',
        title: 'Translate the welcome guide into Arabic and Kurdish',
        to: 'Syrian Community of Riverton',
        due: -6,
        state: InProgress,
        priority: TaskPriority.High,
        milestone: 1,
      },
      {
        key: 'families',
        title: 'Introduce ten families to their mentors',
        to: 'Syrian Community of Riverton',
        due: 18,
        milestone: 1,
        waitsFor: ['mentors'],
      },
      {
        key: 'interpreters',
        title: 'Book interpreters for the legal information sessions',
        to: 'Newcomers Legal Aid Network',
        person: 'staff@legalaid.example',
        due: 5,
        state: Blocked,
        blockedReason: 'Waiting for the City to approve the interpreter budget.',
        milestone: 2,
      },
      {
        key: 'faq',
        title: 'Update the residence-permit FAQ',
        to: 'Newcomers Legal Aid Network',
        due: -1,
        state: InProgress,
        milestone: 2,
      },
      {
        key: 'budget',
        title: 'Approve the interpreter budget',
        to: 'City of Riverton',
        due: -2,
        priority: TaskPriority.Urgent,
        milestone: 2,
      },
      {
        key: 'visit',
        title: 'Host the first workplace visit for course graduates',
        to: 'Harbour Foods',
        due: 9,
        milestone: 2,
      },
      {
        key: 'places',
        title: 'Map community meeting places',
        to: 'Cape Verdean Association',
        due: 14,
        milestone: 2,
      },
    ],
    indicators: [
      {
        name: 'Employment rate gap (participants minus residents)',
        dimension: 'economic',
        unit: 'percentage points',
        kind: IndicatorKind.Gap,
        baseline: -16,
        target: -6,
        direction: IndicatorDirection.Increase,
        years: [
          [52, 68.5],
          [56.5, 69],
          [60.2, 69.4],
        ],
      },
      {
        name: 'Upper-secondary attainment gap (participants minus residents)',
        dimension: 'education',
        unit: 'percentage points',
        kind: IndicatorKind.Gap,
        baseline: -14,
        target: -8,
        direction: IndicatorDirection.Increase,
        years: [
          [61, 75],
          [63.5, 75.5],
          [65.8, 76],
        ],
      },
      {
        name: 'People completing the orientation course',
        dimension: 'social',
        unit: 'people',
        baseline: 0,
        target: 180,
        direction: IndicatorDirection.Increase,
        years: [96, 131, 164],
      },
      {
        name: 'Legal information sessions held',
        dimension: 'legal',
        unit: 'sessions',
        baseline: 0,
        target: 40,
        direction: IndicatorDirection.Increase,
        years: [18, 26, 31],
        reportedBy: 'Newcomers Legal Aid Network',
      },
    ],
    moves: [Active],
  },
  {
    lead: 'City of Riverton',
    fields: {
      title: 'Safe Homes for Newcomers',
      summary:
        'A landlord guarantee fund and tenancy coaching so newcomer families leave emergency housing. Suspended while the fund is renegotiated.',
      startDate: jan1(-2),
      endDate: dec31(1),
      region: 'Northvale',
      city: 'Riverton',
      budget: { amount: '900000.00', currency: 'EUR' },
      targetGroups: ['refugees_and_asylum_seekers', 'family_migrants'],
      dimensions: ['housing', 'social'],
      sdgTargets: ['11.1', '10.7'],
      gcmObjectives: [15],
      policyAreas: ['housing'],
    },
    partners: [
      ['Ministry of Labour and Integration', PartnerRole.Funder, 'accept'],
      ['Riverton Welcome Centre', PartnerRole.Implementer, 'accept'],
      ['Cape Verdean Association', PartnerRole.Advisor, 'accept'],
      ['Riverton Food Bank', PartnerRole.ServiceProvider, 'accept'],
    ],
    milestones: [['Twenty flats secured', -30]],
    tasks: [
      {
        key: 'fund',
        title: 'Renegotiate the landlord guarantee fund',
        to: 'City of Riverton',
        due: -12,
        state: InProgress,
        priority: TaskPriority.High,
        milestone: 0,
      },
      {
        key: 'coaching',
        title: 'Plan tenancy coaching for the next twelve families',
        to: 'Riverton Welcome Centre',
        due: 21,
      },
      {
        key: 'feedback',
        title: "Collect tenants' feedback on the first flats",
        to: 'Cape Verdean Association',
        due: 25,
      },
    ],
    indicators: [
      {
        name: 'Households moved out of emergency housing',
        dimension: 'housing',
        unit: 'households',
        baseline: 0,
        target: 60,
        direction: IndicatorDirection.Increase,
        years: [4, 15, 23],
      },
    ],
    moves: [Active, Suspended],
  },
  {
    lead: 'Ministry of Labour and Integration',
    fields: {
      title: 'Skills Recognition Pathway',
      summary:
        'Fast recognition of foreign qualifications in construction and care, with on-site assessment by employers. Completed.',
      startDate: jan1(-3),
      endDate: dec31(-1),
      region: 'Northvale',
      targetGroups: ['labour_migrants', 'refugees_and_asylum_seekers'],
      dimensions: ['economic', 'education'],
      sdgTargets: ['8.5', '4.4'],
      gcmObjectives: [18],
      policyAreas: ['labour_employment', 'education'],
    },
    partners: [
      ['Northvale Regional Government', PartnerRole.Funder, 'accept'],
      ['BuildRight Construction', PartnerRole.Implementer, 'accept'],
      ['Riverside Care Homes', PartnerRole.Implementer, 'accept'],
      ['Riverton Welcome Centre', PartnerRole.ServiceProvider, 'accept'],
      ['Syrian Community of Riverton', PartnerRole.Advisor, 'accept'],
    ],
    milestones: [
      ['Recognition guide published', -700],
      ['Two hundred assessments done', -400],
    ],
    tasks: [
      {
        key: 'guide',
        title: 'Publish the recognition guide',
        to: 'Riverton Welcome Centre',
        due: -700,
        state: Done,
        milestone: 0,
      },
      {
        key: 'assessors',
        title: 'Train on-site assessors',
        to: 'BuildRight Construction',
        due: -500,
        state: Done,
        milestone: 1,
      },
      {
        key: 'care',
        title: 'Assess care assistants',
        to: 'Riverside Care Homes',
        due: -420,
        state: Done,
        milestone: 1,
      },
    ],
    indicators: [
      {
        name: 'Over-qualification gap (participants minus residents)',
        dimension: 'economic',
        unit: 'percentage points',
        kind: IndicatorKind.Gap,
        baseline: 22,
        target: 10,
        direction: IndicatorDirection.Decrease,
        years: [
          [41, 19],
          [36, 19.5],
          [31, 20],
        ],
      },
    ],
    moves: [Active, Completed],
  },
  {
    lead: 'City of Riverton',
    fields: {
      title: 'Intercultural Mediators in Schools',
      summary: 'Community mediators in six schools for two school years. Archived.',
      startDate: jan1(-5),
      endDate: dec31(-4),
      region: 'Northvale',
      city: 'Riverton',
      targetGroups: ['second_generation', 'family_migrants'],
      dimensions: ['education', 'cultural'],
      sdgTargets: ['4.5'],
      policyAreas: ['education'],
    },
    partners: [
      ['Afghan Families Network', PartnerRole.Implementer, 'accept'],
      ['Brazilian Community of Riverton', PartnerRole.Implementer, 'accept'],
    ],
    milestones: [['Mediators in all six schools', -1600]],
    tasks: [
      {
        key: 'train',
        title: 'Train the mediators',
        to: 'Afghan Families Network',
        due: -1650,
        state: Done,
        milestone: 0,
      },
    ],
    indicators: [],
    moves: [Active, Completed, Archived],
  },
  {
    lead: 'Syrian Community of Riverton',
    fields: {
      title: "Women's Enterprise Circle",
      summary:
        'Peer groups, micro-credit advice and childcare so that newcomer women start and grow small businesses. In preparation.',
      startDate: (c) => c.day(45),
      endDate: (c) => c.day(45 + 730),
      region: 'Northvale',
      city: 'Riverton',
      targetGroups: ['refugees_and_asylum_seekers', 'family_migrants'],
      dimensions: ['economic', 'social'],
      sdgTargets: ['5.5', '8.3'],
      gcmObjectives: [16],
      policyAreas: ['labour_employment'],
    },
    partners: [
      ['Riverton Welcome Centre', PartnerRole.ServiceProvider, 'pending'],
      ['City of Riverton', PartnerRole.Funder, 'pending'],
    ],
    milestones: [['First circle meets', 75]],
    tasks: [
      {
        key: 'budget',
        title: 'Write the budget and ask the City for co-funding',
        to: 'Syrian Community of Riverton',
        due: 7,
        priority: TaskPriority.High,
      },
      {
        key: 'venue',
        title: 'Find a venue with childcare',
        to: 'Syrian Community of Riverton',
        due: -2,
        milestone: 0,
      },
    ],
    indicators: [],
    moves: [],
  },
  {
    lead: 'Northvale Regional Government',
    fields: {
      title: 'Northvale Youth Sports Together',
      summary:
        'Mixed youth football leagues across the region. Cancelled: merged into the regional sports plan.',
      startDate: jan1(0),
      endDate: dec31(1),
      region: 'Northvale',
      targetGroups: ['second_generation', 'host_community'],
      dimensions: ['social', 'cultural'],
      sdgTargets: ['10.2'],
      policyAreas: ['education'],
    },
    partners: [['Ukrainian Association of Northvale', PartnerRole.Implementer, 'decline']],
    milestones: [],
    tasks: [],
    indicators: [],
    moves: [Cancelled],
  },
];

/** Sets up every programme through the programmes and tasks services, as its managers and partners would. */
export async function seedDemoProgrammes(living: LivingCity): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const spec of PROGRAMMES) ids.set(spec.fields.title, await seedProgramme(living, spec));
  await seedKuopioWork(living);
  return ids;
}

async function seedProgramme(living: LivingCity, spec: ProgrammeSpec): Promise<string> {
  const { app, city, cal } = living;
  const programmes = app.get(ProgrammesService);
  const partners = app.get(PartnersService);
  const manager = await city.actor(ORG_ADMINS[spec.lead]);
  const { startDate, endDate, ...fields } = spec.fields;
  const programme = await programmes.create(manager, {
    ...fields,
    leadOrganizationId: city.org(spec.lead),
    startDate: startDate(cal),
    endDate: endDate(cal),
    country: 'PT',
  } as CreateProgrammeDto);
  for (const [org, role, answer] of spec.partners) {
    await partners.add(manager, programme.id, { organizationId: city.org(org), role });
    if (answer !== 'pending')
      await partners.answer(await city.actor(ORG_ADMINS[org]), programme.id, city.org(org), answer);
  }
  const working = spec.moves.filter((m) => m !== Cancelled);
  if (working[0]) await programmes.transition(manager, programme.id, working[0]);

  const milestones = app.get(ManagersMilestonesService);
  const milestoneIds: string[] = [];
  for (const [title, due] of spec.milestones)
    milestoneIds.push(
      (await milestones.createMilestone(manager, programme.id, { title, dueDate: cal.day(due) })).id,
    );
  await seedTasks(living, manager, programme.id, spec.tasks, milestoneIds);
  await seedIndicators(living, manager, programme.id, spec.indicators);

  for (const move of spec.moves.slice(working[0] ? 1 : 0))
    await programmes.transition(manager, programme.id, move);
  return programme.id;
}

async function seedTasks(
  { app, city, cal }: LivingCity,
  manager: Actor,
  programmeId: string,
  specs: TaskSpec[],
  milestoneIds: string[],
): Promise<void> {
  const tasks = app.get(TasksService);
  const taskIds = new Map<string, string>();
  for (const t of specs) {
    const person = t.person ? (await city.actor(t.person)).userId : undefined;
    const task = await tasks.create(manager, programmeId, {
      title: t.title,
      description: t.description,
      assigneeOrganizationId: city.org(t.to),
      assigneeUserId: person,
      priority: t.priority,
      dueDate: t.due === null ? null : cal.day(t.due),
      milestoneId: t.milestone === undefined ? undefined : milestoneIds[t.milestone],
      blockedBy: t.waitsFor?.map((k) => taskIds.get(k)!),
    });
    taskIds.set(t.key, task.id);
    if (!t.state) continue;
    // The assignee organisation works its own task: in progress, then done or blocked.
    const worker = await city.actor(t.person ?? ORG_ADMINS[t.to]);
    await tasks.transition(worker, task.id, { to: InProgress });
    if (t.state === Done && t.due !== null)
      await atTime(app, cal.at(t.due - 1, 15), () => tasks.transition(worker, task.id, { to: Done }));
    if (t.state === Blocked)
      await tasks.transition(worker, task.id, { to: Blocked, reason: t.blockedReason });
  }
}

async function seedIndicators(
  { app, city, cal }: LivingCity,
  manager: Actor,
  programmeId: string,
  specs: IndicatorSpec[],
): Promise<void> {
  const indicators = app.get(IndicatorsService);
  const values = app.get(IndicatorValuesService);
  for (const { years, reportedBy, ...dto } of specs) {
    const indicator = await indicators.create(manager, programmeId, dto as CreateIndicatorDto);
    const reporter = reportedBy ? await city.actor(ORG_ADMINS[reportedBy]) : manager;
    for (const [i, v] of years.entries()) {
      const year = cal.year(i - years.length);
      await values.report(reporter, indicator.id, {
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        ...(Array.isArray(v) ? { migrantValue: v[0], hostValue: v[1] } : { value: v }),
        note: `Annual figure ${year}, demo data`,
        organizationId: reportedBy ? city.org(reportedBy) : undefined,
      });
    }
  }
}

/** The City of Kuopio's adapted draft (good-ideas seed) gets its first to-dos, so its home has work too. */
async function seedKuopioWork({ app, city, cal }: LivingCity): Promise<void> {
  const kuopio = await app
    .get(TransactionService)
    .run((em) => em.findOneBy(Programme, { leadOrganizationId: city.org('City of Kuopio') }));
  if (!kuopio) return;
  const coordinator = await city.actor('coordinator@kuopio.example');
  const tasks = app.get(TasksService);
  for (const [title, due] of [
    ['Find a local employer to host the language classes', 10],
    ['Translate the Riverton course material into Finnish', -1],
  ] as const)
    await tasks.create(coordinator, kuopio.id, {
      title,
      assigneeOrganizationId: city.org('City of Kuopio'),
      dueDate: cal.day(due),
    });
}
