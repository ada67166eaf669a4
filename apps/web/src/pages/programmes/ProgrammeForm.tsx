import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Programme } from '../../api/types';
import { useMe } from '../../auth';
import { Async, Back, PageTitle, today, useLoad } from '../../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { DIMENSIONS, type Dimension } from './constants';

function ProgrammeForm({ programme }: { programme?: Programme }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useApiForm();
  const leads = me.memberships.filter((m) => m.role === 'org_admin');
  const [v, setV] = useState({
    title: programme?.title ?? '',
    summary: programme?.summary ?? '',
    leadOrganizationId: programme?.leadOrganizationId ?? leads[0]?.organizationId ?? '',
    startDate: programme?.startDate ?? today(),
    endDate: programme?.endDate ?? '',
    country: programme?.country ?? '',
    city: programme?.city ?? '',
    dimensions: (programme?.dimensions ?? []) as Dimension[],
  });
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async () => {
        const common = {
          title: v.title,
          summary: v.summary || undefined,
          startDate: v.startDate,
          endDate: v.endDate,
          country: v.country,
          city: v.city || undefined,
          dimensions: v.dimensions,
        };
        if (programme) {
          await call(
            api.PATCH('/programmes/{id}', {
              params: { path: { id: programme.id } },
              body: common,
              headers: { 'If-Match': `"${programme.version}"` },
            }),
          );
          navigate(`/programmes/${programme.id}`);
        } else {
          const created = await call<Programme>(
            api.POST('/programmes', {
              body: { ...common, leadOrganizationId: v.leadOrganizationId },
              params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
            }),
          );
          navigate(`/programmes/${created.id}`);
        }
      })}
    >
      <FormAlert form={form} />
      <Field form={form} name="title" label={t('programme.title')}>
        <input value={v.title} onChange={change('title')} />
      </Field>
      <Field form={form} name="summary" label={t('programme.summary')}>
        <textarea rows={3} value={v.summary} onChange={change('summary')} />
      </Field>
      {!programme && (
        <Field form={form} name="leadOrganizationId" label={t('programme.lead')}>
          <select value={v.leadOrganizationId} onChange={change('leadOrganizationId')}>
            {leads.map((m) => (
              <option key={m.organizationId} value={m.organizationId}>
                {m.organizationName}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="row">
        <Field form={form} name="startDate" label={t('programme.startDate')}>
          <input type="date" value={v.startDate} onChange={change('startDate')} />
        </Field>
        <Field form={form} name="endDate" label={t('programme.endDate')}>
          <input type="date" value={v.endDate} onChange={change('endDate')} />
        </Field>
      </div>
      <div className="row">
        <Field form={form} name="country" label={t('programme.country')} hint={t('programme.countryHint')}>
          <input value={v.country} maxLength={2} onChange={change('country')} />
        </Field>
        <Field form={form} name="city" label={t('programme.city')}>
          <input value={v.city} onChange={change('city')} />
        </Field>
      </div>
      <FieldSet form={form} name="dimensions" legend={t('programme.dimensions')}>
        <div className="checks">
          {DIMENSIONS.map((d) => (
            <label key={d} className="inline">
              <input
                type="checkbox"
                checked={v.dimensions.includes(d)}
                onChange={(e) =>
                  setV({
                    ...v,
                    dimensions: e.target.checked ? [...v.dimensions, d] : v.dimensions.filter((x) => x !== d),
                  })
                }
              />{' '}
              {t(`dimension.${d}` as Key)}
            </label>
          ))}
        </div>
      </FieldSet>
      <SubmitButton form={form}>{programme ? t('common.save') : t('programme.create')}</SubmitButton>
    </form>
  );
}

export function ProgrammeNewPage() {
  const { t } = useI18n();
  return (
    <>
      <Back to="/programmes">{t('programmes.title')}</Back>
      <PageTitle>{t('programme.new')}</PageTitle>
      <ProgrammeForm />
    </>
  );
}

export function ProgrammeEditPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const state = useLoad(
    () => call<Programme>(api.GET('/programmes/{id}', { params: { path: { id } } })),
    [id],
  );
  return (
    <>
      <Back to={`/programmes/${id}`}>{t('programme.back')}</Back>
      <PageTitle>{t('programme.edit')}</PageTitle>
      <Async state={state}>{(p) => <ProgrammeForm programme={p} />}</Async>
    </>
  );
}
