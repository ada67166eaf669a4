import { ConfirmButton } from '../../components/ConfirmDialog';
import { pageQuery, PagedTable, usePagedList } from '../../components/PagedTable';
import { api, call } from '../../api/client';
import { DeadLetter, Page } from '../../api/types';
import { fmtDateTime, PageTitle, Card } from '../../components/common';
import { FormAlert, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { AdminNav } from './AdminNav';

/** The queue dashboard (bull-board, served by the api) and the jobs that failed for good. */
export function AdminJobsPage() {
  const { t, lang } = useI18n();
  const open = useApiForm();
  const replay = useApiForm();
  const list = usePagedList(
    (cursor) =>
      call<Page<DeadLetter>>(api.GET('/admin/dead-letters', { params: { query: pageQuery(cursor) } })),
    [],
  );
  return (
    <>
      <PageTitle>{t('admin.queues')}</PageTitle>
      <AdminNav />
      <Card id="sec-queues" title={t('admin.queues')}>
        <p>{t('admin.queuesIntro')}</p>
        <FormAlert form={open} />
        <button
          type="button"
          className="primary"
          onClick={() =>
            void open.run(
              async () => {
                // The dashboard is a server-rendered page: a short-lived cookie opens it (a page load sends no bearer token).
                await call(api.POST('/admin/queues/session'));
                window.location.assign('/admin/queues');
              },
              { refresh: false },
            )
          }
        >
          {t('admin.openQueues')}
        </button>
      </Card>
      <Card id="sec-dead" title={t('admin.deadLetters')}>
        <FormAlert form={replay} />
        <PagedTable
          list={list}
          label={t('admin.deadLetters')}
          empty={t('admin.noDeadLetters')}
          columns={[
            { label: t('audit.when'), cell: (d) => fmtDateTime(d.failedAt, lang) },
            { label: t('admin.queue'), cell: (d) => d.queue },
            {
              label: t('admin.job'),
              cell: (d) => (
                <>
                  {d.jobName} <code>{d.jobId}</code>
                </>
              ),
            },
            { label: t('admin.error'), cell: (d) => d.error },
            {
              label: t('common.actions'),
              actions: true,
              cell: (d) =>
                d.replayedAt ? (
                  fmtDateTime(d.replayedAt, lang)
                ) : (
                  <ConfirmButton
                    form={replay}
                    className="small"
                    row={d.jobName}
                    ask={{
                      title: t('confirm.actionTitle', { action: t('admin.replay'), title: d.jobName }),
                      body: t('confirm.job.replay'),
                      confirm: t('admin.replay'),
                    }}
                    action={async () => {
                      await call(
                        api.POST('/admin/dead-letters/{id}/replay', { params: { path: { id: d.id } } }),
                      );
                    }}
                  >
                    {t('admin.replay')}
                  </ConfirmButton>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
