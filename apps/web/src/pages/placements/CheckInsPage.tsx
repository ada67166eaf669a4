import { useState } from 'react';
import { api, call } from '../../api/client';
import { CheckIn, itemsOf, Page, Placement } from '../../api/types';
import { Async, fmtDate, PageTitle, useLoad } from '../../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';

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
