import { allPages } from '../../components/PagedTable';
import { api, call } from '../../api/client';
import { Consultation, Localized, Organization, Page } from '../../api/types';
import { useLoad } from '../../components/common';
import { Field, useApiForm } from '../../forms';
import { isRtl, Key, useI18n } from '../../i18n';

/** Languages a consultation can be offered in (its texts come from the officer, per language). */
export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export const QUESTION_TYPES = ['text', 'single_choice', 'multiple_choice', 'scale'] as const;

export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const loadConsultation = (id: string) =>
  call<Consultation>(api.GET('/consultations/{id}', { params: { path: { id } } }));

/** Organisations that can be invited: everyone in the directory but the owner. */
export function useDirectory() {
  return useLoad(
    async () =>
      await allPages((cursor) =>
        call<Page<Organization>>(api.GET('/organizations', { params: { query: { limit: 100, cursor } } })),
      ),
    [],
  );
}

export function InviteeChecks({
  orgs,
  ownerId,
  value,
  onChange,
}: {
  orgs: Organization[];
  ownerId: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="checks">
      {orgs
        .filter((o) => o.id !== ownerId)
        .map((o) => (
          <label key={o.id} className="inline">
            <input
              type="checkbox"
              checked={value.includes(o.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))
              }
            />{' '}
            {o.name} <span className="muted">({t(`kind.${o.kind}` as Key)})</span>
          </label>
        ))}
    </div>
  );
}

/** Title and description per offered language (API fields `title.<lang>`, `description.<lang>`). */
export function TextsFields({
  form,
  languages,
  title,
  description,
  setTitle,
  setDescription,
}: {
  form: ReturnType<typeof useApiForm>;
  languages: string[];
  title: Localized;
  description: Localized;
  setTitle: (v: Localized) => void;
  setDescription: (v: Localized) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {languages.map((l) => (
        <div key={l} className="lang-block" lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
          <Field
            form={form}
            name={`title.${l}`}
            label={t('consultation.titleIn', { language: LANGUAGE_NAMES[l] ?? l })}
          >
            <input value={title[l] ?? ''} onChange={(e) => setTitle({ ...title, [l]: e.target.value })} />
          </Field>
          <Field
            form={form}
            name={`description.${l}`}
            label={t('consultation.descriptionIn', { language: LANGUAGE_NAMES[l] ?? l })}
          >
            <textarea
              rows={3}
              value={description[l] ?? ''}
              onChange={(e) => setDescription({ ...description, [l]: e.target.value })}
            />
          </Field>
        </div>
      ))}
    </>
  );
}
