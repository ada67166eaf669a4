import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Consultation, Page } from '../../api/types';
import { orgsOfKind, useMe } from '../../auth';
import { fmtDateTime, PageTitle, StateBadge, ButtonLink } from '../../components/common';
import { pageQuery, PagedTable, usePagedList } from '../../components/PagedTable';
import { localized, useI18n } from '../../i18n';

export function ConsultationsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const list = usePagedList(
    (cursor) => call<Page<Consultation>>(api.GET('/consultations', { params: { query: pageQuery(cursor) } })),
    [],
  );
  const mine = new Set(me.memberships.map((m) => m.organizationId));
  const government = orgsOfKind(me, 'government').length > 0;
  return (
    <>
      <PageTitle
        actions={
          government && (
            <ButtonLink to="/consultations/new" primary>
              {t('consultation.new')}
            </ButtonLink>
          )
        }
      >
        {t('consultations.title')}
      </PageTitle>
      <PagedTable
        list={list}
        label={t('consultations.title')}
        empty={t('consultations.none')}
        columns={[
          {
            label: t('consultation.titleLabel'),
            cell: (c) => (
              <Link
                to={mine.has(c.organizationId) ? `/consultations/${c.id}` : `/consultations/${c.id}/respond`}
              >
                {localized(c.title, lang, c.defaultLanguage)}
              </Link>
            ),
          },
          { label: t('consultation.status'), cell: (c) => <StateBadge state={c.status} /> },
          { label: t('consultation.opens'), cell: (c) => fmtDateTime(c.opensAt, lang) },
          { label: t('consultation.closes'), cell: (c) => fmtDateTime(c.closesAt, lang) },
          {
            label: t('common.actions'),
            actions: true,
            cell: (c) =>
              c.status === 'outcome_published' && (
                <Link to={`/consultations/${c.id}/outcome`}>{t('consultation.outcome')}</Link>
              ),
          },
        ]}
      />
    </>
  );
}
