import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Consultation, Localized } from '../../api/types';
import { orgsOfKind, useMe } from '../../auth';
import { Async, Back, fromLocalDateTime, localDateTime, PageTitle } from '../../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { InviteeChecks, LANGUAGES, LANGUAGE_NAMES, TextsFields, useDirectory } from './shared';
import { EnumSelect } from '../../components/EnumSelect';

export function ConsultationNewPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useApiForm();
  const governments = orgsOfKind(me, 'government');
  const directory = useDirectory();
  const [organizationId, setOrganizationId] = useState(governments[0]?.organizationId ?? '');
  const [defaultLanguage, setDefaultLanguage] = useState('en');
  const [others, setOthers] = useState<string[]>([]);
  const [title, setTitle] = useState<Localized>({});
  const [description, setDescription] = useState<Localized>({});
  const [opensAt, setOpensAt] = useState(localDateTime(60 * 24));
  const [closesAt, setClosesAt] = useState(localDateTime(60 * 24 * 15));
  const [anonymous, setAnonymous] = useState(false);
  const [audience, setAudience] = useState<'invited' | 'all_organizations'>('invited');
  const [invited, setInvited] = useState<string[]>([]);
  const languages = [defaultLanguage, ...others.filter((l) => l !== defaultLanguage)];
  return (
    <>
      <Back to="/consultations">{t('consultations.title')}</Back>
      <PageTitle>{t('consultation.new')}</PageTitle>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          const pick = (text: Localized) =>
            Object.fromEntries(languages.filter((l) => text[l]).map((l) => [l, text[l]]));
          const created = await call<Consultation>(
            api.POST('/consultations', {
              params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
              body: {
                organizationId,
                title: pick(title),
                description: pick(description),
                languages,
                opensAt: fromLocalDateTime(opensAt),
                closesAt: fromLocalDateTime(closesAt),
                anonymous,
                audience,
                invitedOrganizationIds: audience === 'invited' ? invited : [],
              },
            }),
          );
          navigate(`/consultations/${created.id}`);
        })}
      >
        <FormAlert form={form} />
        <Field form={form} name="organizationId" label={t('consultation.owner')}>
          <select value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
            {governments.map((m) => (
              <option key={m.organizationId} value={m.organizationId}>
                {m.organizationName}
              </option>
            ))}
          </select>
        </Field>
        <Field form={form} name="languages" label={t('consultation.defaultLanguage')}>
          <EnumSelect
            values={LANGUAGES}
            label={(l) => LANGUAGE_NAMES[l]}
            value={defaultLanguage}
            onChange={(e) => setDefaultLanguage(e.target.value)}
          />
        </Field>
        <fieldset>
          <legend>{t('consultation.otherLanguages')}</legend>
          <div className="checks">
            {LANGUAGES.filter((l) => l !== defaultLanguage).map((l) => (
              <label key={l} className="inline">
                <input
                  type="checkbox"
                  checked={others.includes(l)}
                  onChange={(e) =>
                    setOthers(e.target.checked ? [...others, l] : others.filter((x) => x !== l))
                  }
                />{' '}
                <span lang={l}>{LANGUAGE_NAMES[l]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextsFields
          form={form}
          languages={languages}
          title={title}
          description={description}
          setTitle={setTitle}
          setDescription={setDescription}
        />
        <div className="row">
          <Field form={form} name="opensAt" label={t('consultation.opens')}>
            <input type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
          </Field>
          <Field form={form} name="closesAt" label={t('consultation.closes')}>
            <input type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
          </Field>
        </div>
        <label className="inline">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
          {t('consultation.anonymous')}
        </label>
        <Field form={form} name="audience" label={t('consultation.audience')}>
          <select value={audience} onChange={(e) => setAudience(e.target.value as typeof audience)}>
            <option value="invited">{t('consultation.audience.invited')}</option>
            <option value="all_organizations">{t('consultation.audience.all')}</option>
          </select>
        </Field>
        {audience === 'invited' && (
          <FieldSet form={form} name="invitedOrganizationIds" legend={t('consultation.invitations')}>
            <Async state={directory}>
              {(orgs) => (
                <InviteeChecks orgs={orgs} ownerId={organizationId} value={invited} onChange={setInvited} />
              )}
            </Async>
          </FieldSet>
        )}
        <SubmitButton form={form}>{t('consultation.create')}</SubmitButton>
      </form>
    </>
  );
}
