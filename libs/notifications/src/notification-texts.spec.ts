import {
  NOTIFICATION_TEXTS,
  NOTIFICATION_TYPES,
  renderForReaders,
  renderNotification,
  subjectUrl,
} from './notification-texts';
import { NotificationType, TypedNotificationRequest } from './notification-catalogue';
import { renderDigestEmail, renderNotificationEmail } from './templates/notification-email.template';

describe('notification texts and e-mail templates', () => {
  const params = { organizationName: 'Legal Aid', taskTitle: 'Translate <the> pack', dueDate: '2027-01-31' };

  it('has every type in every language, the report types of the reporting issue included', () => {
    for (const lang of Object.keys(NOTIFICATION_TEXTS) as (keyof typeof NOTIFICATION_TEXTS)[])
      expect([lang, Object.keys(NOTIFICATION_TEXTS[lang]).sort()]).toEqual([lang, [...NOTIFICATION_TYPES]]);
    expect(NOTIFICATION_TYPES).toEqual(
      expect.arrayContaining(['report.ready', 'report.failed', 'report.scheduled_ready']),
    );
  });

  it('has a text for every type in fr, es and ar (English is checked by the compiler)', () => {
    for (const lang of ['fr', 'es', 'ar'] as const) {
      const missing = NOTIFICATION_TYPES.filter((t) => !NOTIFICATION_TEXTS[lang][t]);
      expect([lang, missing]).toEqual([lang, []]);
    }
  });

  it('names codes (roles, task states, who ended a partnership) in the reader’s language', () => {
    const invited = {
      organizationName: 'Legal Aid',
      programmeTitle: 'Jobs Bridge',
      role: 'service_provider',
    };
    expect(renderNotification('programme.partner_invited', invited, 'en').title).toBe(
      'Legal Aid is invited to join "Jobs Bridge" as service provider',
    );
    expect(renderNotification('programme.partner_invited', invited, 'fr').title).toContain(
      '(prestataire de services)',
    );
    const moved = { taskTitle: 'Book the venue', to: 'in_progress', reason: null };
    expect(renderNotification('task.state_changed', moved, 'en').title).toBe(
      '"Book the venue" is now in progress',
    );
    expect(renderNotification('task.state_changed', moved, 'es').title).toContain('en curso');
    const left = { organizationName: 'Legal Aid', programmeTitle: 'Jobs Bridge' };
    expect(
      renderNotification('programme.partner_left', { ...left, endedBy: 'organisation' }, 'en').body,
    ).toBe('The organisation left the programme.');
    expect(renderNotification('programme.partner_left', { ...left, endedBy: 'managers' }, 'fr').body).toBe(
      "Les responsables du programme ont retiré l'organisation.",
    );
    // An event queued before a code existed still renders.
    expect(renderNotification('task.state_changed', { ...moved, to: 'paused' }, 'en').title).toBe(
      '"Book the venue" is now paused',
    );
  });

  it('types each request’s params by its type', () => {
    const ok: TypedNotificationRequest<'report.ready'> = {
      type: 'report.ready',
      subject: { type: 'report', id: 'r1' },
      recipients: { userIds: ['u1'] },
      params: { reportKind: 'coverage', format: 'csv' },
    };
    const bad: TypedNotificationRequest<'report.ready'> = {
      ...ok,
      // @ts-expect-error a param the type does not take
      params: { reportKind: 'coverage', format: 'csv', reason: 'English sentence' },
    };
    // @ts-expect-error a type that does not exist
    const unknown: NotificationType = 'report.readdy';
    expect([ok.type, bad.type, unknown]).toEqual(['report.ready', 'report.ready', 'report.readdy']);
  });

  it('renders in the reader’s language and falls back to English', () => {
    expect(renderNotification('task.assigned', params, 'fr').title).toBe(
      'Nouvelle tâche pour Legal Aid : « Translate <the> pack »',
    );
    expect(renderNotification('task.assigned', params, 'ar').title).toContain('مهمة جديدة');
    expect(renderNotification('task.assigned', params, 'de').title).toBe(
      'New task for Legal Aid: "Translate <the> pack"',
    );
    expect(renderNotification('task.assigned', params, null).title).toBe(
      'New task for Legal Aid: "Translate <the> pack"',
    );
    expect(renderNotification('brand.new_type', {}, 'es')).toEqual({ title: 'brand new type', body: '' });
    expect(Object.keys(renderForReaders('task.assigned', params, [])).sort()).toEqual([
      'ar',
      'en',
      'es',
      'fr',
    ]);
  });

  it('links to the subject under PUBLIC_URL', () => {
    expect(subjectUrl('https://tandem.example/', { type: 'task', id: 'abc' })).toBe(
      'https://tandem.example/tasks/abc',
    );
    expect(subjectUrl('https://tandem.example', { type: 'report', id: 'r1' })).toBe(
      'https://tandem.example/reports/r1',
    );
    expect(subjectUrl('https://tandem.example', { type: 'retention_check', id: 'c1' })).toBe(
      'https://tandem.example/check-ins/c1',
    );
  });

  it('lays Arabic e-mails out right-to-left and escapes HTML', () => {
    const n = renderNotification('task.assigned', params, 'ar');
    const email = renderNotificationEmail('ar', { ...n, url: 'https://tandem.example/tasks/abc' });
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.html).toContain('Translate &lt;the&gt; pack');
    expect(email.text).toContain('https://tandem.example/tasks/abc');
    expect(renderNotificationEmail('xx', { ...n, url: 'u' }).html).toContain('<html lang="en" dir="ltr">');
  });

  it('lists a digest’s items with links, and counts the ones not listed', () => {
    const items = [{ title: 'A task', url: 'https://t/tasks/1', createdAt: new Date() }];
    const email = renderDigestEmail('es', 'weekly_digest', items, 3, 'https://t/notifications');
    expect(email.subject).toBe('Su resumen semanal de Tandem: 3 notificaciones sin leer');
    expect(email.html).toContain('<a href="https://t/tasks/1">A task</a>');
    expect(email.text).toContain('…y 2 más.');
  });
});
