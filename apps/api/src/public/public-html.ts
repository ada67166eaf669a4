import type {
  ListPublicConsultationsDto,
  PublicConsultationSummary,
  PublicConsultationView,
  PublicQuestionResult,
} from '@tandem/consultations';
import type { TerritoryPageView } from '@tandem/public-pages';
import {
  dirOf,
  esc,
  fmt,
  layout,
  PageLang,
  PageSite,
  qs,
  searchPage,
  table,
} from '../good-ideas/public-pages';

/**
 * Server-rendered public outcomes and territory pages (issue 20), on the good-ideas pages' layout:
 * no script, Open Graph tags, lang and dir (Arabic right-to-left), landmarks, captioned tables.
 * Texts of a consultation are shown in the page's language when the consultation offered it, else
 * in its default language, marked with their own lang and dir.
 */
const UI: Record<PageLang, Record<string, string>> = {
  en: {
    outcomes: 'Consultations: you said, we did',
    intro: 'What governments asked, who took part and what they decided, as the owners chose to publish it.',
    feed: 'Newly published outcomes (Atom feed)',
    search: 'Search',
    searchLabel: 'Search words (any language)',
    none: 'Nothing published yet.',
    next: 'Next page',
    by: 'by',
    dates: 'Open from {a} to {b}; outcome published {c}',
    invited: 'Who was invited',
    audience: 'Open to every organisation',
    kind: 'Kind of organisation',
    count: 'Organisations',
    tookPart: '{n} organisations took part',
    results: 'Results',
    suppressed: 'fewer than {n}',
    note: 'Counts under {n} organisations are not shown, so that no one can be singled out.',
    answer: 'Answer',
    share: 'Share',
    average: 'Average',
    texts: 'What people wrote',
    withheld: 'Written answers are not published.',
    decisions: 'What was decided',
    answers: 'Answers question {q}',
    city: 'Integration in {name}',
    cityIntro: 'Published consultation outcomes, good ideas, listed programmes and official figures.',
    ideas: 'Good ideas from here',
    programmes: 'Programmes',
    programme: 'Programme',
    dimensions: 'Dimensions',
    partners: 'Partners by kind',
    tags: 'SDG targets / GCM objectives',
    profile: 'Migrants and hosts: the official figures',
    year: 'Year',
    migrant: 'Migrants',
    host: 'Hosts',
    gap: 'Gap',
    source: 'Source',
    small: '(small sample)',
  },
  fr: {
    outcomes: 'Consultations : vous avez dit, nous avons fait',
    intro: 'Ce que les autorités ont demandé, qui a participé et ce qui a été décidé, tel que publié.',
    feed: 'Résultats nouvellement publiés (flux Atom)',
    search: 'Rechercher',
    searchLabel: 'Mots recherchés (toute langue)',
    none: 'Rien de publié pour le moment.',
    next: 'Page suivante',
    by: 'par',
    dates: 'Ouverte du {a} au {b} ; résultat publié le {c}',
    invited: 'Organisations invitées',
    audience: 'Ouverte à toutes les organisations',
    kind: "Type d'organisation",
    count: 'Organisations',
    tookPart: '{n} organisations ont participé',
    results: 'Résultats',
    suppressed: 'moins de {n}',
    note: 'Les effectifs inférieurs à {n} organisations ne sont pas affichés, afin que personne ne puisse être identifié.',
    answer: 'Réponse',
    share: 'Part',
    average: 'Moyenne',
    texts: 'Ce qui a été écrit',
    withheld: 'Les réponses écrites ne sont pas publiées.',
    decisions: 'Ce qui a été décidé',
    answers: 'Répond à la question {q}',
    city: 'Intégration à {name}',
    cityIntro: 'Résultats de consultations, bonnes idées, programmes et chiffres officiels.',
    ideas: "Bonnes idées d'ici",
    programmes: 'Programmes',
    programme: 'Programme',
    dimensions: 'Dimensions',
    partners: 'Partenaires par type',
    tags: 'Cibles ODD / objectifs PMM',
    profile: 'Migrants et population d’accueil : les chiffres officiels',
    year: 'Année',
    migrant: 'Migrants',
    host: 'Accueil',
    gap: 'Écart',
    source: 'Source',
    small: '(petit échantillon)',
  },
  es: {
    outcomes: 'Consultas: ustedes dijeron, nosotros hicimos',
    intro: 'Lo que preguntaron los gobiernos, quién participó y qué se decidió, tal como se publicó.',
    feed: 'Resultados recién publicados (canal Atom)',
    search: 'Buscar',
    searchLabel: 'Palabras (cualquier idioma)',
    none: 'Nada publicado todavía.',
    next: 'Página siguiente',
    by: 'por',
    dates: 'Abierta del {a} al {b}; resultado publicado el {c}',
    invited: 'Organizaciones invitadas',
    audience: 'Abierta a todas las organizaciones',
    kind: 'Tipo de organización',
    count: 'Organizaciones',
    tookPart: 'Participaron {n} organizaciones',
    results: 'Resultados',
    suppressed: 'menos de {n}',
    note: 'No se muestran recuentos inferiores a {n} organizaciones, para que nadie pueda ser identificado.',
    answer: 'Respuesta',
    share: 'Proporción',
    average: 'Media',
    texts: 'Lo que se escribió',
    withheld: 'Las respuestas escritas no se publican.',
    decisions: 'Lo que se decidió',
    answers: 'Responde a la pregunta {q}',
    city: 'Integración en {name}',
    cityIntro: 'Resultados de consultas, buenas ideas, programas y cifras oficiales.',
    ideas: 'Buenas ideas de aquí',
    programmes: 'Programas',
    programme: 'Programa',
    dimensions: 'Dimensiones',
    partners: 'Socios por tipo',
    tags: 'Metas ODS / objetivos PMM',
    profile: 'Migrantes y población de acogida: las cifras oficiales',
    year: 'Año',
    migrant: 'Migrantes',
    host: 'Acogida',
    gap: 'Brecha',
    source: 'Fuente',
    small: '(muestra pequeña)',
  },
  ar: {
    outcomes: 'المشاورات: قلتم، وفعلنا',
    intro: 'ما سألت عنه الحكومات، ومن شارك، وما الذي تقرر، كما اختار أصحابها نشره.',
    feed: 'النتائج المنشورة حديثًا (موجز Atom)',
    search: 'بحث',
    searchLabel: 'كلمات البحث (بأي لغة)',
    none: 'لم يُنشر شيء بعد.',
    next: 'الصفحة التالية',
    by: 'من',
    dates: 'مفتوحة من {a} إلى {b}؛ نُشرت النتيجة في {c}',
    invited: 'من دُعي',
    audience: 'مفتوحة لكل المنظمات',
    kind: 'نوع المنظمة',
    count: 'المنظمات',
    tookPart: 'شاركت {n} منظمات',
    results: 'النتائج',
    suppressed: 'أقل من {n}',
    note: 'لا تُعرض الأعداد التي تقل عن {n} منظمات، حتى لا يمكن تمييز أي جهة.',
    answer: 'الإجابة',
    share: 'النسبة',
    average: 'المتوسط',
    texts: 'ما كُتب',
    withheld: 'الإجابات المكتوبة غير منشورة.',
    decisions: 'ما الذي تقرر',
    answers: 'يجيب عن السؤال {q}',
    city: 'الإدماج في {name}',
    cityIntro: 'نتائج المشاورات المنشورة، والأفكار الجيدة، والبرامج، والأرقام الرسمية.',
    ideas: 'أفكار جيدة من هنا',
    programmes: 'البرامج',
    programme: 'البرنامج',
    dimensions: 'الأبعاد',
    partners: 'الشركاء حسب النوع',
    tags: 'غايات أهداف التنمية المستدامة / أهداف الميثاق العالمي للهجرة',
    profile: 'المهاجرون والمجتمع المضيف: الأرقام الرسمية',
    year: 'السنة',
    migrant: 'المهاجرون',
    host: 'المضيفون',
    gap: 'الفجوة',
    source: 'المصدر',
    small: '(عينة صغيرة)',
  },
};

