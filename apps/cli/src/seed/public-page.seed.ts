import { INestApplicationContext } from '@nestjs/common';
import {
  ConsultationsService,
  ConsultationStatus,
  CreateConsultationDto,
  CreateQuestionDto,
  OutcomeService,
  PublishOutcomeDto,
  QuestionsService,
  ResponsesService,
  SubmitResponseDto,
  UpdateConsultationDto,
} from '@tandem/consultations';
import { Actor, TransactionService } from '@tandem/core';
import { ProgrammesService, UpdateProgrammeDto } from '@tandem/programmes';
import { actorFor } from './measuring.seed';

/**
 * Demo data for the public city page (issue 20): the City of Riverton runs two consultations to a
 * published outcome and makes both public (one anonymous, with its free texts; one named), and lists
 * its active programme "Riverton Jobs Bridge" publicly. /public/territories/PT-NV-riverton then
 * shows them beside the city's good ideas and its official figures (seeded by measuring and
 * good-ideas). Everything goes through the services, so their rules and audit apply.
 */
/** The demo members who answer, one per organisation: an employer, two civil-society groups, an association. */
const VOICES = [
  'hr@harbourfoods.example',
  'staff@legalaid.example',
  'amira@syrian-riverton.example',
  'manager@welcomecentre.example',
];

type Answers = (questionIds: string[], voice: number) => SubmitResponseDto['answers'];

