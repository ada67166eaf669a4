import { Paged, pageQuery, usePagedList } from '../../components/PagedTable';
import { refreshAfterChange } from '../../query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Notification, Page } from '../../api/types';
import { fmtDateTime, PageTitle, ItemList } from '../../components/common';
import { useI18n } from '../../i18n';

export function NotificationsPage() {
  const { t, lang } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = usePagedList(
    (cursor) =>
      call<Page<Notification>>(
        api.GET('/notifications', {
          params: { query: pageQuery(cursor, { unread: unreadOnly }) },
        }),
      ),
    [unreadOnly],
  );
  return (
    <>
      <PageTitle
        actions={
          <button
            type="button"
            onClick={async () => {
              await call(api.POST('/notifications/read-all'));
              await refreshAfterChange();
            }}
          >
            {t('notifications.readAll')}
          </button>
        }
      >
        {t('notifications.title')}
      </PageTitle>
      <label className="inline">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />{' '}
        {t('notifications.unreadOnly')}
      </label>
      <Paged list={list} label={t('notifications.title')}>
        {(items) => (
          <ItemList items={items} empty={t('notifications.none')}>
            {(n) => (
              <li key={n.id} className={n.readAt ? '' : 'unread'}>
                <strong>
                  {!n.readAt && <span className="badge badge-open">{t('notifications.new')}</span>}{' '}
                  {subjectPage(n) ? <Link to={subjectPage(n)!}>{n.title}</Link> : n.title}
                </strong>
                <br />
                {n.body}
                <br />
                <span className="muted">{fmtDateTime(n.createdAt, lang)}</span>{' '}
                {!n.readAt && (
                  <button
                    type="button"
                    className="small"
                    onClick={async () => {
                      await call(api.POST('/notifications/{id}/read', { params: { path: { id: n.id } } }));
                      void refreshAfterChange();
                    }}
                  >
                    {t('notifications.markRead')}
                    <span className="visually-hidden">: {n.title}</span>
                  </button>
                )}
              </li>
            )}
          </ItemList>
        )}
      </Paged>
    </>
  );
}

/** The console page of a notification's subject. */
export function subjectPage(n: Pick<Notification, 'subjectType' | 'subjectId'>): string | null {
  switch (n.subjectType) {
    case 'task':
      return `/tasks/${n.subjectId}`;
    case 'programme':
      return `/programmes/${n.subjectId}`;
    case 'consultation':
      return `/consultations/${n.subjectId}`;
    case 'consultation_meeting':
      return '/consultations';
    case 'retention_check':
      return '/check-ins';
    case 'placement':
    case 'placement_import':
      return '/placements';
    case 'report':
    case 'report_schedule':
      return '/reports';
    case 'organization':
      return `/admin/organizations/${n.subjectId}`;
    default:
      return null;
  }
}