const site = (lang: PageLang): PageSite => ({
  home: `/public/consultations?lang=${lang}`,
  homeLabel: `Tandem · ${UI[lang].outcomes}`,
  feed: '/public/consultations/feed.atom',
  feedLabel: UI[lang].feed,
});

/** The text in the page's language if the consultation offered it, else its default language. */
function pick(
  text: Record<string, string>,
  lang: string,
  languages: string[],
): { text: string; lang: string } {
  const l = text[lang] ? lang : (languages.find((x) => text[x]) ?? Object.keys(text)[0] ?? lang);
  return { text: text[l] ?? '', lang: l };
}
const span = (text: Record<string, string>, lang: string, languages: string[], tag = 'span') => {
  const p = pick(text, lang, languages);
  return `<${tag} lang="${esc(p.lang)}" dir="${dirOf(p.lang)}">${esc(p.text)}</${tag}>`;
};
const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '–');
const human = (s: string) => s.replace(/_/g, ' ');

function summaryItem(c: PublicConsultationSummary, lang: PageLang): string {
  return `<li><article>
<h2><a href="/public/consultations/${esc(c.id)}?lang=${lang}">${span(c.title, lang, c.languages)}</a></h2>
<p class="meta">${esc(c.ownerName)} · ${esc(day(c.outcomePublishedAt))}</p>
<p>${span(c.description, lang, c.languages)}</p>
</article></li>`;
}

