import { ValidateBy, ValidationOptions } from 'class-validator';
import { LocalizedText } from './entities';

/** A language tag such as `en`, `ar`, `pt-BR`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/**
 * `{"en": "…", "ar": "…"}`: at least one language, every key a language tag, every value a string
 * of at most `maxLength` characters. Completeness (every offered language present) is checked when
 * the consultation is scheduled, so drafts can be written one language at a time.
 */
export function IsLocalizedText(maxLength: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalizedText',
      validator: {
        validate: (value: unknown) => isLocalizedText(value, maxLength),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an object of texts by language, such as {"en": "…", "ar": "…"}, each at most ${maxLength} characters`,
      },
    },
    options,
  );
}

export function isLocalizedText(value: unknown, maxLength: number): value is LocalizedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(([k, v]) => LANGUAGE_TAG.test(k) && typeof v === 'string' && v.length <= maxLength)
  );
}

/** The offered languages missing (or blank) in a text. */
export function missingLanguages(text: LocalizedText | null | undefined, languages: string[]): string[] {
  return languages.filter((l) => !text?.[l] || text[l].trim() === '');
}

/** The text in the default language, falling back to any language present. */
export function inDefaultLanguage(text: LocalizedText, languages: string[]): string {
  for (const l of languages) if (text[l]?.trim()) return text[l];
  return Object.values(text).find((t) => t.trim()) ?? '';
}

/** The text in `language` if present, else in the default language. */
export function textIn(text: LocalizedText, language: string, languages: string[]): string {
  return text[language]?.trim() ? text[language] : inDefaultLanguage(text, languages);
}
