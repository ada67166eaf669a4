import {
  NotificationParams,
  NotificationType,
  PartnerEndedBy,
  PartnerRoleCode,
  TaskStateCode,
} from './notification-catalogue';
import { Language, pickLanguage } from './templates/layout';

type Rendered = { title: string; body: string };
/** One language's texts: English must have every type (compile-time), the others are checked by a spec. */
type Texts = { [T in NotificationType]: (p: NotificationParams[T]) => Rendered };

/**
 * How dates in params read: in the reader's language, an instant in a time zone that is named
 * (never "2026-12-10T13:11:00.000Z"), a calendar date (YYYY-MM-DD) as a date. Set by
 * `renderNotification` for the one synchronous render it runs.
 */
let reading: { language: Language; timeZone: string } = { language: 'en', timeZone: 'UTC' };
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A param as text for the reader (dates formatted with Intl.DateTimeFormat, the rest as it is). */
export function readableValue(value: unknown, language: Language, timeZone: string): string {
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (CALENDAR_DATE.test(text))
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${text}T00:00:00Z`),
    );
  if (!INSTANT.test(text) || Number.isNaN(Date.parse(text))) return text;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(text));
}

const v = <P extends object>(p: P, k: keyof P): string =>
  p[k] === null || p[k] === undefined ? '' : readableValue(p[k], reading.language, reading.timeZone);
const join = (...parts: string[]): string => parts.filter(Boolean).join(' · ');

/** How each language names the codes that params carry. */
const ROLES: Record<Language, Record<PartnerRoleCode, string>> = {
  en: {
    lead: 'lead',
    funder: 'funder',
    implementer: 'implementer',
    service_provider: 'service provider',
    advisor: 'advisor',
    observer: 'observer',
  },
  fr: {
    lead: 'chef de file',
    funder: 'bailleur de fonds',
    implementer: 'partenaire de mise en œuvre',
    service_provider: 'prestataire de services',
    advisor: 'conseil',
    observer: 'observateur',
  },
  es: {
    lead: 'líder',
    funder: 'financiador',
    implementer: 'ejecutor',
    service_provider: 'proveedor de servicios',
    advisor: 'asesor',
    observer: 'observador',
  },
  ar: {
    lead: 'الجهة الرائدة',
    funder: 'الجهة المموّلة',
    implementer: 'الجهة المنفّذة',
    service_provider: 'مقدّم الخدمات',
    advisor: 'الجهة الاستشارية',
    observer: 'المراقب',
  },
};

const STATES: Record<Language, Record<TaskStateCode, string>> = {
  en: { todo: 'to do', in_progress: 'in progress', blocked: 'blocked', done: 'done', cancelled: 'cancelled' },
  fr: {
    todo: 'à faire',
    in_progress: 'en cours',
    blocked: 'bloquée',
    done: 'terminée',
    cancelled: 'annulée',
  },
  es: {
    todo: 'pendiente',
    in_progress: 'en curso',
    blocked: 'bloqueada',
    done: 'terminada',
    cancelled: 'cancelada',
  },
  ar: { todo: 'للتنفيذ', in_progress: 'قيد التنفيذ', blocked: 'متوقفة', done: 'منجزة', cancelled: 'ملغاة' },
};

const ENDED_BY: Record<Language, Record<PartnerEndedBy, string>> = {
  en: {
    organisation: 'The organisation left the programme.',
    managers: 'The programme managers removed the organisation.',
  },
  fr: {
    organisation: "L'organisation a quitté le programme.",
    managers: "Les responsables du programme ont retiré l'organisation.",
  },
  es: {
    organisation: 'La organización dejó el programa.',
    managers: 'Los responsables del programa retiraron a la organización.',
  },
  ar: {
    organisation: 'غادرت المنظمة البرنامج.',
    managers: 'أزال مديرو البرنامج المنظمة.',
  },
};

// A code the labels do not know (an event queued by an older release) shows as itself.
const label = <C extends string>(labels: Record<C, string>, code: C): string =>
  labels[code] ?? (code as string | undefined) ?? '';

/**
 * The in-app title and body (also the e-mail's subject and first paragraph) of each notification
 * type, per language. English is complete and is the fallback for a type another language lacks;
 * an unknown type (an event queued by an older release) still produces a readable line rather than
 * failing the job.
 */
const EN: Texts = {
  'programme.partner_invited': (p) => ({
    title: `${v(p, 'organizationName')} is invited to join "${v(p, 'programmeTitle')}" as ${label(ROLES.en, p.role)}`,
    body: `As an org admin of ${v(p, 'organizationName')}, you answer for it: open the programme and choose Accept or Decline. Until you do, the programme cannot assign it any task.`,
  }),
  'programme.partner_accepted': (p) => ({
    title: `${v(p, 'organizationName')} joined "${v(p, 'programmeTitle')}"`,
    body: `Role: ${label(ROLES.en, p.role)}.`,
  }),
  'programme.partner_declined': (p) => ({
    title: `${v(p, 'organizationName')} declined to join "${v(p, 'programmeTitle')}"`,
    body: '',
  }),
  'programme.partner_left': (p) => ({
    title: `${v(p, 'organizationName')} is no longer a partner of "${v(p, 'programmeTitle')}"`,
    body: label(ENDED_BY.en, p.endedBy),
  }),
  'programme.agreement_expiring': (p) => ({
    title: `The partnership agreement with ${v(p, 'organizationName')} expires on ${v(p, 'expiresOn')}`,
    body: `Programme "${v(p, 'programmeTitle')}", agreement ${v(p, 'reference')}.`,
  }),
  'task.assigned': (p) => ({
    title: `New task for ${v(p, 'organizationName')}: "${v(p, 'taskTitle')}"`,
    body: p.dueDate ? `Due ${v(p, 'dueDate')}.` : '',
  }),
  'task.state_changed': (p) => ({
    title: `"${v(p, 'taskTitle')}" is now ${label(STATES.en, p.to)}`,
    body: p.reason ? `Reason: ${v(p, 'reason')}` : '',
  }),
  'task.mentioned': (p) => ({
    title: `${v(p, 'authorName')} mentioned you on "${v(p, 'taskTitle')}"`,
    body: v(p, 'excerpt'),
  }),
  'task.due_soon': (p) => ({ title: `"${v(p, 'taskTitle')}" is due on ${v(p, 'dueDate')}`, body: '' }),
  'task.overdue': (p) => ({ title: `"${v(p, 'taskTitle')}" is overdue (due ${v(p, 'dueDate')})`, body: '' }),
  'consultation.opened': (p) => ({
    title: `Consultation open: "${v(p, 'consultationTitle')}"`,
    body: `Your organisation is invited to answer until ${v(p, 'closesAt')}.`,
  }),
  'consultation.closing_soon': (p) => ({
    title: `"${v(p, 'consultationTitle')}" closes on ${v(p, 'closesAt')}`,
    body: 'Your organisation has not answered yet.',
  }),
  'consultation.closed': (p) => ({
    title: `Consultation closed: "${v(p, 'consultationTitle')}"`,
    body: `${v(p, 'responseCount')} organisations answered.`,
  }),
  'consultation.cancelled': (p) => ({
    title: `Consultation cancelled: "${v(p, 'consultationTitle')}"`,
    body: '',
  }),
  'consultation.outcome_published': (p) => ({
    title: `You said, we did: the outcome of "${v(p, 'consultationTitle')}" is published`,
    body: v(p, 'summary'),
  }),
  'consultation.meeting_seat_available': (p) => ({
    title: `A seat freed up: you are now attending "${v(p, 'meetingTitle')}"`,
    body: `Starts ${v(p, 'startsAt')}. Consultation "${v(p, 'consultationTitle')}".`,
  }),
  'consultation.meeting_reminder': (p) => ({
    title: `Reminder: "${v(p, 'meetingTitle')}" starts ${v(p, 'startsAt')}`,
    body: join(v(p, 'location'), v(p, 'onlineUrl')),
  }),
  'consultation.meeting_changed': (p) => ({
    title: `"${v(p, 'meetingTitle')}" now starts ${v(p, 'startsAt')}`,
    body: join(v(p, 'location'), v(p, 'onlineUrl')),
  }),
  'consultation.meeting_cancelled': (p) => ({
    title: `Meeting cancelled: "${v(p, 'meetingTitle')}"`,
    body: '',
  }),
  // Summaries (one per organisation and day, from the check-in sweep): params count, organizationName, dueOn.
  'placement.check_in_due': (p) => ({
    title: `${v(p, 'count')} retention check-ins of ${v(p, 'organizationName')} are due`,
    body: 'Answer them under Check-ins: is each person still employed, and if not, since when?',
  }),
  'placement.check_in_reminder': (p) => ({
    title: `Reminder: ${v(p, 'count')} retention check-ins of ${v(p, 'organizationName')} are still unanswered`,
    body: 'Answer them under Check-ins.',
  }),
  'report.ready': (p) => ({
    title: `Your ${v(p, 'reportKind')} report (${v(p, 'format')}) is ready`,
    body: 'Download it from Reports.',
  }),
  'report.failed': (p) => ({
    title: `Your ${v(p, 'reportKind')} report (${v(p, 'format')}) could not be generated`,
    body: v(p, 'reason'),
  }),
  'report.scheduled_ready': (p) => ({
    title: `Scheduled report "${v(p, 'scheduleName')}" is ready`,
    body: `${v(p, 'reportKind')} (${v(p, 'format')}).`,
  }),
  'webhook.disabled': (p) => ({
    title: `Webhook disabled after ${v(p, 'failures')} failed deliveries: ${v(p, 'url')}`,
    body: 'Fix the receiver, then re-enable it (PATCH enabled: true).',
  }),

  // --- good ideas (libs/good-ideas) ---------------------------------------------------------------
  'good_idea.submitted': (p) => ({
    title: `Good idea to review: "${v(p, 'ideaTitle')}"`,
    body: `Submitted by ${v(p, 'organizationName')}. Rate the four criteria, then publish or return it.`,
  }),
  'good_idea.returned': (p) => ({
    title: `"${v(p, 'ideaTitle')}" was returned to you`,
    body: `Reason: ${v(p, 'reason')}`,
  }),
  'good_idea.published': (p) => ({
    title: `"${v(p, 'ideaTitle')}" is published in the good ideas catalogue`,
    body: 'Anyone can now find and read it, without signing in.',
  }),
  'good_idea.endorsed': (p) => ({
    title: `${v(p, 'organizationName')} endorsed "${v(p, 'ideaTitle')}"`,
    body: v(p, 'statement'),
  }),
  'good_idea.adapted': (p) => ({
    title: `${v(p, 'organizationName')} is adapting "${v(p, 'ideaTitle')}" in ${v(p, 'city')}`,
    body: `Their programme starts on ${v(p, 'startDate')}.`,
  }),
};

const FR: Partial<Texts> = {
  'programme.partner_invited': (p) => ({
    title: `${v(p, 'organizationName')} est invitée à rejoindre « ${v(p, 'programmeTitle')} » (${label(ROLES.fr, p.role)})`,
    body: `En tant qu'administrateur de ${v(p, 'organizationName')}, vous répondez pour elle : ouvrez le programme et choisissez Accepter ou Refuser. D'ici là, le programme ne peut lui confier aucune tâche.`,
  }),
  'programme.partner_accepted': (p) => ({
    title: `${v(p, 'organizationName')} a rejoint « ${v(p, 'programmeTitle')} »`,
    body: `Rôle : ${label(ROLES.fr, p.role)}.`,
  }),
  'programme.partner_declined': (p) => ({
    title: `${v(p, 'organizationName')} a refusé de rejoindre « ${v(p, 'programmeTitle')} »`,
    body: '',
  }),
  'programme.partner_left': (p) => ({
    title: `${v(p, 'organizationName')} n'est plus partenaire de « ${v(p, 'programmeTitle')} »`,
    body: label(ENDED_BY.fr, p.endedBy),
  }),
  'programme.agreement_expiring': (p) => ({
    title: `L'accord de partenariat avec ${v(p, 'organizationName')} expire le ${v(p, 'expiresOn')}`,
    body: `Programme « ${v(p, 'programmeTitle')} », accord ${v(p, 'reference')}.`,
  }),
  'task.assigned': (p) => ({
    title: `Nouvelle tâche pour ${v(p, 'organizationName')} : « ${v(p, 'taskTitle')} »`,
    body: p.dueDate ? `Échéance : ${v(p, 'dueDate')}.` : '',
  }),
  'task.state_changed': (p) => ({
    title: `« ${v(p, 'taskTitle')} » est maintenant ${label(STATES.fr, p.to)}`,
    body: p.reason ? `Motif : ${v(p, 'reason')}` : '',
  }),
  'task.mentioned': (p) => ({
    title: `${v(p, 'authorName')} vous a mentionné·e sur « ${v(p, 'taskTitle')} »`,
    body: v(p, 'excerpt'),
  }),
  'task.due_soon': (p) => ({
    title: `« ${v(p, 'taskTitle')} » est à rendre le ${v(p, 'dueDate')}`,
    body: '',
  }),
  'task.overdue': (p) => ({
    title: `« ${v(p, 'taskTitle')} » est en retard (échéance ${v(p, 'dueDate')})`,
    body: '',
  }),
  'consultation.opened': (p) => ({
    title: `Consultation ouverte : « ${v(p, 'consultationTitle')} »`,
    body: `Votre organisation est invitée à répondre jusqu'au ${v(p, 'closesAt')}.`,
  }),
  'consultation.closing_soon': (p) => ({
    title: `« ${v(p, 'consultationTitle')} » se termine le ${v(p, 'closesAt')}`,
    body: "Votre organisation n'a pas encore répondu.",
  }),
  'consultation.closed': (p) => ({
    title: `Consultation close : « ${v(p, 'consultationTitle')} »`,
    body: `${v(p, 'responseCount')} organisations ont répondu.`,
  }),
  'consultation.cancelled': (p) => ({
    title: `Consultation annulée : « ${v(p, 'consultationTitle')} »`,
    body: '',
  }),
  'consultation.outcome_published': (p) => ({
    title: `Vous avez dit, nous avons fait : le résultat de « ${v(p, 'consultationTitle')} » est publié`,
    body: v(p, 'summary'),
  }),
  'consultation.meeting_seat_available': (p) => ({
    title: `Une place s'est libérée : vous participez à « ${v(p, 'meetingTitle')} »`,
    body: `Début : ${v(p, 'startsAt')}. Consultation « ${v(p, 'consultationTitle')} ».`,
  }),
  'consultation.meeting_reminder': (p) => ({
    title: `Rappel : « ${v(p, 'meetingTitle')} » commence le ${v(p, 'startsAt')}`,
    body: join(v(p, 'location'), v(p, 'onlineUrl')),
  }),
  'consultation.meeting_changed': (p) => ({
    title: `« ${v(p, 'meetingTitle')} » commence désormais le ${v(p, 'startsAt')}`,
    body: join(v(p, 'location'), v(p, 'onlineUrl')),
  }),
  'consultation.meeting_cancelled': (p) => ({
    title: `Réunion annulée : « ${v(p, 'meetingTitle')} »`,
    body: '',
  }),
  // Summaries (one per organisation and day, from the check-in sweep): params count, organizationName, dueOn.
  'placement.check_in_due': (p) => ({
    title: `${v(p, 'count')} suivis de maintien en emploi de ${v(p, 'organizationName')} sont dus`,
    body: 'Répondez dans Suivis : chaque personne est-elle toujours en poste, sinon depuis quand ?',
  }),
  'placement.check_in_reminder': (p) => ({
    title: `Rappel : ${v(p, 'count')} suivis de ${v(p, 'organizationName')} attendent une réponse`,
    body: 'Répondez dans Suivis.',
  }),
  'report.ready': (p) => ({
    title: `Votre rapport ${v(p, 'reportKind')} (${v(p, 'format')}) est prêt`,
    body: 'Téléchargez-le depuis Rapports.',
  }),
  'report.failed': (p) => ({
    title: `Votre rapport ${v(p, 'reportKind')} (${v(p, 'format')}) n'a pas pu être généré`,
    body: v(p, 'reason'),
  }),
  'report.scheduled_ready': (p) => ({
    title: `Le rapport programmé « ${v(p, 'scheduleName')} » est prêt`,
    body: `${v(p, 'reportKind')} (${v(p, 'format')}).`,
  }),
  'webhook.disabled': (p) => ({
    title: `Webhook désactivé après ${v(p, 'failures')} échecs de livraison : ${v(p, 'url')}`,
    body: 'Corrigez le récepteur puis réactivez-le (PATCH enabled: true).',
  }),

  // --- good ideas (libs/good-ideas) ---------------------------------------------------------------
  'good_idea.submitted': (p) => ({
    title: `Bonne idée à examiner : « ${v(p, 'ideaTitle')} »`,
    body: `Soumise par ${v(p, 'organizationName')}. Notez les quatre critères, puis publiez-la ou renvoyez-la.`,
  }),
  'good_idea.returned': (p) => ({
    title: `« ${v(p, 'ideaTitle')} » vous a été renvoyée`,
    body: `Motif : ${v(p, 'reason')}`,
  }),
  'good_idea.published': (p) => ({
    title: `« ${v(p, 'ideaTitle')} » est publiée dans le catalogue des bonnes idées`,
    body: 'Tout le monde peut désormais la trouver et la lire, sans se connecter.',
  }),
  'good_idea.endorsed': (p) => ({
    title: `${v(p, 'organizationName')} soutient « ${v(p, 'ideaTitle')} »`,
    body: v(p, 'statement'),
  }),
  'good_idea.adapted': (p) => ({
    title: `${v(p, 'organizationName')} adapte « ${v(p, 'ideaTitle')} » à ${v(p, 'city')}`,
    body: `Son programme commence le ${v(p, 'startDate')}.`,
  }),
};

