// Interface text in English and French (a typed dictionary: a key missing in French fails the
// build), plus Arabic for the respondent's consultation form (keys starting with "respond.").
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ar, en, fr } from './messages';

export type Key = keyof typeof en;
export type UiLanguage = 'en' | 'fr';
export type RespondKey = Extract<Key, `respond.${string}`>;

const dictionaries: Record<UiLanguage, Record<Key, string>> = { en, fr };
const respondDictionaries: Record<string, Record<RespondKey, string>> = { en, fr, ar };

export type Params = Record<string, string | number>;
const fill = (text: string, params?: Params) =>
  params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)) : text;

interface I18n {
  lang: UiLanguage;
  setLang(lang: UiLanguage): void;
  t(key: Key, params?: Params): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'tandem.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLanguage>(() =>
    localStorage.getItem(STORAGE_KEY) === 'fr' ? 'fr' : 'en',
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = 'ltr';
  }, [lang]);
  const setLang = useCallback((l: UiLanguage) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const t = useCallback((key: Key, params?: Params) => fill(dictionaries[lang][key] ?? key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export const useT = () => useI18n().t;

/** The respondent form's own text, in the language the respondent answers in (ar, en, fr). */
export function respondText(language: string, key: RespondKey, params?: Params): string {
  return fill((respondDictionaries[language] ?? en)[key], params);
}

/** A consultation text in the wanted language, else its default language. */
export const localized = (
  text: Record<string, string> | undefined,
  lang: string,
  fallback?: string,
): string => (text && (text[lang] || (fallback ? text[fallback] : '') || Object.values(text)[0])) || '';

export const isRtl = (lang: string) => ['ar', 'fa', 'he', 'ur', 'ps'].includes(lang);
