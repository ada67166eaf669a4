import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../api/client';
import { AuditEvent, itemsOf, Member, Organization, OrganizationDetail, Page } from '../api/types';
import type { components } from '../api/schema';
import { isAdmin, useMe } from '../auth';
import { Async, Back, fmtDateTime, PageTitle, useLoad } from '../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../forms';
import { Key, useI18n } from '../i18n';

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

export function AdminNav() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('admin.nav')} className="subnav">
      <ul>
        <li>
          <Link to="/admin/organizations">{t('admin.organizations')}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{t('admin.audit')}</Link>
        </li>
        <li>
          <Link to="/admin/jobs">{t('admin.queues')}</Link>
        </li>
      </ul>
    </nav>
  );
}

export function AdminOrganizationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  const list = useLoad(
    async () =>
      itemsOf(
        await call<Page<Organization>>(
          api.GET('/organizations', {
            params: { query: { limit: 100, ...(kind && { kind: kind as Kind }), ...(text && { text }) } },
          }),
        ),
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
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('common.any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}` as Key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('programmes.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      <Async state={list}>
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
      </Async>
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
            <select value={v.kind} onChange={change('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as Key)}
                </option>
              ))}
            </select>
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
              <select value={v.level} onChange={change('level')}>
                {['national', 'regional', 'municipal', 'local'].map((l) => (
                  <option key={l} value={l}>
                    {t(`level.${l}` as Key)}
                  </option>
                ))}
              </select>
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
              <select value={v.sizeBand} onChange={change('sizeBand')}>
                {['micro', 'small', 'medium', 'large'].map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
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

export function AdminOrganizationPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const org = useLoad(
    () => call<OrganizationDetail>(api.GET('/organizations/{id}', { params: { path: { id } } })),
    [id],
  );
  const members = useLoad(
    async () =>
      itemsOf(
        await call<Page<Member>>(
          api.GET('/organizations/{id}/members', { params: { path: { id }, query: { limit: 100 } } }),
        ),
      ),
    [id],
  );
  const form = useApiForm();
  const memberForm = useApiForm();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'org_admin' | 'member'>('member');
  const [language, setLanguage] = useState<'en' | 'fr' | 'es' | 'ar'>('en');
  const [sent, setSent] = useState('');
  return (
    <>
      <Back to="/admin/organizations">{t('admin.organizations')}</Back>
      <Async state={org}>
        {(o) => (
          <>
            <PageTitle>{o.name}</PageTitle>
            <p>
              {t(`kind.${o.kind}` as Key)} · {o.city}, {o.country} · {o.contactEmail}
            </p>
          </>
        )}
      </Async>
      <section className="card" aria-labelledby="sec-members">
        <h2 id="sec-members">{t('org.members')}</h2>
        <FormAlert form={memberForm} />
        <Async state={members}>
          {(items) => (
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t('profile.name')}</th>
                  <th scope="col">{t('profile.email')}</th>
                  <th scope="col">{t('org.role')}</th>
                  <th scope="col">{t('org.joined')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.userId}>
                    <td data-label={t('profile.name')}>{m.name}</td>
                    <td data-label={t('profile.email')}>{m.email}</td>
                    <td data-label={t('org.role')}>{t(`memberRole.${m.role}` as Key)}</td>
                    <td data-label={t('org.joined')}>{fmtDateTime(m.joinedAt, lang)}</td>
                    <td>
                      <span className="actions">
                        <button
                          type="button"
                          className="small"
                          disabled={memberForm.busy}
                          onClick={() =>
                            void memberForm
                              .run(async () => {
                                await call(
                                  api.PATCH('/organizations/{id}/members/{userId}', {
                                    params: { path: { id, userId: m.userId } },
                                    body: { role: m.role === 'org_admin' ? 'member' : 'org_admin' },
                                  }),
                                );
                              })
                              .then((ok) => ok && members.reload())
                          }
                        >
                          {m.role === 'org_admin' ? t('org.makeMember') : t('org.makeAdmin')}
                          <span className="visually-hidden">: {m.name}</span>
                        </button>
                        <button
                          type="button"
                          className="small"
                          disabled={memberForm.busy}
                          onClick={() =>
                            void memberForm
                              .run(async () => {
                                await call(
                                  api.DELETE('/organizations/{id}/members/{userId}', {
                                    params: { path: { id, userId: m.userId } },
                                  }),
                                );
                              })
                              .then((ok) => ok && members.reload())
                          }
                        >
                          {t('org.removeMember')}
                          <span className="visually-hidden">: {m.name}</span>
                        </button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Async>
        <form
          noValidate
          className="subform"
          aria-labelledby="invite-member"
          onSubmit={form.onSubmit(async () => {
            setSent('');
            await call(
              api.POST('/organizations/{id}/invitations', {
                params: { path: { id } },
                body: { email, role, language },
              }),
            );
            setSent(email);
            setEmail('');
          })}
        >
          <h3 id="invite-member">{t('org.inviteMember')}</h3>
          <FormAlert form={form} />
          {sent && (
            <p role="status" className="alert alert-ok">
              ✓ {t('org.invitationSent', { email: sent })}
            </p>
          )}
          <div className="row">
            <Field form={form} name="email" label={t('profile.email')}>
              <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </Field>
            <Field form={form} name="role" label={t('org.role')}>
              <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
                <option value="member">{t('memberRole.member')}</option>
                <option value="org_admin">{t('memberRole.org_admin')}</option>
              </select>
            </Field>
            <Field form={form} name="language" label={t('profile.language')}>
              <select value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
                <option value="en">English</option>
                <option value="fr">Français</option>
                <option value="es">Español</option>
                <option value="ar">العربية</option>
              </select>
            </Field>
          </div>
          <SubmitButton form={form}>{t('org.sendInvitation')}</SubmitButton>
        </form>
      </section>
    </>
  );
}

export function AdminAuditPage() {
  const { t, lang } = useI18n();
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [filter, setFilter] = useState({ entityType: '', entityId: '' });
  const form = useApiForm();
  const list = useLoad(
    async () =>
      itemsOf(
        await call<Page<AuditEvent>>(
          api.GET('/audit-events', {
            params: {
              query: {
                limit: 100,
                ...(filter.entityType && { entityType: filter.entityType }),
                ...(filter.entityId && { entityId: filter.entityId }),
              },
            },
          }),
        ),
      ),
    [filter],
  );
  return (
    <>
      <PageTitle>{t('admin.audit')}</PageTitle>
      <AdminNav />
      <form
        className="filters"
        role="search"
        aria-label={t('admin.auditFilters')}
        noValidate
        onSubmit={form.onSubmit(async () => setFilter({ entityType, entityId }))}
      >
        <FormAlert form={form} />
        <Field form={form} name="entityType" label={t('audit.entityType')}>
          <input value={entityType} onChange={(e) => setEntityType(e.target.value)} />
        </Field>
        <Field form={form} name="entityId" label={t('audit.entityId')}>
          <input value={entityId} onChange={(e) => setEntityId(e.target.value)} />
        </Field>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Async state={list}>
        {(items) => (
          <table className="responsive audit">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('audit.when')}>{fmtDateTime(e.occurredAt, lang)}</td>
                  <td data-label={t('audit.action')}>{e.action}</td>
                  <td data-label={t('audit.entity')}>
                    {e.entityType} <code>{e.entityId.slice(0, 8)}</code>
                  </td>
                  <td data-label={t('audit.actor')}>
                    <code>{e.actorUserId?.slice(0, 8) ?? '—'}</code>
                  </td>
                  <td data-label={t('audit.changes')}>{Object.keys(e.changes ?? {}).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </>
  );
}
