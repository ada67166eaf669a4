import { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '@tandem/audit';
import { TransactionService } from '@tandem/core';
import {
  AnswerValue,
  Consultation,
  ConsultationsService,
  ConsultationStatus,
  CreateQuestionDto,
  LocalizedText,
  MeetingsService,
  MeetingType,
  OutcomeService,
  QuestionsService,
  QuestionType,
  ResponsesService,
} from '@tandem/consultations';
import { ORG_ADMINS } from './demo-city-programmes.seed';
import { atTime, LivingCity } from './demo-city-support';

const t = (en: string, fr: string, ar: string): LocalizedText => ({ en, fr, ar });

type QuestionSpec = Omit<CreateQuestionDto, 'position'>;

type MeetingSpec = {
  title: string;
  type: MeetingType;
  /** Days from the anchor and the hour (UTC) it starts; it lasts two hours. */
  day: number;
  hour: number;
  location?: string;
  onlineUrl?: string;
  capacity?: number;
  /** Organisations whose admin signs up. */
  rsvps: string[];
  /** Recorded once it took place: who came. */
  attended?: string[];
};

type ConsultationSpec = {
  owner: string;
  title: LocalizedText;
  description: LocalizedText;
  languages: string[];
  anonymous?: boolean;
  /** Days from the anchor. */
  opens: number;
  closes: number;
  status: ConsultationStatus;
  invited: string[];
  questions: QuestionSpec[];
  meetings: MeetingSpec[];
  /** Answers per responding organisation, in question order. */
  answers: [string, AnswerValue[]][];
  outcome?: { summary: LocalizedText; decisions: { text: LocalizedText; questions: number[] }[] };
};

const COMMUNITY = [
  'Riverton Welcome Centre',
  'Newcomers Legal Aid Network',
  'Syrian Community of Riverton',
  'Cape Verdean Association',
  'Ukrainian Association of Northvale',
  'Brazilian Community of Riverton',
  'Afghan Families Network',
  'Riverton Food Bank',
];
const EMPLOYERS = ['Harbour Foods', 'BuildRight Construction', 'Riverside Care Homes'];

const option = (value: string, label: LocalizedText) => ({ value, label });

const PRIORITIES: QuestionSpec = {
  type: QuestionType.SingleChoice,
  required: true,
  prompt: t(
    'What should the city do first?',
    'Que doit faire la ville en premier ?',
    'ما الذي ينبغي أن تفعله المدينة أولاً؟',
  ),
  options: [
    option('housing', t('Affordable housing', 'Logement abordable', 'سكن ميسور التكلفة')),
    option('language', t('More language courses', 'Plus de cours de langue', 'المزيد من دروس اللغة')),
    option('jobs', t('Help finding work', 'Aide à trouver un emploi', 'المساعدة في إيجاد عمل')),
    option('childcare', t('Childcare places', 'Places en crèche', 'أماكن لرعاية الأطفال')),
  ],
};
const WELCOME_SCALE: QuestionSpec = {
  type: QuestionType.Scale,
  required: true,
  prompt: t(
    'How welcome do newcomers feel in Riverton? (1 = not at all, 5 = very)',
    'Les nouveaux arrivants se sentent-ils bienvenus à Riverton ? (1 = pas du tout, 5 = tout à fait)',
    'إلى أي حد يشعر القادمون الجدد بالترحيب في ريفرتون؟ (1 = إطلاقًا، 5 = كثيرًا)',
  ),
};
const ONE_CHANGE: QuestionSpec = {
  type: QuestionType.Text,
  maxLength: 1000,
  prompt: t(
    'Which one change would help most?',
    'Quel changement aiderait le plus ?',
    'ما التغيير الواحد الذي سيساعد أكثر من غيره؟',
  ),
};

/**
 * Five consultations, one in each state people meet: a draft, two open ones (the City's, the
 * region's), one closed (anonymous, with enough answering organisations that every cell clears the
 * anonymity threshold of 3) and one with its outcome published. Texts in English, French and Arabic.
 */
export const CONSULTATIONS: ConsultationSpec[] = [
  {
    owner: 'City of Riverton',
    title: t('Night transport survey', 'Enquête sur les transports de nuit', 'استطلاع حول النقل الليلي'),
    description: t(
      'Shift workers tell us when and where they need buses after midnight.',
      'Les travailleurs postés nous disent quand et où ils ont besoin de bus après minuit.',
      'يخبرنا عمال المناوبات متى وأين يحتاجون إلى الحافلات بعد منتصف الليل.',
    ),
    languages: ['en', 'fr', 'ar'],
    opens: 14,
    closes: 44,
    status: ConsultationStatus.Draft,
    invited: [...COMMUNITY, ...EMPLOYERS],
    questions: [
      {
        type: QuestionType.MultipleChoice,
        required: true,
        prompt: t('When do you travel at night?', 'Quand voyagez-vous la nuit ?', 'متى تتنقل ليلاً؟'),
        options: [
          option('before_2', t('Before 2 a.m.', 'Avant 2 h', 'قبل الساعة 2 صباحًا')),
          option('after_2', t('After 2 a.m.', 'Après 2 h', 'بعد الساعة 2 صباحًا')),
          option('weekends', t('At weekends', 'Le week-end', 'في عطلات نهاية الأسبوع')),
        ],
      },
      ONE_CHANGE,
    ],
    meetings: [],
    answers: [],
  },
  {
    owner: 'City of Riverton',
    title: t(
      'Welcome plan: what should Riverton do first?',
      "Plan d'accueil : que doit faire Riverton en premier ?",
      'خطة الترحيب: ما الذي ينبغي أن تفعله ريفرتون أولاً؟',
    ),
    description: t(
      "The City is writing next year's welcome plan with the communities. Tell us what matters most to the people you work with.",
      "La Ville rédige le plan d'accueil de l'an prochain avec les communautés. Dites-nous ce qui compte le plus pour les personnes que vous accompagnez.",
      'تكتب البلدية خطة الترحيب للعام المقبل مع المجتمعات. أخبرونا بما يهم أكثر الأشخاص الذين تعملون معهم.',
    ),
    languages: ['en', 'fr', 'ar'],
    opens: -7,
    closes: 21,
    status: ConsultationStatus.Open,
    invited: [...COMMUNITY, ...EMPLOYERS],
    questions: [PRIORITIES, WELCOME_SCALE, ONE_CHANGE],
    meetings: [
      {
        title: 'Town hall on the welcome plan',
        type: MeetingType.InPerson,
        day: 5,
        hour: 17,
        location: 'Riverton City Hall, council room',
        capacity: 60,
        rsvps: ['Syrian Community of Riverton', 'Cape Verdean Association', 'Riverton Welcome Centre'],
      },
      {
        title: 'Online session in Arabic and French',
        type: MeetingType.Online,
        day: 12,
        hour: 18,
        onlineUrl: 'https://meet.riverton.example/welcome-plan',
        capacity: 40,
        rsvps: ['Afghan Families Network'],
      },
    ],
    answers: [
      ['Cape Verdean Association', ['housing', 3, 'Rooms that families can rent without a guarantor.']],
      ['Ukrainian Association of Northvale', ['language', 4, 'Evening language classes near the harbour.']],
      ['Brazilian Community of Riverton', ['jobs', 4, 'Recognise diplomas faster.']],
      ['Afghan Families Network', ['childcare', 2, 'Childcare during the language courses.']],
    ],
  },
  {
    owner: 'Northvale Regional Government',
    title: t(
      'Northvale integration strategy 2027–2030',
      "Stratégie d'intégration de Northvale 2027–2030",
      'استراتيجية الاندماج في نورثفيل 2027–2030',
    ),
    description: t(
      'The region sets its priorities for the next four years and asks municipalities, employers and communities first.',
      'La région fixe ses priorités pour les quatre prochaines années et consulte d’abord les communes, les employeurs et les communautés.',
      'تحدد المنطقة أولوياتها للسنوات الأربع المقبلة وتستشير أولاً البلديات وأصحاب العمل والمجتمعات.',
    ),
    languages: ['en', 'fr', 'ar'],
    opens: -2,
    closes: 30,
    status: ConsultationStatus.Open,
    invited: [
      'City of Riverton',
      'Riverton Welcome Centre',
      'Harbour Foods',
      'Newcomers Legal Aid Network',
      'Syrian Community of Riverton',
      'Ukrainian Association of Northvale',
    ],
    questions: [PRIORITIES, ONE_CHANGE],
    meetings: [
      {
        title: 'Regional round table (online)',
        type: MeetingType.Online,
        day: 9,
        hour: 10,
        onlineUrl: 'https://meet.northvale.example/strategy',
        rsvps: ['Ukrainian Association of Northvale'],
      },
    ],
    answers: [['Ukrainian Association of Northvale', ['language', 'A regional language-course voucher.']]],
  },
  {
    owner: 'City of Riverton',
    title: t(
      'Language courses: what works for you?',
      'Cours de langue : qu’est-ce qui marche pour vous ?',
      'دروس اللغة: ما الذي يناسبكم؟',
    ),
    description: t(
      'Anonymous: results are shown after closing, and only where at least three organisations answered alike.',
      'Anonyme : les résultats sont publiés après la clôture, et seulement là où au moins trois organisations ont répondu de même.',
      'مجهول الهوية: تُعرض النتائج بعد الإغلاق، وفقط حيث أجابت ثلاث منظمات على الأقل بالشكل نفسه.',
    ),
    languages: ['fr', 'en', 'ar'],
    anonymous: true,
    opens: -60,
    closes: -30,
    status: ConsultationStatus.Closed,
    invited: [...COMMUNITY, ...EMPLOYERS],
    questions: [
      {
        type: QuestionType.SingleChoice,
        required: true,
        prompt: t(
          'Which course format suits the people you work with?',
          'Quel format de cours convient aux personnes que vous accompagnez ?',
          'ما شكل الدروس الذي يناسب الأشخاص الذين تعملون معهم؟',
        ),
        options: [
          option('evening', t('Evening classes', 'Cours du soir', 'دروس مسائية')),
          option('at_work', t('At the workplace', 'Sur le lieu de travail', 'في مكان العمل')),
          option('weekend', t('Weekend classes', 'Cours le week-end', 'دروس في عطلة نهاية الأسبوع')),
          option('online', t('Online', 'En ligne', 'عبر الإنترنت')),
        ],
      },
      {
        type: QuestionType.MultipleChoice,
        prompt: t(
          'What stops people from attending?',
          "Qu'est-ce qui empêche les gens de venir ?",
          'ما الذي يمنع الناس من الحضور؟',
        ),
        options: [
          option('childcare', t('No childcare', 'Pas de garde d’enfants', 'عدم توفر رعاية الأطفال')),
          option('shifts', t('Shift work', 'Travail posté', 'العمل بنظام المناوبات')),
          option('transport', t('Transport', 'Transport', 'المواصلات')),
          option('cost', t('Cost', 'Coût', 'التكلفة')),
        ],
      },
      {
        type: QuestionType.Scale,
        required: true,
        prompt: t(
          'How useful were this year’s courses? (1–5)',
          'Les cours de cette année étaient-ils utiles ? (1–5)',
          'ما مدى فائدة دروس هذا العام؟ (1–5)',
        ),
      },
      ONE_CHANGE,
    ],
    meetings: [
      {
        title: 'Listening session at the Welcome Centre',
        type: MeetingType.Hybrid,
        day: -45,
        hour: 17,
        location: 'Riverton Welcome Centre, Rua do Rio 12',
        onlineUrl: 'https://meet.riverton.example/language-courses',
        rsvps: ['Riverton Welcome Centre', 'Syrian Community of Riverton', 'Cape Verdean Association'],
        attended: ['Riverton Welcome Centre', 'Syrian Community of Riverton'],
      },
    ],
    answers: [
      [
        'Riverton Welcome Centre',
        ['evening', ['childcare', 'shifts'], 4, 'Classes with a crèche next door.'],
      ],
      ['Newcomers Legal Aid Network', ['evening', ['childcare'], 4, 'Shorter courses, more often.']],
      ['Syrian Community of Riverton', ['at_work', ['childcare', 'transport'], 5, 'Women-only groups.']],
      ['Cape Verdean Association', ['weekend', ['shifts'], 4, 'Saturday morning classes.']],
      [
        'Ukrainian Association of Northvale',
        ['evening', ['childcare', 'shifts'], 5, 'More advanced levels.'],
      ],
      ['Brazilian Community of Riverton', ['weekend', ['transport'], 4, 'Courses closer to the suburbs.']],
      ['Afghan Families Network', ['weekend', ['childcare', 'transport'], 5, 'Teachers who speak Dari.']],
      ['Riverton Food Bank', ['evening', ['childcare'], 4, 'Free meals during evening classes.']],
      ['Harbour Foods', ['at_work', ['shifts'], 5, 'Classes inside paid hours.']],
      ['BuildRight Construction', ['at_work', ['shifts'], 4, 'Site vocabulary in the first module.']],
      ['Riverside Care Homes', ['at_work', ['childcare', 'shifts'], 5, 'Care vocabulary and role play.']],
    ],
  },
  {
    owner: 'City of Riverton',
    title: t('Safer streets at night', 'Des rues plus sûres la nuit', 'شوارع أكثر أمانًا في الليل'),
    description: t(
      'Where do people feel unsafe on their way home from work, and what would help?',
      'Où se sent-on en insécurité en rentrant du travail, et qu’est-ce qui aiderait ?',
      'أين يشعر الناس بعدم الأمان في طريق عودتهم من العمل، وما الذي قد يساعد؟',
    ),
    languages: ['en', 'fr', 'ar'],
    opens: -120,
    closes: -90,
    status: ConsultationStatus.OutcomePublished,
    invited: [...COMMUNITY, ...EMPLOYERS],
    questions: [
      {
        type: QuestionType.SingleChoice,
        required: true,
        prompt: t('What would help most?', 'Qu’est-ce qui aiderait le plus ?', 'ما الذي سيساعد أكثر؟'),
        options: [
          option('lighting', t('Better street lighting', 'Un meilleur éclairage', 'إنارة أفضل للشوارع')),
          option('buses', t('Night buses', 'Des bus de nuit', 'حافلات ليلية')),
          option('wardens', t('Street wardens', 'Des médiateurs de rue', 'مراقبون في الشوارع')),
        ],
      },
      ONE_CHANGE,
    ],
    meetings: [
      {
        title: 'Walk through the harbour district',
        type: MeetingType.InPerson,
        day: -100,
        hour: 19,
        location: 'Meeting point: Harbour Foods main gate',
        rsvps: ['Harbour Foods', 'Syrian Community of Riverton', 'Cape Verdean Association'],
        attended: ['Harbour Foods', 'Syrian Community of Riverton', 'Cape Verdean Association'],
      },
    ],
    answers: [
      ['Harbour Foods', ['buses', 'A bus after the late shift ends at 1 a.m.']],
      ['Syrian Community of Riverton', ['lighting', 'Light the path along the river.']],
      ['Cape Verdean Association', ['buses', 'Line 7 at night.']],
      ['Riverton Welcome Centre', ['lighting', 'Lights in the underpass.']],
      ['Afghan Families Network', ['wardens', 'Someone at the station after 11 p.m.']],
      ['Riverside Care Homes', ['buses', 'Night buses for care staff.']],
    ],
    outcome: {
      summary: t(
        'You said getting home after a late shift is the main problem. We are adding night buses on line 7 and new lights along the river path.',
        'Vous avez dit que rentrer après un service tardif est le principal problème. Nous ajoutons des bus de nuit sur la ligne 7 et un nouvel éclairage le long du chemin du fleuve.',
        'قلتم إن العودة إلى المنزل بعد مناوبة متأخرة هي المشكلة الرئيسية. سنضيف حافلات ليلية على الخط 7 وإنارة جديدة على طول ممر النهر.',
      ),
      decisions: [
        {
          text: t(
            'Night buses on line 7, every 30 minutes until 3 a.m.',
            'Bus de nuit sur la ligne 7, toutes les 30 minutes jusqu’à 3 h.',
            'حافلات ليلية على الخط 7 كل 30 دقيقة حتى الساعة 3 صباحًا.',
          ),
          questions: [0],
        },
        {
          text: t(
            'New lighting along the river path and in the underpass.',
            'Nouvel éclairage le long du chemin du fleuve et dans le passage souterrain.',
            'إنارة جديدة على طول ممر النهر وفي النفق.',
          ),
          questions: [0, 1],
        },
      ],
    },
  },
];

/** Runs each consultation through its life with the consultation services; past ones at their dates. */
export async function seedDemoConsultations(living: LivingCity): Promise<void> {
  for (const spec of CONSULTATIONS) await seedConsultation(living, spec);
}

async function seedConsultation({ app, city, cal }: LivingCity, spec: ConsultationSpec): Promise<void> {
  const consultations = app.get(ConsultationsService);
  const questions = app.get(QuestionsService);
  const meetings = app.get(MeetingsService);
  const responses = app.get(ResponsesService);
  const owner = await city.actor(ORG_ADMINS[spec.owner]);
  const past = spec.closes < 0;
  // Past consultations are replayed from just after they opened; the others happen now.
  const during = past ? cal.at(spec.opens, 12) : new Date();
  const planned = { opensAt: cal.at(spec.opens, 9), closesAt: cal.at(spec.closes, 17) };
  // Set up with an opening (and, for a past one, a closing) date still ahead, so that a worker running
  // meanwhile (docker compose) has nothing to open or close under the seed's feet; the planned dates
  // are set once the consultation has reached its state (open, or closed), so the timer sweep, which
  // reads them from the row, has nothing to move either.
  const setup =
    spec.status === ConsultationStatus.Draft
      ? planned
      : { opensAt: cal.at(1, 9), closesAt: past ? cal.at(30, 17) : planned.closesAt };
  const c = await consultations.create(owner, {
    organizationId: city.org(spec.owner),
    title: spec.title,
    description: spec.description,
    languages: spec.languages,
    opensAt: setup.opensAt.toISOString(),
    closesAt: setup.closesAt.toISOString(),
    anonymous: spec.anonymous ?? false,
    invitedOrganizationIds: spec.invited.map((o) => city.org(o)),
  });
  const questionIds: string[] = [];
  for (const q of spec.questions) questionIds.push((await questions.add(owner, c.id, q)).id);
  if (spec.status === ConsultationStatus.Draft) return;

  await atTime(app, during, async () => {
    await consultations.transition(owner, c.id, ConsultationStatus.Scheduled);
    await consultations.transition(owner, c.id, ConsultationStatus.Open);
    for (const [org, values] of spec.answers)
      await responses.submit(
        await city.actor(ORG_ADMINS[org]),
        c.id,
        { answers: values.map((value, i) => ({ questionId: questionIds[i], value })) },
        'create',
      );
  });
  for (const m of spec.meetings) {
    const meeting = await atTime(app, during, async () => {
      const created = await meetings.create(owner, c.id, {
        title: m.title,
        type: m.type,
        startsAt: cal.at(m.day, m.hour).toISOString(),
        endsAt: cal.at(m.day, m.hour + 2).toISOString(),
        location: m.location,
        onlineUrl: m.onlineUrl,
        capacity: m.capacity,
      });
      for (const org of m.rsvps)
        await meetings.rsvp(await city.actor(ORG_ADMINS[org]), c.id, created.id, { attending: true });
      return created;
    });
    if (m.attended) {
      const attendees: { userId: string; attended: boolean }[] = [];
      for (const org of m.rsvps)
        attendees.push({
          userId: (await city.actor(ORG_ADMINS[org])).userId,
          attended: m.attended.includes(org),
        });
      await atTime(app, cal.at(m.day, m.hour + 3), () =>
        meetings.recordAttendance(owner, c.id, meeting.id, { attendees }),
      );
    }
  }
  if (spec.status !== ConsultationStatus.Open) {
    await consultations.transition(owner, c.id, ConsultationStatus.Closed);
    if (spec.outcome)
      await app.get(OutcomeService).publish(owner, c.id, {
        summary: spec.outcome.summary,
        decisions: spec.outcome.decisions.map((d) => ({
          text: d.text,
          questionIds: d.questions.map((i) => questionIds[i]),
        })),
      });
  }
  await setPlannedDates(app, c.id, setup, planned);
}

/** The consultation's planned dates, once it reached its state (opened, or closed), with its audit row. */
async function setPlannedDates(
  app: INestApplicationContext,
  id: string,
  before: { opensAt: Date; closesAt: Date },
  after: { opensAt: Date; closesAt: Date },
): Promise<void> {
  await app.get(TransactionService).run(async (em) => {
    await em.update(Consultation, { id }, { ...after, version: () => 'version + 1' });
    await app.get(AuditService).record(em, {
      action: 'update',
      entityType: 'consultation',
      entityId: id,
      before: { opensAt: before.opensAt.toISOString(), closesAt: before.closesAt.toISOString() },
      after: { opensAt: after.opensAt.toISOString(), closesAt: after.closesAt.toISOString() },
    });
  });
}
