import { Language, layout, RenderedEmail } from './layout';

export interface InvitationEmailData {
  organizationName: string;
  inviterName: string | null;
  role: string;
  acceptUrl: string;
  expiresAt: Date;
}

interface Strings {
  subject: (d: InvitationEmailData) => string;
  intro: (d: InvitationEmailData) => string;
  role: (role: string) => string;
  expires: (date: string) => string;
  action: string;
  ignore: string;
}

const ROLE_NAMES: Record<Language, Record<string, string>> = {
  en: { org_admin: 'administrator', member: 'member' },
  fr: { org_admin: 'administrateur ou administratrice', member: 'membre' },
  es: { org_admin: 'administrador/a', member: 'miembro' },
  ar: { org_admin: 'مسؤول', member: 'عضو' },
};

const STRINGS: Record<Language, Strings> = {
  en: {
    subject: (d) => `You are invited to join ${d.organizationName} on Tandem`,
    intro: (d) =>
      `${d.inviterName ?? 'An administrator'} invited you to join ${d.organizationName} on Tandem.`,
    role: (r) => `Your role will be: ${r}.`,
    expires: (date) => `This invitation can be used once and expires on ${date}.`,
    action: 'Accept the invitation',
    ignore: 'If you did not expect this e-mail, you can ignore it.',
  },
  fr: {
    subject: (d) => `Vous êtes invité·e à rejoindre ${d.organizationName} sur Tandem`,
    intro: (d) =>
      `${d.inviterName ?? 'Un administrateur'} vous invite à rejoindre ${d.organizationName} sur Tandem.`,
    role: (r) => `Votre rôle : ${r}.`,
    expires: (date) => `Cette invitation n'est valable qu'une fois et expire le ${date}.`,
    action: "Accepter l'invitation",
    ignore: "Si vous n'attendiez pas ce message, vous pouvez l'ignorer.",
  },
  es: {
    subject: (d) => `Le invitan a unirse a ${d.organizationName} en Tandem`,
    intro: (d) =>
      `${d.inviterName ?? 'Un administrador'} le invita a unirse a ${d.organizationName} en Tandem.`,
    role: (r) => `Su función será: ${r}.`,
    expires: (date) => `Esta invitación solo puede usarse una vez y caduca el ${date}.`,
    action: 'Aceptar la invitación',
    ignore: 'Si no esperaba este mensaje, puede ignorarlo.',
  },
  ar: {
    subject: (d) => `أنت مدعو للانضمام إلى ${d.organizationName} على منصة Tandem`,
    intro: (d) =>
      `دعاك ${d.inviterName ?? 'أحد المسؤولين'} للانضمام إلى ${d.organizationName} على منصة Tandem.`,
    role: (r) => `سيكون دورك: ${r}.`,
    expires: (date) => `يمكن استخدام هذه الدعوة مرة واحدة فقط وتنتهي صلاحيتها في ${date}.`,
    action: 'قبول الدعوة',
    ignore: 'إذا لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها.',
  },
};

export function renderInvitationEmail(lang: Language, d: InvitationEmailData): RenderedEmail {
  const s = STRINGS[lang];
  const date = d.expiresAt.toISOString().slice(0, 10);
  const paragraphs = [s.intro(d), s.role(ROLE_NAMES[lang][d.role] ?? d.role), s.expires(date), s.ignore];
  return {
    subject: s.subject(d),
    html: layout(lang, s.subject(d), paragraphs, { label: s.action, url: d.acceptUrl }),
    text: [...paragraphs.slice(0, 3), '', `${s.action}: ${d.acceptUrl}`, '', paragraphs[3]].join('\n'),
  };
}
