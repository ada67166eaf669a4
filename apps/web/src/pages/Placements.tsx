import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, call, download, rawFetch } from '../api/client';
import {
  CheckIn,
  itemsOf,
  Page,
  Participant,
  Placement,
  PlacementImport,
  PlacementStats,
  Programme,
} from '../api/types';
import type { components } from '../api/schema';
import { orgsOfKind, useMe } from '../auth';
import { BarChart } from '../components/charts';
import { Async, DataTable, fmtDate, PageTitle, StateBadge, today, useLoad } from '../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../forms';
import { Key, useI18n } from '../i18n';

type Sector = components['schemas']['CreatePlacementDto']['sector'];
type Contract = components['schemas']['CreatePlacementDto']['contractType'];
type Gender = components['schemas']['CreateParticipantDto']['gender'];
type Status = components['schemas']['CreateParticipantDto']['statusCategory'];
const SECTORS: Sector[] = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
];
const CONTRACTS: Contract[] = ['permanent', 'fixed_term', 'apprenticeship', 'internship', 'seasonal'];
const GENDERS: Gender[] = ['female', 'male', 'other', 'not_stated'];
const STATUSES: Status[] = ['refugee_or_asylum', 'labour', 'student', 'family', 'other'];
const FINISHED = ['completed', 'rejected', 'failed'];

/** Runs a call whose field errors belong under a prefix on this form (`participant.yearOfBirth`). */
async function prefixed<T>(prefix: string, pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (e) {
    if (e instanceof ApiError && e.problem.errors)
      throw new ApiError(e.status, {
        ...e.problem,
        errors: e.problem.errors.map((x) => ({ ...x, field: `${prefix}.${x.field}` })),
      });
    throw e;
  }
}

function useEmployers() {
  const me = useMe();
  return orgsOfKind(me, 'employer');
}

