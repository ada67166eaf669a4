import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Async, Back, PageTitle, useLoad } from '../../components/common';
import { localized, useI18n } from '../../i18n';
import { GapChart } from './GapChart';
import type { Territory, TerritoryProfile as Profile } from '../../api/types';
import { fmt, signed } from './format';

/** Every territory, with links to its profile and coherence matrix, and to the comparison view. */
export function TerritoriesPage() {
  const { t } = useI18n();
  const state = useLoad(() => call<Territory[]>(api.GET('/territories')), []);
  return (
    <>
      <PageTitle actions={<Link to="/territories/compare">{t('measure.compare')}</Link>}>
        {t('measure.territories')}
      </PageTitle>
      <Async state={state}>
        {(territories) =>
          territories.length ? (
            <ul className="plain-list">
              {territories.map((x) => (
                <li key={x.code}>
                  <Link to={`/territories/${x.code}`}>{x.name}</Link> <span className="muted">{x.code}</span>{' '}
                  · <Link to={`/territories/${x.code}/coherence`}>{t('measure.coherence')}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('measure.noTerritories')}</p>
          )
        }
      </Async>
    </>
  );
}

/** A territory's integration profile: the gap over time per indicator, as a chart and a table. */
export function TerritoryProfilePage() {
  const { code = '' } = useParams();
  const { t, lang } = useI18n();
  const state = useLoad(
    () => call<Profile>(api.GET('/territories/{code}/profile', { params: { path: { code } } })),
    [code],
  );
  return (
    <Async state={state}>
      {(profile) => (
        <>
          <Back to="/territories">{t('measure.territories')}</Back>
          <PageTitle actions={<Link to={`/territories/${code}/coherence`}>{t('measure.coherence')}</Link>}>
            {t('measure.profileOf', { name: profile.territory.name })}
          </PageTitle>
          <p className="muted">{t('measure.convention')}</p>
          {!profile.indicators.length && <p>{t('measure.noData')}</p>}
          {profile.indicators.map((row) => (
            <section key={row.indicator.code} className="card" aria-labelledby={`h-${row.indicator.code}`}>
              <h2 id={`h-${row.indicator.code}`}>{localized(row.indicator.name, lang)}</h2>
              <p className="muted">
                {localized(row.indicator.definition, lang)} ({row.indicator.code},{' '}
                {row.indicator.direction === 'increase'
                  ? t('measure.higherBetter')
                  : t('measure.lowerBetter')}
                )
              </p>
              <p>
                {t('measure.latest', {
                  period: row.latest.period,
                  migrant: fmt(row.latest.migrantValue, lang),
                  host: fmt(row.latest.hostValue, lang),
                  gap: signed(row.latest.gap, lang),
                  unit: row.indicator.unit,
                })}
                {row.change &&
                  ` ${t(row.change.favourableChange >= 0 ? 'measure.improved' : 'measure.worsened', {
                    change: signed(row.change.change, lang),
                    from: row.change.fromPeriod,
                  })}`}
              </p>
              <GapChart title={t('measure.gapOverTime')} unit={row.indicator.unit} points={row.trend} />
              {row.programmes.length > 0 && (
                <>
                  <h3>{t('measure.programmes')}</h3>
                  <ul>
                    {row.programmes.map((p) => (
                      <li key={p.id}>
                        <Link to={`/programmes/${p.id}`}>{p.title}</Link>
                        <ul>
                          {p.indicators.map((i) => (
                            <li key={i.id}>
                              {i.name}: {fmt(i.latestValue, lang)}
                              {i.officialGap !== null &&
                                ` — ${t('measure.vsOfficial', { official: signed(i.officialGap, lang), diff: signed(i.differenceFromOfficial, lang) })}`}
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </>
      )}
    </Async>
  );
}
