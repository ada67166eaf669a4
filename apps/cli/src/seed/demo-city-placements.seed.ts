import {
  ContractType,
  Gender,
  ParticipantsService,
  PlacementsService,
  RetentionCheckHandlers,
  RetentionChecksService,
  StatusCategory,
} from '@tandem/placements';
import { ReportCadence, ReportFormat, ReportKind, ReportSchedulesService } from '@tandem/reporting';
import { ORG_ADMINS } from './demo-city-programmes.seed';
import { atTime, LivingCity } from './demo-city-support';

/** An answer to the 3-, 6- or 12-month check-in, given a few days after it fell due. */
type CheckInAnswer = { stillEmployed: true } | { stillEmployed: false; leftOn: number; reason: string };

type PlacementSpec = {
  employer: string;
  /** The participant: attributes a report needs, nothing that names or reaches the person. */
  person: [
    yearOffset: number,
    gender: Gender,
    country: string,
    arrivedYearsAgo: number,
    StatusCategory,
    string[],
  ];
  job: [title: string, isco: string, contract: ContractType, hours: number];
  /** Days from the anchor. */
  start: number;
  answers: CheckInAnswer[];
};

const { Female, Male, NotStated } = Gender;
const { RefugeeOrAsylum, Labour, Family } = StatusCategory;
const { Permanent, FixedTerm, Apprenticeship } = ContractType;
const STAYED: CheckInAnswer = { stillEmployed: true };

/**
 * Fifteen placements at three employers. Participants are pseudonymous (the generated reference code
 * is all that identifies them); Harbour Foods' are registered by the Welcome Centre under the
 * Riverton Welcome Network, the others by the employers themselves. Start dates spread over the past
 * fourteen months, so check-ins of each kind exist: answered, due now (some for weeks), one that
 * ended a placement, and ones still ahead.
 */
export const PLACEMENTS: PlacementSpec[] = [
  {
    employer: 'Harbour Foods',
    person: [-31, Female, 'SY', 4, RefugeeOrAsylum, ['ar', 'en']],
    job: ['Kitchen assistant', '9412', Permanent, 37.5],
    start: -420,
    answers: [STAYED, STAYED, STAYED],
  },
  {
    employer: 'Harbour Foods',
    person: [-26, Male, 'SY', 3, RefugeeOrAsylum, ['ar', 'ku']],
    job: ['Food production operator', '8160', Permanent, 40],
    start: -380,
    answers: [STAYED, STAYED],
  },
  {
    employer: 'Harbour Foods',
    person: [-44, Female, 'CV', 6, Labour, ['pt']],
    job: ['Quality control assistant', '7515', FixedTerm, 30],
    start: -250,
    answers: [STAYED],
  },
  {
    employer: 'Harbour Foods',
    person: [-23, Male, 'AF', 2, RefugeeOrAsylum, ['fa', 'ps']],
    job: ['Warehouse clerk', '4321', FixedTerm, 40],
    start: -200,
    answers: [{ stillEmployed: false, leftOn: -120, reason: 'moved to another city' }],
  },
  {
    employer: 'Harbour Foods',
    person: [-35, Female, 'UA', 2, RefugeeOrAsylum, ['uk', 'ru', 'en']],
    job: ['Packing line operator', '8160', Permanent, 37.5],
    start: -100,
    answers: [],
  },
  {
    employer: 'Harbour Foods',
    person: [-29, Male, 'SY', 1, Family, ['ar']],
    job: ['Kitchen assistant', '9412', Apprenticeship, 30],
    start: -95,
    answers: [],
  },
  {
    employer: 'Harbour Foods',
    person: [-38, NotStated, 'BR', 3, Labour, ['pt', 'es']],
    job: ['Maintenance technician', '7233', Permanent, 40],
    start: -60,
    answers: [],
  },
  {
    employer: 'Harbour Foods',
    person: [-21, Female, 'SY', 1, RefugeeOrAsylum, ['ar', 'fr']],
    job: ['Bakery assistant', '7512', Apprenticeship, 25],
    start: 10,
    answers: [],
  },
  {
    employer: 'BuildRight Construction',
    person: [-33, Male, 'UA', 3, RefugeeOrAsylum, ['uk', 'ru']],
    job: ['Bricklayer', '7112', Permanent, 40],
    start: -300,
    answers: [STAYED, STAYED],
  },
  {
    employer: 'BuildRight Construction',
    person: [-27, Male, 'BR', 4, Labour, ['pt']],
    job: ['Carpenter', '7115', FixedTerm, 40],
    start: -150,
    answers: [STAYED],
  },
  {
    employer: 'BuildRight Construction',
    person: [-41, Male, 'CV', 8, Labour, ['pt']],
    job: ['Construction labourer', '9313', ContractType.Seasonal, 40],
    start: -98,
    answers: [],
  },
  {
    employer: 'Riverside Care Homes',
    person: [-45, Female, 'CV', 10, Family, ['pt', 'fr']],
    job: ['Health care assistant', '5321', Permanent, 35],
    start: -390,
    answers: [STAYED, STAYED, STAYED],
  },
  {
    employer: 'Riverside Care Homes',
    person: [-30, Female, 'AF', 3, RefugeeOrAsylum, ['fa', 'en']],
    job: ['Home care worker', '5322', FixedTerm, 30],
    start: -190,
    answers: [STAYED],
  },
  {
    employer: 'Riverside Care Homes',
    person: [-25, Female, 'SY', 2, RefugeeOrAsylum, ['ar', 'en']],
    job: ['Health care assistant', '5321', Apprenticeship, 35],
    start: -110,
    answers: [],
  },
  {
    employer: 'Riverside Care Homes',
    person: [-50, Male, 'UA', 2, RefugeeOrAsylum, ['uk']],
    job: ['Kitchen helper', '9412', FixedTerm, 20],
    start: -20,
    answers: [],
  },
];

