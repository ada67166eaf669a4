import { createHash } from 'node:crypto';
import type {
  GoodIdeaSummaryResponse,
  ListPublicGoodIdeasDto,
  PublicGoodIdeaResponse,
} from '@tandem/good-ideas';
import { GOOD_IDEA_THEMES, ORGANIZATION_KINDS } from '@tandem/good-ideas';
import { INTEGRATION_DIMENSIONS, TARGET_GROUPS } from '@tandem/programmes';

/**
 * Server-rendered pages of the public catalogue: plain HTML (no script) that search engines and
 * link previews read, with Open Graph tags, a lang and dir per language (Arabic right-to-left),
 * landmarks, labelled controls and a skip link. The JSON API answers the same URLs for clients
 * that ask for JSON.
 */
export type PageLang = 'en' | 'fr' | 'es' | 'ar';
export const PAGE_LANGS: readonly PageLang[] = ['en', 'fr', 'es', 'ar'];
const NAMES: Record<PageLang, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

const UI: Record<PageLang, Record<string, string>> = {
  en: {
    site: 'Tandem',
    catalogue: 'Good ideas that travel',
    intro:
      'Integration practices from cities, judged on four criteria (practical, innovative, successful, transferable), with evidence from the programmes themselves.',
    skip: 'Skip to content',
    languages: 'Languages',
    search: 'Search',
    searchLabel: 'Search words (any language)',
    country: 'Country (ISO code)',
    city: 'City',
    dimension: 'Dimension',
    theme: 'Theme',
    targetGroup: 'Target group',
    partnerKind: 'Partner kind',
    language: 'Available in',
    any: 'Any',
    results: '{n} ideas on this page',
    none: 'No published idea matches these filters.',
    next: 'Next page',
    pages: 'Pages',
    by: 'by',
    back: 'Back to the catalogue',
    summary: 'Summary',
    challenge: 'The challenge',
    approach: 'The approach',
    criteria: 'The four criteria',
    criterion: 'Criterion',
    rating: 'Rating (1–5)',
    rationale: 'Why',
    practical: 'Practical',
    innovative: 'Innovative',
    successful: 'Successful',
    transferable: 'Transferable',
    evidence: 'Evidence from the programme',
    evidenceNote: 'Aggregated figures; any count under 5 people is shown as "<5".',
    snapshot: 'Frozen when published on {d}',
    partners: 'Partners by kind',
    kind: 'Kind',
    level: 'Government level',
    role: 'Role',
    count: 'Organisations',
    indicators: 'Indicators',
    indicator: 'Indicator',
    baseline: 'Baseline',
    latest: 'Latest',
    target: 'Target',
    gapChange: 'Change of the gap',
    consultations: 'Consultations: you said, we did',
    retention: 'Job retention of placed participants',
    months: 'Months after placement',
    answered: 'Check-ins answered',
    retained: 'Still employed',
    recognised: 'Recognised by',
    travelled: 'Where it has travelled',
    adaptedFrom: 'Adapted from',
    resources: 'Resources',
    notYet: 'Nothing yet.',
    feed: 'Newly published ideas (Atom feed)',
    started: 'Started',
  },
  fr: {
    site: 'Tandem',
    catalogue: 'Les bonnes idées qui voyagent',
    intro:
      "Pratiques d'intégration des villes, évaluées selon quatre critères (pratique, innovante, réussie, transférable), avec les données des programmes eux-mêmes.",
    skip: 'Aller au contenu',
    languages: 'Langues',
    search: 'Rechercher',
    searchLabel: 'Mots recherchés (toute langue)',
    country: 'Pays (code ISO)',
    city: 'Ville',
    dimension: 'Dimension',
    theme: 'Thème',
    targetGroup: 'Public cible',
    partnerKind: 'Type de partenaire',
    language: 'Disponible en',
    any: 'Tous',
    results: '{n} idées sur cette page',
    none: 'Aucune idée publiée ne correspond à ces filtres.',
    next: 'Page suivante',
    pages: 'Pages',
    by: 'par',
    back: 'Retour au catalogue',
    summary: 'Résumé',
    challenge: 'Le défi',
    approach: "L'approche",
    criteria: 'Les quatre critères',
    criterion: 'Critère',
    rating: 'Note (1–5)',
    rationale: 'Pourquoi',
    practical: 'Pratique',
    innovative: 'Innovante',
    successful: 'Réussie',
    transferable: 'Transférable',
    evidence: 'Données du programme',
    evidenceNote: 'Chiffres agrégés ; tout effectif inférieur à 5 personnes est affiché « <5 ».',
    snapshot: 'Figées à la publication le {d}',
    partners: 'Partenaires par type',
    kind: 'Type',
    level: 'Niveau de gouvernement',
    role: 'Rôle',
    count: 'Organisations',
    indicators: 'Indicateurs',
    indicator: 'Indicateur',
    baseline: 'Référence',
    latest: 'Dernière valeur',
    target: 'Cible',
    gapChange: "Évolution de l'écart",
    consultations: 'Consultations : vous avez dit, nous avons fait',
    retention: "Maintien dans l'emploi des participants placés",
    months: 'Mois après le placement',
    answered: 'Suivis répondus',
    retained: 'Toujours en emploi',
    recognised: 'Reconnue par',
    travelled: 'Où elle a voyagé',
    adaptedFrom: 'Adaptée de',
    resources: 'Ressources',
    notYet: 'Rien pour le moment.',
    feed: 'Idées nouvellement publiées (flux Atom)',
    started: 'Début',
  },
  es: {
    site: 'Tandem',
    catalogue: 'Buenas ideas que viajan',
    intro:
      'Prácticas de integración de ciudades, valoradas según cuatro criterios (práctica, innovadora, exitosa, transferible), con datos de los propios programas.',
    skip: 'Ir al contenido',
    languages: 'Idiomas',
    search: 'Buscar',
    searchLabel: 'Palabras (cualquier idioma)',
    country: 'País (código ISO)',
    city: 'Ciudad',
    dimension: 'Dimensión',
    theme: 'Tema',
    targetGroup: 'Grupo destinatario',
    partnerKind: 'Tipo de socio',
    language: 'Disponible en',
    any: 'Cualquiera',
    results: '{n} ideas en esta página',
    none: 'Ninguna idea publicada coincide con estos filtros.',
    next: 'Página siguiente',
    pages: 'Páginas',
    by: 'por',
    back: 'Volver al catálogo',
    summary: 'Resumen',
    challenge: 'El reto',
    approach: 'El enfoque',
    criteria: 'Los cuatro criterios',
    criterion: 'Criterio',
    rating: 'Valoración (1–5)',
    rationale: 'Por qué',
    practical: 'Práctica',
    innovative: 'Innovadora',
    successful: 'Exitosa',
    transferable: 'Transferible',
    evidence: 'Datos del programa',
    evidenceNote: 'Cifras agregadas; todo recuento inferior a 5 personas se muestra como «<5».',
    snapshot: 'Fijados al publicarse el {d}',
    partners: 'Socios por tipo',
    kind: 'Tipo',
    level: 'Nivel de gobierno',
    role: 'Papel',
    count: 'Organizaciones',
    indicators: 'Indicadores',
    indicator: 'Indicador',
    baseline: 'Línea de base',
    latest: 'Último valor',
    target: 'Meta',
    gapChange: 'Cambio de la brecha',
    consultations: 'Consultas: ustedes dijeron, nosotros hicimos',
    retention: 'Permanencia en el empleo de los participantes colocados',
    months: 'Meses tras la colocación',
    answered: 'Seguimientos respondidos',
    retained: 'Siguen empleados',
    recognised: 'Reconocida por',
    travelled: 'Adónde ha viajado',
    adaptedFrom: 'Adaptada de',
    resources: 'Recursos',
    notYet: 'Nada todavía.',
    feed: 'Ideas recién publicadas (canal Atom)',
    started: 'Inicio',
  },
  ar: {
    site: 'تاندم',
    catalogue: 'أفكار جيدة تنتقل بين المدن',
    intro:
      'ممارسات الإدماج في المدن، مقيَّمة وفق أربعة معايير (عملية، مبتكرة، ناجحة، قابلة للنقل)، مع أدلة من البرامج نفسها.',
    skip: 'انتقل إلى المحتوى',
    languages: 'اللغات',
    search: 'بحث',
    searchLabel: 'كلمات البحث (بأي لغة)',
    country: 'البلد (رمز ISO)',
    city: 'المدينة',
    dimension: 'البُعد',
    theme: 'الموضوع',
    targetGroup: 'الفئة المستهدفة',
    partnerKind: 'نوع الشريك',
    language: 'متاحة باللغة',
    any: 'الكل',
    results: '{n} فكرة في هذه الصفحة',
    none: 'لا توجد فكرة منشورة تطابق هذه المرشحات.',
    next: 'الصفحة التالية',
    pages: 'الصفحات',
    by: 'من',
    back: 'العودة إلى الدليل',
    summary: 'ملخص',
    challenge: 'التحدي',
    approach: 'النهج',
    criteria: 'المعايير الأربعة',
    criterion: 'المعيار',
    rating: 'التقييم (1–5)',
    rationale: 'السبب',
    practical: 'عملية',
    innovative: 'مبتكرة',
    successful: 'ناجحة',
    transferable: 'قابلة للنقل',
    evidence: 'أدلة من البرنامج',
    evidenceNote: 'أرقام مجمّعة؛ كل عدد يقل عن 5 أشخاص يظهر «<5».',
    snapshot: 'مجمّدة عند النشر في {d}',
    partners: 'الشركاء حسب النوع',
    kind: 'النوع',
    level: 'مستوى الحكومة',
    role: 'الدور',
    count: 'المنظمات',
    indicators: 'المؤشرات',
    indicator: 'المؤشر',
    baseline: 'خط الأساس',
    latest: 'آخر قيمة',
    target: 'الهدف',
    gapChange: 'تغيّر الفجوة',
    consultations: 'المشاورات: قلتم، وفعلنا',
    retention: 'استمرار المشاركين في العمل',
    months: 'الأشهر بعد التوظيف',
    answered: 'المتابعات المجابة',
    retained: 'ما زالوا يعملون',
    recognised: 'حظيت بتقدير',
    travelled: 'المدن التي انتقلت إليها',
    adaptedFrom: 'مقتبسة من',
    resources: 'موارد',
    notYet: 'لا شيء بعد.',
    feed: 'الأفكار المنشورة حديثًا (موجز Atom)',
    started: 'البداية',
  },
};