const ES: Partial<Texts> = {
  'programme.partner_invited': (p) => ({
    title: `${v(p, 'organizationName')} está invitada a unirse a «${v(p, 'programmeTitle')}» (${label(ROLES.es, p.role)})`,
    body: `Como administrador de ${v(p, 'organizationName')}, usted responde por ella: abra el programa y elija Aceptar o Rechazar. Mientras no responda, el programa no puede asignarle tareas.`,
  }),
  'programme.partner_accepted': (p) => ({
    title: `${v(p, 'organizationName')} se unió a «${v(p, 'programmeTitle')}»`,
    body: `Función: ${label(ROLES.es, p.role)}.`,
  }),
  'programme.partner_declined': (p) => ({
    title: `${v(p, 'organizationName')} rechazó unirse a «${v(p, 'programmeTitle')}»`,
    body: '',
  }),
  'programme.partner_left': (p) => ({
    title: `${v(p, 'organizationName')} ya no es socia de «${v(p, 'programmeTitle')}»`,
    body: label(ENDED_BY.es, p.endedBy),
  }),
  'programme.agreement_expiring': (p) => ({
    title: `El acuerdo de colaboración con ${v(p, 'organizationName')} vence el ${v(p, 'expiresOn')}`,
    body: `Programa «${v(p, 'programmeTitle')}», acuerdo ${v(p, 'reference')}.`,
  }),
  'task.assigned': (p) => ({
    title: `Nueva tarea para ${v(p, 'organizationName')}: «${v(p, 'taskTitle')}»`,
    body: p.dueDate ? `Vence el ${v(p, 'dueDate')}.` : '',
  }),
  'task.state_changed': (p) => ({
    title: `«${v(p, 'taskTitle')}» ahora está ${label(STATES.es, p.to)}`,
    body: p.reason ? `Motivo: ${v(p, 'reason')}` : '',
  }),
  'task.mentioned': (p) => ({
    title: `${v(p, 'authorName')} le mencionó en «${v(p, 'taskTitle')}»`,
    body: v(p, 'excerpt'),
  }),
  'task.due_soon': (p) => ({ title: `«${v(p, 'taskTitle')}» vence el ${v(p, 'dueDate')}`, body: '' }),
  'task.overdue': (p) => ({
    title: `«${v(p, 'taskTitle')}» está atrasada (vencía el ${v(p, 'dueDate')})`,
    body: '',
  }),
  'consultation.opened': (p) => ({
    title: `Consulta abierta: «${v(p, 'consultationTitle')}»`,
    body: `Su organización está invitada a responder hasta el ${v(p, 'closesAt')}.`,
  }),
  'consultation.closing_soon': (p) => ({
    title: `«${v(p, 'consultationTitle')}» cierra el ${v(p, 'closesAt')}`,
    body: 'Su organización aún no ha respondido.',
  }),
  'consultation.closed': (p) => ({
    title: `Consulta cerrada: «${v(p, 'consultationTitle')}»`,
    body: `Respondieron ${v(p, 'responseCount')} organizaciones.`,
  }),
  'consultation.cancelled': (p) => ({
    title: `Consulta cancelada: «${v(p, 'consultationTitle')}»`,
    body: '',
  }),
  'consultation.outcome_published': (p) => ({
    title: `Ustedes dijeron, nosotros hicimos: se publicó el resultado de «${v(p, 'consultationTitle')}»`,
    body: v(p, 'summary'),
  }),
  'consultation.meeting_seat_available': (p) => ({
    title: `Se liberó una plaza: ahora asiste a «${v(p, 'meetingTitle')}»`,
    body: `Empieza el ${v(p, 'startsAt')}. Consulta «${v(p, 'consultationTitle')}».`,
  }),
  'consultation.meeting_reminder': (p) => ({
    title: `Recordatorio: «${v(p, 'meetingTitle')}» empieza el ${v(p, 'startsAt')}`,
    body: join(v(p, 'location'), v(p, 'onlineUrl')),
  }),
  'consultation.meeting_changed': (p) => ({
    title: `«${v(p, 'meetingTitle')}» ahora empieza el ${v(p, 'startsAt')}`,
    body: join(v(p, 'location'), v(p, 'onlineUrl')),
  }),
  'consultation.meeting_cancelled': (p) => ({
    title: `Reunión cancelada: «${v(p, 'meetingTitle')}»`,
    body: '',
  }),
  // Summaries (one per organisation and day, from the check-in sweep): params count, organizationName, dueOn.
  'placement.check_in_due': (p) => ({
    title: `${v(p, 'count')} seguimientos de permanencia de ${v(p, 'organizationName')} están pendientes`,
    body: 'Respóndalos en Seguimientos: ¿sigue empleada cada persona y, si no, desde cuándo?',
  }),
  'placement.check_in_reminder': (p) => ({
    title: `Recordatorio: ${v(p, 'count')} seguimientos de ${v(p, 'organizationName')} siguen sin respuesta`,
    body: 'Respóndalos en Seguimientos.',
  }),
  'report.ready': (p) => ({
    title: `Su informe ${v(p, 'reportKind')} (${v(p, 'format')}) está listo`,
    body: 'Descárguelo en Informes.',
  }),
  'report.failed': (p) => ({
    title: `No se pudo generar su informe ${v(p, 'reportKind')} (${v(p, 'format')})`,
    body: v(p, 'reason'),
  }),
  'report.scheduled_ready': (p) => ({
    title: `El informe programado «${v(p, 'scheduleName')}» está listo`,
    body: `${v(p, 'reportKind')} (${v(p, 'format')}).`,
  }),
  'webhook.disabled': (p) => ({
    title: `Webhook desactivado tras ${v(p, 'failures')} entregas fallidas: ${v(p, 'url')}`,
    body: 'Corrija el receptor y vuelva a activarlo (PATCH enabled: true).',
  }),

  // --- good ideas (libs/good-ideas) ---------------------------------------------------------------
  'good_idea.submitted': (p) => ({
    title: `Buena idea para revisar: «${v(p, 'ideaTitle')}»`,
    body: `Enviada por ${v(p, 'organizationName')}. Valore los cuatro criterios y publíquela o devuélvala.`,
  }),
  'good_idea.returned': (p) => ({
    title: `«${v(p, 'ideaTitle')}» le ha sido devuelta`,
    body: `Motivo: ${v(p, 'reason')}`,
  }),
  'good_idea.published': (p) => ({
    title: `«${v(p, 'ideaTitle')}» está publicada en el catálogo de buenas ideas`,
    body: 'Cualquiera puede encontrarla y leerla, sin iniciar sesión.',
  }),
  'good_idea.endorsed': (p) => ({
    title: `${v(p, 'organizationName')} respalda «${v(p, 'ideaTitle')}»`,
    body: v(p, 'statement'),
  }),
  'good_idea.adapted': (p) => ({
    title: `${v(p, 'organizationName')} está adaptando «${v(p, 'ideaTitle')}» en ${v(p, 'city')}`,
    body: `Su programa empieza el ${v(p, 'startDate')}.`,
  }),
};

