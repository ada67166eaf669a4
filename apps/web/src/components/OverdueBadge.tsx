import { useT } from '../i18n';

/** The warning badge of a task or milestone past its due date. */
export function OverdueBadge() {
  const t = useT();
  return (
    <span className="badge badge-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('task.overdue')}
    </span>
  );
}
