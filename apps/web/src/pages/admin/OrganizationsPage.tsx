import { pageQuery, PagedTable, usePagedList } from '../../components/PagedTable';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Organization, Page } from '../../api/types';
import type { components } from '../../api/schema';
import { isAdmin, useMe } from '../../auth';
import { Card, PageTitle } from '../../components/common';
import {
  ApiForm,
  CheckboxList,
  InputField,
  SelectField,
  useFormValues,
  CountryCityFields,
} from '../../form-fields';
import { useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { AdminNav } from './AdminNav';
import { FilterSelect } from '../../components/EnumSelect';

type Kind = components['schemas']['CreateOrganizationDto']['kind'];

const KINDS: Kind[] = ['government', 'employer', 'civil_society', 'migrant_association'];

const LEVELS = ['national', 'regional', 'municipal', 'local'];
const SIZE_BANDS = ['micro', 'small', 'medium', 'large'];

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
            query: pageQuery(cursor, { kind: kind as Kind, text }),
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
        <FilterSelect label={t('org.kind')} values={KINDS} labels="kind" value={kind} onChange={setKind} />
        <label>
          {t('programmes.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      <PagedTable
        list={list}
        label={t('admin.organizations')}
        columns={[
          { label: t('org.name'), cell: (o) => <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link> },
          { label: t('org.kind'), cell: (o) => t(`kind.${o.kind}` as Key) },
          {
            label: t('programme.place'),
            cell: (o) => (
              <>
                {o.city}, {o.country}
              </>
            ),
          },
        ]}
      />
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
  const { values: v, set, field, reset } = useFormValues(form, empty);
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
  const createOrganization = async () => {
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
    reset();
    onCreated();
  };
  return (
    <Card id="new-org" title={t('org.new')}>
      <ApiForm form={form} submit={t('org.create')} onSubmit={createOrganization}>
        <div className="row">
          <SelectField label={t('org.kind')} values={KINDS} labels="kind" {...field('kind')} />
          <InputField label={t('org.name')} {...field('name')} />
        </div>
        <div className="row">
          <CountryCityFields country={field('country')} city={field('city')} />
          <InputField type="email" label={t('org.contactEmail')} {...field('contactEmail')} />
        </div>
        {v.kind === 'government' && (
          <div className="row">
            <SelectField
              label={t('org.level')}
              values={LEVELS}
              labels="level"
              {...field('level', 'profile.level')}
            />
            <InputField label={t('org.jurisdiction')} {...field('jurisdiction', 'profile.jurisdiction')} />
          </div>
        )}
        {v.kind === 'employer' && (
          <div className="row">
            <InputField maxLength={1} label={t('placement.sector')} {...field('sector', 'profile.sector')} />
            <SelectField
              label={t('org.sizeBand')}
              values={SIZE_BANDS}
              labels="sizeBand"
              {...field('sizeBand', 'profile.sizeBand')}
            />
          </div>
        )}
        {v.kind === 'civil_society' && (
          <fieldset>
            <legend>{t('org.services')}</legend>
            <CheckboxList
              values={SERVICES}
              selected={v.services}
              onChange={(services) => set('services', services)}
              label={(s) => s.replace(/_/g, ' ')}
            />
          </fieldset>
        )}
        {v.kind === 'migrant_association' && (
          <div className="row">
            <InputField
              label={t('org.communities')}
              hint={t('org.communitiesHint')}
              {...field('communities', 'profile.communities')}
            />
            <InputField
              label={t('participant.languages')}
              hint={t('participant.languagesHint')}
              {...field('languages', 'profile.languages')}
            />
          </div>
        )}
      </ApiForm>
    </Card>
  );
}
