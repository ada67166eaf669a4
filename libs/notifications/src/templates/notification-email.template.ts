import { escapeHtml, Language, layout, pickLanguage, RenderedEmail, RTL_LANGUAGES } from './layout';

const STRINGS: Record<
  Language,
  {
    open: string;
    footer: string;
    digestSubject: (n: number, cadence: 'daily_digest' | 'weekly_digest') => string;
    digestIntro: (n: number) => string;
    more: (n: number) => string;
    inbox: string;
  }
> = {
  en: {
    open: 'Open in Tandem',
    footer: 'You receive this because of your notification preferences in Tandem.',
    digestSubject: (n, c) =>
      `${c === 'weekly_digest' ? 'Your weekly' : 'Your daily'} Tandem digest: ${n} unread notification${n === 1 ? '' : 's'}`,
    digestIntro: (n) => `You have ${n} unread notification${n === 1 ? '' : 's'}:`,
    more: (n) => `…and ${n} more.`,
    inbox: 'Open your notifications',
  },
  fr: {
    open: 'Ouvrir dans Tandem',
    footer: 'Vous recevez ce message selon vos préférences de notification dans Tandem.',
    digestSubject: (n, c) =>
      `${c === 'weekly_digest' ? 'Votre résumé hebdomadaire' : 'Votre résumé quotidien'} Tandem : ${n} notification${n === 1 ? '' : 's'} non lue${n === 1 ? '' : 's'}`,
    digestIntro: (n) => `Vous avez ${n} notification${n === 1 ? '' : 's'} non lue${n === 1 ? '' : 's'} :`,
    more: (n) => `…et ${n} de plus.`,
    inbox: 'Ouvrir vos notifications',
  },
  es: {
    open: 'Abrir en Tandem',
    footer: 'Recibe este mensaje según sus preferencias de notificación en Tandem.',
    digestSubject: (n, c) =>
      `${c === 'weekly_digest' ? 'Su resumen semanal' : 'Su resumen diario'} de Tandem: ${n} ${n === 1 ? 'notificación' : 'notificaciones'} sin leer`,
    digestIntro: (n) => `Tiene ${n} ${n === 1 ? 'notificación' : 'notificaciones'} sin leer:`,
    more: (n) => `…y ${n} más.`,
    inbox: 'Abrir sus notificaciones',
  },
  ar: {
    open: 'افتح في Tandem',
    footer: 'تصلك هذه الرسالة وفقاً لتفضيلات الإشعارات الخاصة بك في Tandem.',
    digestSubject: (n, c) =>
      `${c === 'weekly_digest' ? 'ملخصك الأسبوعي' : 'ملخصك اليومي'} من Tandem: ${n} إشعارات غير مقروءة`,
    digestIntro: (n) => `لديك ${n} إشعارات غير مقروءة:`,
    more: (n) => `…و${n} غيرها.`,
    inbox: 'افتح إشعاراتك',
  },
};

/** One notification as an e-mail: its title is the subject, its body the text, a link to its subject. */
export function renderNotificationEmail(
  language: string | null,
  n: { title: string; body: string; url: string },
): RenderedEmail {
  const lang = pickLanguage(language);
  const s = STRINGS[lang];
  const paragraphs = [n.body, s.footer].filter(Boolean);
  return {
    subject: n.title,
    html: layout(lang, n.title, paragraphs, { label: s.open, url: n.url }),
    text: [n.title, '', ...(n.body ? [n.body, ''] : []), `${s.open}: ${n.url}`, '', s.footer].join('\n'),
  };
}

export interface DigestItem {
  title: string;
  url: string;
  createdAt: Date;
}

/** The digest: one e-mail listing what the user has not read, newest first, each with its link. */
export function renderDigestEmail(
  language: string | null,
  cadence: 'daily_digest' | 'weekly_digest',
  items: DigestItem[],
  total: number,
  inboxUrl: string,
): RenderedEmail {
  const lang = pickLanguage(language);
  const s = STRINGS[lang];
  const subject = s.digestSubject(total, cadence);
  const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
  const list = items
    .map((i) => `<li style="margin:0 0 8px"><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a></li>`)
    .join('\n');
  const more = total > items.length ? `<p>${escapeHtml(s.more(total - items.length))}</p>` : '';
  const html = layout(lang, subject, [s.digestIntro(total)], { label: s.inbox, url: inboxUrl }).replace(
    // after the intro paragraph
    '</p>',
    `</p>\n<ul dir="${dir}">\n${list}\n</ul>\n${more}`,
  );
  const text = [
    s.digestIntro(total),
    '',
    ...items.map((i) => `- ${i.title}\n  ${i.url}`),
    ...(total > items.length ? [s.more(total - items.length)] : []),
    '',
    `${s.inbox}: ${inboxUrl}`,
  ].join('\n');
  return { subject, html, text };
}