export function PlacementsPage() {
  const { t, lang } = useI18n();
  const employers = useEmployers();
  const [status, setStatus] = useState('');
  const [sector, setSector] = useState('');
  const list = useLoad(
    async () =>
      itemsOf(
        await call<Page<Placement>>(
          api.GET('/placements', {
            params: {
              query: {
                limit: 100,
                ...(status && { status: status as 'active' | 'ended' }),
                ...(sector && { sector: sector as Sector }),
              },
            },
          }),
        ),
      ),
    [status, sector],
  );
  return (
    <>
      <PageTitle
        actions={
          employers.length > 0 && (
            <>
              <Link className="button primary" to="/placements/new">
                {t('placement.log')}
              </Link>
              <Link className="button" to="/placements/import">
                {t('import.title')}
              </Link>
              <Link className="button" to="/check-ins">
                {t('checkIns.title')}
              </Link>
            </>
          )
        }
      >
        {t('placements.title')}
      </PageTitle>
      <div className="filters" role="group" aria-label={t('placements.filters')}>
        <label>
          {t('placement.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.any')}</option>
            <option value="active">{t('state.active')}</option>
            <option value="ended">{t('state.ended')}</option>
          </select>
        </label>
        <label>
          {t('placement.sector')}
          <select value={sector} onChange={(e) => setSector(e.target.value)}>
            <option value="">{t('common.any')}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {s} — {t(`sector.${s}` as Key)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PlacementFigures />
      <Async state={list}>
        {(items) => (
          <DataTable
            rows={items}
            empty={t('placements.none')}
            columns={[
              {
                label: t('placement.participant'),
                cell: (p) => <code>{p.participantReferenceCode ?? '—'}</code>,
              },
              { label: t('placement.jobTitle'), cell: (p) => p.jobTitle },
              { label: t('placement.sector'), cell: (p) => p.sector },
              { label: t('placement.startDate'), cell: (p) => fmtDate(p.startDate, lang) },
              {
                label: t('placement.contractType'),
                cell: (p) => t(`contract.${p.contractType}` as Key),
              },
              { label: t('placement.status'), cell: (p) => <StateBadge state={p.status} /> },
            ]}
          />
        )}
      </Async>
    </>
  );
}

/** One screen: the (pseudonymous) person and the job, logged in one go. */
export function LogPlacementPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const employers = useEmployers();
  const form = useApiForm();
  const programmes = useLoad(
    async () =>
      itemsOf(
        await call<Page<Programme>>(
          api.GET('/programmes', { params: { query: { limit: 100, status: 'active' } } }),
        ),
      ),
    [],
  );
  const [participantId, setParticipantId] = useState<string | null>(null);
  const [v, setV] = useState({
    employerOrganizationId: employers[0]?.organizationId ?? '',
    programmeId: '',
    yearOfBirth: '',
    gender: 'not_stated',
    countryOfOrigin: '',
    arrivalYear: '',
    statusCategory: 'labour',
    languages: '',
    consentGivenAt: today(),
    consentScope: t('placement.consentScopeDefault'),
    jobTitle: '',
    occupationCode: '',
    sector: 'C',
    startDate: today(),
    contractType: 'permanent',
    hoursPerWeek: '38',
  });
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const num = (s: string) => (s.trim() === '' ? (undefined as unknown as number) : Number(s));
  return (
    <>
      <PageTitle>{t('placement.log')}</PageTitle>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          // The person first (once: a retry after a job error reuses them), then the placement.
          let pid = participantId;
          if (!pid) {
            const created = await prefixed(
              'participant',
              call<Participant>(
                api.POST('/participants', {
                  params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
                  body: {
                    yearOfBirth: num(v.yearOfBirth),
                    gender: v.gender as Gender,
                    countryOfOrigin: v.countryOfOrigin.toUpperCase(),
                    arrivalYear: num(v.arrivalYear),
                    statusCategory: v.statusCategory as Status,
                    languages: v.languages.split(/[,;\s]+/).filter(Boolean),
                    consent: { givenAt: v.consentGivenAt, scope: v.consentScope },
                    organizationId: v.employerOrganizationId,
                    ...(v.programmeId ? { programmeId: v.programmeId } : {}),
                  },
                }),
              ),
            );
            pid = created.id;
            setParticipantId(pid);
          }
          await call(
            api.POST('/placements', {
              params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
              body: {
                participantId: pid,
                employerOrganizationId: v.employerOrganizationId,
                ...(v.programmeId ? { programmeId: v.programmeId } : {}),
                jobTitle: v.jobTitle,
                occupationCode: v.occupationCode,
                sector: v.sector as Sector,
                startDate: v.startDate,
                contractType: v.contractType as Contract,
                hoursPerWeek: num(v.hoursPerWeek),
              },
            }),
          );
          navigate('/placements');
        })}
      >
        <FormAlert form={form} />
        <div className="row">
          <Field form={form} name="employerOrganizationId" label={t('placement.employer')}>
            <select value={v.employerOrganizationId} onChange={change('employerOrganizationId')}>
              {employers.map((m) => (
                <option key={m.organizationId} value={m.organizationId}>
                  {m.organizationName}
                </option>
              ))}
            </select>
          </Field>
          <Field form={form} name="programmeId" label={t('placement.programme')}>
            <select value={v.programmeId} onChange={change('programmeId')}>
              <option value="">{t('common.none')}</option>
              {(programmes.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset disabled={participantId !== null}>
          <legend>{t('placement.person')}</legend>
          <p className="hint">{t('placement.personHint')}</p>
          <div className="row">
            <Field form={form} name="participant.yearOfBirth" label={t('participant.yearOfBirth')}>
              <input inputMode="numeric" value={v.yearOfBirth} onChange={change('yearOfBirth')} />
            </Field>
            <Field form={form} name="participant.gender" label={t('participant.gender')}>
              <select value={v.gender} onChange={change('gender')}>
                {GENDERS.map((g) => (
                  <option key={g} value={g}>
                    {t(`gender.${g}` as Key)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              form={form}
              name="participant.countryOfOrigin"
              label={t('participant.countryOfOrigin')}
              hint={t('programme.countryHint')}
            >
              <input maxLength={2} value={v.countryOfOrigin} onChange={change('countryOfOrigin')} />
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="participant.arrivalYear" label={t('participant.arrivalYear')}>
              <input inputMode="numeric" value={v.arrivalYear} onChange={change('arrivalYear')} />
            </Field>
            <Field form={form} name="participant.statusCategory" label={t('participant.statusCategory')}>
              <select value={v.statusCategory} onChange={change('statusCategory')}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}` as Key)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              form={form}
              name="participant.languages"
              label={t('participant.languages')}
              hint={t('participant.languagesHint')}
            >
              <input value={v.languages} onChange={change('languages')} />
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="participant.consent.givenAt" label={t('participant.consentGivenAt')}>
              <input type="date" value={v.consentGivenAt} onChange={change('consentGivenAt')} />
            </Field>
            <Field form={form} name="participant.consent.scope" label={t('participant.consentScope')}>
              <input value={v.consentScope} onChange={change('consentScope')} />
            </Field>
          </div>
        </fieldset>
        {participantId && (
          <p role="status" className="alert alert-ok">
            ✓ {t('placement.personSaved')}
          </p>
        )}
        <fieldset>
          <legend>{t('placement.job')}</legend>
          <div className="row">
            <Field form={form} name="jobTitle" label={t('placement.jobTitle')}>
              <input value={v.jobTitle} onChange={change('jobTitle')} />
            </Field>
            <Field
              form={form}
              name="occupationCode"
              label={t('placement.occupationCode')}
              hint={t('placement.occupationHint')}
            >
              <input inputMode="numeric" value={v.occupationCode} onChange={change('occupationCode')} />
            </Field>
            <Field form={form} name="sector" label={t('placement.sector')}>
              <select value={v.sector} onChange={change('sector')}>
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {s} — {t(`sector.${s}` as Key)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="startDate" label={t('placement.startDate')}>
              <input type="date" value={v.startDate} onChange={change('startDate')} />
            </Field>
            <Field form={form} name="contractType" label={t('placement.contractType')}>
              <select value={v.contractType} onChange={change('contractType')}>
                {CONTRACTS.map((c) => (
                  <option key={c} value={c}>
                    {t(`contract.${c}` as Key)}
                  </option>
                ))}
              </select>
            </Field>
            <Field form={form} name="hoursPerWeek" label={t('placement.hoursPerWeek')}>
              <input inputMode="decimal" value={v.hoursPerWeek} onChange={change('hoursPerWeek')} />
            </Field>
          </div>
        </fieldset>
        <SubmitButton form={form}>{t('placement.submit')}</SubmitButton>
      </form>
    </>
  );
}

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
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          if (!file)
            throw new ApiError(400, { errors: [{ field: 'file', message: t('import.chooseFile') }] });
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
        })}
      >
        <FormAlert form={form} />
        <Field form={form} name="employerOrganizationId" label={t('placement.employer')}>
          <select value={employerOrganizationId} onChange={(e) => setEmployer(e.target.value)}>
            {employers.map((m) => (
              <option key={m.organizationId} value={m.organizationId}>
                {m.organizationName}
              </option>
            ))}
          </select>
        </Field>
        <Field form={form} name="file" label={t('import.file')}>
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <FieldSet form={form} name="mode" legend={t('import.mode')}>
          <label className="inline">
            <input
              type="radio"
              name="mode"
              checked={mode === 'valid_rows'}
              onChange={() => setMode('valid_rows')}
            />{' '}
            {t('import.validRows')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name="mode"
              checked={mode === 'all_or_nothing'}
              onChange={() => setMode('all_or_nothing')}
            />{' '}
            {t('import.allOrNothing')}
          </label>
        </FieldSet>
        <SubmitButton form={form}>{t('import.submit')}</SubmitButton>
      </form>
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
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.column')}</th>
                    <th scope="col">{t('import.reason')}</th>
                  </tr>
                </thead>
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

export function CheckInsPage() {
  const { t, lang } = useI18n();
  const data = useLoad(async () => {
    const [checkIns, placements] = await Promise.all([
      call<Page<CheckIn>>(api.GET('/check-ins', { params: { query: { status: 'due', limit: 100 } } })),
      call<Page<Placement>>(api.GET('/placements', { params: { query: { limit: 100 } } })),
    ]);
    return { checkIns: itemsOf(checkIns), placements: new Map(itemsOf(placements).map((p) => [p.id, p])) };
  }, []);
  return (
    <>
      <PageTitle>{t('checkIns.title')}</PageTitle>
      <p>{t('checkIns.intro')}</p>
      <Async state={data}>
        {({ checkIns, placements }) =>
          checkIns.length === 0 ? (
            <p className="muted">{t('checkIns.none')}</p>
          ) : (
            <ul className="list">
              {checkIns.map((c) => (
                <CheckInItem
                  key={c.id}
                  checkIn={c}
                  placement={placements.get(c.placementId)}
                  onAnswered={data.reload}
                  lang={lang}
                />
              ))}
            </ul>
          )
        }
      </Async>
    </>
  );
}

function CheckInItem({
  checkIn: c,
  placement,
  onAnswered,
  lang,
}: {
  checkIn: CheckIn;
  placement?: Placement;
  onAnswered: () => void;
  lang: string;
}) {
  const { t } = useI18n();
  const form = useApiForm();
  const [stillEmployed, setStillEmployed] = useState<boolean | null>(null);
  const [leftOn, setLeftOn] = useState('');
  const [reason, setReason] = useState('');
  const title = t('checkIns.item', {
    months: c.months,
    job: placement?.jobTitle ?? '',
    ref: placement?.participantReferenceCode ?? '',
  });
  return (
    <li className="card">
      <h2 className="h3">{title}</h2>
      <p className="muted">
        {t('checkIns.dueOn')} {fmtDate(c.dueOn, lang)} · {t('placement.startDate')}{' '}
        {fmtDate(placement?.startDate, lang)}
      </p>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          await call(
            api.POST('/check-ins/{id}/answer', {
              params: { path: { id: c.id } },
              body: {
                stillEmployed: stillEmployed as boolean,
                ...(stillEmployed === false
                  ? { leftOn: leftOn || undefined, reason: reason || undefined }
                  : {}),
              },
            }),
          );
          onAnswered();
        })}
      >
        <FormAlert form={form} />
        <FieldSet form={form} name="stillEmployed" legend={t('checkIns.question')}>
          <label className="inline">
            <input
              type="radio"
              name={`still-${c.id}`}
              checked={stillEmployed === true}
              onChange={() => setStillEmployed(true)}
            />{' '}
            {t('common.yes')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name={`still-${c.id}`}
              checked={stillEmployed === false}
              onChange={() => setStillEmployed(false)}
            />{' '}
            {t('common.no')}
          </label>
        </FieldSet>
        {stillEmployed === false && (
          <div className="row">
            <Field form={form} name="leftOn" label={t('checkIns.leftOn')}>
              <input type="date" value={leftOn} onChange={(e) => setLeftOn(e.target.value)} />
            </Field>
            <Field form={form} name="reason" label={t('checkIns.reason')}>
              <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          </div>
        )}
        <SubmitButton form={form}>{t('checkIns.submit')}</SubmitButton>
      </form>
    </li>
  );
}

/** The caller's own figures (an employer's are exact): people by sector and retention at 3/6/12 months. */
function PlacementFigures() {
  const { t } = useI18n();
  const stats = useLoad(() => call<PlacementStats>(api.GET('/placements/stats')), []);
  if (!stats.data || stats.error) return null;
  const s = stats.data;
  if (!s.total.placements) return null;
  return (
    <section className="card" aria-labelledby="sec-figures">
      <h2 id="sec-figures">{t('placements.figures')}</h2>
      <p>{t('placements.totals', { placements: s.total.placements, people: s.total.people })}</p>
      <div className="grid">
        <BarChart
          title={t('placements.bySector')}
          bars={s.bySector.map((c) => ({
            label: `${c.key} — ${t(`sector.${c.key}` as Key)}`,
            value: typeof c.people === 'number' ? c.people : 0,
            display: String(c.people),
          }))}
        />
        <table>
          <caption>{t('placements.retention')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('placements.months')}</th>
              <th scope="col">{t('placements.answered')}</th>
              <th scope="col">{t('placements.stayed')}</th>
              <th scope="col">{t('placements.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {s.retention.map((r) => (
              <tr key={r.months}>
                <th scope="row">{r.months}</th>
                <td>{r.answered}</td>
                <td>{r.retained}</td>
                <td>{r.rate === null ? '—' : `${Math.round(r.rate * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
