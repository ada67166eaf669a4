import { FormEvent, useState } from 'react';
import { api, call } from '../../api/client';
import { Async, Back, ErrorBox, PageTitle, useLoad, ColumnHeads } from '../../components/common';
import { localized, useI18n } from '../../i18n';
import type { FrameworkIndicator, Territory, TerritoryComparison as Comparison } from '../../api/types';
import { fmt, signed } from './format';

/** Territories ranked by gap and by change in gap for one indicator, with small-sample flags. */
export function TerritoryComparisonPage() {
  const { t, lang } = useI18n();
  const [indicator, setIndicator] = useState('eu-zaragoza:employment-rate');
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<Comparison | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const options = useLoad(
    async () => ({
      territories: await call<Territory[]>(api.GET('/territories')),
      indicators: await call<FrameworkIndicator[]>(
        api.GET('/indicator-frameworks/{code}/indicators', { params: { path: { code: 'eu-zaragoza' } } }),
      ),
    }),
    [],
  );
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setResult(
        await call<Comparison>(
          api.GET('/indicator-frameworks/{code}/comparison', {
            params: {
              path: { code: 'eu-zaragoza' },
              query: { indicator, territories: chosen.join(',') as never },
            },
          }),
        ),
      );
    } catch (err) {
      setError(err as Error);
    }
  }
  return (
    <>
      <Back to="/territories">{t('measure.territories')}</Back>
      <PageTitle>{t('measure.compare')}</PageTitle>
      <Async state={options}>
        {({ territories, indicators }) => (
          <form onSubmit={(e) => void submit(e)} className="form">
            <label>
              {t('measure.indicator')}
              <select value={indicator} onChange={(e) => setIndicator(e.target.value)}>
                {indicators
                  .filter((i) => i.kind === 'gap')
                  .map((i) => (
                    <option key={i.code} value={i.code}>
                      {localized(i.name, lang)}
                    </option>
                  ))}
              </select>
            </label>
            <fieldset>
              <legend>{t('measure.territories')}</legend>
              {territories.map((x) => (
                <label key={x.code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(x.code)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, x.code] : chosen.filter((c) => c !== x.code))
                    }
                  />{' '}
                  {x.name} <span className="muted">{x.code}</span>
                </label>
              ))}
            </fieldset>
            <button type="submit">{t('measure.compare')}</button>
          </form>
        )}
      </Async>
      {error && <ErrorBox error={error} />}
      {result && (
        <table>
          <caption>
            {localized(result.indicator.name, lang)} ({result.indicator.unit}) — {t('measure.rankNote')}
          </caption>
          <ColumnHeads
            labels={[
              t('measure.rankByGap'),
              t('measure.territory'),
              t('measure.period'),
              t('measure.gap', { unit: result.indicator.unit }),
              t('measure.change'),
              t('measure.rankByChange'),
              t('measure.smallSample'),
            ]}
          />
          <tbody>
            {result.territories.map((r) => (
              <tr key={r.territory.code}>
                <td>{r.rankByGap ?? '—'}</td>
                <th scope="row">{r.territory.name}</th>
                <td>{r.latest?.period ?? t('measure.noData')}</td>
                <td>{signed(r.latest?.gap, lang)}</td>
                <td>
                  {r.change
                    ? `${signed(r.change.change, lang)} (${r.change.fromPeriod}–${r.change.toPeriod})`
                    : '—'}
                </td>
                <td>{r.rankByChange ?? '—'}</td>
                <td>{r.smallSample ? `⚠ ${t('common.yes')}` : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result && (
        <p className="muted">{t('measure.figuresNote', { n: fmt(result.territories.length, lang) })}</p>
      )}
    </>
  );
}
