import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Page, Placement, PlacementStats } from '../../api/types';
import { BarChart } from '../../components/charts';
import {
  fmtDate,
  PageTitle,
  StateBadge,
  useLoad,
  Card,
  ButtonLink,
  ColumnHeads,
} from '../../components/common';
import { pageQuery, PagedTable, usePagedList } from '../../components/PagedTable';
import { Key, useI18n } from '../../i18n';
import { SECTORS, type Sector, useEmployers } from './constants';
import { FilterSelect } from '../../components/EnumSelect';

export function PlacementsPage() {
  const { t, lang } = useI18n();
  const employers = useEmployers();
  const [status, setStatus] = useState('');
  const [sector, setSector] = useState('');
  const list = usePagedList(
    (cursor) =>
      call<Page<Placement>>(
        api.GET('/placements', {
          params: {
            query: pageQuery(cursor, { status: status as 'active' | 'ended', sector: sector as Sector }),
          },
        }),
      ),
    [status, sector],
  );
  return (
    <>
      <PageTitle
        actions={
          employers.length > 0 && (
            <>
              <ButtonLink to="/placements/new" primary>
                {t('placement.log')}
              </ButtonLink>
              <ButtonLink to="/placements/import">{t('import.title')}</ButtonLink>
              <ButtonLink to="/check-ins">{t('checkIns.title')}</ButtonLink>
            </>
          )
        }
      >
        {t('placements.title')}
      </PageTitle>
      <div className="filters" role="group" aria-label={t('placements.filters')}>
        <FilterSelect
          label={t('placement.status')}
          values={['active', 'ended']}
          labels="state"
          value={status}
          onChange={setStatus}
        />
        <FilterSelect
          label={t('placement.sector')}
          values={SECTORS}
          optionLabel={(s) => (
            <>
              {s} — {t(`sector.${s}` as Key)}
            </>
          )}
          value={sector}
          onChange={setSector}
        />
      </div>
      <PlacementFigures />
      <PagedTable
        list={list}
        label={t('placements.title')}
        empty={t('placements.none')}
        columns={[
          {
            label: t('placement.participant'),
            cell: (p) => <code>{p.participantReferenceCode ?? '—'}</code>,
          },
          {
            label: t('placement.jobTitle'),
            cell: (p) => (
              <Link
                to={`/placements/${p.id}`}
                aria-label={t('placement.open', {
                  job: p.jobTitle,
                  ref: p.participantReferenceCode ?? '',
                })}
              >
                {p.jobTitle}
              </Link>
            ),
          },
          { label: t('placement.sector'), cell: (p) => t(`sector.${p.sector}` as Key) },
          { label: t('placement.startDate'), cell: (p) => fmtDate(p.startDate, lang) },
          {
            label: t('placement.contractType'),
            cell: (p) => t(`contract.${p.contractType}` as Key),
          },
          { label: t('placement.status'), cell: (p) => <StateBadge state={p.status} /> },
        ]}
      />
    </>
  );
}

/** The caller's own figures (an employer's are exact): people by sector and retention at 3/6/12 months. */
function PlacementFigures() {
  const { t } = useI18n();
  const stats = useLoad(() => call<PlacementStats>(api.GET('/placements/stats')), []);
  if (!stats.data || stats.error) return null;
  const s = stats.data;
  if (!s.total.placements) return null;
  return (
    <Card id="sec-figures" title={t('placements.figures')}>
      <p>{t('placements.totals', { placements: s.total.placements, people: s.total.people })}</p>
      <div className="grid">
        <BarChart
          title={t('placements.bySector')}
          bars={s.bySector.map((c) => ({
            label: `${c.key} — ${t(`sector.${c.key}` as Key)}`,
            value: typeof c.people === 'number' ? c.people : 0,
            display: String(c.people),
          }))}
        />
        <table>
          <caption>{t('placements.retention')}</caption>
          <ColumnHeads
            labels={[
              t('placements.months'),
              t('placements.answered'),
              t('placements.stayed'),
              t('placements.rate'),
            ]}
          />
          <tbody>
            {s.retention.map((r) => (
              <tr key={r.months}>
                <th scope="row">{r.months}</th>
                <td>{r.answered}</td>
                <td>{r.retained}</td>
                <td>{r.rate === null ? '—' : `${Math.round(r.rate * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
