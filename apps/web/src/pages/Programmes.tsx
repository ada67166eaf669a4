import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, call } from '../api/client';
import {
  Dashboard,
  HistoryEntry,
  Indicator,
  IndicatorValue,
  itemsOf,
  Milestone,
  Organization,
  Page,
  Partner,
  Programme,
  Task,
  TaskComment,
} from '../api/types';
import type { components } from '../api/schema';
import { isAdmin, useMe } from '../auth';
import { BarChart, IndicatorChart, Progress } from '../components/charts';
import {
  Async,
  Back,
  DataTable,
  fmtDate,
  fmtDateTime,
  PageTitle,
  StateBadge,
  today,
  useLoad,
} from '../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../forms';
import { Key, useI18n } from '../i18n';

type Dimension = NonNullable<components['schemas']['CreateProgrammeDto']['dimensions']>[number];
export const DIMENSIONS: Dimension[] = [
  'economic',
  'social',
  'cultural',
  'linguistic',
  'civic_political',
  'legal',
  'education',
  'health',
  'housing',
];
const PROGRAMME_STATUSES = ['draft', 'active', 'suspended', 'completed', 'archived', 'cancelled'] as const;
const PARTNER_ROLES = ['funder', 'implementer', 'service_provider', 'advisor', 'observer'] as const;
const TASK_STATES = ['todo', 'in_progress', 'blocked', 'done'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Which moves a task may make from a state (the API has the last word). */
const TASK_MOVES: Record<string, ('todo' | 'in_progress' | 'blocked' | 'done')[]> = {
  todo: ['in_progress'],
  in_progress: ['done', 'blocked'],
  blocked: ['in_progress'],
  done: ['in_progress'],
  cancelled: [],
};
const moveLabel = (from: string, to: string): Key =>
  from === 'done' && to === 'in_progress' ? 'task.move.reopen' : (`task.move.${to}` as Key);
const PROGRAMME_MOVES: Record<string, (typeof PROGRAMME_STATUSES)[number][]> = {
  draft: ['active', 'cancelled'],
  active: ['suspended', 'completed'],
  suspended: ['active', 'completed'],
  completed: ['archived'],
  archived: [],
  cancelled: [],
};

export function ProgrammesPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const dimension = params.get('dimension') ?? '';
  const text = params.get('text') ?? '';
  const [draftText, setDraftText] = useState(text);
  const list = useLoad(
    async () =>
      itemsOf(
        await call<Page<Programme>>(
          api.GET('/programmes', {
            params: {
              query: {
                limit: 100,
                ...(status && { status: status as (typeof PROGRAMME_STATUSES)[number] }),
                ...(dimension && { dimension: dimension as Dimension }),
                ...(text && { text }),
              },
            },
          }),
        ),
      ),
    [status, dimension, text],
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const canCreate = me.memberships.some((m) => m.role === 'org_admin');
  return (
    <>
      <PageTitle
        actions={
          canCreate && (
            <Link className="button primary" to="/programmes/new">
              {t('programme.new')}
            </Link>
          )
        }
      >
        {t('programmes.title')}
      </PageTitle>
      <form
        className="filters"
        role="search"
        aria-label={t('programmes.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          set('text', draftText);
        }}
      >
        <label>
          {t('programmes.search')}
          <input type="search" value={draftText} onChange={(e) => setDraftText(e.target.value)} />
        </label>
        <label>
          {t('programme.status')}
          <select value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('common.any')}</option>
            {PROGRAMME_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}` as Key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('programme.dimension')}
          <select value={dimension} onChange={(e) => set('dimension', e.target.value)}>
            <option value="">{t('common.any')}</option>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`dimension.${d}` as Key)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Async state={list}>
        {(items) => (
          <DataTable
            rows={items}
            empty={t('programmes.none')}
            columns={[
              {
                label: t('programme.title'),
                cell: (p) => <Link to={`/programmes/${p.id}`}>{p.title}</Link>,
              },
              { label: t('programme.status'), cell: (p) => <StateBadge state={p.status} /> },
              {
                label: t('programme.place'),
                cell: (p) => [p.city, p.country].filter(Boolean).join(', '),
              },
              {
                label: t('programme.dates'),
                cell: (p) => `${fmtDate(p.startDate, lang)} – ${fmtDate(p.endDate, lang)}`,
              },
            ]}
          />
        )}
      </Async>
    </>
  );
}

function ProgrammeForm({ programme }: { programme?: Programme }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useApiForm();
  const leads = me.memberships.filter((m) => m.role === 'org_admin');
  const [v, setV] = useState({
    title: programme?.title ?? '',
    summary: programme?.summary ?? '',
    leadOrganizationId: programme?.leadOrganizationId ?? leads[0]?.organizationId ?? '',
    startDate: programme?.startDate ?? today(),
    endDate: programme?.endDate ?? '',
    country: programme?.country ?? '',
    city: programme?.city ?? '',
    dimensions: (programme?.dimensions ?? []) as Dimension[],
  });
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async () => {
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
              params: { path: { id: programme.id } },
              body: common,
              headers: { 'If-Match': `"${programme.version}"` },
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
      })}
    >
      <FormAlert form={form} />
      <Field form={form} name="title" label={t('programme.title')}>
        <input value={v.title} onChange={change('title')} />
      </Field>
      <Field form={form} name="summary" label={t('programme.summary')}>
        <textarea rows={3} value={v.summary} onChange={change('summary')} />
      </Field>
      {!programme && (
        <Field form={form} name="leadOrganizationId" label={t('programme.lead')}>
          <select value={v.leadOrganizationId} onChange={change('leadOrganizationId')}>
            {leads.map((m) => (
              <option key={m.organizationId} value={m.organizationId}>
                {m.organizationName}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="row">
        <Field form={form} name="startDate" label={t('programme.startDate')}>
          <input type="date" value={v.startDate} onChange={change('startDate')} />
        </Field>
        <Field form={form} name="endDate" label={t('programme.endDate')}>
          <input type="date" value={v.endDate} onChange={change('endDate')} />
        </Field>
      </div>
      <div className="row">
        <Field form={form} name="country" label={t('programme.country')} hint={t('programme.countryHint')}>
          <input value={v.country} maxLength={2} onChange={change('country')} />
        </Field>
        <Field form={form} name="city" label={t('programme.city')}>
          <input value={v.city} onChange={change('city')} />
        </Field>
      </div>
      <FieldSet form={form} name="dimensions" legend={t('programme.dimensions')}>
        <div className="checks">
          {DIMENSIONS.map((d) => (
            <label key={d} className="inline">
              <input
                type="checkbox"
                checked={v.dimensions.includes(d)}
                onChange={(e) =>
                  setV({
                    ...v,
                    dimensions: e.target.checked ? [...v.dimensions, d] : v.dimensions.filter((x) => x !== d),
                  })
                }
              />{' '}
              {t(`dimension.${d}` as Key)}
            </label>
          ))}
        </div>
      </FieldSet>
      <SubmitButton form={form}>{programme ? t('common.save') : t('programme.create')}</SubmitButton>
    </form>
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

interface ProgrammeData {
  programme: Programme;
  partners: Partner[];
  tasks: Task[];
  milestones: Milestone[];
  dashboard: Dashboard;
  indicators: Indicator[];
}

async function loadProgramme(id: string): Promise<ProgrammeData> {
  const path = { path: { id } };
  const [programme, partners, tasks, milestones, dashboard, indicators] = await Promise.all([
    call<Programme>(api.GET('/programmes/{id}', { params: path })),
    call<Partner[] | Page<Partner>>(api.GET('/programmes/{id}/partners', { params: path })),
    call<Page<Task>>(api.GET('/programmes/{id}/tasks', { params: { ...path, query: { limit: 100 } } })),
    call<Milestone[] | Page<Milestone>>(api.GET('/programmes/{id}/milestones', { params: path })),
    call<Dashboard>(api.GET('/programmes/{id}/dashboard', { params: path })),
    call<Page<Indicator>>(
      api.GET('/programmes/{id}/indicators', { params: { ...path, query: { limit: 100 } } }),
    ),
  ]);
  return {
    programme,
    partners: itemsOf(partners),
    tasks: itemsOf(tasks),
    milestones: itemsOf(milestones),
    dashboard,
    indicators: itemsOf(indicators),
  };
}

export function ProgrammePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const state = useLoad(() => loadProgramme(id), [id]);
  return (
    <>
      <Back to="/programmes">{t('programmes.title')}</Back>
      <Async state={state}>{(data) => <ProgrammeView data={data} reload={state.reload} />}</Async>
    </>
  );
}

function ProgrammeView({ data, reload }: { data: ProgrammeData; reload: () => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const { programme: p, partners, tasks, milestones, dashboard, indicators } = data;
  const myOrgs = new Set(me.memberships.map((m) => m.organizationId));
  const adminOf = new Set(me.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId));
  // Managers: org admins of the lead (the API also knows named managers; it refuses what is not allowed).
  const manager = adminOf.has(p.leadOrganizationId) || isAdmin(me);
  const orgName = (orgId: string) =>
    partners.find((x) => x.organizationId === orgId)?.organizationName ?? orgId;
  const moveForm = useApiForm();
  return (
    <>
      <PageTitle
        actions={
          manager && (
            <Link className="button" to={`/programmes/${p.id}/edit`}>
              {t('programme.edit')}
            </Link>
          )
        }
      >
        {p.title}
      </PageTitle>
      <p>
        <StateBadge state={p.status} /> · {fmtDate(p.startDate, lang)} – {fmtDate(p.endDate, lang)} ·{' '}
        {[p.city, p.country].filter(Boolean).join(', ')}
      </p>
      {p.summary && <p>{p.summary}</p>}
      {manager && (PROGRAMME_MOVES[p.status] ?? []).length > 0 && (
        <div className="actions" aria-label={t('programme.changeStatus')}>
          <FormAlert form={moveForm} />
          {PROGRAMME_MOVES[p.status].map((to) => (
            <button
              key={to}
              type="button"
              disabled={moveForm.busy}
              onClick={() =>
                void moveForm
                  .run(async () => {
                    await call(
                      api.POST('/programmes/{id}/transitions', {
                        params: { path: { id: p.id } },
                        body: { to },
                      }),
                    );
                  })
                  .then((ok) => ok && reload())
              }
            >
              {t(`programme.to.${to}` as Key)}
            </button>
          ))}
        </div>
      )}

      <section className="card" aria-labelledby="sec-dashboard">
        <h2 id="sec-dashboard">{t('dashboard.title')}</h2>
        <div className="grid">
          <BarChart
            title={t('dashboard.tasksByState')}
            bars={Object.entries(dashboard.tasksByState).map(([s, n]) => ({
              label: t(`state.${s}` as Key),
              value: Number(n),
            }))}
          />
          {dashboard.indicators.length > 0 && (
            <BarChart
              title={t('dashboard.indicatorProgress')}
              max={100}
              bars={dashboard.indicators.map((i) => ({
                label: i.name,
                value: Math.round((i.progress ?? 0) * 100),
                display:
                  i.progress === null
                    ? t('dashboard.noValue')
                    : `${Math.round(i.progress * 100)}% (${i.latestValue?.value ?? '—'} / ${i.target})`,
              }))}
            />
          )}
          <div>
            <h3>{t('dashboard.overdue')}</h3>
            {dashboard.overdueTasks.length === 0 ? (
              <p className="muted">{t('dashboard.noOverdue')}</p>
            ) : (
              <ul className="list">
                {dashboard.overdueTasks.map((o) => (
                  <li key={o.id}>
                    <Link to={`/tasks/${o.id}`}>{o.title}</Link> · {fmtDate(o.dueDate, lang)} ·{' '}
                    {orgName(o.assigneeOrganizationId)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      <PartnersSection
        programme={p}
        partners={partners}
        manager={manager}
        adminOf={adminOf}
        reload={reload}
      />

      <section className="card" aria-labelledby="sec-board">
        <h2 id="sec-board">{t('board.title')}</h2>
        <div className="board">
          {TASK_STATES.map((s) => {
            const column = tasks.filter((task) => task.state === s);
            return (
              <section key={s} className="board-column" aria-labelledby={`col-${s}`}>
                <h3 id={`col-${s}`}>
                  <StateBadge state={s} /> <span className="muted">({column.length})</span>
                </h3>
                <ul>
                  {column.map((task) => (
                    <TaskCard
                      key={task.id}
                      task={task}
                      orgName={orgName(task.assigneeOrganizationId)}
                      canMove={manager || myOrgs.has(task.assigneeOrganizationId)}
                      onMoved={reload}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
        {manager && (
          <NewTaskForm programmeId={p.id} partners={partners} milestones={milestones} onCreated={reload} />
        )}
      </section>

      <section className="card" aria-labelledby="sec-milestones">
        <h2 id="sec-milestones">{t('milestones.title')}</h2>
        {dashboard.milestones.length === 0 ? (
          <p className="muted">{t('milestones.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('milestone.title')}</th>
                <th scope="col">{t('milestone.due')}</th>
                <th scope="col">{t('milestone.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.milestones.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.title}{' '}
                    {m.overdue && (
                      <span className="badge badge-overdue">
                        <span aria-hidden="true">⚠ </span>
                        {t('task.overdue')}
                      </span>
                    )}
                  </td>
                  <td>{fmtDate(m.dueDate, lang)}</td>
                  <td>
                    <Progress value={m.progress ?? 0} label={t('milestone.progressOf', { title: m.title })} />{' '}
                    ({m.tasksDone}/{m.tasksTotal})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {manager && <NewMilestoneForm programmeId={p.id} onCreated={reload} />}
      </section>

      <IndicatorsSection
        programmeId={p.id}
        indicators={indicators}
        manager={manager}
        working={partners.some(
          (x) => myOrgs.has(x.organizationId) && x.status === 'active' && x.role !== 'observer',
        )}
        reload={reload}
      />

      <section className="card" aria-labelledby="sec-activity">
        <h2 id="sec-activity">{t('dashboard.partnerActivity')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('partner.organization')}</th>
              <th scope="col">{t('partner.role')}</th>
              <th scope="col">{t('dashboard.lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.partners.map((x) => (
              <tr key={x.organizationId}>
                <td>{x.name}</td>
                <td>{t(`role.${x.role}` as Key)}</td>
                <td>{fmtDateTime(x.lastActivityAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function PartnersSection({
  programme,
  partners,
  manager,
  adminOf,
  reload,
}: {
  programme: Programme;
  partners: Partner[];
  manager: boolean;
  adminOf: Set<string>;
  reload: () => void;
}) {
  const { t } = useI18n();
  const form = useApiForm();
  const answer = useApiForm();
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<(typeof PARTNER_ROLES)[number]>('implementer');
  const orgs = useLoad(
    async () =>
      manager
        ? itemsOf(
            await call<Page<Organization>>(api.GET('/organizations', { params: { query: { limit: 100 } } })),
          )
        : [],
    [manager],
  );
  const taken = new Set(partners.map((x) => x.organizationId));
  return (
    <section className="card" aria-labelledby="sec-partners">
      <h2 id="sec-partners">{t('partners.title')}</h2>
      <FormAlert form={answer} />
      <table className="responsive">
        <thead>
          <tr>
            <th scope="col">{t('partner.organization')}</th>
            <th scope="col">{t('partner.role')}</th>
            <th scope="col">{t('partner.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {partners.map((x) => (
            <tr key={x.organizationId}>
              <td data-label={t('partner.organization')}>{x.organizationName}</td>
              <td data-label={t('partner.role')}>{t(`role.${x.role}` as Key)}</td>
              <td data-label={t('partner.status')}>
                <StateBadge state={x.status} />
              </td>
              <td>
                {x.status === 'invited' && adminOf.has(x.organizationId) && (
                  <span className="actions">
                    {(['accept', 'decline'] as const).map((a) => (
                      <button
                        key={a}
                        type="button"
                        className={a === 'accept' ? 'primary' : ''}
                        disabled={answer.busy}
                        onClick={() =>
                          void answer
                            .run(async () => {
                              const params = { path: { id: programme.id, organizationId: x.organizationId } };
                              await call(
                                a === 'accept'
                                  ? api.POST('/programmes/{id}/partners/{organizationId}/accept', { params })
                                  : api.POST('/programmes/{id}/partners/{organizationId}/decline', {
                                      params,
                                    }),
                              );
                            })
                            .then((ok) => ok && reload())
                        }
                      >
                        {t(`partner.${a}` as Key)}
                      </button>
                    ))}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {manager && (
        <form
          noValidate
          className="subform"
          aria-labelledby="invite-partner"
          onSubmit={form.onSubmit(async () => {
            await call(
              api.POST('/programmes/{id}/partners', {
                params: { path: { id: programme.id } },
                body: { organizationId, role },
              }),
            );
            setOrganizationId('');
            reload();
          })}
        >
          <h3 id="invite-partner">{t('partners.invite')}</h3>
          <FormAlert form={form} />
          <div className="row">
            <Field form={form} name="organizationId" label={t('partner.organization')}>
              <select value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
                <option value="">{t('common.choose')}</option>
                {(orgs.data ?? [])
                  .filter((o) => !taken.has(o.id))
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name} ({t(`kind.${o.kind}` as Key)})
                    </option>
                  ))}
              </select>
            </Field>
            <Field form={form} name="role" label={t('partner.role')}>
              <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
                {PARTNER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}` as Key)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <SubmitButton form={form}>{t('partners.inviteSubmit')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

function TaskCard({
  task,
  orgName,
  canMove,
  onMoved,
}: {
  task: Task;
  orgName: string;
  canMove: boolean;
  onMoved: () => void;
}) {
  const { t, lang } = useI18n();
  const form = useApiForm();
  const [reason, setReason] = useState('');
  const [blocking, setBlocking] = useState(false);
  const move = (to: 'todo' | 'in_progress' | 'blocked' | 'done') =>
    void form
      .run(async () => {
        await call(
          api.POST('/tasks/{id}/transitions', {
            params: { path: { id: task.id } },
            body: to === 'blocked' ? { to, reason } : { to },
          }),
        );
      })
      .then((ok) => ok && onMoved());
  return (
    <li className="task-card">
      <Link to={`/tasks/${task.id}`}>{task.title}</Link>
      <div className="muted small-text">
        {orgName} · {t(`priority.${task.priority}` as Key)}
        {task.dueDate && ` · ${t('task.due')} ${fmtDate(task.dueDate, lang)}`}
        {task.overdue && (
          <span className="badge badge-overdue">
            <span aria-hidden="true">⚠ </span>
            {t('task.overdue')}
          </span>
        )}
      </div>
      <FormAlert form={form} />
      {canMove && (
        <div className="actions">
          {(TASK_MOVES[task.state] ?? []).map((to) =>
            to === 'blocked' && !blocking ? (
              <button key={to} type="button" className="small" onClick={() => setBlocking(true)}>
                {t('task.move.blocked')}
                <span className="visually-hidden">: {task.title}</span>
              </button>
            ) : to === 'blocked' ? null : (
              <button key={to} type="button" className="small" disabled={form.busy} onClick={() => move(to)}>
                {t(moveLabel(task.state, to))}
                <span className="visually-hidden">: {task.title}</span>
              </button>
            ),
          )}
        </div>
      )}
      {blocking && (
        <div className="subform">
          <Field form={form} name="reason" label={t('task.blockedReason')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="button" className="small" onClick={() => move('blocked')}>
            {t('task.move.blocked')}
          </button>
        </div>
      )}
    </li>
  );
}

function NewTaskForm({
  programmeId,
  partners,
  milestones,
  onCreated,
}: {
  programmeId: string;
  partners: Partner[];
  milestones: Milestone[];
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const form = useApiForm();
  const working = partners.filter((x) => x.status === 'active' && x.role !== 'observer');
  const empty = {
    title: '',
    description: '',
    assigneeOrganizationId: '',
    milestoneId: '',
    dueDate: '',
    priority: 'normal',
  };
  const [v, setV] = useState(empty);
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <form
      noValidate
      className="subform"
      aria-labelledby="new-task"
      onSubmit={form.onSubmit(async () => {
        await call(
          api.POST('/programmes/{id}/tasks', {
            params: { path: { id: programmeId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
            body: {
              title: v.title,
              description: v.description || undefined,
              assigneeOrganizationId: v.assigneeOrganizationId,
              milestoneId: v.milestoneId || undefined,
              dueDate: v.dueDate || undefined,
              priority: v.priority as (typeof PRIORITIES)[number],
            },
          }),
        );
        setV(empty);
        onCreated();
      })}
    >
      <h3 id="new-task">{t('task.new')}</h3>
      <FormAlert form={form} />
      <Field form={form} name="title" label={t('task.title')}>
        <input value={v.title} onChange={change('title')} />
      </Field>
      <Field form={form} name="description" label={t('task.description')}>
        <textarea rows={2} value={v.description} onChange={change('description')} />
      </Field>
      <div className="row">
        <Field form={form} name="assigneeOrganizationId" label={t('task.assignee')}>
          <select value={v.assigneeOrganizationId} onChange={change('assigneeOrganizationId')}>
            <option value="">{t('common.choose')}</option>
            {working.map((x) => (
              <option key={x.organizationId} value={x.organizationId}>
                {x.organizationName}
              </option>
            ))}
          </select>
        </Field>
        <Field form={form} name="milestoneId" label={t('task.milestone')}>
          <select value={v.milestoneId} onChange={change('milestoneId')}>
            <option value="">{t('common.none')}</option>
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="row">
        <Field form={form} name="dueDate" label={t('task.dueDate')}>
          <input type="date" value={v.dueDate} onChange={change('dueDate')} />
        </Field>
        <Field form={form} name="priority" label={t('task.priority')}>
          <select value={v.priority} onChange={change('priority')}>
            {PRIORITIES.map((x) => (
              <option key={x} value={x}>
                {t(`priority.${x}` as Key)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <SubmitButton form={form}>{t('task.create')}</SubmitButton>
    </form>
  );
}

function NewMilestoneForm({ programmeId, onCreated }: { programmeId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  return (
    <form
      noValidate
      className="subform"
      aria-labelledby="new-milestone"
      onSubmit={form.onSubmit(async () => {
        await call(
          api.POST('/programmes/{id}/milestones', {
            params: { path: { id: programmeId } },
            body: { title, dueDate },
          }),
        );
        setTitle('');
        setDueDate('');
        onCreated();
      })}
    >
      <h3 id="new-milestone">{t('milestone.new')}</h3>
      <FormAlert form={form} />
      <div className="row">
        <Field form={form} name="title" label={t('milestone.title')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field form={form} name="dueDate" label={t('milestone.due')}>
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
      </div>
      <SubmitButton form={form}>{t('milestone.create')}</SubmitButton>
    </form>
  );
}

function IndicatorsSection({
  programmeId,
  indicators,
  manager,
  working,
  reload,
}: {
  programmeId: string;
  indicators: Indicator[];
  manager: boolean;
  working: boolean;
  reload: () => void;
}) {
  const { t } = useI18n();
  const form = useApiForm();
  const empty = {
    name: '',
    dimension: 'economic',
    unit: '%',
    baseline: '',
    target: '',
    direction: 'increase',
  };
  const [v, setV] = useState(empty);
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <section className="card" aria-labelledby="sec-indicators">
      <h2 id="sec-indicators">{t('indicators.title')}</h2>
      {indicators.length === 0 && <p className="muted">{t('indicators.none')}</p>}
      {indicators.map((i) => (
        <IndicatorBlock key={i.id} indicator={i} canReport={manager || working} />
      ))}
      {manager && (
        <form
          noValidate
          className="subform"
          aria-labelledby="new-indicator"
          onSubmit={form.onSubmit(async () => {
            await call(
              api.POST('/programmes/{id}/indicators', {
                params: { path: { id: programmeId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
                body: {
                  name: v.name,
                  kind: 'plain',
                  dimension: v.dimension as Dimension,
                  unit: v.unit,
                  baseline: v.baseline === '' ? (undefined as unknown as number) : Number(v.baseline),
                  target: v.target === '' ? (undefined as unknown as number) : Number(v.target),
                  direction: v.direction as 'increase' | 'decrease',
                },
              }),
            );
            setV(empty);
            reload();
          })}
        >
          <h3 id="new-indicator">{t('indicator.new')}</h3>
          <FormAlert form={form} />
          <div className="row">
            <Field form={form} name="name" label={t('indicator.name')}>
              <input value={v.name} onChange={change('name')} />
            </Field>
            <Field form={form} name="dimension" label={t('programme.dimension')}>
              <select value={v.dimension} onChange={change('dimension')}>
                {DIMENSIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`dimension.${d}` as Key)}
                  </option>
                ))}
              </select>
            </Field>
            <Field form={form} name="unit" label={t('indicator.unit')}>
              <input value={v.unit} onChange={change('unit')} />
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="baseline" label={t('indicator.baseline')}>
              <input inputMode="decimal" value={v.baseline} onChange={change('baseline')} />
            </Field>
            <Field form={form} name="target" label={t('indicator.target')}>
              <input inputMode="decimal" value={v.target} onChange={change('target')} />
            </Field>
            <Field form={form} name="direction" label={t('indicator.direction')}>
              <select value={v.direction} onChange={change('direction')}>
                <option value="increase">{t('indicator.increase')}</option>
                <option value="decrease">{t('indicator.decrease')}</option>
              </select>
            </Field>
          </div>
          <SubmitButton form={form}>{t('indicator.create')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

function IndicatorBlock({ indicator: i, canReport }: { indicator: Indicator; canReport: boolean }) {
  const { t, lang } = useI18n();
  const values = useLoad(
    async () =>
      itemsOf(
        await call<Page<IndicatorValue>>(
          api.GET('/indicators/{id}/values', { params: { path: { id: i.id }, query: { limit: 100 } } }),
        ),
      ),
    [i.id],
  );
  const form = useApiForm();
  const [v, setV] = useState({ periodStart: '', periodEnd: '', value: '', note: '' });
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <div className="indicator">
      <h3>{i.name}</h3>
      <Async state={values}>
        {(vals) => (
          <IndicatorChart
            title={t('indicator.chartTitle', { name: i.name })}
            points={vals.map((x) => ({
              label: `${fmtDate(x.periodStart, lang)} – ${fmtDate(x.periodEnd, lang)}`,
              value: x.value,
            }))}
            baseline={i.baseline}
            target={i.target}
            unit={i.unit === '%' ? '%' : ` ${i.unit}`}
            labels={{
              period: t('indicator.period'),
              value: t('indicator.value'),
              baseline: t('indicator.baseline'),
              target: t('indicator.target'),
            }}
          />
        )}
      </Async>
      {canReport && i.kind === 'plain' && (
        <form
          noValidate
          className="subform"
          onSubmit={form.onSubmit(async () => {
            await call(
              api.POST('/indicators/{id}/values', {
                params: { path: { id: i.id } },
                body: {
                  periodStart: v.periodStart,
                  periodEnd: v.periodEnd,
                  value: v.value === '' ? undefined : Number(v.value),
                  note: v.note || undefined,
                },
              }),
            );
            setV({ periodStart: '', periodEnd: '', value: '', note: '' });
            values.reload();
          })}
        >
          <FormAlert form={form} />
          <div className="row">
            <Field form={form} name="periodStart" label={t('indicator.periodStart')}>
              <input type="date" value={v.periodStart} onChange={change('periodStart')} />
            </Field>
            <Field form={form} name="periodEnd" label={t('indicator.periodEnd')}>
              <input type="date" value={v.periodEnd} onChange={change('periodEnd')} />
            </Field>
            <Field form={form} name="value" label={t('indicator.value')}>
              <input inputMode="decimal" value={v.value} onChange={change('value')} />
            </Field>
          </div>
          <SubmitButton form={form}>{t('indicator.report', { name: i.name })}</SubmitButton>
        </form>
      )}
    </div>
  );
}

export function TaskPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const task = useLoad(() => call<Task>(api.GET('/tasks/{id}', { params: { path: { id } } })), [id]);
  const comments = useLoad(
    async () =>
      itemsOf(
        await call<Page<TaskComment>>(
          api.GET('/tasks/{id}/comments', { params: { path: { id }, query: { limit: 100 } } }),
        ),
      ),
    [id],
  );
  const form = useApiForm();
  const moveForm = useApiForm();
  const [body, setBody] = useState('');
  return (
    <Async state={task}>
      {(x) => (
        <>
          <Back to={`/programmes/${x.programmeId}`}>{t('programme.back')}</Back>
          <PageTitle>{x.title}</PageTitle>
          <p>
            <StateBadge state={x.state} /> · {t(`priority.${x.priority}` as Key)} · {t('task.due')}{' '}
            {fmtDate(x.dueDate, lang)}
            {x.overdue && (
              <span className="badge badge-overdue">
                <span aria-hidden="true">⚠ </span>
                {t('task.overdue')}
              </span>
            )}
          </p>
          {x.description && <p>{x.description}</p>}
          {x.blockedReason && (
            <p>
              {t('task.blockedReason')}: {x.blockedReason}
            </p>
          )}
          <FormAlert form={moveForm} />
          <div className="actions">
            {(TASK_MOVES[x.state] ?? [])
              .filter((to) => to !== 'blocked')
              .map((to) => (
                <button
                  key={to}
                  type="button"
                  disabled={moveForm.busy}
                  onClick={() =>
                    void moveForm
                      .run(async () => {
                        await call(
                          api.POST('/tasks/{id}/transitions', {
                            params: { path: { id: x.id } },
                            body: { to },
                          }),
                        );
                      })
                      .then((ok) => ok && task.reload())
                  }
                >
                  {t(moveLabel(x.state, to))}
                </button>
              ))}
          </div>
          <TaskEditor task={x} onSaved={task.reload} />
          <TaskHistory taskId={x.id} version={x.version} />
          <section className="card" aria-labelledby="sec-comments">
            <h2 id="sec-comments">{t('comments.title')}</h2>
            <Async state={comments}>
              {(items) =>
                items.length === 0 ? (
                  <p className="muted">{t('comments.none')}</p>
                ) : (
                  <ol className="list">
                    {items.map((c) => (
                      <li key={c.id}>
                        <strong>{c.authorName}</strong>{' '}
                        <span className="muted">{fmtDateTime(c.createdAt, lang)}</span>
                        <p>{c.body}</p>
                      </li>
                    ))}
                  </ol>
                )
              }
            </Async>
            <form
              noValidate
              onSubmit={form.onSubmit(async () => {
                await call(
                  api.POST('/tasks/{id}/comments', {
                    params: { path: { id: x.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
                    body: { body },
                  }),
                );
                setBody('');
                comments.reload();
              })}
            >
              <FormAlert form={form} />
              <Field form={form} name="body" label={t('comments.add')} hint={t('comments.mentionHint')}>
                <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
              </Field>
              <SubmitButton form={form}>{t('comments.submit')}</SubmitButton>
            </form>
          </section>
        </>
      )}
    </Async>
  );
}

const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Who changed what and when, from the audit trail (reloaded when the task's version moves). */
function TaskHistory({ taskId, version }: { taskId: string; version: number }) {
  const { t, lang } = useI18n();
  const history = useLoad(
    async () =>
      itemsOf(
        await call<Page<HistoryEntry>>(
          api.GET('/tasks/{id}/history', { params: { path: { id: taskId }, query: { limit: 50 } } }),
        ),
      ),
    [taskId, version],
  );
  return (
    <section className="card" aria-labelledby="sec-history">
      <h2 id="sec-history">{t('history.title')}</h2>
      <Async state={history}>
        {(items) => (
          <ol className="list">
            {items.map((h) => (
              <li key={h.id}>
                <span className="muted">{fmtDateTime(h.occurredAt, lang)}</span> ·{' '}
                {h.actorName ?? t('history.system')} ·{' '}
                {h.entityType === 'task_comment' ? t('history.comment') : h.action}
                {h.entityType === 'task' &&
                  h.action === 'update' &&
                  Object.keys(h.changes ?? {}).length > 0 && (
                    <ul>
                      {Object.entries(h.changes)
                        .filter(([field]) => field !== 'completedAt')
                        .map(([field, c]) => (
                          <li key={field}>
                            {field}: {shown(c.before)} → {shown(c.after)}
                          </li>
                        ))}
                    </ul>
                  )}
              </li>
            ))}
          </ol>
        )}
      </Async>
    </section>
  );
}

/**
 * Managers edit a task (title, description, assignee, due date, priority). The edit carries the
 * version read (If-Match): if someone changed the task meanwhile the API answers 412 and the form
 * says so instead of overwriting their change.
 */
function TaskEditor({ task, onSaved }: { task: Task; onSaved: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const context = useLoad(async () => {
    const path = { path: { id: task.programmeId } };
    const [programme, partners] = await Promise.all([
      call<Programme>(api.GET('/programmes/{id}', { params: path })),
      call<Partner[] | Page<Partner>>(api.GET('/programmes/{id}/partners', { params: path })),
    ]);
    return { programme, partners: itemsOf(partners) };
  }, [task.programmeId]);
  const form = useApiForm();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    title: task.title,
    description: task.description,
    assigneeOrganizationId: task.assigneeOrganizationId,
    dueDate: task.dueDate ?? '',
    priority: task.priority,
  });
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  if (!context.data) return null;
  const manager =
    isAdmin(me) ||
    me.memberships.some(
      (m) => m.organizationId === context.data!.programme.leadOrganizationId && m.role === 'org_admin',
    );
  if (!manager || task.state === 'cancelled') return null;
  return (
    <section className="card" aria-labelledby="sec-edit-task">
      <h2 id="sec-edit-task">{t('task.edit')}</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('task.edit')}
        </button>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(async () => {
            await call(
              api.PATCH('/tasks/{id}', {
                params: { path: { id: task.id }, header: { 'If-Match': `"${task.version}"` } },
                // Only what changed; an emptied due date is cleared (null).
                body: {
                  ...(v.title !== task.title && { title: v.title }),
                  ...(v.description !== task.description && { description: v.description }),
                  ...(v.assigneeOrganizationId !== task.assigneeOrganizationId && {
                    assigneeOrganizationId: v.assigneeOrganizationId,
                  }),
                  ...(v.dueDate !== (task.dueDate ?? '') && {
                    dueDate: v.dueDate || (null as unknown as undefined),
                  }),
                  ...(v.priority !== task.priority && {
                    priority: v.priority as (typeof PRIORITIES)[number],
                  }),
                },
              }),
            );
            setOpen(false);
            onSaved();
          })}
        >
          <FormAlert form={form} />
          <Field form={form} name="title" label={t('task.title')}>
            <input value={v.title} onChange={change('title')} />
          </Field>
          <Field form={form} name="description" label={t('task.description')}>
            <textarea rows={2} value={v.description} onChange={change('description')} />
          </Field>
          <div className="row">
            <Field form={form} name="assigneeOrganizationId" label={t('task.assignee')}>
              <select value={v.assigneeOrganizationId} onChange={change('assigneeOrganizationId')}>
                {context.data.partners
                  .filter((x) => x.status === 'active' && x.role !== 'observer')
                  .map((x) => (
                    <option key={x.organizationId} value={x.organizationId}>
                      {x.organizationName}
                    </option>
                  ))}
              </select>
            </Field>
            <Field form={form} name="dueDate" label={t('task.dueDate')}>
              <input type="date" value={v.dueDate} onChange={change('dueDate')} />
            </Field>
            <Field form={form} name="priority" label={t('task.priority')}>
              <select value={v.priority} onChange={change('priority')}>
                {PRIORITIES.map((x) => (
                  <option key={x} value={x}>
                    {t(`priority.${x}` as Key)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="actions">
            <SubmitButton form={form}>{t('common.save')}</SubmitButton>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
