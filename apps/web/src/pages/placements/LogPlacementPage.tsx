import { useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { itemsOf, Page, Placement, Programme } from '../../api/types';
import { useState } from 'react';
import { PageTitle, today, useLoad } from '../../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
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
import { EnumSelect } from '../../components/EnumSelect';
import { JobFields } from './JobFields';
import { LanguagesPicker, Picker, useChoices } from './pickers';

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
  const [v, setV] = useState({
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
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const num = (s: string) => (s.trim() === '' ? (undefined as unknown as number) : Number(s));
  return (
    <>
      <PageTitle>{t('placement.log')}</PageTitle>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
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
        })}
      >
        <FormAlert form={form} />
        <div className="row">
          <Field form={form} name="employerOrganizationId" label={t('placement.employer')}>
            <select value={v.employerOrganizationId} onChange={change('employerOrganizationId')}>
              {employers.map((m) => (
                <option key={m.organizationId} value={m.organizationId}>
                  {m.organizationName}
                </option>
              ))}
            </select>
          </Field>
          <Field form={form} name="programmeId" label={t('placement.programme')}>
            <select value={v.programmeId} onChange={change('programmeId')}>
              <option value="">{t('common.none')}</option>
              {(programmes.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset>
          <legend>{t('placement.person')}</legend>
          <p className="hint">{t('placement.personHint')}</p>
          <div className="row">
            <Field form={form} name="participant.yearOfBirth" label={t('participant.yearOfBirth')}>
              <input inputMode="numeric" value={v.yearOfBirth} onChange={change('yearOfBirth')} />
            </Field>
            <Field form={form} name="participant.gender" label={t('participant.gender')}>
              <EnumSelect values={GENDERS} labels="gender" value={v.gender} onChange={change('gender')} />
            </Field>
            <Field
              form={form}
              name="participant.countryOfOrigin"
              label={t('participant.countryOfOrigin')}
              hint={t('picker.countryHint')}
            >
              <Picker
                list={choices?.countries ?? []}
                label={t('participant.countryOfOrigin')}
                value={v.countryOfOrigin}
                onChange={(code) => setV((x) => ({ ...x, countryOfOrigin: code }))}
              />
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="participant.arrivalYear" label={t('participant.arrivalYear')}>
              <input inputMode="numeric" value={v.arrivalYear} onChange={change('arrivalYear')} />
            </Field>
            <Field form={form} name="participant.statusCategory" label={t('participant.statusCategory')}>
              <EnumSelect
                values={STATUSES}
                labels="status"
                value={v.statusCategory}
                onChange={change('statusCategory')}
              />
            </Field>
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
            <Field form={form} name="participant.consent.givenAt" label={t('participant.consentGivenAt')}>
              <input type="date" value={v.consentGivenAt} onChange={change('consentGivenAt')} />
            </Field>
            <Field form={form} name="participant.consent.scope" label={t('participant.consentScope')}>
              <input value={v.consentScope} onChange={change('consentScope')} />
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('placement.job')}</legend>
          <JobFields
            form={form}
            value={v}
            onChange={(k, value) => setV((x) => ({ ...x, [k]: value }))}
            startDate={
              <Field form={form} name="startDate" label={t('placement.startDate')}>
                <input type="date" value={v.startDate} onChange={change('startDate')} />
              </Field>
            }
          />
        </fieldset>
        <SubmitButton form={form}>{t('placement.submit')}</SubmitButton>
      </form>
    </>
  );
}
