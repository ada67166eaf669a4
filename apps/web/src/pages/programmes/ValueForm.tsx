import { useState } from 'react';
import { api, call } from '../../api/client';
import { Indicator } from '../../api/types';
import { useMe } from '../../auth';
import { ApiForm, InputField, OrganizationField, TextAreaField, useFormValues } from '../../form-fields';
import { useApiForm } from '../../forms';
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
  const { values: v, field, reset } = useFormValues(form, EMPTY);
  const [organizationId, setOrganizationId] = useState(me.memberships[0]?.organizationId ?? '');
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const gap = i.kind === 'gap';
  const recordValue = async () => {
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
    reset();
    onSaved();
  };
  return (
    <ApiForm
      form={form}
      className="subform"
      submit={t('indicator.report', { name: i.name })}
      onSubmit={recordValue}
    >
      <div className="row">
        <InputField type="date" label={t('indicator.periodStart')} {...field('periodStart')} />
        <InputField type="date" label={t('indicator.periodEnd')} {...field('periodEnd')} />
        {gap ? (
          <>
            <InputField inputMode="decimal" label={t('indicator.migrantValue')} {...field('migrantValue')} />
            <InputField inputMode="decimal" label={t('indicator.hostValue')} {...field('hostValue')} />
          </>
        ) : (
          <InputField inputMode="decimal" label={t('indicator.value')} {...field('value')} />
        )}
      </div>
      <div className="row">
        <TextAreaField
          rows={2}
          maxLength={2000}
          label={t('indicator.note')}
          hint={t('indicator.noteHint')}
          {...field('note')}
        />
        {me.memberships.length > 1 && (
          <OrganizationField
            form={form}
            name="organizationId"
            label={t('indicator.reportingOrganization')}
            organizations={me.memberships}
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
          />
        )}
      </div>
    </ApiForm>
  );
}