export function renderConsultationList(
  lang: PageLang,
  filter: ListPublicConsultationsDto,
  page: { items: PublicConsultationSummary[]; nextCursor: string | null },
  publicUrl: string,
): string {
  const t = UI[lang];
  const f = {
    q: filter.q,
    territory: filter.territory,
    dimension: filter.dimension,
    language: filter.language,
    from: filter.from,
    to: filter.to,
  };
  return searchPage(
    {
      lang,
      heading: t.outcomes,
      intro: t.intro,
      site: 'Tandem',
      path: '/public/consultations',
      labels: t,
      q: filter.q,
      fields: '',
      results: page.items.length
        ? `<ol class="results">${page.items.map((c) => summaryItem(c, lang)).join('\n')}</ol>`
        : `<p>${esc(t.none)}</p>`,
      next: page.nextCursor
        ? `<nav aria-label="${esc(t.next)}"><a rel="next" href="/public/consultations?${esc(qs({ ...f, lang, cursor: page.nextCursor }))}">${esc(t.next)}</a></nav>`
        : '',
      query: qs({ ...f, lang }),
    },
    publicUrl,
    site(lang),
  );
}

function questionHtml(q: PublicQuestionResult, c: PublicConsultationView, lang: PageLang): string {
  const t = UI[lang];
  const n = (v: number | string) => (v === 'suppressed' ? fmt(t.suppressed, { n: c.anonymityThreshold }) : v);
  const pct = (p: number | null) => (p === null ? '–' : `${p}%`);
  const caption = pick(q.prompt, lang, c.languages).text;
  let inner = '';
  if (q.options)
    inner = table(
      `${q.position}. ${caption}`,
      [t.answer, t.count, t.share],
      q.options.map((o) => [pick(o.label, lang, c.languages).text, n(o.count), pct(o.percentage)]),
    );
  if (q.distribution)
    inner =
      table(
        `${q.position}. ${caption}`,
        [t.answer, t.count, t.share],
        q.distribution.map((d) => [d.value, n(d.count), pct(d.percentage)]),
      ) + (q.average != null ? `<p>${esc(t.average)}: ${esc(q.average)}</p>` : '');
  if (q.answers)
    inner = `<h3>${q.position}. ${span(q.prompt, lang, c.languages)}</h3>${
      q.answers.length
        ? `<p>${esc(t.texts)}:</p><ul>${q.answers.map((a) => `<li>${esc(a.text)}</li>`).join('')}</ul>`
        : `<p>${esc(t.withheld)}</p>`
    }`;
  return `<section id="q${q.position}" aria-label="${esc(`${q.position}. ${caption}`)}">${inner}</section>`;
}

