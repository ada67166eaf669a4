import { NavList } from '../../components/NavList';
import { useI18n } from '../../i18n';

export function AdminNav() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('admin.nav')} className="subnav">
      <NavList
        current={false}
        items={[
          { to: '/admin/organizations', label: t('admin.organizations') },
          { to: '/admin/audit', label: t('admin.audit') },
          { to: '/admin/jobs', label: t('admin.queues') },
        ]}
      />
    </nav>
  );
}