export function pageLang(raw: unknown): PageLang {
  return PAGE_LANGS.includes(raw as PageLang) ? (raw as PageLang) : 'en';
}

export const dirOf = (l: string) => (l === 'ar' ? 'rtl' : 'ltr');

export function esc(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const fmt = (s: string, vars: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

const humanize = (s: string) => s.replace(/_/g, ' ');

const CSS = `
:root{color-scheme:light;--fg:#1b1b1b;--muted:#4a4a4a;--accent:#0b5394;--bg:#fff;--line:#c8c8c8}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Tahoma,Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;inset-inline-start:-9999px}.skip:focus{inset-inline-start:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid var(--line)}
header ul{list-style:none;display:flex;gap:1rem;margin:0;padding:0}
form.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.75rem;align-items:end;margin:1rem 0}
form.filters label{display:block;font-weight:600;margin-bottom:.25rem}
input,select,button{font:inherit;padding:.4rem;width:100%;border:1px solid #6b6b6b;border-radius:4px;background:#fff;color:var(--fg)}
button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}
ol.results{list-style:none;padding:0}ol.results li{border-top:1px solid var(--line);padding:1rem 0}
.meta{color:var(--muted)}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:start;vertical-align:top}caption{text-align:start;font-weight:600}
header{flex-wrap:wrap;gap:.5rem}main{overflow-wrap:break-word}.scroll{overflow-x:auto;max-width:100%}
`;
const CSS_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

/** No script at all; only this page's own stylesheet. */
export const PUBLIC_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${CSS_HASH}`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface Head {
  lang: PageLang;
  title: string;
  description: string;
  url: string;
  type: 'website' | 'article';
  alternates: string;
}

/** Where a public page's header and footer point: the good-ideas catalogue unless told otherwise. */
export interface PageSite {
  home: string;
  homeLabel: string;
  feed: string;
  feedLabel: string;
}

export function layout(h: Head, body: string, publicUrl: string, site?: PageSite): string {
  const t = UI[h.lang];
  const s: PageSite = site ?? {
    home: `/public/good-ideas?lang=${h.lang}`,
    homeLabel: `${t.site} · ${t.catalogue}`,
    feed: '/public/good-ideas/feed.atom',
    feedLabel: t.feed,
  };
  const abs = `${publicUrl.replace(/\/$/, '')}${h.url}`;
  const langNav = PAGE_LANGS.map((l) => {
    const href = h.alternates.replace(/([?&])lang=[a-z]+/, `$1lang=${l}`);
    return `<li><a href="${esc(href)}" lang="${l}" hreflang="${l}"${l === h.lang ? ' aria-current="page"' : ''}>${esc(NAMES[l])}</a></li>`;
  }).join('');
  return `<!doctype html>
<html lang="${h.lang}" dir="${dirOf(h.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(h.title)}</title>
<meta name="description" content="${esc(h.description)}">
<link rel="canonical" href="${esc(abs)}">
<link rel="alternate" type="application/atom+xml" title="${esc(s.feedLabel)}" href="${esc(s.feed)}">
<meta property="og:type" content="${h.type}">
<meta property="og:title" content="${esc(h.title)}">
<meta property="og:description" content="${esc(h.description)}">
<meta property="og:url" content="${esc(abs)}">
<meta property="og:site_name" content="Tandem">
<meta property="og:locale" content="${{ en: 'en_GB', fr: 'fr_FR', es: 'es_ES', ar: 'ar_AR' }[h.lang]}">
<meta name="twitter:card" content="summary">
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">${esc(t.skip)}</a>
<header>
<p><a href="${esc(s.home)}">${esc(s.homeLabel)}</a></p>
<nav aria-label="${esc(t.languages)}"><ul>${langNav}</ul></nav>
</header>
<main id="main">
${body}
</main>
<footer><p><a href="${esc(s.feed)}">${esc(s.feedLabel)}</a></p></footer>
</body>
</html>`;
}

function select(
  name: string,
  label: string,
  values: readonly string[],
  current: string | undefined,
  lang: PageLang,
): string {
  const t = UI[lang];
  const opts = [`<option value="">${esc(t.any)}</option>`]
    .concat(
      values.map(
        (v) => `<option value="${esc(v)}"${v === current ? ' selected' : ''}>${esc(humanize(v))}</option>`,
      ),
    )
    .join('');
  return `<div><label for="f-${name}">${esc(label)}</label><select id="f-${name}" name="${name}">${opts}</select></div>`;
}

/** A query string of the parameters that have a value, in their order. */
export const qs = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');

/** A public search page: what it lists, its search form (free text, then `fields`), the results and the next link. */
export interface SearchPage {
  lang: PageLang;
  /** The heading, also the start of the page title. */
  heading: string;
  intro: string;
  /** The page title after the heading. */
  site: string;
  /** Where the page is served: the form's action and the start of its canonical address. */
  path: string;
  /** The page's texts: `search` (the button and the form's name) and `searchLabel`. */
  labels: Record<string, string>;
  q: string | undefined;
  /** The form's other fields, each a line ending in a newline. */
  fields: string;
  results: string;
  next: string;
  /** The page's query string (its filters and language). */
  query: string;
}

export function searchPage(p: SearchPage, publicUrl: string, site?: PageSite): string {
  const body = `<h1>${esc(p.heading)}</h1>
<p>${esc(p.intro)}</p>
<form class="filters" role="search" method="get" action="${p.path}" aria-label="${esc(p.labels.search)}">
<input type="hidden" name="lang" value="${p.lang}">
<div><label for="f-q">${esc(p.labels.searchLabel)}</label><input id="f-q" type="search" name="q" value="${esc(p.q)}"></div>
${p.fields}<div><button type="submit">${esc(p.labels.search)}</button></div>
</form>
${p.results}
${p.next}`;
  const self = `${p.path}?${p.query}`;
  return layout(
    {
      lang: p.lang,
      title: `${p.heading} · ${p.site}`,
      description: p.intro,
      url: self,
      type: 'website',
      alternates: self,
    },
    body,
    publicUrl,
    site,
  );
}

export function renderCatalogue(
  lang: PageLang,
  filter: ListPublicGoodIdeasDto,
  page: { items: GoodIdeaSummaryResponse[]; nextCursor: string | null },
  publicUrl: string,
): string {
  const t = UI[lang];
  const f = {
    q: filter.q,
    country: filter.country,
    city: filter.city,
    dimension: filter.dimension,
    theme: filter.theme,
    targetGroup: filter.targetGroup,
    partnerKind: filter.partnerKind?.[0],
    language: filter.language,
    sdgTarget: filter.sdgTarget,
    gcmObjective: filter.gcmObjective,
  };
  const items = page.items
    .map((i) => {
      const href = `/public/good-ideas/${encodeURIComponent(i.slug)}?lang=${lang}`;
      const ideaLang = i.translations[lang]?.title ? lang : i.languages[0];
      const text = i.translations[ideaLang] ?? { title: i.title, summary: i.summary };
      return `<li><article lang="${esc(ideaLang)}" dir="${dirOf(ideaLang)}">
<h2><a href="${esc(href)}">${esc(text.title)}</a></h2>
<p class="meta">${esc(i.city)}, ${esc(i.country)} · ${esc(i.organizationName)}</p>
<p>${esc(text.summary)}</p>
</article></li>`;
    })
    .join('\n');
  const next = page.nextCursor
    ? `<nav aria-label="${esc(t.pages)}"><a rel="next" href="/public/good-ideas?${esc(qs({ ...f, lang, cursor: page.nextCursor }))}">${esc(t.next)}</a></nav>`
    : '';
  return searchPage(
    {
      lang,
      heading: t.catalogue,
      intro: t.intro,
      site: t.site,
      path: '/public/good-ideas',
      labels: t,
      q: f.q,
      fields: `<div><label for="f-country">${esc(t.country)}</label><input id="f-country" name="country" maxlength="2" value="${esc(f.country)}"></div>
<div><label for="f-city">${esc(t.city)}</label><input id="f-city" name="city" value="${esc(f.city)}"></div>
${select('dimension', t.dimension, INTEGRATION_DIMENSIONS, f.dimension, lang)}
${select('theme', t.theme, GOOD_IDEA_THEMES, f.theme, lang)}
${select('targetGroup', t.targetGroup, TARGET_GROUPS, f.targetGroup, lang)}
${select('partnerKind', t.partnerKind, ORGANIZATION_KINDS, f.partnerKind, lang)}
${select('language', t.language, ['en', 'fr', 'es', 'ar'], f.language, lang)}
`,
      results: `<p role="status">${esc(page.items.length ? fmt(t.results, { n: page.items.length }) : t.none)}</p>
<ol class="results">
${items}
</ol>`,
      next,
      query: qs({ ...f, lang }),
    },
    publicUrl,
  );
}

type Row = (string | number | null | undefined)[];
export function table(caption: string, head: string[], rows: Row[]): string {
  if (!rows.length) return '';
  // Wide tables scroll inside their own focusable region, so a phone's page never scrolls sideways.
  return `<div class="scroll" role="region" tabindex="0" aria-label="${esc(caption)}"><table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c ?? '–')}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

