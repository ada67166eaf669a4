// Number formatting shared by the territory pages.
export const fmt = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined ? '—' : n.toLocaleString(lang, { maximumFractionDigits: 2 });
export const signed = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${fmt(n, lang)}`;
