import { useState } from 'react';
import { api, call } from '../../api/client';
import { Link } from 'react-router-dom';
import type { components } from '../../api/schema';
import { itemsOf, Page } from '../../api/types';
import { fmtDate, PageTitle, useLoad, AsyncList } from '../../components/common';
import { ApiForm, InputField, RadioList, useFormValues } from '../../form-fields';
import { FieldSet, useApiForm } from '../../forms';
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
      <AsyncList state={data} empty={t('checkIns.none')}>
        {(c) => (
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
        )}
      </AsyncList>
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
  const { values, field } = useFormValues(form, { leftOn: '', reason: '' });
  const title = t('checkIns.item', {
    months: c.months,
    job: c.jobTitle,
    ref: c.participantReferenceCode,
  });
  const answer = async () => {
    await call(
      api.POST('/check-ins/{id}/answer', {
        params: { path: { id: c.id } },
        body: {
          stillEmployed: stillEmployed as boolean,
          ...(stillEmployed === false
            ? { leftOn: values.leftOn || undefined, reason: values.reason || undefined }
            : {}),
        },
      }),
    );
    onAnswered();
  };
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
      <ApiForm form={form} submit={t('checkIns.submit')} onSubmit={answer}>
        <FieldSet form={form} name="stillEmployed" legend={t('checkIns.question')}>
          <RadioList
            name={`still-${c.id}`}
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
            value={stillEmployed}
            onChange={setStillEmployed}
          />
        </FieldSet>
        {stillEmployed === false && (
          <div className="row">
            <InputField type="date" label={t('checkIns.leftOn')} {...field('leftOn')} />
            <InputField label={t('checkIns.reason')} {...field('reason')} />
          </div>
        )}
      </ApiForm>
    </li>
  );
}
