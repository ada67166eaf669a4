export const SUPPORTED_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar']);

export function pickLanguage(preferred: string | null | undefined): Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(preferred ?? '')
    ? (preferred as Language)
    : 'en';
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Wraps paragraphs and one call to action in a minimal, accessible, direction-aware HTML page. */
export function layout(
  lang: Language,
  title: string,
  paragraphs: string[],
  action: { label: string; url: string },
): string {
  const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;text-align:${align}">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${body}
<p><a href="${escapeHtml(action.url)}" style="background:#0b5cad;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p>
<p style="font-size:12px;color:#555">${escapeHtml(action.url)}</p>
</body>
</html>`;
}
