import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Consultation, Localized } from '../../api/types';
import { orgsOfKind, useMe } from '../../auth';
import { Back, fromLocalDateTime, localDateTime, PageTitle } from '../../components/common';
import {
  ApiForm,
  Checkbox,
  CheckboxList,
  OrganizationField,
  SelectField,
  useFormValues,
} from '../../form-fields';
import { useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { InvitationsField, LANGUAGES, LANGUAGE_NAMES, PeriodFields, TextsFields } from './shared';

const AUDIENCES = ['invited', 'all_organizations'] as const;

export function ConsultationNewPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useApiForm();
  const governments = orgsOfKind(me, 'government');
  const { values: v, field } = useFormValues(form, {
    organizationId: governments[0]?.organizationId ?? '',
    defaultLanguage: 'en',
    opensAt: localDateTime(60 * 24),
    closesAt: localDateTime(60 * 24 * 15),
    audience: 'invited' as (typeof AUDIENCES)[number],
  });
  const [others, setOthers] = useState<string[]>([]);
  const [title, setTitle] = useState<Localized>({});
  const [description, setDescription] = useState<Localized>({});
  const [anonymous, setAnonymous] = useState(false);
  const [invited, setInvited] = useState<string[]>([]);
  const languages = [v.defaultLanguage, ...others.filter((l) => l !== v.defaultLanguage)];
  const createConsultation = async () => {
    const pick = (text: Localized) =>
      Object.fromEntries(languages.filter((l) => text[l]).map((l) => [l, text[l]]));
    const created = await call<Consultation>(
      api.POST('/consultations', {
        params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: {
          organizationId: v.organizationId,
          title: pick(title),
          description: pick(description),
          languages,
          opensAt: fromLocalDateTime(v.opensAt),
          closesAt: fromLocalDateTime(v.closesAt),
          anonymous,
          audience: v.audience,
          invitedOrganizationIds: v.audience === 'invited' ? invited : [],
        },
      }),
    );
    navigate(`/consultations/${created.id}`);
  };
  return (
    <>
      <Back to="/consultations">{t('consultations.title')}</Back>
      <PageTitle>{t('consultation.new')}</PageTitle>
      <ApiForm form={form} submit={t('consultation.create')} onSubmit={createConsultation}>
        <OrganizationField
          label={t('consultation.owner')}
          organizations={governments}
          {...field('organizationId')}
        />
        <SelectField
          label={t('consultation.defaultLanguage')}
          values={LANGUAGES}
          optionLabel={(l) => LANGUAGE_NAMES[l]}
          {...field('defaultLanguage', 'languages')}
        />
        <fieldset>
          <legend>{t('consultation.otherLanguages')}</legend>
          <CheckboxList
            values={LANGUAGES.filter((l) => l !== v.defaultLanguage)}
            selected={others}
            onChange={setOthers}
            label={(l) => <span lang={l}>{LANGUAGE_NAMES[l]}</span>}
          />
        </fieldset>
        <TextsFields
          form={form}
          languages={languages}
          title={title}
          description={description}
          setTitle={setTitle}
          setDescription={setDescription}
        />
        <PeriodFields opens={field('opensAt')} closes={field('closesAt')} />
        <Checkbox checked={anonymous} onChange={setAnonymous}>
          {t('consultation.anonymous')}
        </Checkbox>
        <SelectField
          label={t('consultation.audience')}
          values={AUDIENCES}
          optionLabel={(a) =>
            a === 'invited' ? t('consultation.audience.invited') : t('consultation.audience.all')
          }
          {...field('audience')}
        />
        {v.audience === 'invited' && (
          <InvitationsField form={form} ownerId={v.organizationId} value={invited} onChange={setInvited} />
        )}
      </ApiForm>
    </>
  );
}
