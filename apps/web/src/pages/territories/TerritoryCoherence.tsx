import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Async, Back, PageTitle, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import type { TerritoryCoherence as Coherence } from '../../api/types';

/**
 * The policy-coherence matrix: one table per integration dimension, government levels as rows and
 * policy areas as columns; each cell lists its programmes, and an empty cell says so in words.
 */
export function TerritoryCoherencePage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const [dimension, setDimension] = useState('economic');
  const state = useLoad(
    () => call<Coherence>(api.GET('/territories/{code}/coherence', { params: { path: { code } } })),
    [code],
  );
  return (
    <Async state={state}>
      {(m) => (
        <>
          <Back to={`/territories/${code}`}>{m.territory.name}</Back>
          <PageTitle>{t('measure.coherenceOf', { name: m.territory.name })}</PageTitle>
          <p>
            {t('measure.coherenceSummary', {
              programmes: m.programmeCount,
              mainstreaming: m.mainstreamingCount,
              empty: m.emptyCellCount,
              cells: m.cells.length,
            })}
          </p>
          <label>
            {t('measure.dimension')}{' '}
            <select value={dimension} onChange={(e) => setDimension(e.target.value)}>
              {m.dimensions.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <div className="table-scroll">
            <table className="matrix">
              <caption>{t('measure.matrixCaption', { dimension })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('measure.level')}</th>
                  {m.policyAreas.map((a) => (
                    <th scope="col" key={a}>
                      {a.replace(/_/g, ' ')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.levels.map((level) => (
                  <tr key={level}>
                    <th scope="row">{level}</th>
                    {m.policyAreas.map((area) => {
                      const cell = m.cells.find(
                        (c) => c.level === level && c.policyArea === area && c.dimension === dimension,
                      )!;
                      return (
                        <td key={area} className={cell.empty ? 'cell-empty' : undefined}>
                          {cell.empty ? (
                            <span className="muted">{t('measure.emptyCell')}</span>
                          ) : (
                            <ul className="plain-list">
                              {cell.programmes.map((p) => (
                                <li key={p.id}>
                                  <Link to={`/programmes/${p.id}`}>{p.title}</Link>
                                  {p.mainstreaming && ` (${t('measure.mainstreaming')})`}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Async>
  );
}
