type Params = Record<string, string | number | null>;

const v = (p: Params, k: string): string => (p[k] === null || p[k] === undefined ? '' : String(p[k]));

/**
 * The in-app text of each notification type (English for now; issue 6 adds languages and e-mail).
 * An unknown type still produces a readable line rather than failing the job.
 */
export const NOTIFICATION_TEXTS: Record<string, (p: Params) => { title: string; body: string }> = {
  'programme.partner_invited': (p) => ({
    title: `${v(p, 'organizationName')} is invited to join "${v(p, 'programmeTitle')}" as ${v(p, 'role')}`,
    body: 'An org admin of the organisation can accept or decline the invitation.',
  }),
  'programme.partner_accepted': (p) => ({
    title: `${v(p, 'organizationName')} joined "${v(p, 'programmeTitle')}"`,
    body: `Role: ${v(p, 'role')}.`,
  }),
  'programme.partner_declined': (p) => ({
    title: `${v(p, 'organizationName')} declined to join "${v(p, 'programmeTitle')}"`,
    body: '',
  }),
  'programme.partner_left': (p) => ({
    title: `${v(p, 'organizationName')} is no longer a partner of "${v(p, 'programmeTitle')}"`,
    body: v(p, 'reason'),
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
    title: `"${v(p, 'taskTitle')}" is now ${v(p, 'to')}`,
    body: p.reason ? `Reason: ${v(p, 'reason')}` : '',
  }),
  'task.mentioned': (p) => ({
    title: `${v(p, 'authorName')} mentioned you on "${v(p, 'taskTitle')}"`,
    body: v(p, 'excerpt'),
  }),
  'task.due_soon': (p) => ({ title: `"${v(p, 'taskTitle')}" is due on ${v(p, 'dueDate')}`, body: '' }),
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
    body: [v(p, 'location'), v(p, 'onlineUrl')].filter(Boolean).join(' · '),
  }),
  'consultation.meeting_changed': (p) => ({
    title: `"${v(p, 'meetingTitle')}" now starts ${v(p, 'startsAt')}`,
    body: [v(p, 'location'), v(p, 'onlineUrl')].filter(Boolean).join(' · '),
  }),
  'consultation.meeting_cancelled': (p) => ({
    title: `Meeting cancelled: "${v(p, 'meetingTitle')}"`,
    body: '',
  }),
  'placement.check_in_due': (p) => ({
    title: `${v(p, 'months')}-month check-in: is ${v(p, 'referenceCode')} still employed as ${v(p, 'jobTitle')}?`,
    body: 'Answer under Check-ins (stillEmployed, and if not, the date they left).',
  }),
  'placement.check_in_reminder': (p) => ({
    title: `Reminder: the ${v(p, 'months')}-month check-in for ${v(p, 'referenceCode')} (${v(p, 'jobTitle')}) is still unanswered`,
    body: `It was due on ${v(p, 'dueOn')}.`,
  }),
  'task.overdue': (p) => ({ title: `"${v(p, 'taskTitle')}" is overdue (due ${v(p, 'dueDate')})`, body: '' }),
};

export function renderNotification(type: string, params: Params): { title: string; body: string } {
  const render = NOTIFICATION_TEXTS[type];
  return render ? render(params) : { title: type.replace(/[._]/g, ' '), body: '' };
}
