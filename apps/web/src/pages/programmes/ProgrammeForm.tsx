import { useNavigate, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Programme } from '../../api/types';
import { useMe } from '../../auth';
import { Async, Back, PageTitle, today, useLoad } from '../../components/common';
import {
  ApiForm,
  CheckboxList,
  InputField,
  OrganizationField,
  TextAreaField,
  useFormValues,
  CountryCityFields,
} from '../../form-fields';
import { FieldSet, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { DIMENSIONS, type Dimension } from './constants';

function ProgrammeForm({ programme }: { programme?: Programme }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useApiForm();
  const leads = me.memberships.filter((m) => m.role === 'org_admin');
  const {
    values: v,
    set,
    field,
  } = useFormValues(form, {
    title: programme?.title ?? '',
    summary: programme?.summary ?? '',
    leadOrganizationId: programme?.leadOrganizationId ?? leads[0]?.organizationId ?? '',
    startDate: programme?.startDate ?? today(),
    endDate: programme?.endDate ?? '',
    country: programme?.country ?? '',
    city: programme?.city ?? '',
    dimensions: (programme?.dimensions ?? []) as Dimension[],
  });
  const saveProgramme = async () => {
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
          params: { path: { id: programme.id }, header: { 'If-Match': `"${programme.version}"` } },
          body: common,
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
  };
  return (
    <ApiForm
      form={form}
      submit={programme ? t('common.save') : t('programme.create')}
      onSubmit={saveProgramme}
    >
      <InputField label={t('programme.title')} {...field('title')} />
      <TextAreaField rows={3} label={t('programme.summary')} {...field('summary')} />
      {!programme && (
        <OrganizationField
          label={t('programme.lead')}
          organizations={leads}
          {...field('leadOrganizationId')}
        />
      )}
      <div className="row">
        <InputField type="date" label={t('programme.startDate')} {...field('startDate')} />
        <InputField type="date" label={t('programme.endDate')} {...field('endDate')} />
      </div>
      <div className="row">
        <CountryCityFields country={field('country')} city={field('city')} />
      </div>
      <FieldSet form={form} name="dimensions" legend={t('programme.dimensions')}>
        <CheckboxList
          values={DIMENSIONS}
          selected={v.dimensions}
          onChange={(list) => set('dimensions', list)}
          label={(d) => t(`dimension.${d}` as Key)}
        />
      </FieldSet>
    </ApiForm>
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
