import { api, call } from '../../api/client';
import { DeadLetter, itemsOf, Page } from '../../api/types';
import { Async, fmtDateTime, PageTitle, useLoad } from '../../components/common';
import { FormAlert, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { AdminNav } from './AdminNav';

/** The queue dashboard (bull-board, served by the api) and the jobs that failed for good. */
export function AdminJobsPage() {
  const { t, lang } = useI18n();
  const open = useApiForm();
  const replay = useApiForm();
  const list = useLoad(
    async () =>
      itemsOf(
        await call<Page<DeadLetter>>(api.GET('/admin/dead-letters', { params: { query: { limit: 50 } } })),
      ),
    [],
  );
  return (
    <>
      <PageTitle>{t('admin.queues')}</PageTitle>
      <AdminNav />
      <section className="card" aria-labelledby="sec-queues">
        <h2 id="sec-queues">{t('admin.queues')}</h2>
        <p>{t('admin.queuesIntro')}</p>
        <FormAlert form={open} />
        <button
          type="button"
          className="primary"
          onClick={() =>
            void open.run(async () => {
              // The dashboard is a server-rendered page: a short-lived cookie opens it (a page load sends no bearer token).
              await call(api.POST('/admin/queues/session'));
              window.location.assign('/admin/queues');
            })
          }
        >
          {t('admin.openQueues')}
        </button>
      </section>
      <section className="card" aria-labelledby="sec-dead">
        <h2 id="sec-dead">{t('admin.deadLetters')}</h2>
        <FormAlert form={replay} />
        <Async state={list}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted">{t('admin.noDeadLetters')}</p>
            ) : (
              <table className="responsive">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.when')}</th>
                    <th scope="col">{t('admin.queue')}</th>
                    <th scope="col">{t('admin.job')}</th>
                    <th scope="col">{t('admin.error')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <tr key={d.id}>
                      <td data-label={t('audit.when')}>{fmtDateTime(d.failedAt, lang)}</td>
                      <td data-label={t('admin.queue')}>{d.queue}</td>
                      <td data-label={t('admin.job')}>
                        {d.jobName} <code>{d.jobId}</code>
                      </td>
                      <td data-label={t('admin.error')}>{d.error}</td>
                      <td>
                        {d.replayedAt ? (
                          fmtDateTime(d.replayedAt, lang)
                        ) : (
                          <button
                            type="button"
                            className="small"
                            onClick={() =>
                              void replay
                                .run(async () => {
                                  await call(
                                    api.POST('/admin/dead-letters/{id}/replay', {
                                      params: { path: { id: d.id } },
                                    }),
                                  );
                                })
                                .then((ok) => ok && list.reload())
                            }
                          >
                            {t('admin.replay')}
                            <span className="visually-hidden">: {d.jobName}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Async>
      </section>
    </>
  );
}
