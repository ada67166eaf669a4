import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, call, download } from '../api/client';
import {
  Consultation,
  ConsultationResults,
  itemsOf,
  Localized,
  Meeting,
  Organization,
  Page,
  Question,
  AnswerValue,
  ConsultationResponse,
} from '../api/types';
import { isAdmin, orgsOfKind, useMe } from '../auth';
import { BarChart } from '../components/charts';
import {
  Async,
  Back,
  DataTable,
  fmtDateTime,
  fromLocalDateTime,
  localDateTime,
  PageTitle,
  StateBadge,
  useLoad,
} from '../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../forms';
import { isRtl, Key, localized, respondText, useI18n } from '../i18n';

/** Languages a consultation can be offered in (its texts come from the officer, per language). */
const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};
const QUESTION_TYPES = ['text', 'single_choice', 'multiple_choice', 'scale'] as const;

const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const loadConsultation = (id: string) =>
  call<Consultation>(api.GET('/consultations/{id}', { params: { path: { id } } }));

export function ConsultationsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const list = useLoad(
    async () =>
      itemsOf(
        await call<Page<Consultation>>(api.GET('/consultations', { params: { query: { limit: 100 } } })),
      ),
    [],
  );
  const mine = new Set(me.memberships.map((m) => m.organizationId));
  const government = orgsOfKind(me, 'government').length > 0;
  return (
    <>
      <PageTitle
        actions={
          government && (
            <Link className="button primary" to="/consultations/new">
              {t('consultation.new')}
            </Link>
          )
        }
      >
        {t('consultations.title')}
      </PageTitle>
      <Async state={list}>
        {(items) => (
          <DataTable
            rows={items}
            empty={t('consultations.none')}
            columns={[
              {
                label: t('consultation.titleLabel'),
                cell: (c) => (
                  <Link
                    to={
                      mine.has(c.organizationId) ? `/consultations/${c.id}` : `/consultations/${c.id}/respond`
                    }
                  >
                    {localized(c.title, lang, c.defaultLanguage)}
                  </Link>
                ),
              },
              { label: t('consultation.status'), cell: (c) => <StateBadge state={c.status} /> },
              { label: t('consultation.opens'), cell: (c) => fmtDateTime(c.opensAt, lang) },
              { label: t('consultation.closes'), cell: (c) => fmtDateTime(c.closesAt, lang) },
              {
                label: t('common.actions'),
                actions: true,
                cell: (c) =>
                  c.status === 'outcome_published' && (
                    <Link to={`/consultations/${c.id}/outcome`}>{t('consultation.outcome')}</Link>
                  ),
              },
            ]}
          />
        )}
      </Async>
    </>
  );
}

/** Organisations that can be invited: everyone in the directory but the owner. */
function useDirectory() {
  return useLoad(
    async () =>
      itemsOf(
        await call<Page<Organization>>(api.GET('/organizations', { params: { query: { limit: 100 } } })),
      ),
    [],
  );
}

function InviteeChecks({
  orgs,
  ownerId,
  value,
  onChange,
}: {
  orgs: Organization[];
  ownerId: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="checks">
      {orgs
        .filter((o) => o.id !== ownerId)
        .map((o) => (
          <label key={o.id} className="inline">
            <input
              type="checkbox"
              checked={value.includes(o.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))
              }
            />{' '}
            {o.name} <span className="muted">({t(`kind.${o.kind}` as Key)})</span>
          </label>
        ))}
    </div>
  );
}

