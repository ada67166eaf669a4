import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';

export function AdminNav() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('admin.nav')} className="subnav">
      <ul>
        <li>
          <Link to="/admin/organizations">{t('admin.organizations')}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{t('admin.audit')}</Link>
        </li>
        <li>
          <Link to="/admin/jobs">{t('admin.queues')}</Link>
        </li>
      </ul>
    </nav>
  );
}
