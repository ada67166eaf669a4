import { useState } from 'react';
import { api, call } from '../../api/client';
import { Link } from 'react-router-dom';
import type { components } from '../../api/schema';
import { itemsOf, Page } from '../../api/types';
import { Async, fmtDate, PageTitle, useLoad } from '../../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';

type DueCheckIn = components['schemas']['DueCheckInView'];

/** The employer's check-ins to answer now, oldest first, overdue ones flagged; a thank-you after each answer. */
export function CheckInsPage() {
  const { t, lang } = useI18n();
  const [thanks, setThanks] = useState<string | null>(null);
  const data = useLoad(
    async () =>
      itemsOf(await call<Page<DueCheckIn>>(api.GET('/check-ins/due', { params: { query: { limit: 100 } } }))),
    [],
  );
  const overdue = (data.data ?? []).filter((c) => c.overdue).length;
  return (
    <>
      <PageTitle>{t('checkIns.title')}</PageTitle>
      <p>{t('checkIns.intro')}</p>
      {thanks && (
        <p role="status" className="alert alert-ok">
          <span aria-hidden="true">✓ </span>
          {thanks}
        </p>
      )}
      {overdue > 0 && (
        <p className="alert alert-error">
          <span aria-hidden="true">⚠ </span>
          {t('checkIns.overdueCount', { count: overdue })}
        </p>
      )}
      <Async state={data}>
        {(checkIns) =>
          checkIns.length === 0 ? (
            <p className="muted">{t('checkIns.none')}</p>
          ) : (
            <ul className="list">
              {checkIns.map((c) => (
                <CheckInItem
                  key={c.id}
                  checkIn={c}
                  onAnswered={() => {
                    setThanks(
                      t('checkIns.thanks', {
                        job: c.jobTitle,
                        ref: c.participantReferenceCode,
                        months: c.months,
                      }),
                    );
                    data.reload();
                  }}
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
  onAnswered,
  lang,
}: {
  checkIn: DueCheckIn;
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
    job: c.jobTitle,
    ref: c.participantReferenceCode,
  });
  return (
    <li className={`card${c.overdue ? ' overdue' : ''}`}>
      <h2 className="h3">
        <Link to={`/placements/${c.placementId}`}>{title}</Link>
      </h2>
      <p>
        {c.overdue ? (
          <strong className="badge badge-overdue">
            <span aria-hidden="true">⚠ </span>
            {t('checkIns.overdue', { days: c.daysSinceDue })}
          </strong>
        ) : (
          <span className="badge badge-due">
            <span aria-hidden="true">⏰ </span>
            {c.daysSinceDue === 0 ? t('checkIns.dueToday') : t('checkIns.dueSince', { days: c.daysSinceDue })}
          </span>
        )}
      </p>
      <p className="muted">
        {t('checkIns.dueOn')} {fmtDate(c.dueOn, lang)} · {t('placement.startDate')}{' '}
        {fmtDate(c.startDate, lang)}
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
