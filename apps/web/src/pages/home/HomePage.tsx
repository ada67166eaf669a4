import { Link } from 'react-router-dom';
import { api, call, ApiError } from '../../api/client';
import { CheckIn, Consultation, itemsOf, Notification, Page, Task } from '../../api/types';
import { orgsOfKind, useMe } from '../../auth';
import { Async, fmtDate, PageTitle, StateBadge, useLoad, Card, AsyncList } from '../../components/common';
import { OverdueBadge } from '../../components/OverdueBadge';
import { localized, useI18n } from '../../i18n';
import { subjectPage } from '../notifications/NotificationsPage';

interface ToAnswer {
  consultation: Consultation;
  answered: boolean;
}

/** A date after an entry of a list, in muted text: " · due 3 May 2026". */
function DateNote({ label, date }: { label: string; date: string | null | undefined }) {
  const { lang } = useI18n();
  return (
    <span className="muted">
      {' '}
      · {label} {fmtDate(date, lang)}
    </span>
  );
}

export function HomePage() {
  const me = useMe();
  const { t, lang } = useI18n();
  const myOrgIds = new Set(me.memberships.map((m) => m.organizationId));
  const employer = orgsOfKind(me, 'employer').length > 0;

  const tasks = useLoad(
    async () => itemsOf(await call<Page<Task>>(api.GET('/me/tasks', { params: { query: { limit: 20 } } }))),
    [],
  );
  const notes = useLoad(
    async () =>
      itemsOf(
        await call<Page<Notification>>(
          api.GET('/notifications', { params: { query: { unread: true, limit: 10 } } }),
        ),
      ),
    [],
  );
  const consultations = useLoad(async () => {
    const open = itemsOf(
      await call<Page<Consultation>>(
        api.GET('/consultations', { params: { query: { status: 'open', limit: 50 } } }),
      ),
    ).filter((c) => !myOrgIds.has(c.organizationId));
    const result: ToAnswer[] = [];
    for (const c of open) {
      // 404: not answered yet; 403: seen but not ours to answer (a platform admin reads them all).
      const answered = await call(
        api.GET('/consultations/{id}/responses/mine', { params: { path: { id: c.id } } }),
      )
        .then(() => true)
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return false;
          if (e instanceof ApiError && e.status === 403) return null;
          throw e;
        });
      if (answered !== null) result.push({ consultation: c, answered });
    }
    return result.filter((r) => !r.answered);
  }, []);
  const checkIns = useLoad(
    async () =>
      employer
        ? itemsOf(
            await call<Page<CheckIn>>(
              api.GET('/check-ins', { params: { query: { status: 'due', limit: 20 } } }),
            ),
          )
        : [],
    [employer],
  );

  return (
    <>
      <PageTitle>{t('home.title', { name: me.user.name })}</PageTitle>
      <div className="grid">
        <Card id="home-tasks" title={t('home.myTasks')}>
          <AsyncList state={tasks} empty={t('home.noTasks')}>
            {(task) => (
              <li key={task.id}>
                <Link to={`/tasks/${task.id}`}>{task.title}</Link> <StateBadge state={task.state} />
                {task.overdue && <OverdueBadge />}
                <DateNote label={t('task.due')} date={task.dueDate} />
              </li>
            )}
          </AsyncList>
        </Card>
        <Card id="home-notes" title={t('home.unread')}>
          <AsyncList state={notes} empty={t('home.noUnread')}>
            {(n) => (
              <li key={n.id}>
                <strong>{subjectPage(n) ? <Link to={subjectPage(n)!}>{n.title}</Link> : n.title}</strong>
                <br />
                <span className="muted">{n.body}</span>
              </li>
            )}
          </AsyncList>
          <p>
            <Link to="/notifications">{t('home.allNotifications')}</Link>
          </p>
        </Card>
        <Card id="home-answer" title={t('home.toAnswer')}>
          <AsyncList state={consultations} empty={t('home.noConsultations')}>
            {({ consultation: c }) => (
              <li key={c.id}>
                <Link to={`/consultations/${c.id}/respond`}>
                  {localized(c.title, lang, c.defaultLanguage)}
                </Link>
                <DateNote label={t('consultation.closes')} date={c.closesAt} />
              </li>
            )}
          </AsyncList>
          {employer && (
            <Async state={checkIns}>
              {(items) => (
                <p>
                  <Link to="/check-ins">{t('home.dueCheckIns', { count: items.length })}</Link>
                </p>
              )}
            </Async>
          )}
        </Card>
      </div>
    </>
  );
}