export async function seedPublicPage(app: INestApplicationContext): Promise<void> {
  const tx = app.get(TransactionService);
  const consultations = app.get(ConsultationsService, { strict: false });
  const questions = app.get(QuestionsService, { strict: false });
  const responses = app.get(ResponsesService, { strict: false });
  const outcomes = app.get(OutcomeService, { strict: false });
  const programmes = app.get(ProgrammesService, { strict: false });
  const officer = await tx.run((em) => actorFor(em, 'officer@riverton.example'));
  const voices = await tx.run(async (em) => Promise.all(VOICES.map((e) => actorFor(em, e))));
  const cityId = (await tx.run((em) =>
    em.query(`SELECT id FROM organizations WHERE name = 'City of Riverton' AND country = 'PT'`),
  )) as { id: string }[];
  const orgOf = (a: Actor) => a.memberships[0].organizationId;

  async function run(
    dto: Omit<CreateConsultationDto, 'organizationId' | 'opensAt' | 'closesAt'>,
    qs: CreateQuestionDto[],
    answers: Answers,
    outcome: PublishOutcomeDto,
    publicFreeTexts: boolean,
  ): Promise<void> {
    const now = Date.now();
    const c = await consultations.create(officer, {
      ...dto,
      organizationId: cityId[0].id,
      opensAt: new Date(now + 3_600_000).toISOString(),
      closesAt: new Date(now + 7_200_000).toISOString(),
      invitedOrganizationIds: voices.map(orgOf),
    } as CreateConsultationDto);
    const ids: string[] = [];
    for (const q of qs) ids.push((await questions.add(officer, c.id, q)).id);
    await consultations.transition(officer, c.id, ConsultationStatus.Scheduled);
    await consultations.transition(officer, c.id, ConsultationStatus.Open);
    for (const [n, v] of voices.entries())
      await responses.submit(v, c.id, { answers: answers(ids, n) } as SubmitResponseDto, 'create');
    await consultations.transition(officer, c.id, ConsultationStatus.Closed);
    const published = await outcomes.publish(officer, c.id, {
      ...outcome,
      decisions: outcome.decisions.map((d, i) => ({ ...d, questionIds: [ids[Math.min(i, ids.length - 1)]] })),
    });
    await consultations.update(officer, c.id, published.version, {
      publicOutcome: true,
      publicFreeTexts,
    } as UpdateConsultationDto);
  }

  await run(
    {
      title: { en: 'Getting home after evening classes', ar: 'العودة إلى المنزل بعد الدروس المسائية' },
      description: {
        en: 'Anonymous: tell us what stops you from attending evening language classes.',
        ar: 'استشارة مجهولة الهوية: أخبرونا بما يمنعكم من حضور دروس اللغة المسائية.',
      },
      languages: ['en', 'ar'],
      anonymous: true,
    },
    [
      {
        type: 'multiple_choice',
        prompt: { en: 'What makes evening classes hard?', ar: 'ما الذي يجعل الدروس المسائية صعبة؟' },
        options: [
          { value: 'transport', label: { en: 'No bus home', ar: 'لا حافلة للعودة' } },
          { value: 'childcare', label: { en: 'Childcare', ar: 'رعاية الأطفال' } },
          { value: 'shifts', label: { en: 'Work shifts', ar: 'نوبات العمل' } },
        ],
        required: true,
      } as CreateQuestionDto,
      {
        type: 'text',
        prompt: { en: 'What would help most?', ar: 'ما الذي سيساعد أكثر؟' },
        maxLength: 300,
      } as CreateQuestionDto,
    ],
    ([choice, text], n) => [
      {
        questionId: choice,
        value: [
          ['transport', 'childcare'],
          ['transport', 'childcare'],
          ['transport', 'childcare', 'shifts'],
          ['transport'],
        ][n],
      },
      {
        questionId: text,
        value: [
          'A late bus on line 7',
          'Childcare during class',
          'Classes on Saturday morning',
          'Safer stops',
        ][n],
      },
    ],
    {
      summary: {
        en: 'You said the last bus leaves before classes end, and childcare is missing; we are adding a late bus and a crèche.',
        ar: 'قلتم إن آخر حافلة تغادر قبل انتهاء الدروس وإن رعاية الأطفال غير متوفرة؛ سنضيف حافلة متأخرة وحضانة.',
      },
      decisions: [
        {
          text: {
            en: 'A late bus on line 7 from September',
            ar: 'حافلة متأخرة على الخط 7 اعتبارًا من سبتمبر',
          },
        },
      ],
    } as PublishOutcomeDto,
    true,
  );

  await run(
    {
      title: { en: 'Library opening hours', fr: 'Horaires de la bibliothèque' },
      description: {
        en: 'When should the central library open so that newcomers can use it?',
        fr: 'Quand la bibliothèque centrale devrait-elle ouvrir pour les nouveaux arrivants ?',
      },
      languages: ['en', 'fr'],
      anonymous: false,
    },
    [
      {
        type: 'single_choice',
        prompt: { en: 'Which opening would you use?', fr: 'Quelle ouverture utiliseriez-vous ?' },
        options: [
          { value: 'evening', label: { en: 'Weekday evenings', fr: 'Soirs de semaine' } },
          { value: 'sunday', label: { en: 'Sunday', fr: 'Dimanche' } },
        ],
        required: true,
      } as CreateQuestionDto,
      {
        type: 'scale',
        prompt: { en: 'How welcome do you feel there?', fr: 'À quel point vous y sentez-vous bienvenu ?' },
      } as CreateQuestionDto,
    ],
    ([choice, scale], n) => [
      { questionId: choice, value: 'evening' },
      { questionId: scale, value: [4, 4, 4, 5][n] },
    ],
    {
      summary: {
        en: 'Most of you asked for weekday evenings: the library now opens until 21:00 on weekdays.',
        fr: 'La plupart ont demandé les soirs de semaine : la bibliothèque ouvre désormais jusqu’à 21 h.',
      },
      decisions: [
        { text: { en: 'Open until 21:00 on weekdays', fr: 'Ouverture jusqu’à 21 h en semaine' } },
        { text: { en: 'A welcome desk in four languages', fr: 'Un accueil en quatre langues' } },
      ],
    } as PublishOutcomeDto,
    false,
  );

  // The city's active programme, listed on its public page by the city (its lead).
  const [jobs] = (await tx.run((em) =>
    em.query(
      `SELECT id, version FROM programmes WHERE title = 'Riverton Jobs Bridge' AND status = 'active' AND lead_organization_id = $1 ORDER BY created_at LIMIT 1`,
      [cityId[0].id],
    ),
  )) as { id: string; version: number }[];
  if (jobs)
    await programmes.update(officer, jobs.id, jobs.version, { listedPublicly: true } as UpdateProgrammeDto);
}
