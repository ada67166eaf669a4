import { PagedTable, pageQuery, usePagedList } from '../../components/PagedTable';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { AuditEvent, Page } from '../../api/types';
import { fmtDateTime, PageTitle } from '../../components/common';
import { InputField, SelectField, useFormValues } from '../../form-fields';
import { FormAlert, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { AdminNav } from './AdminNav';
import { AUDIT_RECORD_TYPES } from './audit-records';

type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

export function AdminAuditPage() {
  const { t, lang, labelOf } = useI18n();
  const [filter, setFilter] = useState({ entityType: '', entityId: '' });
  const form = useApiForm();
  const { values, field } = useFormValues(form, filter);
  const list = usePagedList(
    (cursor) =>
      call<Page<AuditEvent>>(
        api.GET('/audit-events', {
          params: {
            query: pageQuery(cursor, filter),
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
        onSubmit={form.onSubmit(async () => setFilter(values))}
      >
        <FormAlert form={form} />
        <SelectField
          label={t('audit.entityType')}
          values={AUDIT_RECORD_TYPES}
          labels="audit.record"
          blank={t('common.any')}
          {...field('entityType')}
          value={values.entityType as AuditRecordType | ''}
        />
        <InputField label={t('audit.entityId')} {...field('entityId')} />
        <button type="submit">{t('common.search')}</button>
      </form>
      <PagedTable
        list={list}
        label={t('admin.audit')}
        className="responsive audit"
        columns={[
          { label: t('audit.when'), cell: (e) => fmtDateTime(e.occurredAt, lang) },
          { label: t('audit.action'), cell: (e) => labelOf('audit.action', e.action) },
          {
            label: t('audit.entity'),
            cell: (e) => (
              <>
                {labelOf('audit.record', e.entityType)} <code>{e.entityId.slice(0, 8)}</code>
              </>
            ),
          },
          {
            label: t('audit.actor'),
            cell: (e) =>
              e.actorUserId ? (e.actorName ?? <code>{e.actorUserId.slice(0, 8)}</code>) : t('history.system'),
          },
          { label: t('audit.changes'), cell: (e) => Object.keys(e.changes ?? {}).join(', ') },
        ]}
      />
    </>
  );
}
