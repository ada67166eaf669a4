import { allPages } from '../../components/PagedTable';
import { Paged, PAGE_SIZE, PagedTable, usePagedList } from '../../components/PagedTable';
import { useEffect, useState } from 'react';
import { api, call, download } from '../../api/client';
import { Consultation, Page, Programme, Report, ReportSchedule } from '../../api/types';
import type { components } from '../../api/schema';
import { fmtDateTime, PageTitle, StateBadge, useLoad, Card, ItemList } from '../../components/common';
import { Progress } from '../../components/charts';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
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

/** The report's kind and a format it comes in: a new kind keeps the format when it still fits. */
function KindAndFormatFields({
  form,
  kind,
  format,
  onKind,
  onFormat,
}: {
  form: ReturnType<typeof useApiForm>;
  kind: Kind;
  format: Format;
  onKind: (kind: Kind) => void;
  onFormat: (format: Format) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field form={form} name="kind" label={t('reports.kind')}>
        <EnumSelect
          values={KINDS}
          labels="reportKind"
          value={kind}
          onChange={(e) => {
            const k = e.target.value as Kind;
            onKind(k);
            if (!KIND_FORMATS[k].includes(format)) onFormat(KIND_FORMATS[k][0]);
          }}
        />
      </Field>
      <Field form={form} name="format" label={t('reports.format')}>
        <EnumSelect
          values={KIND_FORMATS[kind]}
          label={(f) => f.toUpperCase()}
          value={format}
          onChange={(e) => onFormat(e.target.value as Format)}
        />
      </Field>
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
    (cursor) => call<Page<Report>>(api.GET('/reports', { params: { query: { limit: PAGE_SIZE, cursor } } })),
    [],
  );
  const form = useApiForm();
  const dl = useApiForm();
  const [kind, setKind] = useState<Kind>('programme_progress');
  const [format, setFormat] = useState<Format>('csv');
  const [parameters, setParameters] = useState<Record<string, string>>({});

  // Follow reports that are still being built.
  const pending = list.items.some((r) => !FINISHED.includes(r.status));
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(list.reload, 1000);
    return () => clearTimeout(timer);
  });

  return (
    <>
      <PageTitle>{t('reports.title')}</PageTitle>
      <Card id="new-report" title={t('reports.request')}>
        <form
          noValidate
          onSubmit={form.onSubmit(async () => {
            await call(
              api.POST('/reports', {
                params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
                body: { kind, format, parameters: cleanParameters(parameters) },
              }),
            );
            list.reload();
          })}
        >
          <FormAlert form={form} />
          <div className="row">
            <KindAndFormatFields
              form={form}
              kind={kind}
              format={format}
              onKind={(k) => {
                setKind(k);
                setParameters({});
              }}
              onFormat={setFormat}
            />
          </div>
          <ParametersFields form={form} kind={kind} value={parameters} onChange={setParameters} />
          <SubmitButton form={form}>{t('reports.requestSubmit')}</SubmitButton>
        </form>
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
      call<Page<ReportSchedule>>(
        api.GET('/report-schedules', { params: { query: { limit: PAGE_SIZE, cursor } } }),
      ),
    [],
  );
  const form = useApiForm();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('programme_progress');
  const [format, setFormat] = useState<Format>('pdf');
  const [cadence, setCadence] = useState<Cadence>('weekly');
  const [parameters, setParameters] = useState<Record<string, string>>({});
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
      <form
        noValidate
        className="subform"
        aria-labelledby="new-schedule"
        onSubmit={form.onSubmit(async () => {
          await call(
            api.POST('/report-schedules', {
              params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
              body: {
                ...(name ? { name } : {}),
                kind,
                format,
                cadence,
                parameters: cleanParameters(parameters),
              },
            }),
          );
          setName('');
          list.reload();
        })}
      >
        <h3 id="new-schedule">{t('schedules.new')}</h3>
        <FormAlert form={form} />
        <Field form={form} name="name" label={t('schedules.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <div className="row">
          <KindAndFormatFields
            form={form}
            kind={kind}
            format={format}
            onKind={(k) => {
              setKind(k);
              setParameters({});
            }}
            onFormat={setFormat}
          />
          <Field form={form} name="cadence" label={t('schedules.cadence')}>
            <EnumSelect
              values={['weekly', 'monthly'] as const}
              labels="cadence"
              value={cadence}
              onChange={(e) => setCadence(e.target.value as Cadence)}
            />
          </Field>
        </div>
        <ParametersFields form={form} kind={kind} value={parameters} onChange={setParameters} />
        <SubmitButton form={form}>{t('schedules.create')}</SubmitButton>
      </form>
    </Card>
  );
}
