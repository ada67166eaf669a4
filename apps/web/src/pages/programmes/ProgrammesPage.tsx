import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Page, Programme } from '../../api/types';
import { useMe } from '../../auth';
import { fmtDate, PageTitle, StateBadge, ButtonLink } from '../../components/common';
import { pageQuery, PagedTable, usePagedList } from '../../components/PagedTable';
import { useI18n } from '../../i18n';
import { DIMENSIONS, type Dimension, PROGRAMME_STATUSES } from './constants';
import { FilterSelect } from '../../components/EnumSelect';

export function ProgrammesPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const dimension = params.get('dimension') ?? '';
  const text = params.get('text') ?? '';
  const [draftText, setDraftText] = useState(text);
  const list = usePagedList(
    (cursor) =>
      call<Page<Programme>>(
        api.GET('/programmes', {
          params: {
            query: pageQuery(cursor, {
              status: status as (typeof PROGRAMME_STATUSES)[number],
              dimension: dimension as Dimension,
              text,
            }),
          },
        }),
      ),
    [status, dimension, text],
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  /** A filter kept in the address, so a filtered list can be bookmarked and shared. */
  const filter = (key: string) => ({
    value: params.get(key) ?? '',
    onChange: (value: string) => set(key, value),
  });
  const canCreate = me.memberships.some((m) => m.role === 'org_admin');
  return (
    <>
      <PageTitle
        actions={
          canCreate && (
            <ButtonLink to="/programmes/new" primary>
              {t('programme.new')}
            </ButtonLink>
          )
        }
      >
        {t('programmes.title')}
      </PageTitle>
      <form
        className="filters"
        role="search"
        aria-label={t('programmes.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          set('text', draftText);
        }}
      >
        <label>
          {t('programmes.search')}
          <input type="search" value={draftText} onChange={(e) => setDraftText(e.target.value)} />
        </label>
        <FilterSelect
          label={t('programme.status')}
          values={PROGRAMME_STATUSES}
          labels="state"
          {...filter('status')}
        />
        <FilterSelect
          label={t('programme.dimension')}
          values={DIMENSIONS}
          labels="dimension"
          {...filter('dimension')}
        />
        <button type="submit">{t('common.search')}</button>
      </form>
      <PagedTable
        list={list}
        label={t('programmes.title')}
        empty={t('programmes.none')}
        columns={[
          {
            label: t('programme.title'),
            cell: (p) => <Link to={`/programmes/${p.id}`}>{p.title}</Link>,
          },
          { label: t('programme.status'), cell: (p) => <StateBadge state={p.status} /> },
          {
            label: t('programme.place'),
            cell: (p) => [p.city, p.country].filter(Boolean).join(', '),
          },
          {
            label: t('programme.dates'),
            cell: (p) => `${fmtDate(p.startDate, lang)} – ${fmtDate(p.endDate, lang)}`,
          },
        ]}
      />
    </>
  );
}
