import { allPages } from '../../components/PagedTable';
import { Paged, pageQuery, PagedTable, usePagedList } from '../../components/PagedTable';
import { ReactNode, useEffect, useState } from 'react';
import { api, call, download } from '../../api/client';
import { Consultation, Page, Programme, Report, ReportSchedule } from '../../api/types';
import type { components } from '../../api/schema';
import { fmtDateTime, PageTitle, StateBadge, useLoad, Card, ItemList } from '../../components/common';
import { Progress } from '../../components/charts';
import { ApiForm, InputField, SelectField, SubForm, useFormValues } from '../../form-fields';
import { Field, FormAlert, FormState, useApiForm } from '../../forms';
import { Key, localized, useI18n } from '../../i18n';
import { EnumSelect } from '../../components/EnumSelect';

type Kind = components['schemas']['CreateReportDto']['kind'];

type Format = components['schemas']['CreateReportDto']['format'];

type Cadence = components['schemas']['CreateReportScheduleDto']['cadence'];

/** Which formats each kind comes in (the API's matrix; it refuses any other pair). */
const KIND_FORMATS: Record<Kind, Format[]> = {
  programme_progress: ['json', 'csv', 'xlsx', 'pdf'],
  placements: ['json', 'csv', 'xlsx', 'pdf'],
  consultation: ['json', 'csv', 'xlsx', 'pdf'],
  partnership_matrix: ['json', 'csv', 'xlsx'],
  coverage: ['json', 'csv', 'xlsx', 'pdf'],
  iati_activities: ['xml'],
  good_ideas: ['json', 'csv', 'xlsx', 'pdf'],
  territory_comparison: ['json', 'csv', 'xlsx', 'pdf'],
  coherence: ['json', 'csv', 'xlsx', 'pdf'],
};

const KINDS = Object.keys(KIND_FORMATS) as Kind[];

const FINISHED = ['done', 'failed', 'expired'];

const CADENCES: Cadence[] = ['weekly', 'monthly'];

/** What a report is: its kind, its format, and the kind's parameters. */
interface ReportChoice {
  kind: Kind;
  format: Format;
  parameters: Record<string, string>;
}

const cleanChoice = (r: ReportChoice) => ({ ...r, parameters: cleanParameters(r.parameters) });

/**
 * The report's fields, as requesting one and scheduling one both ask them: kind and format on one
 * row (with `extra` fields after them), then the kind's parameters. Another kind starts its
 * parameters afresh and keeps the format when the kind offers it.
 */
function ReportFields({
  form,
  value,
  onChange,
  extra,
}: {
  form: FormState;
  value: ReportChoice;
  onChange: (value: ReportChoice) => void;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const formats = KIND_FORMATS[value.kind];
  return (
    <>
      <div className="row">
        <SelectField
          form={form}
          name="kind"
          label={t('reports.kind')}
          values={KINDS}
          labels="reportKind"
          value={value.kind}
          onChange={(e) => {
            const kind = e.target.value as Kind;
            const allowed = KIND_FORMATS[kind];
            onChange({
              kind,
              format: allowed.includes(value.format) ? value.format : allowed[0],
              parameters: {},
            });
          }}
        />
        <SelectField
          form={form}
          name="format"
          label={t('reports.format')}
          values={formats}
          optionLabel={(f) => f.toUpperCase()}
          value={value.format}
          onChange={(e) => onChange({ ...value, format: e.target.value as Format })}
        />
        {extra}
      </div>
      <ParametersFields
        form={form}
        kind={value.kind}
        value={value.parameters}
        onChange={(parameters) => onChange({ ...value, parameters })}
      />
    </>
  );
}

/** The kind's parameters: a programme, a consultation or an employer, picked from what the user can see. */
function ParametersFields({
  form,
  kind,
  value,
  onChange,
}: {
  form: ReturnType<typeof useApiForm>;
  kind: Kind;
  value: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
}) {
  const { t, lang } = useI18n();
  const programmes = useLoad(
    async () =>
      await allPages((cursor) =>
        call<Page<Programme>>(api.GET('/programmes', { params: { query: { limit: 100, cursor } } })),
      ),
    [],
  );
  const consultations = useLoad(
    async () =>
      await allPages((cursor) =>
        call<Page<Consultation>>(api.GET('/consultations', { params: { query: { limit: 100, cursor } } })),
      ),
    [],
  );
  if (kind === 'programme_progress' || kind === 'placements')
    return (
      <Field
        form={form}
        name="parameters.programmeId"
        label={kind === 'placements' ? t('reports.programmeOptional') : t('reports.programme')}
      >
        <EnumSelect
          values={(programmes.data ?? []).map((p) => p.id)}
          label={(id) => programmes.data?.find((p) => p.id === id)?.title}
          blank={kind === 'placements' ? t('common.none') : t('common.choose')}
          value={value.programmeId ?? ''}
          onChange={(e) => onChange({ ...value, programmeId: e.target.value })}
        />
      </Field>
    );
  if (kind === 'consultation')
    return (
      <Field form={form} name="parameters.consultationId" label={t('reports.consultation')}>
        <EnumSelect
          values={(consultations.data ?? []).map((c) => c.id)}
          label={(id) => {
            const c = consultations.data?.find((x) => x.id === id);
            return c && localized(c.title, lang, c.defaultLanguage);
          }}
          blank={t('common.choose')}
          value={value.consultationId ?? ''}
          onChange={(e) => onChange({ ...value, consultationId: e.target.value })}
        />
      </Field>
    );
  if (kind === 'coherence')
    return (
      <Field form={form} name="parameters.territoryCode" label={t('measure.territory')}>
        <input
          value={value.territoryCode ?? ''}
          placeholder="PT-NV-riverton"
          onChange={(e) => onChange({ ...value, territoryCode: e.target.value })}
        />
      </Field>
    );
  if (kind === 'territory_comparison')
    return (
      <>
        {(['framework', 'indicator', 'territories'] as const).map((name) => (
          <Field key={name} form={form} name={`parameters.${name}`} label={t(`measure.report.${name}`)}>
            <input
              value={value[name] ?? ''}
              placeholder={
                {
                  framework: 'eu-zaragoza',
                  indicator: 'employment-rate',
                  territories: 'PT-NV-riverton,PT-NV-lakeside',
                }[name]
              }
              onChange={(e) => onChange({ ...value, [name]: e.target.value })}
            />
          </Field>
        ))}
      </>
    );
  return null;
}

const cleanParameters = (p: Record<string, string>) =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => v));

