import { useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { itemsOf, Page, Placement, Programme } from '../../api/types';
import { useState } from 'react';
import { PageTitle, today, useLoad } from '../../components/common';
import { ApiForm, InputField, OrganizationField, SelectField, useFormValues } from '../../form-fields';
import { Field, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import {
  type Contract,
  GENDERS,
  type Gender,
  STATUSES,
  type Sector,
  type Status,
  useEmployers,
} from './constants';
import { JobFields } from './JobFields';
import { LanguagesPicker, PickerField, useChoices } from './pickers';

/** One screen: the (pseudonymous) person and the job, logged in one go. */
export function LogPlacementPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const employers = useEmployers();
  const form = useApiForm();
  const programmes = useLoad(
    async () =>
      itemsOf(
        await call<Page<Programme>>(
          api.GET('/programmes', { params: { query: { limit: 100, status: 'active' } } }),
        ),
      ),
    [],
  );
  const choices = useChoices();
  const [languages, setLanguages] = useState<string[]>([]);
  const values = useFormValues(form, {
    employerOrganizationId: employers[0]?.organizationId ?? '',
    programmeId: '',
    yearOfBirth: '',
    gender: 'not_stated',
    countryOfOrigin: '',
    arrivalYear: '',
    statusCategory: 'labour',
    consentGivenAt: today(),
    consentScope: t('placement.consentScopeDefault'),
    jobTitle: '',
    occupationCode: '',
    sector: 'C',
    startDate: today(),
    contractType: 'permanent',
    hoursPerWeek: '38',
  });
  const { values: v, field, valueField } = values;
  const num = (s: string) => (s.trim() === '' ? (undefined as unknown as number) : Number(s));
  const logPlacement = async () => {
    // The person and the job in one request: a refused job leaves no registered person behind.
    const placement = await call<Placement>(
      api.POST('/placements/register', {
        params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: {
          employerOrganizationId: v.employerOrganizationId,
          ...(v.programmeId ? { programmeId: v.programmeId } : {}),
          jobTitle: v.jobTitle,
          occupationCode: v.occupationCode,
          sector: v.sector as Sector,
          startDate: v.startDate,
          contractType: v.contractType as Contract,
          hoursPerWeek: num(v.hoursPerWeek),
          participant: {
            yearOfBirth: num(v.yearOfBirth),
            gender: v.gender as Gender,
            countryOfOrigin: v.countryOfOrigin,
            arrivalYear: num(v.arrivalYear),
            statusCategory: v.statusCategory as Status,
            languages,
            consent: { givenAt: v.consentGivenAt, scope: v.consentScope },
          },
        },
      }),
    );
    navigate(`/placements/${placement.id}`, { state: { logged: true } });
  };
  return (
    <>
      <PageTitle>{t('placement.log')}</PageTitle>
      <ApiForm form={form} submit={t('placement.submit')} onSubmit={logPlacement}>
        <div className="row">
          <OrganizationField
            label={t('placement.employer')}
            organizations={employers}
            {...field('employerOrganizationId')}
          />
          <SelectField
            label={t('placement.programme')}
            values={(programmes.data ?? []).map((p) => p.id)}
            optionLabel={(id) => programmes.data?.find((p) => p.id === id)?.title}
            blank={t('common.none')}
            {...field('programmeId')}
          />
        </div>
        <fieldset>
          <legend>{t('placement.person')}</legend>
          <p className="hint">{t('placement.personHint')}</p>
          <div className="row">
            <InputField
              inputMode="numeric"
              label={t('participant.yearOfBirth')}
              {...field('yearOfBirth', 'participant.yearOfBirth')}
            />
            <SelectField
              label={t('participant.gender')}
              values={GENDERS}
              labels="gender"
              {...field('gender', 'participant.gender')}
            />
            <PickerField
              list={choices?.countries ?? []}
              label={t('participant.countryOfOrigin')}
              hint={t('picker.countryHint')}
              {...valueField('countryOfOrigin', 'participant.countryOfOrigin')}
            />
          </div>
          <div className="row">
            <InputField
              inputMode="numeric"
              label={t('participant.arrivalYear')}
              {...field('arrivalYear', 'participant.arrivalYear')}
            />
            <SelectField
              label={t('participant.statusCategory')}
              values={STATUSES}
              labels="status"
              {...field('statusCategory', 'participant.statusCategory')}
            />
            <Field
              form={form}
              name="participant.languages"
              label={t('participant.languages')}
              hint={t('participant.languagesHint')}
            >
              {choices ? (
                <LanguagesPicker
                  choices={choices}
                  label={t('participant.languages')}
                  value={languages}
                  onChange={setLanguages}
                />
              ) : (
                <input disabled />
              )}
            </Field>
          </div>
          <div className="row">
            <InputField
              type="date"
              label={t('participant.consentGivenAt')}
              {...field('consentGivenAt', 'participant.consent.givenAt')}
            />
            <InputField
              label={t('participant.consentScope')}
              {...field('consentScope', 'participant.consent.scope')}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('placement.job')}</legend>
          <JobFields
            values={values}
            startDate={<InputField type="date" label={t('placement.startDate')} {...field('startDate')} />}
          />
        </fieldset>
      </ApiForm>
    </>
  );
}
