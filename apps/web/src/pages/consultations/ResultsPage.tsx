import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call, download } from '../../api/client';
import { ConsultationResults, Localized } from '../../api/types';
import { useMe } from '../../auth';
import { BarChart } from '../../components/charts';
import { Async, Back, fmtDateTime, PageTitle, useLoad, Card } from '../../components/common';
import { FormAlert, useApiForm } from '../../forms';
import { isRtl, Key, localized, respondText, useI18n } from '../../i18n';
import { LANGUAGE_NAMES, LanguageSelect, loadConsultation } from './shared';
import { PublicOutcomeControls } from '../public/PublicOutcomeControls';

export function ConsultationResultsPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const consultation = useLoad(() => loadConsultation(id), [id]);
  const results = useLoad(
    () => call<ConsultationResults>(api.GET('/consultations/{id}/results', { params: { path: { id } } })),
    [id],
  );
  const dl = useApiForm();
  // Anonymous consultations hide cells under their threshold: the API sends "suppressed" for them.
  const count = (n: number | 'suppressed') => (n === 'suppressed' ? t('results.suppressed') : String(n));
  const share = (pct: number | null, n: number | 'suppressed') =>
    pct === null ? t('results.suppressed') : `${pct}% (${count(n)})`;
  return (
    <>
      <Back to={`/consultations/${id}`}>{t('consultation.back')}</Back>
      <Async state={consultation}>
        {(c) => (
          <>
            <PageTitle>
              {t('results.title', { title: localized(c.title, lang, c.defaultLanguage) })}
            </PageTitle>
            <Async state={results}>
              {(r) => (
                <>
                  <Card id="sec-participation" title={t('results.participation')}>
                    <p>
                      {t('results.responses', { n: r.responseCount })}
                      {r.participation.responseRate !== null &&
                        ` · ${t('results.rate', {
                          rate: r.participation.responseRate,
                          answered: r.participation.respondedInvitedCount ?? '—',
                          invited: r.participation.invitedCount,
                        })}`}
                    </p>
                    {r.sealed && <p className="muted">{t('results.sealed')}</p>}
                    {r.participation.byKind.length > 0 && (
                      <BarChart
                        title={t('results.byKind')}
                        bars={r.participation.byKind.map((k) => ({
                          label: t(`kind.${k.kind}` as Key),
                          value: typeof k.count === 'number' ? k.count : 0,
                          display: count(k.count),
                        }))}
                      />
                    )}
                    <FormAlert form={dl} />
                    {/* One file per language: prompts and choices as labels in it, never option_1. */}
                    <p className="actions">
                      {c.languages.map((l) => (
                        <button
                          key={l}
                          type="button"
                          onClick={() =>
                            void dl.run(() =>
                              download(
                                `/consultations/${c.id}/results.csv?language=${l}`,
                                `consultation-${c.id}-results-${l}.csv`,
                              ),
                            )
                          }
                        >
                          {t('results.csv')} (<span lang={l}>{LANGUAGE_NAMES[l] ?? l}</span>)
                        </button>
                      ))}
                    </p>
                  </Card>
                  {r.questions.map((q, i) => (
                    <section key={q.questionId} className="card" aria-labelledby={`q-${q.questionId}`}>
                      <h2 id={`q-${q.questionId}`}>
                        {i + 1}. {localized(q.prompt, lang, c.defaultLanguage)}
                      </h2>
                      <p className="muted">
                        {t('results.answered', { answered: q.answered, skipped: q.skipped })}
                      </p>
                      {q.options && (
                        <BarChart
                          title={localized(q.prompt, lang, c.defaultLanguage)}
                          bars={q.options.map((o) => ({
                            label: localized(o.label, lang, c.defaultLanguage),
                            value: o.percentage ?? 0,
                            display: share(o.percentage, o.count),
                          }))}
                          max={100}
                        />
                      )}
                      {q.distribution && (
                        <>
                          <p>{t('results.average', { avg: q.average ?? '—' })}</p>
                          <BarChart
                            title={localized(q.prompt, lang, c.defaultLanguage)}
                            bars={q.distribution.map((d) => ({
                              label: String(d.value),
                              value: d.percentage ?? 0,
                              display: share(d.percentage, d.count),
                            }))}
                            max={100}
                          />
                        </>
                      )}
                      {q.answers && (
                        <ul className="list">
                          {q.answers.map((a, j) => (
                            <li key={j}>
                              <span dir="auto">{a.text}</span>
                              {a.organizationName && <span className="muted"> — {a.organizationName}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </section>
                  ))}
                </>
              )}
            </Async>
          </>
        )}
      </Async>
    </>
  );
}

export function ConsultationOutcomePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const me = useMe();
  const state = useLoad(() => loadConsultation(id), [id]);
  const [language, setLanguage] = useState<string | null>(null);
  return (
    <>
      <Back to="/consultations">{t('consultations.title')}</Back>
      <Async state={state}>
        {(c) => {
          const l =
            language ??
            [me.user.preferredLanguage, lang].find((x) => c.languages.includes(x)) ??
            c.defaultLanguage;
          const text = (x: Localized) => localized(x, l, c.defaultLanguage);
          return (
            <div lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'} className="outcome">
              <PageTitle>{text(c.title)}</PageTitle>
              <label>
                {respondText(l, 'respond.language')}{' '}
                <LanguageSelect languages={c.languages} value={l} onChange={setLanguage} />
              </label>
              {c.outcome ? (
                <Card id="sec-you-said" title={respondText(l, 'respond.outcomeTitle')}>
                  <p>{text(c.outcome.summary)}</p>
                  <h3>{respondText(l, 'respond.decisions')}</h3>
                  <ul className="list">
                    {c.outcome.decisions.map((d, i) => (
                      <li key={i}>{text(d.text)}</li>
                    ))}
                  </ul>
                  <p className="muted">{fmtDateTime(c.outcomePublishedAt, l)}</p>
                  <p>
                    <Link to={`/consultations/${c.id}/results`}>{respondText(l, 'respond.resultsLink')}</Link>
                  </p>
                </Card>
              ) : (
                <p className="muted">{t('outcome.notYet')}</p>
              )}
              <PublicOutcomeControls c={c} reload={state.reload} />
            </div>
          );
        }}
      </Async>
    </>
  );
}
