import { Paged, PAGE_SIZE, usePagedList } from '../../components/PagedTable';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { AuditEvent, Page } from '../../api/types';
import { fmtDateTime, PageTitle } from '../../components/common';
import { Field, FormAlert, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { AdminNav } from './AdminNav';
import { EnumSelect } from '../../components/EnumSelect';
import { AUDIT_RECORD_TYPES } from './audit-records';

type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

export function AdminAuditPage() {
  const { t, lang, labelOf } = useI18n();
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [filter, setFilter] = useState({ entityType: '', entityId: '' });
  const form = useApiForm();
  const list = usePagedList(
    (cursor) =>
      call<Page<AuditEvent>>(
        api.GET('/audit-events', {
          params: {
            query: {
              limit: PAGE_SIZE,
              cursor,
              ...(filter.entityType && { entityType: filter.entityType }),
              ...(filter.entityId && { entityId: filter.entityId }),
            },
          },
        }),
      ),
    [filter],
  );
  return (
    <>
      <PageTitle>{t('admin.audit')}</PageTitle>
      <AdminNav />
      <form
        className="filters"
        role="search"
        aria-label={t('admin.auditFilters')}
        noValidate
        onSubmit={form.onSubmit(async () => setFilter({ entityType, entityId }))}
      >
        <FormAlert form={form} />
        <Field form={form} name="entityType" label={t('audit.entityType')}>
          <EnumSelect
            values={AUDIT_RECORD_TYPES}
            labels="audit.record"
            blank={t('common.any')}
            value={entityType as AuditRecordType | ''}
            onChange={(e) => setEntityType(e.target.value)}
          />
        </Field>
        <Field form={form} name="entityId" label={t('audit.entityId')}>
          <input value={entityId} onChange={(e) => setEntityId(e.target.value)} />
        </Field>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Paged list={list} label={t('admin.audit')}>
        {(items) => (
          <table className="responsive audit">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('audit.when')}>{fmtDateTime(e.occurredAt, lang)}</td>
                  <td data-label={t('audit.action')}>{labelOf('audit.action', e.action)}</td>
                  <td data-label={t('audit.entity')}>
                    {labelOf('audit.record', e.entityType)} <code>{e.entityId.slice(0, 8)}</code>
                  </td>
                  <td data-label={t('audit.actor')}>
                    {e.actorUserId
                      ? (e.actorName ?? <code>{e.actorUserId.slice(0, 8)}</code>)
                      : t('history.system')}
                  </td>
                  <td data-label={t('audit.changes')}>{Object.keys(e.changes ?? {}).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Paged>
    </>
  );
}