const AR: Partial<Texts> = {
  'programme.partner_invited': (p) => ({
    title: `${v(p, 'organizationName')} مدعوة للانضمام إلى «${v(p, 'programmeTitle')}» بصفة ${label(ROLES.ar, p.role)}`,
    body: `بصفتك مسؤولًا عن ${v(p, 'organizationName')}، فأنت من يرد باسمها: افتح البرنامج واختر قبول أو رفض. وإلى أن تفعل، لا يمكن للبرنامج أن يسند إليها أي مهمة.`,
  }),
  'programme.partner_accepted': (p) => ({
    title: `انضمت ${v(p, 'organizationName')} إلى «${v(p, 'programmeTitle')}»`,
    body: `الدور: ${label(ROLES.ar, p.role)}.`,
  }),
  'programme.partner_declined': (p) => ({
    title: `رفضت ${v(p, 'organizationName')} الانضمام إلى «${v(p, 'programmeTitle')}»`,
    body: '',
  }),
  'programme.partner_left': (p) => ({
    title: `لم تعد ${v(p, 'organizationName')} شريكة في «${v(p, 'programmeTitle')}»`,
    body: label(ENDED_BY.ar, p.endedBy),
  }),
  'programme.agreement_expiring': (p) => ({
    title: `تنتهي اتفاقية الشراكة مع ${v(p, 'organizationName')} في ${v(p, 'expiresOn')}`,
    body: `البرنامج «${v(p, 'programmeTitle')}»، الاتفاقية ${v(p, 'reference')}.`,
  }),
  'task.assigned': (p) => ({
    title: `مهمة جديدة لـ ${v(p, 'organizationName')}: «${v(p, 'taskTitle')}»`,
    body: p.dueDate ? `موعد التسليم ${v(p, 'dueDate')}.` : '',
  }),
  'task.state_changed': (p) => ({
    title: `أصبحت حالة «${v(p, 'taskTitle')}»: ${label(STATES.ar, p.to)}`,
    body: p.reason ? `السبب: ${v(p, 'reason')}` : '',
  }),
  'task.mentioned': (p) => ({
    title: `أشار إليك ${v(p, 'authorName')} في «${v(p, 'taskTitle')}»`,
    body: v(p, 'excerpt'),
  }),
  'task.due_soon': (p) => ({ title: `موعد تسليم «${v(p, 'taskTitle')}» هو ${v(p, 'dueDate')}`, body: '' }),
  'task.overdue': (p) => ({
    title: `«${v(p, 'taskTitle')}» متأخرة (كان موعدها ${v(p, 'dueDate')})`,
    body: '',
  }),
  'consultation.opened': (p) => ({
    title: `استشارة مفتوحة: «${v(p, 'consultationTitle')}»`,
    body: `منظمتك مدعوة للإجابة حتى ${v(p, 'closesAt')}.`,
  }),
  'consultation.closing_soon': (p) => ({
    title: `تُغلق «${v(p, 'consultationTitle')}» في ${v(p, 'closesAt')}`,
    body: 'لم تُجب منظمتك بعد.',
  }),
  'consultation.closed': (p) => ({
    title: `أُغلقت الاستشارة: «${v(p, 'consultationTitle')}»`,
    body: `أجابت ${v(p, 'responseCount')} منظمات.`,
  }),
  'consultation.cancelled': (p) => ({ title: `أُلغيت الاستشارة: «${v(p, 'consultationTitle')}»`, body: '' }),
  'consultation.outcome_published': (p) => ({
    title: `قلتم وفعلنا: نُشرت نتيجة «${v(p, 'consultationTitle')}»`,
    body: v(p, 'summary'),
  }),
  'consultation.meeting_seat_available': (p) => ({
    title: `توفر مقعد: أنت الآن من حضور «${v(p, 'meetingTitle')}»`,
    body: `يبدأ في ${v(p, 'startsAt')}. الاستشارة «${v(p, 'consultationTitle')}».`,
  }),
  'consultation.meeting_reminder': (p) => ({
    title: `تذكير: يبدأ «${v(p, 'meetingTitle')}» في ${v(p, 'startsAt')}`,
    body: join(v(p, 'location'), v(p, 'onlineUrl')),
  }),
  'consultation.meeting_changed': (p) => ({
    title: `يبدأ «${v(p, 'meetingTitle')}» الآن في ${v(p, 'startsAt')}`,
    body: join(v(p, 'location'), v(p, 'onlineUrl')),
  }),
  'consultation.meeting_cancelled': (p) => ({ title: `أُلغي الاجتماع: «${v(p, 'meetingTitle')}»`, body: '' }),
  // Summaries (one per organisation and day, from the check-in sweep): params count, organizationName, dueOn.
  'placement.check_in_due': (p) => ({
    title: `حان موعد ${v(p, 'count')} من متابعات الاستبقاء في العمل لدى ${v(p, 'organizationName')}`,
    body: 'أجب عنها في قسم المتابعات: هل ما زال كل شخص يعمل، وإن لم يكن فمنذ متى؟',
  }),
  'placement.check_in_reminder': (p) => ({
    title: `تذكير: ${v(p, 'count')} من متابعات ${v(p, 'organizationName')} ما زالت دون إجابة`,
    body: 'أجب عنها في قسم المتابعات.',
  }),
  'report.ready': (p) => ({
    title: `تقريرك ${v(p, 'reportKind')} (${v(p, 'format')}) جاهز`,
    body: 'نزّله من قسم التقارير.',
  }),
  'report.failed': (p) => ({
    title: `تعذّر إنشاء تقريرك ${v(p, 'reportKind')} (${v(p, 'format')})`,
    body: v(p, 'reason'),
  }),
  'report.scheduled_ready': (p) => ({
    title: `التقرير المجدول «${v(p, 'scheduleName')}» جاهز`,
    body: `${v(p, 'reportKind')} (${v(p, 'format')}).`,
  }),
  'webhook.disabled': (p) => ({
    title: `عُطّل الـ Webhook بعد ${v(p, 'failures')} محاولات تسليم فاشلة: ${v(p, 'url')}`,
    body: 'أصلح المستقبِل ثم أعد تفعيله (PATCH enabled: true).',
  }),

  // --- good ideas (libs/good-ideas) ---------------------------------------------------------------
  'good_idea.submitted': (p) => ({
    title: `فكرة جيدة للمراجعة: «${v(p, 'ideaTitle')}»`,
    body: `قدّمتها ${v(p, 'organizationName')}. قيّم المعايير الأربعة ثم انشرها أو أعدها.`,
  }),
  'good_idea.returned': (p) => ({
    title: `أُعيدت إليكم الفكرة «${v(p, 'ideaTitle')}»`,
    body: `السبب: ${v(p, 'reason')}`,
  }),
  'good_idea.published': (p) => ({
    title: `نُشرت «${v(p, 'ideaTitle')}» في دليل الأفكار الجيدة`,
    body: 'يمكن للجميع الآن العثور عليها وقراءتها دون تسجيل الدخول.',
  }),
  'good_idea.endorsed': (p) => ({
    title: `أيّدت ${v(p, 'organizationName')} الفكرة «${v(p, 'ideaTitle')}»`,
    body: v(p, 'statement'),
  }),
  'good_idea.adapted': (p) => ({
    title: `تعمل ${v(p, 'organizationName')} على تكييف «${v(p, 'ideaTitle')}» في ${v(p, 'city')}`,
    body: `يبدأ برنامجها في ${v(p, 'startDate')}.`,
  }),
};

