import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Placement } from '../../api/types';
import {
  Async,
  Back,
  Card,
  DataTable,
  fmtDate,
  PageTitle,
  StateBadge,
  today,
  useLoad,
} from '../../components/common';
import { ApiForm, InputField, useFormValues } from '../../form-fields';
import { FormAlert, SubmitButton, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { type Contract, type Sector } from './constants';
import { JobFields } from './JobFields';
import { useOccupationName } from './pickers';

/**
 * A placement: its details, its check-ins, and for the employer: while active, edit (the start date
 * too) and end; once ended, the start date alone can still be corrected.
 */
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
            {p.status === 'active' ? (
              <>
                <EditPlacement p={p} onSaved={done(t('placement.saved'))} />
                <EndPlacement p={p} onEnded={done(t('placement.ended'))} />
              </>
            ) : (
              <CorrectStartDate p={p} onSaved={done(t('placement.saved'))} />
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
    <Card id="sec-details" title={t('placement.details')}>
      <dl className="details">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function CheckInHistory({ p }: { p: Placement }) {
  const { t, lang } = useI18n();
  const yesNo = (b: boolean | null) => (b === null ? '—' : b ? t('common.yes') : t('common.no'));
  return (
    <Card id="sec-checkins" title={t('placement.checkIns')}>
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
    </Card>
  );
}

function EditPlacement({ p, onSaved }: { p: Placement; onSaved: (p: Placement) => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const values = useFormValues(form, {
    jobTitle: p.jobTitle,
    occupationCode: p.occupationCode,
    sector: p.sector as string,
    contractType: p.contractType as string,
    hoursPerWeek: String(p.hoursPerWeek),
    startDate: p.startDate,
  });
  const v = values.values;
  const savePlacement = async () => {
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
          startDate: v.startDate,
        },
      }),
    );
    onSaved(saved);
  };
  return (
    <Card id="sec-edit" title={t('placement.edit')}>
      <ApiForm form={form} submit={t('placement.save')} onSubmit={savePlacement}>
        <JobFields
          values={values}
          startDate={
            <InputField
              type="date"
              label={t('placement.startDate')}
              hint={t('placement.startDateHint')}
              {...values.field('startDate')}
            />
          }
        />
      </ApiForm>
    </Card>
  );
}

/** An ended placement keeps its job details; its start date, which retention counts from, can be corrected. */
function CorrectStartDate({ p, onSaved }: { p: Placement; onSaved: (p: Placement) => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const { values, field } = useFormValues(form, { startDate: p.startDate });
  const save = async () => {
    const saved = await call<Placement>(
      api.PATCH('/placements/{id}', {
        params: { path: { id: p.id }, header: { 'If-Match': `"${p.version}"` } },
        body: { startDate: values.startDate },
      }),
    );
    onSaved(saved);
  };
  return (
    <Card id="sec-start-date" title={t('placement.correctStartDate')}>
      <ApiForm form={form} submit={t('placement.save')} onSubmit={save}>
        <div className="row">
          <InputField
            type="date"
            label={t('placement.startDate')}
            hint={t('placement.startDateHint')}
            {...field('startDate')}
          />
        </div>
      </ApiForm>
    </Card>
  );
}

/** Ending is final (later check-ins are cancelled), so it is confirmed in a dialog that says so. */
function EndPlacement({ p, onEnded }: { p: Placement; onEnded: (p: Placement) => void }) {
  const { t, lang } = useI18n();
  const form = useApiForm();
  const { values, field } = useFormValues(form, { endDate: today(), reason: '' });
  const { endDate, reason } = values;
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
    <Card id="sec-end" title={t('placement.end')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setAsking(true);
        }}
      >
        <FormAlert form={form} />
        <div className="row">
          <InputField type="date" label={t('placement.endDate')} {...field('endDate')} />
          <InputField label={t('placement.endReason')} {...field('reason')} />
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
    </Card>
  );
}