const SECTOR: Record<string, string> = {
  'Harbour Foods': 'C',
  'BuildRight Construction': 'F',
  'Riverside Care Homes': 'Q',
};

/**
 * Registers the participants, logs the placements, opens the check-ins whose date has come (the same
 * sweep the worker runs) and answers the ones the employers already answered, at their dates.
 */
export async function seedDemoPlacements({ app, city, cal }: LivingCity, programmeId: string): Promise<void> {
  const participants = app.get(ParticipantsService);
  const placements = app.get(PlacementsService);
  const checkIns = app.get(RetentionChecksService);
  const registrar = await city.actor(ORG_ADMINS['Riverton Welcome Centre']);
  const logged: { id: string; spec: PlacementSpec }[] = [];
  for (const spec of PLACEMENTS) {
    const employer = await city.actor(ORG_ADMINS[spec.employer]);
    const viaProgramme = spec.employer === 'Harbour Foods';
    const [age, gender, countryOfOrigin, arrived, statusCategory, languages] = spec.person;
    const participant = await participants.create(viaProgramme ? registrar : employer, {
      yearOfBirth: cal.year(age),
      gender,
      countryOfOrigin,
      arrivalYear: cal.year(-arrived),
      statusCategory,
      languages,
      consent: {
        givenAt: cal.at(Math.min(spec.start, 0) - 14, 10).toISOString(),
        scope: 'placement follow-up and aggregate reporting',
      },
      programmeId: viaProgramme ? programmeId : undefined,
    });
    const [jobTitle, occupationCode, contractType, hoursPerWeek] = spec.job;
    const placement = await placements.create(employer, {
      participantId: participant.id,
      employerOrganizationId: city.org(spec.employer),
      programmeId: viaProgramme ? programmeId : undefined,
      jobTitle,
      occupationCode,
      sector: SECTOR[spec.employer],
      startDate: cal.day(spec.start),
      contractType,
      hoursPerWeek,
    });
    logged.push({ id: placement.id, spec });
  }
  await app.get(RetentionCheckHandlers).sweep();
  for (const { id, spec } of logged) {
    const employer = await city.actor(ORG_ADMINS[spec.employer]);
    const checks = (await placements.get(employer, id)).checkIns ?? [];
    for (const [i, answer] of spec.answers.entries()) {
      const check = checks.find((c) => c.months === [3, 6, 12][i])!;
      const answeredOn = new Date(`${check.dueOn}T10:00:00Z`);
      answeredOn.setUTCDate(answeredOn.getUTCDate() + 4);
      await atTime(app, answeredOn, () =>
        checkIns.answer(
          employer,
          check.id,
          answer.stillEmployed
            ? { stillEmployed: true }
            : { stillEmployed: false, leftOn: cal.day(answer.leftOn), reason: answer.reason },
        ),
      );
    }
  }
}

/** The Welcome Centre's manager gets the network's progress report every month, and the City the placements. */
export async function seedDemoReportSchedules({ app, city }: LivingCity, programmeId: string): Promise<void> {
  const schedules = app.get(ReportSchedulesService);
  await schedules.create(await city.actor(ORG_ADMINS['Riverton Welcome Centre']), {
    name: 'Riverton Welcome Network: monthly progress',
    kind: ReportKind.ProgrammeProgress,
    format: ReportFormat.Pdf,
    parameters: { programmeId },
    cadence: ReportCadence.Monthly,
  });
  await schedules.create(await city.actor(ORG_ADMINS['Harbour Foods']), {
    name: 'Harbour Foods placements, weekly',
    kind: ReportKind.Placements,
    format: ReportFormat.Csv,
    parameters: {},
    cadence: ReportCadence.Weekly,
  });
}