export const NOTIFICATION_TEXTS: Record<Language, Partial<Texts>> = { en: EN, fr: FR, es: ES, ar: AR };

/** Every notification type Tandem sends (for preferences and webhook subscriptions). */
export const NOTIFICATION_TYPES = Object.keys(EN).sort() as readonly NotificationType[];

export function isNotificationType(type: string): type is NotificationType {
  return Object.prototype.hasOwnProperty.call(EN, type);
}

/** Renders a job's payload: its type and params come back from the outbox as plain JSON. */
export function renderNotification(
  type: string,
  params: Record<string, unknown>,
  language: string | null = 'en',
  /** The reader's IANA time zone for instants (UTC, named as such, when unknown or invalid). */
  timeZone = 'UTC',
): Rendered {
  if (!isNotificationType(type)) return { title: type.replace(/[._]/g, ' '), body: '' };
  const lang = pickLanguage(language);
  const render = (NOTIFICATION_TEXTS[lang][type] ?? EN[type]) as (p: unknown) => Rendered;
  reading = { language: lang, timeZone: validTimeZone(timeZone) ? timeZone : 'UTC' };
  try {
    return render(params);
  } finally {
    reading = { language: 'en', timeZone: 'UTC' };
  }
}

function validTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Texts keyed by the reader's language, then time zone (as the users table spells both). */
export type TextsByReading = Record<string, Record<string, { title: string; body: string }>>;

