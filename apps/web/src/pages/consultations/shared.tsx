import { allPages } from '../../components/PagedTable';
import { api, call } from '../../api/client';
import { Consultation, Localized, Organization, Page } from '../../api/types';
import { ReactNode } from 'react';
import { Async, useLoad } from '../../components/common';
import { EnumSelect, EnumSelectProps } from '../../components/EnumSelect';
import { BoundField, CheckboxList, InputField, TextAreaField } from '../../form-fields';
import { FieldSet, FormState } from '../../forms';
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
  const invitable = orgs.filter((o) => o.id !== ownerId);
  return (
    <CheckboxList
      values={invitable.map((o) => o.id)}
      selected={value}
      onChange={onChange}
      label={(id) => {
        const o = invitable.find((x) => x.id === id)!;
        return (
          <>
            {o.name} <span className="muted">({t(`kind.${o.kind}` as Key)})</span>
          </>
        );
      }}
    />
  );
}

/**
 * The choice among a consultation's languages, each named in itself (marked with its `lang`); a
 * `Field` around it gives it its id, name and aria attributes.
 */
export function LanguageSelect({
  languages,
  onChange,
  ...select
}: Omit<EnumSelectProps<string>, 'values' | 'label' | 'labels' | 'optionLang' | 'onChange'> & {
  languages: readonly string[];
  onChange: (language: string) => void;
}) {
  return (
    <EnumSelect
      {...select}
      values={languages}
      label={(l) => LANGUAGE_NAMES[l] ?? l}
      optionLang={(l) => l}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * What is written once per offered language: one block a language, marked with the language and
 * its direction; `children` draws a language's fields (`language` is its name, for the labels).
 */
export function LanguageBlocks({
  languages,
  children,
}: {
  languages: readonly string[];
  children: (lang: string, language: string) => ReactNode;
}) {
  return (
    <>
      {languages.map((l) => (
        <div key={l} className="lang-block" lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
          {children(l, LANGUAGE_NAMES[l] ?? l)}
        </div>
      ))}
    </>
  );
}

/** Binds a field to one language of a text kept per language (API field `<name>.<lang>`). */
export const localizedField = (
  form: FormState,
  name: string,
  text: Localized,
  setText: (text: Localized) => void,
  lang: string,
): BoundField => ({
  form,
  name: `${name}.${lang}`,
  value: text[lang] ?? '',
  onChange: (e) => setText({ ...text, [lang]: e.target.value }),
});

/** Title and description per offered language (API fields `title.<lang>`, `description.<lang>`). */
export function TextsFields({
  form,
  languages,
  title,
  description,
  setTitle,
  setDescription,
}: {
  form: FormState;
  languages: string[];
  title: Localized;
  description: Localized;
  setTitle: (v: Localized) => void;
  setDescription: (v: Localized) => void;
}) {
  const { t } = useI18n();
  return (
    <LanguageBlocks languages={languages}>
      {(l, language) => (
        <>
          <InputField
            label={t('consultation.titleIn', { language })}
            {...localizedField(form, 'title', title, setTitle, l)}
          />
          <TextAreaField
            rows={3}
            label={t('consultation.descriptionIn', { language })}
            {...localizedField(form, 'description', description, setDescription, l)}
          />
        </>
      )}
    </LanguageBlocks>
  );
}

/** When a consultation opens and closes (local date and time). */
export function PeriodFields({ opens, closes }: { opens: BoundField; closes: BoundField }) {
  const { t } = useI18n();
  return (
    <div className="row">
      <InputField type="datetime-local" label={t('consultation.opens')} {...opens} />
      <InputField type="datetime-local" label={t('consultation.closes')} {...closes} />
    </div>
  );
}

/** The organisations invited to answer (API field `invitedOrganizationIds`), all but the owner. */
export function InvitationsField({
  form,
  ownerId,
  value,
  onChange,
}: {
  form: FormState;
  ownerId: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const directory = useDirectory();
  return (
    <FieldSet form={form} name="invitedOrganizationIds" legend={t('consultation.invitations')}>
      <Async state={directory}>
        {(orgs) => <InviteeChecks orgs={orgs} ownerId={ownerId} value={value} onChange={onChange} />}
      </Async>
    </FieldSet>
  );
}
