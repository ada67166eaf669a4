import { useState } from 'react';
import { api, call } from '../../api/client';
import { Indicator } from '../../api/types';
import { useMe } from '../../auth';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';

const EMPTY = { periodStart: '', periodEnd: '', value: '', migrantValue: '', hostValue: '', note: '' };

/**
 * Records a value for a period: one number for a plain indicator, the migrant and host-population
 * values for a gap indicator (the API computes the gap), an optional note (the source, a caveat), and
 * the organisation reported for when the person belongs to several.
 */
export function ValueForm({ indicator: i, onSaved }: { indicator: Indicator; onSaved: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const form = useApiForm();
  const [v, setV] = useState(EMPTY);
  const [organizationId, setOrganizationId] = useState(me.memberships[0]?.organizationId ?? '');
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const gap = i.kind === 'gap';
  return (
    <form
      noValidate
      className="subform"
      onSubmit={form.onSubmit(async () => {
        await call(
          api.POST('/indicators/{id}/values', {
            params: { path: { id: i.id } },
            body: {
              periodStart: v.periodStart,
              periodEnd: v.periodEnd,
              ...(gap
                ? { migrantValue: num(v.migrantValue), hostValue: num(v.hostValue) }
                : { value: num(v.value) }),
              note: v.note.trim() || undefined,
              ...(me.memberships.length > 1 ? { organizationId } : {}),
            },
          }),
        );
        setV(EMPTY);
        onSaved();
      })}
    >
      <FormAlert form={form} />
      <div className="row">
        <Field form={form} name="periodStart" label={t('indicator.periodStart')}>
          <input type="date" value={v.periodStart} onChange={change('periodStart')} />
        </Field>
        <Field form={form} name="periodEnd" label={t('indicator.periodEnd')}>
          <input type="date" value={v.periodEnd} onChange={change('periodEnd')} />
        </Field>
        {gap ? (
          <>
            <Field form={form} name="migrantValue" label={t('indicator.migrantValue')}>
              <input inputMode="decimal" value={v.migrantValue} onChange={change('migrantValue')} />
            </Field>
            <Field form={form} name="hostValue" label={t('indicator.hostValue')}>
              <input inputMode="decimal" value={v.hostValue} onChange={change('hostValue')} />
            </Field>
          </>
        ) : (
          <Field form={form} name="value" label={t('indicator.value')}>
            <input inputMode="decimal" value={v.value} onChange={change('value')} />
          </Field>
        )}
      </div>
      <div className="row">
        <Field form={form} name="note" label={t('indicator.note')} hint={t('indicator.noteHint')}>
          <textarea rows={2} maxLength={2000} value={v.note} onChange={change('note')} />
        </Field>
        {me.memberships.length > 1 && (
          <Field form={form} name="organizationId" label={t('indicator.reportingOrganization')}>
            <select value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
              {me.memberships.map((m) => (
                <option key={m.organizationId} value={m.organizationId}>
                  {m.organizationName}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <SubmitButton form={form}>{t('indicator.report', { name: i.name })}</SubmitButton>
    </form>
  );
}
