import { useEffect, useState } from 'react';
import { api, ApiError, call, download, rawFetch } from '../../api/client';
import { PlacementImport } from '../../api/types';
import { PageTitle, StateBadge, ColumnHeads } from '../../components/common';
import { ApiForm, OrganizationField, RadioList } from '../../form-fields';
import { Field, FieldSet, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { FINISHED, useEmployers } from './constants';

export function ImportPage() {
  const { t } = useI18n();
  const employers = useEmployers();
  const form = useApiForm();
  const [employerOrganizationId, setEmployer] = useState(employers[0]?.organizationId ?? '');
  const [mode, setMode] = useState<'all_or_nothing' | 'valid_rows'>('valid_rows');
  const [file, setFile] = useState<File | null>(null);
  const [current, setCurrent] = useState<PlacementImport | null>(null);

  // Follow the import until the worker is done with it.
  useEffect(() => {
    if (!current || FINISHED.includes(current.status)) return;
    const timer = setTimeout(() => {
      call<PlacementImport>(api.GET('/placements/imports/{id}', { params: { path: { id: current.id } } }))
        .then(setCurrent)
        .catch(() => undefined);
    }, 700);
    return () => clearTimeout(timer);
  }, [current]);

  const pct = current?.totalRows ? Math.round((current.processedRows / current.totalRows) * 100) : 0;
  const startImport = async () => {
    if (!file) throw new ApiError(400, { errors: [{ field: 'file', message: t('import.chooseFile') }] });
    const body = new FormData();
    body.set('file', file);
    body.set('employerOrganizationId', employerOrganizationId);
    body.set('mode', mode);
    const res = await rawFetch('/placements/imports', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    setCurrent((await res.json()) as PlacementImport);
  };
  return (
    <>
      <PageTitle>{t('import.title')}</PageTitle>
      <p>
        {t('import.intro')}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void form.run(() => download('/placements/imports/template.csv', 'placements-template.csv'))
          }
        >
          {t('import.template')}
        </button>
      </p>
      <ApiForm form={form} submit={t('import.submit')} onSubmit={startImport}>
        <OrganizationField
          form={form}
          name="employerOrganizationId"
          label={t('placement.employer')}
          organizations={employers}
          value={employerOrganizationId}
          onChange={(e) => setEmployer(e.target.value)}
        />
        <Field form={form} name="file" label={t('import.file')}>
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <FieldSet form={form} name="mode" legend={t('import.mode')}>
          <RadioList
            name="mode"
            options={[
              { value: 'valid_rows', label: t('import.validRows') },
              { value: 'all_or_nothing', label: t('import.allOrNothing') },
            ]}
            value={mode}
            onChange={setMode}
          />
        </FieldSet>
      </ApiForm>
      {current && (
        <section className="card" aria-labelledby="sec-import" aria-live="polite">
          <h2 id="sec-import">
            {current.fileName} <StateBadge state={current.status} />
          </h2>
          <p>
            <progress max={100} value={pct} aria-label={t('import.progress')} />{' '}
            {t('import.processed', { done: current.processedRows, total: current.totalRows ?? '?' })}
          </p>
          {FINISHED.includes(current.status) && (
            <p className="import-summary">
              {t('import.summary', { created: current.createdCount, errors: current.errorCount })}
            </p>
          )}
          {current.failureReason && <p className="alert alert-error">{current.failureReason}</p>}
          {current.errors.length > 0 && (
            <>
              <table className="row-errors">
                <caption>{t('import.rowErrors')}</caption>
                <ColumnHeads labels={[t('import.row'), t('import.column'), t('import.reason')]} />
                <tbody>
                  {current.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.row}</td>
                      <td>{e.column ?? '—'}</td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                type="button"
                onClick={() =>
                  void form.run(() =>
                    download(
                      `/placements/imports/${current.id}/errors.csv`,
                      `import-${current.id}-errors.csv`,
                    ),
                  )
                }
              >
                {t('import.errorsCsv')}
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