const localized = (text: Record<string, string> | undefined, lang: string, languages: string[]) =>
  (text && (text[lang] || text[languages[0]] || Object.values(text)[0])) ?? '';

function evidenceHtml(e: PublicGoodIdeaResponse['evidence'], lang: PageLang, heading: string): string {
  if (!e) return '';
  const t = UI[lang];
  const partners = table(
    t.partners,
    [t.kind, t.level, t.role, t.count],
    e.partners.map((p) => [humanize(p.kind), p.governmentLevel ?? '', humanize(p.role), p.organizations]),
  );
  const indicators = table(
    t.indicators,
    [t.indicator, t.baseline, t.latest, t.target, t.gapChange],
    (
      e.indicators as {
        name: string;
        unit: string;
        baseline: number;
        target: number;
        latest: { value: number } | null;
        gapChange: number | null;
      }[]
    ).map((i) => [`${i.name} (${i.unit})`, i.baseline, i.latest?.value ?? null, i.target, i.gapChange]),
  );
  const consultations = (
    e.consultations as {
      title: Record<string, string>;
      languages: string[];
      youSaidWeDid: { summary: Record<string, string>; decisions: { text: Record<string, string> }[] };
    }[]
  )
    .map(
      (c) =>
        `<h4>${esc(localized(c.title, lang, c.languages))}</h4><p>${esc(localized(c.youSaidWeDid.summary, lang, c.languages))}</p><ul>${c.youSaidWeDid.decisions
          .map((d) => `<li>${esc(localized(d.text, lang, c.languages))}</li>`)
          .join('')}</ul>`,
    )
    .join('');
  const placements = e.placements as {
    retention: { months: number; answered: unknown; retained: unknown }[];
  };
  const retention = table(
    t.retention,
    [t.months, t.answered, t.retained],
    (placements?.retention ?? []).map((r) => [r.months, String(r.answered), String(r.retained)]),
  );
  return `<section aria-labelledby="ev-${esc(heading)}"><h2 id="ev-${esc(heading)}">${esc(heading === 'live' ? t.evidence : fmt(t.snapshot, { d: String(e.asOf).slice(0, 10) }))}</h2>
<p>${esc(t.evidenceNote)}</p>
${partners}${indicators}${consultations ? `<h3>${esc(t.consultations)}</h3>${consultations}` : ''}${retention}
</section>`;
}

