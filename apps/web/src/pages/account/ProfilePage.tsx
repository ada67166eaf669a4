import { Link } from 'react-router-dom';
import { useMe } from '../../auth';
import { PageTitle } from '../../components/common';
import { useI18n } from '../../i18n';
import { PreferencesSection } from '../notifications/PreferencesSection';

export function ProfilePage() {
  const me = useMe();
  const { t } = useI18n();
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
          <dd>{me.user.preferredLanguage}</dd>
          <dt>{t('profile.role')}</dt>
          <dd>{me.platformRole}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="profile-orgs">
        <h2 id="profile-orgs">{t('profile.organizations')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('org.name')}</th>
              <th scope="col">{t('org.kind')}</th>
              <th scope="col">{t('org.role')}</th>
            </tr>
          </thead>
          <tbody>
            {me.memberships.map((m) => (
              <tr key={m.organizationId}>
                <td>
                  {m.role === 'org_admin' ? (
                    <Link to={`/admin/organizations/${m.organizationId}`}>{m.organizationName}</Link>
                  ) : (
                    m.organizationName
                  )}
                </td>
                <td>{t(`kind.${m.organizationKind}` as 'kind.employer')}</td>
                <td>{m.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PreferencesSection />
    </>
  );
}