/** Title and description per offered language (API fields `title.<lang>`, `description.<lang>`). */
function TextsFields({
  form,
  languages,
  title,
  description,
  setTitle,
  setDescription,
}: {
  form: ReturnType<typeof useApiForm>;
  languages: string[];
  title: Localized;
  description: Localized;
  setTitle: (v: Localized) => void;
  setDescription: (v: Localized) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {languages.map((l) => (
        <div key={l} className="lang-block" lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
          <Field
            form={form}
            name={`title.${l}`}
            label={t('consultation.titleIn', { language: LANGUAGE_NAMES[l] ?? l })}
          >
            <input value={title[l] ?? ''} onChange={(e) => setTitle({ ...title, [l]: e.target.value })} />
          </Field>
          <Field
            form={form}
            name={`description.${l}`}
            label={t('consultation.descriptionIn', { language: LANGUAGE_NAMES[l] ?? l })}
          >
            <textarea
              rows={3}
              value={description[l] ?? ''}
              onChange={(e) => setDescription({ ...description, [l]: e.target.value })}
            />
          </Field>
        </div>
      ))}
    </>
  );
}

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
          <select value={defaultLanguage} onChange={(e) => setDefaultLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
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

/** The owner's editor: texts, questions, invitations, schedule, meetings, status, outcome. */
export function ConsultationEditorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const state = useLoad(() => loadConsultation(id), [id]);
  const owner = state.data
    ? me.memberships.some((m) => m.organizationId === state.data!.organizationId) || isAdmin(me)
    : false;
  return (
    <>
      <Back to="/consultations">{t('consultations.title')}</Back>
      <Async state={state}>
        {(c) =>
          owner ? (
            <Editor c={c} reload={state.reload} />
          ) : (
            // Invitees answer; the editor is the owners'.
            <Navigate to={`/consultations/${c.id}/respond`} replace />
          )
        }
      </Async>
    </>
  );
}

function Editor({ c, reload }: { c: Consultation; reload: () => void }) {
  const { t, lang } = useI18n();
  const editable = c.status === 'draft' || c.status === 'scheduled';
  const moveForm = useApiForm();
  const moves: Record<string, string[]> = {
    draft: ['scheduled', 'cancelled'],
    scheduled: ['open', 'cancelled'],
    open: ['closed', 'cancelled'],
  };
  return (
    <>
      <PageTitle>{localized(c.title, lang, c.defaultLanguage)}</PageTitle>
      <p>
        <StateBadge state={c.status} /> · {t('consultation.opens')} {fmtDateTime(c.opensAt, lang)} ·{' '}
        {t('consultation.closes')} {fmtDateTime(c.closesAt, lang)}
      </p>
      <FormAlert form={moveForm} />
      <div className="actions">
        {(moves[c.status] ?? []).map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'cancelled' ? '' : 'primary'}
            disabled={moveForm.busy}
            onClick={() =>
              void moveForm
                .run(async () => {
                  await call(
                    api.POST('/consultations/{id}/transitions', {
                      params: { path: { id: c.id } },
                      body: { to: to as 'scheduled' },
                    }),
                  );
                })
                .then((ok) => ok && reload())
            }
          >
            {t(`consultation.to.${to}` as Key)}
          </button>
        ))}
        {c.status !== 'draft' && (
          <Link className="button" to={`/consultations/${c.id}/results`}>
            {t('consultation.results')}
          </Link>
        )}
        {c.status === 'outcome_published' && (
          <Link className="button" to={`/consultations/${c.id}/outcome`}>
            {t('consultation.outcome')}
          </Link>
        )}
      </div>
      {editable && <SettingsForm c={c} reload={reload} />}
      <QuestionsSection c={c} editable={editable} reload={reload} />
      <MeetingsSection c={c} owner />
      {c.status === 'closed' && <OutcomeForm c={c} reload={reload} />}
    </>
  );
}