/**
 * The in-app and e-mail text for each (language, time zone) pair the recipients share, plus every
 * supported language in UTC (the fallback for a reader whose pair is missing). One render per pair,
 * however many readers share it; the fan-out SQL picks each recipient's own.
 */
export function renderForReaders(
  type: string,
  params: Record<string, unknown>,
  readings: readonly { language: string; timeZone: string }[],
): TextsByReading {
  const out: TextsByReading = {};
  const pairs = [
    ...(Object.keys(NOTIFICATION_TEXTS) as Language[]).map((language) => ({ language, timeZone: 'UTC' })),
    ...readings,
  ];
  for (const { language, timeZone } of pairs) {
    const zones = (out[language] ??= {});
    if (zones[timeZone]) continue;
    const t = renderNotification(type, params, language, timeZone);
    zones[timeZone] = { title: t.title.slice(0, 300), body: t.body };
  }
  return out;
}

/** Where a subject lives in the web console, relative to PUBLIC_URL. */
const SUBJECT_PATHS: Record<string, (id: string) => string> = {
  task: (id) => `/tasks/${id}`,
  programme: (id) => `/programmes/${id}`,
  consultation: (id) => `/consultations/${id}`,
  consultation_meeting: (id) => `/meetings/${id}`,
  retention_check: (id) => `/check-ins/${id}`,
  placement: (id) => `/placements/${id}`,
  report: (id) => `/reports/${id}`,
  webhook: (id) => `/webhooks/${id}`,
  organization: (id) => `/organizations/${id}`,
  // good ideas (libs/good-ideas)
  good_idea: (id) => `/good-ideas/${id}`,
};

export function subjectUrl(publicUrl: string, subject: { type: string; id: string }): string {
  const base = publicUrl.replace(/\/$/, '');
  const path =
    SUBJECT_PATHS[subject.type]?.(subject.id) ?? `/notifications?subject=${subject.type}.${subject.id}`;
  return `${base}${path}`;
}