export function ReportsPage() {
  const { t, lang } = useI18n();
  const list = usePagedList(
    (cursor) => call<Page<Report>>(api.GET('/reports', { params: { query: pageQuery(cursor) } })),
    [],
  );
  const form = useApiForm();
  const dl = useApiForm();
  const [report, setReport] = useState<ReportChoice>({
    kind: 'programme_progress',
    format: 'csv',
    parameters: {},
  });

  // Follow reports that are still being built.
  const pending = list.items.some((r) => !FINISHED.includes(r.status));
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(list.reload, 1000);
    return () => clearTimeout(timer);
  });

  const requestReport = async () => {
    await call(
      api.POST('/reports', {
        params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: cleanChoice(report),
      }),
    );
    list.reload();
  };
  return (
    <>
      <PageTitle>{t('reports.title')}</PageTitle>
      <Card id="new-report" title={t('reports.request')}>
        <ApiForm form={form} submit={t('reports.requestSubmit')} onSubmit={requestReport}>
          <ReportFields form={form} value={report} onChange={setReport} />
        </ApiForm>
      </Card>
      <Card id="my-reports" title={t('reports.mine')} aria-live="polite">
        <FormAlert form={dl} />
        <PagedTable
          list={list}
          label={t('reports.title')}
          empty={t('reports.none')}
          columns={[
            { label: t('reports.kind'), cell: (r) => t(`reportKind.${r.kind}` as Key) },
            { label: t('reports.format'), cell: (r) => r.format.toUpperCase() },
            { label: t('reports.requested'), cell: (r) => fmtDateTime(r.createdAt, lang) },
            {
              label: t('reports.status'),
              cell: (r) => (
                <>
                  <StateBadge state={r.status} />{' '}
                  {!FINISHED.includes(r.status) && r.progress !== null && (
                    <Progress
                      value={r.progress}
                      label={t('reports.progressOf', { kind: t(`reportKind.${r.kind}` as Key) })}
                    />
                  )}
                  {r.failureReason && <span className="field-error"> {r.failureReason}</span>}
                </>
              ),
            },
            {
              label: t('common.actions'),
              actions: true,
              cell: (r) =>
                r.status === 'done' && (
                  <button
                    type="button"
                    className="small"
                    onClick={() =>
                      void dl.run(() =>
                        download(
                          r.downloadUrl ?? `/reports/${r.id}/download`,
                          r.fileName ?? `report-${r.id}.${r.format}`,
                        ),
                      )
                    }
                  >
                    {t('reports.download')}
                    <span className="visually-hidden">: {r.fileName}</span>
                  </button>
                ),
            },
          ]}
        />
      </Card>
      <SchedulesSection />
    </>
  );
}

function SchedulesSection() {
  const { t } = useI18n();
  const list = usePagedList(
    (cursor) =>
      call<Page<ReportSchedule>>(api.GET('/report-schedules', { params: { query: pageQuery(cursor) } })),
    [],
  );
  const form = useApiForm();
  const { values: schedule, field, set } = useFormValues(form, { name: '', cadence: 'weekly' as Cadence });
  const [report, setReport] = useState<ReportChoice>({
    kind: 'programme_progress',
    format: 'pdf',
    parameters: {},
  });
  const createSchedule = async () => {
    await call(
      api.POST('/report-schedules', {
        params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: {
          ...(schedule.name ? { name: schedule.name } : {}),
          ...cleanChoice(report),
          cadence: schedule.cadence,
        },
      }),
    );
    set('name', '');
    list.reload();
  };
  return (
    <Card id="schedules" title={t('schedules.title')}>
      <Paged list={list}>
        {(items) => (
          <ItemList items={items} empty={t('schedules.none')}>
            {(s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> · {t(`reportKind.${s.kind}` as Key)} · {s.format.toUpperCase()} ·{' '}
                {t(`cadence.${s.cadence}` as Key)}{' '}
                <button
                  type="button"
                  className="small"
                  onClick={async () => {
                    await call(api.DELETE('/report-schedules/{id}', { params: { path: { id: s.id } } }));
                    list.reload();
                  }}
                >
                  {t('common.delete')}
                  <span className="visually-hidden">: {s.name}</span>
                </button>
              </li>
            )}
          </ItemList>
        )}
      </Paged>
      <SubForm
        form={form}
        title={t('schedules.new')}
        submit={t('schedules.create')}
        onSubmit={createSchedule}
      >
        <InputField label={t('schedules.name')} {...field('name')} />
        <ReportFields
          form={form}
          value={report}
          onChange={setReport}
          extra={
            <SelectField
              label={t('schedules.cadence')}
              values={CADENCES}
              labels="cadence"
              {...field('cadence')}
            />
          }
        />
      </SubForm>
    </Card>
  );
}
