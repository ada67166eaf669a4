// Pickers by name over the code lists the API accepts (GET /classifications): countries and languages
// named in the reader's language by the browser (Intl.DisplayNames), ISCO-08 occupations by their
// official titles, ISIC sections by name. The form keeps the codes.
import { ReactNode, useMemo } from 'react';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Choice, Combobox } from '../../components/Combobox';
import { useLoad } from '../../components/common';
import { Field, FormState } from '../../forms';
import { Key, useI18n } from '../../i18n';

type Classifications = components['schemas']['ClassificationsView'];

let cached: Promise<Classifications> | null = null;

/** The lists are the same for everyone and change with a release: fetched once per page load. */
export function useClassifications() {
  return useLoad(() => {
    cached ??= call<Classifications>(api.GET('/classifications')).catch((e: unknown) => {
      cached = null;
      throw e;
    });
    return cached;
  }, []);
}

const byLabel = (lang: string) => (a: Choice, b: Choice) => a.label.localeCompare(b.label, lang);

/** Names codes with Intl.DisplayNames in the reader's language; a code it cannot name stays a code. */
function named(codes: string[], lang: string, type: 'region' | 'language'): Choice[] {
  const names = new Intl.DisplayNames([lang], { type, fallback: 'code' });
  return codes.map((value) => ({ value, label: names.of(value) ?? value })).sort(byLabel(lang));
}

export function useChoices() {
  const { lang, t } = useI18n();
  const lists = useClassifications();
  return useMemo(() => {
    const data = lists.data;
    if (!data) return null;
    return {
      countries: named(data.countries, lang, 'region'),
      languages: named(data.languages, lang, 'language'),
      occupations: data.occupations
        .map((o) => ({ value: o.code, label: `${o.title[lang] ?? o.title.en} (${o.code})` }))
        .sort(byLabel(lang)),
      sectors: data.sectors.map((s) => ({ value: s, label: `${t(`sector.${s}` as Key)} (${s})` })),
    };
  }, [lists.data, lang, t]);
}

type Choices = NonNullable<ReturnType<typeof useChoices>>;

interface PickerProps {
  value: string;
  onChange(value: string): void;
  list: Choice[];
  label: string;
  id?: string;
  name?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** One code picked by name (country, occupation, sector). */
export function Picker({ list, label, ...rest }: PickerProps) {
  const { t } = useI18n();
  return (
    <Combobox
      {...rest}
      choices={list}
      listLabel={t('picker.listOf', { label })}
      noMatch={t('picker.noMatch')}
    />
  );
}

/** Several languages: a picker that adds, and the chosen ones as removable chips. */
export function LanguagesPicker({
  value,
  onChange,
  choices,
  label,
  ...rest
}: Omit<PickerProps, 'value' | 'onChange' | 'list'> & {
  value: string[];
  onChange(value: string[]): void;
  choices: Choices;
}) {
  const { t } = useI18n();
  const nameOf = (code: string) => choices.languages.find((l) => l.value === code)?.label ?? code;
  return (
    <>
      <Combobox
        {...rest}
        choices={choices.languages.filter((l) => !value.includes(l.value))}
        value=""
        clearOnPick
        onChange={(code) => code && onChange([...value, code])}
        listLabel={t('picker.listOf', { label })}
        noMatch={t('picker.noMatch')}
      />
      {value.length > 0 && (
        <ul className="chips" aria-label={t('picker.chosenLanguages')}>
          {value.map((code) => (
            <li key={code}>
              {nameOf(code)}{' '}
              <button
                type="button"
                className="small"
                aria-label={t('picker.remove', { name: nameOf(code) })}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** An occupation code as "Kitchen helpers (9412)", in the reader's language where shipped. */
export function useOccupationName() {
  const choices = useChoices();
  return (code: string) => choices?.occupations.find((o) => o.value === code)?.label ?? code;
}

/** A labelled `Picker` (the picker is named by the same label) with the API's message for its field. */
export function PickerField({
  form,
  name,
  label,
  hint,
  ...picker
}: {
  form: FormState;
  name: string;
  label: string;
  hint?: ReactNode;
  list: Choice[];
  value: string;
  onChange(value: string): void;
}) {
  return (
    <Field form={form} name={name} label={label} hint={hint}>
      <Picker label={label} {...picker} />
    </Field>
  );
}
