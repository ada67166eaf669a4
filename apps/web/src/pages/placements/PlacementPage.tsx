import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Placement } from '../../api/types';
import {
  Async,
  Back,
  DataTable,
  fmtDate,
  PageTitle,
  StateBadge,
  today,
  useLoad,
} from '../../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { type Contract, type Sector } from './constants';
import { JobFields } from './JobFields';
import { useOccupationName } from './pickers';

/** A placement: its details, its check-ins, and (for the employer, while active) edit and end. */
export function PlacementPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const logged = (useLocation().state as { logged?: boolean } | null)?.logged;
  const state = useLoad(
    () => call<Placement>(api.GET('/placements/{id}', { params: { path: { id } } })),
    [id],
  );
  const [notice, setNotice] = useState<string | null>(logged ? t('placement.logged') : null);
  const done = (message: string) => (p: Placement) => {
    state.setData(p);
    setNotice(message);
  };
  return (
    <>
      <Back to="/placements">{t('placements.title')}</Back>
      <Async state={state}>
        {(p) => (
          <>
            <PageTitle>{`${p.jobTitle} · ${p.participantReferenceCode ?? ''}`}</PageTitle>
            {notice && (
              <p role="status" className="alert alert-ok">
                <span aria-hidden="true">✓ </span>
                {notice}
              </p>
            )}
            <PlacementDetails p={p} />
            <CheckInHistory p={p} />
            {p.status === 'active' && (
              <>
                <EditPlacement p={p} onSaved={done(t('placement.saved'))} />
                <EndPlacement p={p} onEnded={done(t('placement.ended'))} />
              </>
            )}
          </>
        )}
      </Async>
    </>
  );
}

function PlacementDetails({ p }: { p: Placement }) {
  const { t, lang } = useI18n();
  const occupation = useOccupationName();
  const rows: [string, React.ReactNode][] = [
    [t('placement.status'), <StateBadge key="s" state={p.status} />],
    [t('placement.participant'), <code key="r">{p.participantReferenceCode ?? '—'}</code>],
    [t('placement.occupationCode'), occupation(p.occupationCode)],
    [t('placement.sector'), `${t(`sector.${p.sector}` as Key)} (${p.sector})`],
    [t('placement.contractType'), t(`contract.${p.contractType}` as Key)],
    [t('placement.hoursPerWeek'), String(p.hoursPerWeek)],
    [t('placement.startDate'), fmtDate(p.startDate, lang)],
  ];
  if (p.endDate) rows.push([t('placement.endDate'), fmtDate(p.endDate, lang)]);
  if (p.endReason) rows.push([t('placement.endReason'), p.endReason]);
  return (
    <section className="card" aria-labelledby="sec-details">
      <h2 id="sec-details">{t('placement.details')}</h2>
      <dl className="details">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function CheckInHistory({ p }: { p: Placement }) {
  const { t, lang } = useI18n();
  const yesNo = (b: boolean | null) => (b === null ? '—' : b ? t('common.yes') : t('common.no'));
  return (
    <section className="card" aria-labelledby="sec-checkins">
      <h2 id="sec-checkins">{t('placement.checkIns')}</h2>
      <DataTable
        rows={p.checkIns ?? []}
        empty={t('checkIns.none')}
        columns={[
          { label: t('placements.months'), cell: (c) => t('checkIns.monthsLabel', { months: c.months }) },
          { label: t('checkIns.dueOn'), cell: (c) => fmtDate(c.dueOn, lang) },
          { label: t('placement.status'), cell: (c) => <StateBadge state={c.status} /> },
          { label: t('checkIns.answeredOn'), cell: (c) => fmtDate(c.answeredAt, lang) },
          { label: t('placements.stayed'), cell: (c) => yesNo(c.stillEmployed) },
        ]}
        rowKey={(c) => c.id}
      />
    </section>
  );
}

function EditPlacement({ p, onSaved }: { p: Placement; onSaved: (p: Placement) => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const [v, setV] = useState({
    jobTitle: p.jobTitle,
    occupationCode: p.occupationCode,
    sector: p.sector,
    contractType: p.contractType,
    hoursPerWeek: String(p.hoursPerWeek),
  });
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  return (
    <section className="card" aria-labelledby="sec-edit">
      <h2 id="sec-edit">{t('placement.edit')}</h2>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          const saved = await call<Placement>(
            api.PATCH('/placements/{id}', {
              params: { path: { id: p.id }, header: { 'If-Match': `"${p.version}"` } },
              body: {
                jobTitle: v.jobTitle,
                occupationCode: v.occupationCode,
                sector: v.sector as Sector,
                contractType: v.contractType as Contract,
                hoursPerWeek:
                  v.hoursPerWeek.trim() === '' ? (undefined as unknown as number) : Number(v.hoursPerWeek),
              },
            }),
          );
          onSaved(saved);
        })}
      >
        <FormAlert form={form} />
        <JobFields form={form} value={v} onChange={(k, value) => set(k)(value)} />
        <SubmitButton form={form}>{t('placement.save')}</SubmitButton>
      </form>
    </section>
  );
}

/** Ending is final (later check-ins are cancelled), so it is confirmed in a dialog that says so. */
function EndPlacement({ p, onEnded }: { p: Placement; onEnded: (p: Placement) => void }) {
  const { t, lang } = useI18n();
  const form = useApiForm();
  const [endDate, setEndDate] = useState(today());
  const [reason, setReason] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (asking) dialog.current?.showModal();
    else dialog.current?.close();
  }, [asking]);
  const cancelled = (p.checkIns ?? []).filter(
    (c) => (c.status === 'scheduled' || c.status === 'due') && c.dueOn > endDate,
  ).length;
  const end = () =>
    form.run(async () => {
      setAsking(false);
      const ended = await call<Placement>(
        api.POST('/placements/{id}/end', { params: { path: { id: p.id } }, body: { endDate, reason } }),
      );
      onEnded(ended);
    });
  return (
    <section className="card" aria-labelledby="sec-end">
      <h2 id="sec-end">{t('placement.end')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setAsking(true);
        }}
      >
        <FormAlert form={form} />
        <div className="row">
          <Field form={form} name="endDate" label={t('placement.endDate')}>
            <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
          </Field>
          <Field form={form} name="reason" label={t('placement.endReason')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        </div>
        <SubmitButton form={form}>{t('placement.endButton')}</SubmitButton>
      </form>
      <dialog
        ref={dialog}
        aria-labelledby="end-title"
        aria-describedby="end-what"
        onClose={() => setAsking(false)}
      >
        <h2 id="end-title">{t('placement.endConfirmTitle')}</h2>
        <p id="end-what">
          {t('placement.endConfirmText', { date: fmtDate(endDate, lang), count: cancelled })}
        </p>
        <div className="actions">
          <button type="button" className="danger" onClick={() => void end()}>
            {t('placement.endConfirm')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