export function renderIdea(lang: PageLang, idea: PublicGoodIdeaResponse, publicUrl: string): string {
  const t = UI[lang];
  const textLang = idea.texts[lang]?.title ? lang : idea.languages[0];
  const text = idea.texts[textLang];
  const criteria = table(
    t.criteria,
    [t.criterion, t.rating, t.rationale],
    idea.assessments.map((a) => [t[a.criterion] ?? a.criterion, a.rating, a.rationale]),
  );
  const recognised = idea.recognitions.length
    ? `<ul>${idea.recognitions.map((r) => `<li><strong>${esc(r.organizationName)}</strong> (${esc(r.city)}, ${esc(r.country)}): ${esc(r.statement)}</li>`).join('')}</ul>`
    : `<p>${esc(t.notYet)}</p>`;
  const travelled = idea.adaptations.length
    ? `<ul>${idea.adaptations
        .map(
          (a) =>
            `<li>${esc(a.city)}, ${esc(a.country)} · ${esc(a.organizationName)} · ${esc(a.startDate)} · ${esc(a.programmeStatus)}${a.childSlug ? ` · <a href="/public/good-ideas/${esc(a.childSlug)}?lang=${lang}">→</a>` : ''}</li>`,
        )
        .join('')}</ul>`
    : `<p>${esc(t.notYet)}</p>`;
  const resources = idea.resources.length
    ? `<section aria-labelledby="h-res"><h2 id="h-res">${esc(t.resources)}</h2><ul>${idea.resources.map((r) => `<li><a href="${esc(r.url)}" rel="nofollow noopener">${esc(r.title)}</a></li>`).join('')}</ul></section>`
    : '';
  const body = `<article>
<div lang="${esc(textLang)}" dir="${dirOf(textLang)}">
<h1>${esc(text.title)}</h1>
<p class="meta">${esc(idea.city)}, ${esc(idea.country)} · ${esc(t.by)} ${esc(idea.organizationName)}${idea.startedOn ? ` · ${esc(t.started)} ${esc(idea.startedOn)}` : ''}</p>
${idea.parentSlug ? `<p>${esc(t.adaptedFrom)} <a href="/public/good-ideas/${esc(idea.parentSlug)}?lang=${lang}">${esc(idea.parentSlug)}</a></p>` : ''}
<section aria-labelledby="h-sum"><h2 id="h-sum">${esc(t.summary)}</h2><p>${esc(text.summary)}</p></section>
<section aria-labelledby="h-ch"><h2 id="h-ch">${esc(t.challenge)}</h2><p>${esc(text.challenge)}</p></section>
<section aria-labelledby="h-ap"><h2 id="h-ap">${esc(t.approach)}</h2><p>${esc(text.approach)}</p></section>
</div>
<section aria-labelledby="h-crit"><h2 id="h-crit">${esc(t.criteria)}</h2>${criteria}</section>
${evidenceHtml(idea.evidence, lang, 'live')}
${evidenceHtml(idea.evidenceSnapshot, lang, 'snapshot')}
<section aria-labelledby="h-rec"><h2 id="h-rec">${esc(t.recognised)}</h2>${recognised}</section>
<section aria-labelledby="h-tr"><h2 id="h-tr">${esc(t.travelled)}</h2>${travelled}</section>
${resources}
<p><a href="/public/good-ideas?lang=${lang}">${esc(t.back)}</a></p>
</article>`;
  const self = `/public/good-ideas/${encodeURIComponent(idea.slug)}?lang=${lang}`;
  return layout(
    {
      lang,
      title: `${text.title} · ${t.catalogue}`,
      description: text.summary.slice(0, 300),
      url: self,
      type: 'article',
      alternates: self,
    },
    body,
    publicUrl,
  );
}

/** Atom 1.0 (RFC 4287) feed of newly published ideas. */
export function renderAtom(items: GoodIdeaSummaryResponse[], publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  const updated = (items[0]?.publishedAt ?? new Date(0)) as Date;
  const entries = items
    .map((i) => {
      const link = `${base}/public/good-ideas/${encodeURIComponent(i.slug)}`;
      return `<entry>
<id>urn:uuid:${i.id}</id>
<title>${esc(i.title)}</title>
<link rel="alternate" type="text/html" href="${esc(link)}"/>
<updated>${new Date(i.publishedAt!).toISOString()}</updated>
<author><name>${esc(i.organizationName)}</name></author>
<summary>${esc(i.summary)}</summary>
<category term="${esc(i.country)}"/>
</entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${esc(base)}/public/good-ideas</id>
<title>Tandem: good ideas that travel</title>
<link rel="self" type="application/atom+xml" href="${esc(base)}/public/good-ideas/feed.atom"/>
<link rel="alternate" type="text/html" href="${esc(base)}/public/good-ideas"/>
<updated>${new Date(updated).toISOString()}</updated>
${entries}
</feed>`;
}