function SettingsForm({ c, reload }: { c: Consultation; reload: () => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const directory = useDirectory();
  const [title, setTitle] = useState<Localized>(c.title);
  const [description, setDescription] = useState<Localized>(c.description ?? {});
  const [opensAt, setOpensAt] = useState(toLocalInput(c.opensAt));
  const [closesAt, setClosesAt] = useState(toLocalInput(c.closesAt));
  const [invited, setInvited] = useState<string[]>(c.invitedOrganizationIds);
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby="sec-settings">
      <h2 id="sec-settings">{t('consultation.settings')}</h2>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          setSaved(false);
          await call(
            api.PATCH('/consultations/{id}', {
              params: { path: { id: c.id }, header: { 'If-Match': `"${c.version}"` } },
              body: {
                title,
                description,
                opensAt: fromLocalDateTime(opensAt),
                closesAt: fromLocalDateTime(closesAt),
                ...(c.audience === 'invited' ? { invitedOrganizationIds: invited } : {}),
              },
            }),
          );
          setSaved(true);
          reload();
        })}
      >
        <FormAlert form={form} />
        {saved && (
          <p role="status" className="alert alert-ok">
            ✓ {t('common.saved')}
          </p>
        )}
        <TextsFields
          form={form}
          languages={c.languages}
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
        {c.audience === 'invited' && (
          <FieldSet form={form} name="invitedOrganizationIds" legend={t('consultation.invitations')}>
            <Async state={directory}>
              {(orgs) => (
                <InviteeChecks orgs={orgs} ownerId={c.organizationId} value={invited} onChange={setInvited} />
              )}
            </Async>
          </FieldSet>
        )}
        <SubmitButton form={form}>{t('common.save')}</SubmitButton>
      </form>
    </section>
  );
}

