import { Link } from 'react-router-dom';
import { useMe } from '../../auth';
import { DataTable, PageTitle, Card } from '../../components/common';
import { useI18n } from '../../i18n';
import { PreferencesSection } from '../notifications/PreferencesSection';

export function ProfilePage() {
  const me = useMe();
  const { t, labelOf } = useI18n();
  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      <section className="card">
        <dl className="facts">
          <dt>{t('profile.name')}</dt>
          <dd>{me.user.name}</dd>
          <dt>{t('profile.email')}</dt>
          <dd>{me.user.email}</dd>
          <dt>{t('profile.language')}</dt>
          <dd>{labelOf('language', me.user.preferredLanguage)}</dd>
          <dt>{t('profile.role')}</dt>
          <dd>{labelOf('platformRole', me.platformRole)}</dd>
        </dl>
      </section>
      <Card id="profile-orgs" title={t('profile.organizations')}>
        <DataTable
          rows={me.memberships}
          rowKey={(m) => m.organizationId}
          columns={[
            {
              label: t('org.name'),
              cell: (m) =>
                m.role === 'org_admin' ? (
                  <Link to={`/admin/organizations/${m.organizationId}`}>{m.organizationName}</Link>
                ) : (
                  m.organizationName
                ),
            },
            { label: t('org.kind'), cell: (m) => labelOf('kind', m.organizationKind) },
            { label: t('org.role'), cell: (m) => labelOf('memberRole', m.role) },
          ]}
        />
      </Card>
      <PreferencesSection />
    </>
  );
}
