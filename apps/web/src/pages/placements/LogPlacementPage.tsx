import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client';
import { itemsOf, Page, Participant, Programme } from '../../api/types';
import { PageTitle, today, useLoad } from '../../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import {
  CONTRACTS,
  type Contract,
  GENDERS,
  type Gender,
  SECTORS,
  STATUSES,
  type Sector,
  type Status,
  useEmployers,
} from './constants';
import { EnumSelect } from '../../components/EnumSelect';

/** Runs a call whose field errors belong under a prefix on this form (`participant.yearOfBirth`). */
async function prefixed<T>(prefix: string, pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (e) {
    if (e instanceof ApiError && e.problem.errors)
      throw new ApiError(e.status, {
        ...e.problem,
        errors: e.problem.errors.map((x) => ({ ...x, field: `${prefix}.${x.field}` })),
      });
    throw e;
  }
}

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
  const [participantId, setParticipantId] = useState<string | null>(null);
  const [v, setV] = useState({
    employerOrganizationId: employers[0]?.organizationId ?? '',
    programmeId: '',
    yearOfBirth: '',
    gender: 'not_stated',
    countryOfOrigin: '',
    arrivalYear: '',
    statusCategory: 'labour',
    languages: '',
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
          // The person first (once: a retry after a job error reuses them), then the placement.
          let pid = participantId;
          if (!pid) {
            const created = await prefixed(
              'participant',
              call<Participant>(
                api.POST('/participants', {
                  params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
                  body: {
                    yearOfBirth: num(v.yearOfBirth),
                    gender: v.gender as Gender,
                    countryOfOrigin: v.countryOfOrigin.toUpperCase(),
                    arrivalYear: num(v.arrivalYear),
                    statusCategory: v.statusCategory as Status,
                    languages: v.languages.split(/[,;\s]+/).filter(Boolean),
                    consent: { givenAt: v.consentGivenAt, scope: v.consentScope },
                    organizationId: v.employerOrganizationId,
                    ...(v.programmeId ? { programmeId: v.programmeId } : {}),
                  },
                }),
              ),
            );
            pid = created.id;
            setParticipantId(pid);
          }
          await call(
            api.POST('/placements', {
              params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
              body: {
                participantId: pid,
                employerOrganizationId: v.employerOrganizationId,
                ...(v.programmeId ? { programmeId: v.programmeId } : {}),
                jobTitle: v.jobTitle,
                occupationCode: v.occupationCode,
                sector: v.sector as Sector,
                startDate: v.startDate,
                contractType: v.contractType as Contract,
                hoursPerWeek: num(v.hoursPerWeek),
              },
            }),
          );
          navigate('/placements');
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
        <fieldset disabled={participantId !== null}>
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
              hint={t('programme.countryHint')}
            >
              <input maxLength={2} value={v.countryOfOrigin} onChange={change('countryOfOrigin')} />
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
              <input value={v.languages} onChange={change('languages')} />
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
        {participantId && (
          <p role="status" className="alert alert-ok">
            ✓ {t('placement.personSaved')}
          </p>
        )}
        <fieldset>
          <legend>{t('placement.job')}</legend>
          <div className="row">
            <Field form={form} name="jobTitle" label={t('placement.jobTitle')}>
              <input value={v.jobTitle} onChange={change('jobTitle')} />
            </Field>
            <Field
              form={form}
              name="occupationCode"
              label={t('placement.occupationCode')}
              hint={t('placement.occupationHint')}
            >
              <input inputMode="numeric" value={v.occupationCode} onChange={change('occupationCode')} />
            </Field>
            <Field form={form} name="sector" label={t('placement.sector')}>
              <EnumSelect
                values={SECTORS}
                label={(s) => (
                  <>
                    {s} — {t(`sector.${s}` as Key)}
                  </>
                )}
                value={v.sector}
                onChange={change('sector')}
              />
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="startDate" label={t('placement.startDate')}>
              <input type="date" value={v.startDate} onChange={change('startDate')} />
            </Field>
            <Field form={form} name="contractType" label={t('placement.contractType')}>
              <EnumSelect
                values={CONTRACTS}
                labels="contract"
                value={v.contractType}
                onChange={change('contractType')}
              />
            </Field>
            <Field form={form} name="hoursPerWeek" label={t('placement.hoursPerWeek')}>
              <input inputMode="decimal" value={v.hoursPerWeek} onChange={change('hoursPerWeek')} />
            </Field>
          </div>
        </fieldset>
        <SubmitButton form={form}>{t('placement.submit')}</SubmitButton>
      </form>
    </>
  );
}