export function renderConsultation(lang: PageLang, c: PublicConsultationView, publicUrl: string): string {
  const t = UI[lang];
  const title = pick(c.title, lang, c.languages);
  const invited =
    c.invited.audience === 'all_organizations'
      ? `<p>${esc(t.audience)}</p>`
      : table(
          t.invited,
          [t.kind, t.count],
          c.invited.byKind.map((k) => [human(k.kind), k.count]),
        );
  const took = table(
    fmt(t.tookPart, { n: c.participation.responseCount }),
    [t.kind, t.count],
    c.participation.byKind.map((k) => [
      human(k.kind),
      k.count === 'suppressed' ? fmt(t.suppressed, { n: c.anonymityThreshold }) : k.count,
    ]),
  );
  const decisions = c.outcome.decisions
    .map(
      (d) =>
        `<li>${span(d.text, lang, c.languages)}${d.questionPositions.length ? ` <span class="meta">(${d.questionPositions.map((p) => `<a href="#q${p}">${esc(fmt(t.answers, { q: p }))}</a>`).join(', ')})</span>` : ''}</li>`,
    )
    .join('');
  const body = `<article>
<h1 lang="${esc(title.lang)}" dir="${dirOf(title.lang)}">${esc(title.text)}</h1>
<p class="meta">${esc(t.by)} ${esc(c.ownerName)} · ${esc(fmt(t.dates, { a: day(c.opensAt), b: day(c.closesAt), c: day(c.outcomePublishedAt) }))}</p>
${span(c.description, lang, c.languages, 'p')}
<section aria-labelledby="h-dec"><h2 id="h-dec">${esc(t.decisions)}</h2>${span(c.outcome.summary, lang, c.languages, 'p')}<ul>${decisions}</ul></section>
<section aria-labelledby="h-inv"><h2 id="h-inv">${esc(t.invited)}</h2>${invited}${took}</section>
<section aria-labelledby="h-res"><h2 id="h-res">${esc(t.results)}</h2><p>${esc(fmt(t.note, { n: c.anonymityThreshold }))}</p>
${c.questions.map((q) => questionHtml(q, c, lang)).join('\n')}</section>
</article>`;
  const self = `/public/consultations/${c.id}?lang=${lang}`;
  return layout(
    {
      lang,
      title: `${title.text} · ${t.outcomes}`,
      description: pick(c.outcome.summary, lang, c.languages).text.slice(0, 300),
      url: self,
      type: 'article',
      alternates: self,
    },
    body,
    publicUrl,
    site(lang),
  );
}

