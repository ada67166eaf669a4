import { Paged, PAGE_SIZE, usePagedList } from '../../components/PagedTable';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Organization, Page } from '../../api/types';
import type { components } from '../../api/schema';
import { isAdmin, useMe } from '../../auth';
import { PageTitle } from '../../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { AdminNav } from './AdminNav';
import { EnumSelect } from '../../components/EnumSelect';

type Kind = components['schemas']['CreateOrganizationDto']['kind'];

const KINDS: Kind[] = ['government', 'employer', 'civil_society', 'migrant_association'];

const SERVICES = [
  'legal_aid',
  'language_courses',
  'employment_support',
  'housing_support',
  'health_services',
  'psychosocial_support',
  'education',
  'interpretation_translation',
  'civic_orientation',
  'family_support',
  'youth_work',
  'anti_discrimination',
];

export function AdminOrganizationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  const list = usePagedList(
    (cursor) =>
      call<Page<Organization>>(
        api.GET('/organizations', {
          params: {
            query: { limit: PAGE_SIZE, cursor, ...(kind && { kind: kind as Kind }), ...(text && { text }) },
          },
        }),
      ),
    [kind, text],
  );
  return (
    <>
      <PageTitle>{t('admin.organizations')}</PageTitle>
      <AdminNav />
      <div className="filters" role="search" aria-label={t('admin.orgFilters')}>
        <label>
          {t('org.kind')}
          <EnumSelect
            values={KINDS}
            labels="kind"
            blank={t('common.any')}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          />
        </label>
        <label>
          {t('programmes.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      <Paged list={list} label={t('admin.organizations')}>
        {(items) => (
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t('org.name')}</th>
                <th scope="col">{t('org.kind')}</th>
                <th scope="col">{t('programme.place')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <td data-label={t('org.name')}>
                    <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link>
                  </td>
                  <td data-label={t('org.kind')}>{t(`kind.${o.kind}` as Key)}</td>
                  <td data-label={t('programme.place')}>
                    {o.city}, {o.country}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Paged>
      {isAdmin(me) && <NewOrganizationForm onCreated={list.reload} />}
    </>
  );
}

function NewOrganizationForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const empty = {
    kind: 'government' as Kind,
    name: '',
    country: '',
    city: '',
    contactEmail: '',
    website: '',
    level: 'municipal',
    jurisdiction: '',
    sector: 'C',
    sizeBand: 'small',
    services: [] as string[],
    communities: '',
    languages: '',
  };
  const [v, setV] = useState(empty);
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const list = (s: string) =>
    s
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((x) => (x.toUpperCase() === x ? x : x.toLowerCase()));
  const profile = () => {
    switch (v.kind) {
      case 'government':
        return { level: v.level, jurisdiction: v.jurisdiction };
      case 'employer':
        return { sector: v.sector, sizeBand: v.sizeBand };
      case 'civil_society':
        return { services: v.services };
      case 'migrant_association':
        return {
          communities: list(v.communities).map((c) => c.toUpperCase()),
          languages: list(v.languages).map((c) => c.toLowerCase()),
        };
    }
  };
  return (
    <section className="card" aria-labelledby="new-org">
      <h2 id="new-org">{t('org.new')}</h2>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          await call(
            api.POST('/organizations', {
              body: {
                kind: v.kind,
                name: v.name,
                country: v.country.toUpperCase(),
                city: v.city,
                contactEmail: v.contactEmail,
                website: v.website || undefined,
                profile: profile() as Record<string, unknown>,
              },
            }),
          );
          setV(empty);
          onCreated();
        })}
      >
        <FormAlert form={form} />
        <div className="row">
          <Field form={form} name="kind" label={t('org.kind')}>
            <EnumSelect values={KINDS} labels="kind" value={v.kind} onChange={change('kind')} />
          </Field>
          <Field form={form} name="name" label={t('org.name')}>
            <input value={v.name} onChange={change('name')} />
          </Field>
        </div>
        <div className="row">
          <Field form={form} name="country" label={t('programme.country')} hint={t('programme.countryHint')}>
            <input maxLength={2} value={v.country} onChange={change('country')} />
          </Field>
          <Field form={form} name="city" label={t('programme.city')}>
            <input value={v.city} onChange={change('city')} />
          </Field>
          <Field form={form} name="contactEmail" label={t('org.contactEmail')}>
            <input type="email" value={v.contactEmail} onChange={change('contactEmail')} />
          </Field>
        </div>
        {v.kind === 'government' && (
          <div className="row">
            <Field form={form} name="profile.level" label={t('org.level')}>
              <EnumSelect
                values={['national', 'regional', 'municipal', 'local']}
                labels="level"
                value={v.level}
                onChange={change('level')}
              />
            </Field>
            <Field form={form} name="profile.jurisdiction" label={t('org.jurisdiction')}>
              <input value={v.jurisdiction} onChange={change('jurisdiction')} />
            </Field>
          </div>
        )}
        {v.kind === 'employer' && (
          <div className="row">
            <Field form={form} name="profile.sector" label={t('placement.sector')}>
              <input maxLength={1} value={v.sector} onChange={change('sector')} />
            </Field>
            <Field form={form} name="profile.sizeBand" label={t('org.sizeBand')}>
              <EnumSelect
                values={['micro', 'small', 'medium', 'large']}
                labels="sizeBand"
                value={v.sizeBand}
                onChange={change('sizeBand')}
              />
            </Field>
          </div>
        )}
        {v.kind === 'civil_society' && (
          <fieldset>
            <legend>{t('org.services')}</legend>
            <div className="checks">
              {SERVICES.map((s) => (
                <label key={s} className="inline">
                  <input
                    type="checkbox"
                    checked={v.services.includes(s)}
                    onChange={(e) =>
                      setV({
                        ...v,
                        services: e.target.checked ? [...v.services, s] : v.services.filter((x) => x !== s),
                      })
                    }
                  />{' '}
                  {s.replace(/_/g, ' ')}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {v.kind === 'migrant_association' && (
          <div className="row">
            <Field
              form={form}
              name="profile.communities"
              label={t('org.communities')}
              hint={t('org.communitiesHint')}
            >
              <input value={v.communities} onChange={change('communities')} />
            </Field>
            <Field
              form={form}
              name="profile.languages"
              label={t('participant.languages')}
              hint={t('participant.languagesHint')}
            >
              <input value={v.languages} onChange={change('languages')} />
            </Field>
          </div>
        )}
        <SubmitButton form={form}>{t('org.create')}</SubmitButton>
      </form>
    </section>
  );
}