function QuestionsSection({
  c,
  editable,
  reload,
}: {
  c: Consultation;
  editable: boolean;
  reload: () => void;
}) {
  const { t, lang } = useI18n();
  const form = useApiForm();
  const [type, setType] = useState<(typeof QUESTION_TYPES)[number]>('single_choice');
  const [prompt, setPrompt] = useState<Localized>({});
  // Options: one per line, the same number of lines in each language.
  const [options, setOptions] = useState<Localized>({});
  const [required, setRequired] = useState(true);
  const choice = type === 'single_choice' || type === 'multiple_choice';
  const questions = c.questions ?? [];
  return (
    <section className="card" aria-labelledby="sec-questions">
      <h2 id="sec-questions">{t('questions.title')}</h2>
      {questions.length === 0 ? (
        <p className="muted">{t('questions.none')}</p>
      ) : (
        <ol className="list">
          {questions.map((q) => (
            <li key={q.id}>
              {localized(q.prompt, lang, c.defaultLanguage)}{' '}
              <span className="muted">({t(`question.type.${q.type}` as Key)})</span>
              {q.options.length > 0 && (
                <ul>
                  {q.options.map((o) => (
                    <li key={o.value}>{localized(o.label, lang, c.defaultLanguage)}</li>
                  ))}
                </ul>
              )}
              {editable && (
                <button
                  type="button"
                  className="small"
                  onClick={async () => {
                    await call(
                      api.DELETE('/consultations/{id}/questions/{questionId}', {
                        params: { path: { id: c.id, questionId: q.id } },
                      }),
                    );
                    reload();
                  }}
                >
                  {t('common.delete')}
                  <span className="visually-hidden">: {localized(q.prompt, lang, c.defaultLanguage)}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <form
          noValidate
          className="subform"
          aria-labelledby="new-question"
          onSubmit={form.onSubmit(async () => {
            const lines = Object.fromEntries(
              c.languages.map((l) => [
                l,
                (options[l] ?? '')
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
              ]),
            );
            const count = Math.max(0, ...Object.values(lines).map((x) => x.length));
            await call(
              api.POST('/consultations/{id}/questions', {
                params: { path: { id: c.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
                body: {
                  type,
                  prompt,
                  required,
                  ...(choice
                    ? {
                        options: Array.from({ length: count }, (_, i) => ({
                          value: `option_${i + 1}`,
                          label: Object.fromEntries(
                            c.languages.filter((l) => lines[l][i]).map((l) => [l, lines[l][i]]),
                          ),
                        })),
                      }
                    : {}),
                },
              }),
            );
            setPrompt({});
            setOptions({});
            reload();
          })}
        >
          <h3 id="new-question">{t('question.new')}</h3>
          <FormAlert form={form} />
          <Field form={form} name="type" label={t('question.type')}>
            <select value={type} onChange={(e) => setType(e.target.value as typeof type)}>
              {QUESTION_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`question.type.${x}` as Key)}
                </option>
              ))}
            </select>
          </Field>
          {c.languages.map((l) => (
            <div key={l} className="lang-block" lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
              <Field
                form={form}
                name={`prompt.${l}`}
                label={t('question.promptIn', { language: LANGUAGE_NAMES[l] ?? l })}
              >
                <input
                  value={prompt[l] ?? ''}
                  onChange={(e) => setPrompt({ ...prompt, [l]: e.target.value })}
                />
              </Field>
              {choice && (
                <Field
                  form={form}
                  name={`options.${l}`}
                  label={t('question.optionsIn', { language: LANGUAGE_NAMES[l] ?? l })}
                  hint={t('question.optionsHint')}
                >
                  <textarea
                    rows={3}
                    value={options[l] ?? ''}
                    onChange={(e) => setOptions({ ...options, [l]: e.target.value })}
                  />
                </Field>
              )}
            </div>
          ))}
          <label className="inline">
            <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />{' '}
            {t('question.required')}
          </label>
          <SubmitButton form={form}>{t('question.add')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

/**
 * A consultation's meetings. Owners manage them in the interface language; a respondent sees them
 * in the language they answer in (`language`), like the form around them.
 */
function MeetingsSection({ c, owner, language }: { c: Consultation; owner: boolean; language?: string }) {
  const { t, lang: uiLang } = useI18n();
  const lang = language ?? uiLang;
  const mt = (
    respondKey: Parameters<typeof respondText>[1],
    uiKey: Key,
    params?: Record<string, string | number>,
  ): string => (language ? respondText(language, respondKey, params) : t(uiKey, params));
  const list = useLoad(
    async () =>
      itemsOf(
        await call<Page<Meeting> | Meeting[]>(
          api.GET('/consultations/{id}/meetings', { params: { path: { id: c.id } } }),
        ),
      ),
    [c.id],
  );
  const form = useApiForm();
  const rsvp = useApiForm();
  const empty = {
    title: '',
    type: 'in_person',
    startsAt: localDateTime(60 * 24 * 2),
    endsAt: localDateTime(60 * 24 * 2 + 90),
    location: '',
    onlineUrl: '',
    capacity: '',
  };
  const [v, setV] = useState(empty);
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <section className="card" aria-labelledby="sec-meetings">
      <h2 id="sec-meetings">{mt('respond.meetings', 'meetings.title')}</h2>
      <FormAlert form={rsvp} />
      <Async state={list}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{mt('respond.meetingsNone', 'meetings.none')}</p>
          ) : (
            <ul className="list">
              {items.map((m) => (
                <li key={m.id}>
                  <strong>{m.title}</strong> ·{' '}
                  {mt(
                    `respond.meetingType.${m.type}` as Parameters<typeof respondText>[1],
                    `meeting.type.${m.type}` as Key,
                  )}{' '}
                  · {fmtDateTime(m.startsAt, lang)}
                  {m.location && ` · ${m.location}`}
                  {m.status && m.status !== 'scheduled' && (
                    <>
                      {' '}
                      <span lang={uiLang}>
                        <StateBadge state={m.status} />
                      </span>
                    </>
                  )}
                  {m.myRsvp && (
                    <>
                      {' '}
                      <span lang={uiLang}>
                        <StateBadge state={m.myRsvp.status} />
                      </span>
                    </>
                  )}
                  {m.seatsLeft !== null && m.seatsLeft !== undefined && (
                    <span className="muted">
                      {' '}
                      · {mt('respond.seatsLeft', 'meeting.seatsLeft', { n: m.seatsLeft })}
                    </span>
                  )}
                  {owner && m.status !== 'cancelled' && (
                    <button
                      type="button"
                      className="small"
                      onClick={() =>
                        void rsvp
                          .run(async () => {
                            await call(
                              api.POST('/consultations/{id}/meetings/{meetingId}/cancel', {
                                params: { path: { id: c.id, meetingId: m.id } },
                              }),
                            );
                          })
                          .then((ok) => ok && list.reload())
                      }
                    >
                      {t('meeting.cancel')}
                      <span className="visually-hidden">: {m.title}</span>
                    </button>
                  )}
                  {!owner && (
                    <span className="actions">
                      {[true, false].map((attending) => (
                        <button
                          key={String(attending)}
                          type="button"
                          className="small"
                          onClick={() =>
                            void rsvp
                              .run(async () => {
                                await call(
                                  api.POST('/consultations/{id}/meetings/{meetingId}/rsvp', {
                                    params: { path: { id: c.id, meetingId: m.id } },
                                    body: { attending },
                                  }),
                                );
                              })
                              .then((ok) => ok && list.reload())
                          }
                        >
                          {attending
                            ? mt('respond.attend', 'meeting.attend')
                            : mt('respond.decline', 'meeting.decline')}
                          <span className="visually-hidden">: {m.title}</span>
                        </button>
                      ))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      {owner && c.status !== 'cancelled' && (
        <form
          noValidate
          className="subform"
          aria-labelledby="new-meeting"
          onSubmit={form.onSubmit(async () => {
            await call(
              api.POST('/consultations/{id}/meetings', {
                params: { path: { id: c.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
                body: {
                  title: v.title,
                  type: v.type as 'in_person',
                  startsAt: fromLocalDateTime(v.startsAt),
                  endsAt: fromLocalDateTime(v.endsAt),
                  location: v.location || undefined,
                  onlineUrl: v.onlineUrl || undefined,
                  capacity: v.capacity ? Number(v.capacity) : undefined,
                },
              }),
            );
            setV(empty);
            list.reload();
          })}
        >
          <h3 id="new-meeting">{t('meeting.new')}</h3>
          <FormAlert form={form} />
          <div className="row">
            <Field form={form} name="title" label={t('meeting.title')}>
              <input value={v.title} onChange={change('title')} />
            </Field>
            <Field form={form} name="type" label={t('meeting.type')}>
              <select value={v.type} onChange={change('type')}>
                {['in_person', 'online', 'hybrid'].map((x) => (
                  <option key={x} value={x}>
                    {t(`meeting.type.${x}` as Key)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="startsAt" label={t('meeting.startsAt')}>
              <input type="datetime-local" value={v.startsAt} onChange={change('startsAt')} />
            </Field>
            <Field form={form} name="endsAt" label={t('meeting.endsAt')}>
              <input type="datetime-local" value={v.endsAt} onChange={change('endsAt')} />
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="location" label={t('meeting.location')}>
              <input value={v.location} onChange={change('location')} />
            </Field>
            <Field form={form} name="onlineUrl" label={t('meeting.onlineUrl')}>
              <input type="url" value={v.onlineUrl} onChange={change('onlineUrl')} />
            </Field>
            <Field form={form} name="capacity" label={t('meeting.capacity')}>
              <input type="number" min={1} value={v.capacity} onChange={change('capacity')} />
            </Field>
          </div>
          <SubmitButton form={form}>{t('meeting.create')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

function OutcomeForm({ c, reload }: { c: Consultation; reload: () => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const [summary, setSummary] = useState<Localized>({});
  const [decisions, setDecisions] = useState<Localized[]>([{}]);
  return (
    <section className="card" aria-labelledby="sec-outcome">
      <h2 id="sec-outcome">{t('outcome.publishTitle')}</h2>
      <p>{t('outcome.intro')}</p>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          await call(
            api.POST('/consultations/{id}/outcome', {
              params: { path: { id: c.id } },
              body: { summary, decisions: decisions.map((text) => ({ text, questionIds: [] })) },
            }),
          );
          reload();
        })}
      >
        <FormAlert form={form} />
        {c.languages.map((l) => (
          <div key={l} className="lang-block" lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
            <Field
              form={form}
              name={`summary.${l}`}
              label={t('outcome.summaryIn', { language: LANGUAGE_NAMES[l] ?? l })}
            >
              <textarea
                rows={3}
                value={summary[l] ?? ''}
                onChange={(e) => setSummary({ ...summary, [l]: e.target.value })}
              />
            </Field>
            {decisions.map((d, i) => (
              <Field
                key={i}
                form={form}
                name={`decisions.${i}.text.${l}`}
                label={t('outcome.decisionIn', { n: i + 1, language: LANGUAGE_NAMES[l] ?? l })}
              >
                <input
                  value={d[l] ?? ''}
                  onChange={(e) =>
                    setDecisions(decisions.map((x, j) => (j === i ? { ...x, [l]: e.target.value } : x)))
                  }
                />
              </Field>
            ))}
          </div>
        ))}
        <div className="actions">
          <button type="button" onClick={() => setDecisions([...decisions, {}])}>
            {t('outcome.addDecision')}
          </button>
          <SubmitButton form={form}>{t('outcome.publish')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

/** The respondent's form, in the language they pick among those offered (Arabic right-to-left). */
export function RespondPage() {
  const { id = '' } = useParams();
  const { t, lang: uiLang } = useI18n();
  const me = useMe();
  const state = useLoad(() => loadConsultation(id), [id]);
  return (
    <>
      <Back to="/consultations">{t('consultations.title')}</Back>
      <Async state={state}>
        {(c) => {
          const preferred =
            [me.user.preferredLanguage, uiLang].find((l) => c.languages.includes(l)) ?? c.defaultLanguage;
          return <RespondForm c={c} initialLanguage={preferred} />;
        }}
      </Async>
    </>
  );
}

function RespondForm({ c, initialLanguage }: { c: Consultation; initialLanguage: string }) {
  const me = useMe();
  const [language, setLanguage] = useState(initialLanguage);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [organizationId, setOrganizationId] = useState(me.memberships[0]?.organizationId ?? '');
  const [done, setDone] = useState(false);
  const [existing, setExisting] = useState(false);
  const form = useApiForm();
  const rt = (key: Parameters<typeof respondText>[1], params?: Record<string, string | number>) =>
    respondText(language, key, params);
  const dir = isRtl(language) ? 'rtl' : 'ltr';
  const text = (l: Localized) => localized(l, language, c.defaultLanguage);

  useEffect(() => {
    call<ConsultationResponse>(
      api.GET('/consultations/{id}/responses/mine', { params: { path: { id: c.id } } }),
    )
      .then((r) => {
        setExisting(true);
        setAnswers(Object.fromEntries(r.answers.map((a) => [a.questionId, a.value])));
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
      });
  }, [c.id]);

  const set = (q: Question, value: AnswerValue) => setAnswers({ ...answers, [q.id]: value });
  const open = c.status === 'open';
  return (
    <div lang={language} dir={dir} className="respond">
      <PageTitle>{text(c.title)}</PageTitle>
      <Field form={form} name="language" label={rt('respond.language')}>
        <select value={language} onChange={(e) => setLanguage(e.target.value)}>
          {c.languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l] ?? l}
            </option>
          ))}
        </select>
      </Field>
      {text(c.description) && <p>{text(c.description)}</p>}
      <p>
        {rt('respond.closes', { date: fmtDateTime(c.closesAt, language) })}
        {c.status === 'outcome_published' && (
          <>
            {' '}
            · <Link to={`/consultations/${c.id}/outcome`}>{rt('respond.outcomeLink')}</Link>
          </>
        )}
      </p>
      {!open && (
        <p className="alert" role="status">
          {rt('respond.notOpen')}
        </p>
      )}
      {done && (
        <p className="alert alert-ok" role="status">
          ✓ {rt('respond.thanks')}
        </p>
      )}
      {open && (
        <form
          noValidate
          onSubmit={form.onSubmit(async () => {
            setDone(false);
            await call(
              api.PUT('/consultations/{id}/responses/mine', {
                params: { path: { id: c.id } },
                body: {
                  ...(me.memberships.length > 1 ? { organizationId } : {}),
                  answers: Object.entries(answers)
                    .filter(([, v]) => !(v === '' || (Array.isArray(v) && v.length === 0)))
                    .map(([questionId, value]) => ({ questionId, value: value as never })),
                },
              }),
            );
            setExisting(true);
            setDone(true);
          })}
        >
          <FormAlert form={form} />
          {me.memberships.length > 1 && (
            <Field form={form} name="organizationId" label={rt('respond.organization')}>
              <select value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
                {me.memberships.map((m) => (
                  <option key={m.organizationId} value={m.organizationId}>
                    {m.organizationName}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {(c.questions ?? []).map((q, i) => {
            const name = `answers.${q.id}`;
            const label = (
              <>
                {i + 1}. {text(q.prompt)}{' '}
                {q.required ? <span className="muted">({rt('respond.required')})</span> : null}
              </>
            );
            if (q.type === 'text')
              return (
                <Field key={q.id} form={form} name={name} label={label}>
                  <textarea
                    rows={3}
                    maxLength={q.maxLength ?? undefined}
                    value={(answers[q.id] as string) ?? ''}
                    onChange={(e) => set(q, e.target.value)}
                  />
                </Field>
              );
            if (q.type === 'single_choice' || q.type === 'scale') {
              const choices =
                q.type === 'scale'
                  ? [1, 2, 3, 4, 5].map((n) => ({ value: n as AnswerValue, label: String(n) }))
                  : q.options.map((o) => ({ value: o.value as AnswerValue, label: text(o.label) }));
              return (
                <FieldSet key={q.id} form={form} name={name} legend={label}>
                  {q.type === 'scale' && <p className="hint">{rt('respond.scaleHint')}</p>}
                  <div className={q.type === 'scale' ? 'checks scale' : 'checks'}>
                    {choices.map((o) => (
                      <label key={String(o.value)} className="inline">
                        <input
                          type="radio"
                          name={name}
                          checked={answers[q.id] === o.value}
                          onChange={() => set(q, o.value)}
                        />{' '}
                        {o.label}
                      </label>
                    ))}
                  </div>
                </FieldSet>
              );
            }
            const chosen = (answers[q.id] as string[]) ?? [];
            return (
              <FieldSet key={q.id} form={form} name={name} legend={label}>
                <div className="checks">
                  {q.options.map((o) => (
                    <label key={o.value} className="inline">
                      <input
                        type="checkbox"
                        checked={chosen.includes(o.value)}
                        onChange={(e) =>
                          set(
                            q,
                            e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value),
                          )
                        }
                      />{' '}
                      {text(o.label)}
                    </label>
                  ))}
                </div>
              </FieldSet>
            );
          })}
          <SubmitButton form={form}>{existing ? rt('respond.update') : rt('respond.submit')}</SubmitButton>
        </form>
      )}
      <MeetingsSection c={c} owner={false} language={language} />
    </div>
  );
}

export function ConsultationResultsPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const consultation = useLoad(() => loadConsultation(id), [id]);
  const results = useLoad(
    () => call<ConsultationResults>(api.GET('/consultations/{id}/results', { params: { path: { id } } })),
    [id],
  );
  const dl = useApiForm();
  return (
    <>
      <Back to={`/consultations/${id}`}>{t('consultation.back')}</Back>
      <Async state={consultation}>
        {(c) => (
          <>
            <PageTitle>
              {t('results.title', { title: localized(c.title, lang, c.defaultLanguage) })}
            </PageTitle>
            <Async state={results}>
              {(r) => (
                <>
                  <section className="card" aria-labelledby="sec-participation">
                    <h2 id="sec-participation">{t('results.participation')}</h2>
                    <p>
                      {t('results.responses', { n: r.responseCount })}
                      {r.participation.responseRate !== null &&
                        ` · ${t('results.rate', {
                          rate: r.participation.responseRate,
                          answered: r.participation.respondedInvitedCount,
                          invited: r.participation.invitedCount,
                        })}`}
                    </p>
                    {r.participation.byKind.length > 0 && (
                      <BarChart
                        title={t('results.byKind')}
                        bars={r.participation.byKind.map((k) => ({
                          label: t(`kind.${k.kind}` as Key),
                          value: k.count,
                        }))}
                      />
                    )}
                    <FormAlert form={dl} />
                    <button
                      type="button"
                      onClick={() =>
                        void dl.run(() =>
                          download(`/consultations/${c.id}/results.csv`, `consultation-${c.id}-results.csv`),
                        )
                      }
                    >
                      {t('results.csv')}
                    </button>
                  </section>
                  {r.questions.map((q, i) => (
                    <section key={q.questionId} className="card" aria-labelledby={`q-${q.questionId}`}>
                      <h2 id={`q-${q.questionId}`}>
                        {i + 1}. {localized(q.prompt, lang, c.defaultLanguage)}
                      </h2>
                      <p className="muted">
                        {t('results.answered', { answered: q.answered, skipped: q.skipped })}
                      </p>
                      {q.options && (
                        <BarChart
                          title={localized(q.prompt, lang, c.defaultLanguage)}
                          bars={q.options.map((o) => ({
                            label: localized(o.label, lang, c.defaultLanguage),
                            value: o.percentage,
                            display: `${o.percentage}% (${o.count})`,
                          }))}
                          max={100}
                        />
                      )}
                      {q.distribution && (
                        <>
                          <p>{t('results.average', { avg: q.average ?? '—' })}</p>
                          <BarChart
                            title={localized(q.prompt, lang, c.defaultLanguage)}
                            bars={q.distribution.map((d) => ({
                              label: String(d.value),
                              value: d.percentage,
                              display: `${d.percentage}% (${d.count})`,
                            }))}
                            max={100}
                          />
                        </>
                      )}
                      {q.answers && (
                        <ul className="list">
                          {q.answers.map((a, j) => (
                            <li key={j}>
                              <span dir="auto">{a.text}</span>
                              {a.organizationName && <span className="muted"> — {a.organizationName}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </section>
                  ))}
                </>
              )}
            </Async>
          </>
        )}
      </Async>
    </>
  );
}

export function ConsultationOutcomePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const me = useMe();
  const state = useLoad(() => loadConsultation(id), [id]);
  const [language, setLanguage] = useState<string | null>(null);
  return (
    <>
      <Back to="/consultations">{t('consultations.title')}</Back>
      <Async state={state}>
        {(c) => {
          const l =
            language ??
            [me.user.preferredLanguage, lang].find((x) => c.languages.includes(x)) ??
            c.defaultLanguage;
          const text = (x: Localized) => localized(x, l, c.defaultLanguage);
          return (
            <div lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
              <PageTitle>{text(c.title)}</PageTitle>
              <label>
                {respondText(l, 'respond.language')}{' '}
                <select value={l} onChange={(e) => setLanguage(e.target.value)}>
                  {c.languages.map((x) => (
                    <option key={x} value={x} lang={x}>
                      {LANGUAGE_NAMES[x] ?? x}
                    </option>
                  ))}
                </select>
              </label>
              {c.outcome ? (
                <section className="card" aria-labelledby="sec-you-said">
                  <h2 id="sec-you-said">{respondText(l, 'respond.outcomeTitle')}</h2>
                  <p>{text(c.outcome.summary)}</p>
                  <h3>{respondText(l, 'respond.decisions')}</h3>
                  <ul className="list">
                    {c.outcome.decisions.map((d, i) => (
                      <li key={i}>{text(d.text)}</li>
                    ))}
                  </ul>
                  <p className="muted">{fmtDateTime(c.outcomePublishedAt, l)}</p>
                  <p>
                    <Link to={`/consultations/${c.id}/results`}>{respondText(l, 'respond.resultsLink')}</Link>
                  </p>
                </section>
              ) : (
                <p className="muted">{t('outcome.notYet')}</p>
              )}
            </div>
          );
        }}
      </Async>
    </>
  );
}
