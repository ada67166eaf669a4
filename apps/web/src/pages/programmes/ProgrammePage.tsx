import { allPages } from '../../components/PagedTable';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Dashboard, Indicator, itemsOf, Milestone, Page, Partner, Programme, Task } from '../../api/types';
import { isAdmin, useMe } from '../../auth';
import { BarChart, Progress } from '../../components/charts';
import {
  Async,
  Back,
  DataTable,
  fmtDate,
  fmtDateTime,
  PageTitle,
  StateBadge,
  useLoad,
  Card,
  ButtonLink,
} from '../../components/common';
import { OverdueBadge } from '../../components/OverdueBadge';
import { FormAlert, useApiForm } from '../../forms';
import { MoveButton } from '../../components/ConfirmDialog';
import { Key, useI18n } from '../../i18n';
import { IndicatorsSection } from './IndicatorsSection';
import { PartnersSection } from './PartnersSection';
import { ProgrammeListingControls } from '../public/ProgrammeListingControls';
import { PROGRAMME_MOVES, TASK_STATES } from './constants';
import { NewMilestoneForm, NewTaskForm } from '../tasks/NewTaskForm';
import { TaskCard } from '../tasks/TaskCard';

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
    allPages((cursor) =>
      call<Page<Task>>(
        api.GET('/programmes/{id}/tasks', { params: { ...path, query: { limit: 100, cursor } } }),
      ),
    ),
    call<Milestone[] | Page<Milestone>>(api.GET('/programmes/{id}/milestones', { params: path })),
    call<Dashboard>(api.GET('/programmes/{id}/dashboard', { params: path })),
    allPages((cursor) =>
      call<Page<Indicator>>(
        api.GET('/programmes/{id}/indicators', { params: { ...path, query: { limit: 100, cursor } } }),
      ),
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
  const { t, lang, labelOf } = useI18n();
  const me = useMe();
  const { programme: p, partners, tasks, milestones, dashboard, indicators } = data;
  const myOrgs = new Set(me.memberships.map((m) => m.organizationId));
  const adminOf = new Set(me.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId));
  // Managers: org admins of the lead (the API also knows named managers; it refuses what is not allowed).
  const manager = adminOf.has(p.leadOrganizationId) || isAdmin(me);
  const orgName = (orgId: string) =>
    partners.find((x) => x.organizationId === orgId)?.organizationName ?? orgId;
  const moveForm = useApiForm();
  const num = new Intl.NumberFormat(lang);
  return (
    <>
      <PageTitle
        actions={manager && <ButtonLink to={`/programmes/${p.id}/edit`}>{t('programme.edit')}</ButtonLink>}
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
            <MoveButton
              key={to}
              form={moveForm}
              to={to}
              label={t(`programme.to.${to}` as Key)}
              record={p.title}
              body={t(`confirm.programme.${to === 'draft' ? 'other' : to}` as Key)}
              move={async () => {
                await call(
                  api.POST('/programmes/{id}/transitions', { params: { path: { id: p.id } }, body: { to } }),
                );
              }}
            />
          ))}
        </div>
      )}

      <Card id="sec-dashboard" title={t('dashboard.title')}>
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
                // "41.5 of target 55 (33% of the way from baseline 35)": progress is the share of
                // the way from baseline to target, not value ÷ target.
                display:
                  i.progress === null || !i.latestValue
                    ? t('dashboard.noValue')
                    : t('dashboard.progressPhrase', {
                        value: `${num.format(i.latestValue.value)} ${i.unit}`.trim(),
                        target: `${num.format(i.target)} ${i.unit}`.trim(),
                        baseline: `${num.format(i.baseline)} ${i.unit}`.trim(),
                        percent: Math.round(i.progress * 100),
                      }),
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
      </Card>

      <PartnersSection
        programme={p}
        partners={partners}
        manager={manager}
        adminOf={adminOf}
        reload={reload}
      />

      <ProgrammeListingControls p={p} manager={manager} />

      <Card id="sec-board" title={t('board.title')}>
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
      </Card>

      <Card id="sec-milestones" title={t('milestones.title')}>
        {dashboard.milestones.length === 0 ? (
          <p className="muted">{t('milestones.none')}</p>
        ) : (
          <DataTable
            rows={dashboard.milestones}
            columns={[
              {
                label: t('milestone.title'),
                cell: (m) => (
                  <>
                    {m.title} {m.overdue && <OverdueBadge />}
                  </>
                ),
              },
              { label: t('milestone.due'), cell: (m) => fmtDate(m.dueDate, lang) },
              {
                label: t('milestone.progress'),
                cell: (m) => (
                  <>
                    <Progress value={m.progress ?? 0} label={t('milestone.progressOf', { title: m.title })} />{' '}
                    ({m.tasksDone}/{m.tasksTotal})
                  </>
                ),
              },
            ]}
          />
        )}
        {manager && <NewMilestoneForm programmeId={p.id} onCreated={reload} />}
      </Card>

      <IndicatorsSection
        programmeId={p.id}
        indicators={indicators}
        manager={manager}
        working={partners.some(
          (x) => myOrgs.has(x.organizationId) && x.status === 'active' && x.role !== 'observer',
        )}
        reload={reload}
      />

      <Card id="sec-activity" title={t('dashboard.partnerActivity')}>
        <DataTable
          rows={dashboard.partners}
          rowKey={(x) => x.organizationId}
          columns={[
            { label: t('partner.organization'), cell: (x) => x.name },
            { label: t('partner.role'), cell: (x) => labelOf('role', x.role) },
            { label: t('dashboard.lastActivity'), cell: (x) => fmtDateTime(x.lastActivityAt, lang) },
          ]}
        />
      </Card>
    </>
  );
}
