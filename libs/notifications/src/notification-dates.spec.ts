import { readableValue, renderNotification } from './notification-texts';

describe('dates in notification texts', () => {
  const invited = {
    consultationTitle: 'Night buses',
    organizationName: 'Afghan Women Riverton',
    closesAt: '2026-12-10T13:11:00.000Z',
  };

  it('never shows a raw timestamp: the instant in the reader’s language and a named time zone', () => {
    for (const lang of ['en', 'fr', 'es', 'ar'] as const) {
      const { title, body } = renderNotification('consultation.opened', invited, lang, 'Europe/Lisbon');
      expect(`${title} ${body}`).not.toContain('2026-12-10T13:11');
    }
    expect(renderNotification('consultation.opened', invited, 'en', 'Europe/Lisbon').body).toContain(
      'December 10, 2026 at 01:11 PM GMT',
    );
    expect(readableValue('2026-12-10T13:11:00.000Z', 'fr', 'Europe/Paris')).toBe(
      '10 décembre 2026 à 14:11 UTC+1',
    );
    expect(readableValue('2026-12-10T13:11:00.000Z', 'en', 'America/New_York')).toContain('08:11 AM EST');
    expect(readableValue('2026-12-10T13:11:00.000Z', 'ar', 'UTC')).toMatch(/ديسمبر/);
  });

  it('writes calendar dates as dates, whatever the time zone, and leaves other text alone', () => {
    expect(readableValue('2027-01-31', 'en', 'Pacific/Auckland')).toBe('January 31, 2027');
    expect(readableValue('2027-01-31', 'fr', 'UTC')).toBe('31 janvier 2027');
    expect(readableValue('Kitchen 2027', 'en', 'UTC')).toBe('Kitchen 2027');
    expect(readableValue(42, 'en', 'UTC')).toBe('42');
  });

  it('falls back to UTC for an unknown time zone instead of failing the job', () => {
    expect(renderNotification('consultation.opened', invited, 'en', 'Mars/Olympus').body).toContain('UTC');
  });

  it('tells an invited organisation’s admins, in every language, that they answer for it and what waits on them', () => {
    const invited = {
      organizationName: 'Legal Aid',
      programmeTitle: 'Jobs Bridge',
      role: 'implementer' as const,
    };
    const bodies = (['en', 'fr', 'es', 'ar'] as const).map(
      (l) => renderNotification('programme.partner_invited', invited, l).body,
    );
    for (const body of bodies) expect(body).toContain('Legal Aid');
    expect(bodies[0]).toBe(
      'As an org admin of Legal Aid, you answer for it: open the programme and choose Accept or Decline. Until you do, the programme cannot assign it any task.',
    );
    expect(new Set(bodies).size).toBe(4);
  });
});