export function renderTerritory(lang: PageLang, v: TerritoryPageView, publicUrl: string): string {
  const t = UI[lang];
  const heading = fmt(t.city, { name: v.territory.name });
  const ideas = v.goodIdeas
    .map((i) => {
      const l = i.translations[lang]?.title ? lang : i.languages[0];
      const x = i.translations[l] ?? { title: i.title, summary: i.summary };
      return `<li><article lang="${esc(l)}" dir="${dirOf(l)}"><h3><a href="/public/good-ideas/${esc(i.slug)}?lang=${lang}">${esc(x.title)}</a></h3><p class="meta">${esc(i.organizationName)}</p><p>${esc(x.summary)}</p></article></li>`;
    })
    .join('');
  const programmes = table(
    t.programmes,
    [t.programme, t.dimensions, t.partners, t.tags],
    v.programmes.map((p) => [
      p.title,
      p.dimensions.map(human).join(', '),
      p.partnersByKind.map((k) => `${human(k.kind)}: ${k.count}`).join(', '),
      [...p.sdgTargets, ...p.gcmObjectives.map((g) => `GCM ${g}`)].join(', '),
    ]),
  );
  const profile = v.profile.indicators
    .map((i) =>
      table(
        `${pick(i.name, lang, ['en']).text} (${i.unit})`,
        [t.year, t.migrant, t.host, t.gap, t.source],
        i.trend.map((p) => [
          `${p.period}${p.smallSample ? ` ${t.small}` : ''}`,
          p.migrantValue,
          p.hostValue,
          p.gap,
          p.source,
        ]),
      ),
    )
    .join('');
  const body = `<h1>${esc(heading)}</h1>
<p>${esc(t.cityIntro)}</p>
<section aria-labelledby="h-out"><h2 id="h-out">${esc(t.outcomes)}</h2>${v.outcomes.length ? `<ol class="results">${v.outcomes.map((c) => summaryItem(c, lang)).join('')}</ol>` : `<p>${esc(t.none)}</p>`}</section>
<section aria-labelledby="h-ideas"><h2 id="h-ideas">${esc(t.ideas)}</h2>${ideas ? `<ul class="results">${ideas}</ul>` : `<p>${esc(t.none)}</p>`}</section>
<section aria-labelledby="h-prog"><h2 id="h-prog">${esc(t.programmes)}</h2>${programmes || `<p>${esc(t.none)}</p>`}</section>
<section aria-labelledby="h-prof"><h2 id="h-prof">${esc(t.profile)}</h2>${profile || `<p>${esc(t.none)}</p>`}</section>`;
  const self = `/public/territories/${encodeURIComponent(v.territory.code)}?lang=${lang}`;
  return layout(
    {
      lang,
      title: `${heading} · Tandem`,
      description: t.cityIntro,
      url: self,
      type: 'website',
      alternates: self,
    },
    body,
    publicUrl,
    { ...site(lang), feed: `/public/territories/${encodeURIComponent(v.territory.code)}/feed.atom` },
  );
}

/** Atom 1.0 (RFC 4287): newly public outcomes, and for a territory its newly published good ideas too. */
export function renderOutcomesAtom(
  title: string,
  selfPath: string,
  outcomes: PublicConsultationSummary[],
  ideas: {
    slug: string;
    title: string;
    summary: string;
    organizationName: string;
    publishedAt: Date | null;
  }[],
  publicUrl: string,
): string {
  const base = publicUrl.replace(/\/$/, '');
  const entries = [
    ...outcomes.map((c) => ({
      id: `${base}/public/consultations/${c.id}`,
      title: pick(c.title, c.languages[0], c.languages).text,
      link: `${base}/public/consultations/${c.id}`,
      updated: new Date(c.publicSince),
      author: c.ownerName,
      summary: pick(c.description, c.languages[0], c.languages).text,
    })),
    ...ideas.map((i) => ({
      id: `${base}/public/good-ideas/${i.slug}`,
      title: i.title,
      link: `${base}/public/good-ideas/${encodeURIComponent(i.slug)}`,
      updated: new Date(i.publishedAt ?? 0),
      author: i.organizationName,
      summary: i.summary,
    })),
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime());
  const updated = entries[0]?.updated ?? new Date(0);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${esc(base)}${esc(selfPath)}</id>
<title>${esc(title)}</title>
<link rel="self" type="application/atom+xml" href="${esc(base)}${esc(selfPath)}"/>
<updated>${updated.toISOString()}</updated>
${entries
  .map(
    (e) => `<entry>
<id>${esc(e.id)}</id>
<title>${esc(e.title)}</title>
<link rel="alternate" type="text/html" href="${esc(e.link)}"/>
<updated>${e.updated.toISOString()}</updated>
<author><name>${esc(e.author)}</name></author>
<summary>${esc(e.summary)}</summary>
</entry>`,
  )
  .join('\n')}
</feed>`;
}
