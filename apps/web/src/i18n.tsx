// Interface text in every language of the console (a typed dictionary per language: a key missing
// in any of them fails the build), plural forms chosen by Intl.PluralRules, numbers and dates
// formatted by Intl for the reader's language, and interpolated values isolated for bidi (an
// English programme title inside an Arabic sentence keeps both in order).
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ar, en, es, fr } from './messages';

export type Key = keyof typeof en;
export const UI_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type RespondKey = Extract<Key, `respond.${string}`>;
/** A message with plural forms: `list.shown` for `list.shown.one`, `list.shown.other`, … */
export type PluralKey = Key extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

/** Each language's own name, as it is written in that language (the switch shows these). */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

const dictionaries: Record<UiLanguage, Record<Key, string>> = { en, fr, es, ar };

export type Params = Record<string, string | number>;
const FSI = '\u2068';
const PDI = '\u2069';

function fill(text: string, lang: string, params?: Params): string {
  if (!params) return text;
  const numbers = new Intl.NumberFormat(lang, { useGrouping: false });
  return text.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    // Numbers in the reader's digits; text values isolated so their direction does not leak.
    return typeof v === 'number' ? numbers.format(v) : isRtl(lang) ? `${FSI}${v}${PDI}` : v;
  });
}

const isUiLanguage = (l: unknown): l is UiLanguage => UI_LANGUAGES.includes(l as UiLanguage);

interface I18n {
  lang: UiLanguage;
  setLang(lang: UiLanguage): void;
  t(key: Key, params?: Params): string;
  /** A message with plural forms, the form chosen for `count` by the language's plural rules. */
  tn(key: PluralKey, count: number, params?: Params): string;
  /** A translated label for an API value (`labelOf('role', 'service_provider')`), else the value. */
  labelOf(prefix: string, value: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);
export const LANGUAGE_STORAGE_KEY = 'tandem.lang';

/** The language chosen in this browser before, else the browser's own if the console has it. */
export function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  if (isUiLanguage(stored)) return stored;
  const browser = navigator.language?.slice(0, 2);
  return isUiLanguage(browser) ? browser : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLanguage>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
  }, [lang]);
  const setLang = useCallback((l: UiLanguage) => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const plurals = new Intl.PluralRules(lang);
    const t = (key: Key, params?: Params) => fill(dict[key] ?? en[key] ?? key, lang, params);
    return {
      lang,
      setLang,
      t,
      tn: (key, count, params) => {
        const form = `${key}.${plurals.select(count)}` as Key;
        const text = dict[form] ?? dict[`${key}.other` as Key];
        return fill(text, lang, { count, ...params });
      },
      labelOf: (prefix, v) => {
        if (!v) return '—';
        const k = `${prefix}.${v}` as Key;
        return k in dict ? t(k) : v;
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export const useT = () => useI18n().t;

/** The respondent form's own text, in the language the respondent answers in. */
export function respondText(language: string, key: RespondKey, params?: Params): string {
  const dict = isUiLanguage(language) ? dictionaries[language] : en;
  return fill(dict[key], language, params);
}

/** A consultation text in the wanted language, else its default language. */
export const localized = (
  text: Record<string, string> | undefined,
  lang: string,
  fallback?: string,
): string => (text && (text[lang] || (fallback ? text[fallback] : '') || Object.values(text)[0])) || '';

export const isRtl = (lang: string) => ['ar', 'fa', 'he', 'ur', 'ps'].includes(lang);
