import { Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';

import { DASHBOARD_TASK_STATES, DashboardService } from '@tandem/dashboard';
import { ProgrammeAccessService } from '@tandem/programmes';
import { columns, fromArray, ReportContent } from '../report-content';

const round = (n: number | null, d = 3): number | null =>
  n === null ? null : Math.round(n * 10 ** d) / 10 ** d;

/**
 * programme_progress: the programme dashboard (DashboardService, the same figures as
 * GET /programmes/{id}/dashboard, with the same read check) laid out as a report.
 */
@Injectable()
export class ProgrammeProgressSource {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly access: ProgrammeAccessService,
  ) {}

  async check(actor: Actor, p: { programmeId: string }): Promise<void> {
    await this.access.load(actor, p.programmeId);
  }

  async content(actor: Actor, p: { programmeId: string }): Promise<ReportContent> {
    const { programme } = await this.access.load(actor, p.programmeId);
    const d = await this.dashboard.get(actor, p.programmeId);
    const names = new Map(d.partners.map((x) => [x.organizationId, x.name]));
    for (const t of d.tasksByPartner) names.set(t.id, t.name);
    const totalTasks = DASHBOARD_TASK_STATES.reduce((n, s) => n + d.tasksByState[s], 0);
    return {
      title: `Programme progress: ${programme.title}`,
      facts: [
        ['Programme', programme.title],
        ['Status', programme.status],
        ['Period', `${programme.startDate} to ${programme.endDate}`],
        ['Place', [programme.city, programme.region, programme.country].filter(Boolean).join(', ')],
        ['As of (UTC)', d.today],
        ['Tasks', totalTasks],
        ['Tasks done', d.tasksByState.done],
        ['Overdue tasks', d.overdueTasks.length],
      ],
      sections: [
        {
          name: 'tasks_by_state',
          title: 'Tasks by state',
          columns: columns({ state: 'State', tasks: 'Tasks' }),
          rows: () => fromArray(DASHBOARD_TASK_STATES.map((s) => ({ state: s, tasks: d.tasksByState[s] }))),
          charts: [
            {
              title: 'Tasks by state',
              categories: [...DASHBOARD_TASK_STATES],
              series: [{ name: 'tasks', values: DASHBOARD_TASK_STATES.map((s) => d.tasksByState[s]) }],
            },
          ],
        },
        {
          name: 'tasks_by_partner',
          title: 'Tasks by partner',
          columns: [
            { key: 'organization', header: 'Partner' },
            ...DASHBOARD_TASK_STATES.map((s) => ({ key: s, header: s })),
            { key: 'tasks', header: 'Tasks' },
          ],
          rows: () =>
            fromArray(
              d.tasksByPartner.map((t) => ({
                organization: t.name,
                ...Object.fromEntries(DASHBOARD_TASK_STATES.map((s) => [s, t.byState[s]])),
                tasks: t.total,
              })),
            ),
          charts: d.tasksByPartner.length
            ? [
                {
                  title: 'Tasks by partner and state',
                  categories: d.tasksByPartner.map((t) => t.name),
                  series: DASHBOARD_TASK_STATES.filter((s) => s !== 'cancelled').map((s) => ({
                    name: s,
                    values: d.tasksByPartner.map((t) => t.byState[s]),
                  })),
                },
              ]
            : [],
        },
        {
          name: 'milestones',
          title: 'Milestones',
          columns: columns({
            milestone: 'Milestone',
            dueDate: 'Due',
            tasksDone: 'Tasks done',
            tasksTotal: 'Tasks',
            progress: 'Progress',
            overdue: 'Overdue',
          }),
          rows: () =>
            fromArray(
              d.milestones.map((m) => ({
                milestone: m.title,
                dueDate: m.dueDate,
                tasksDone: m.tasksDone,
                tasksTotal: m.tasksTotal,
                progress: round(m.progress),
                overdue: m.overdue,
              })),
            ),
        },
        {
          name: 'overdue_tasks',
          title: 'Overdue work',
          columns: columns({ task: 'Task', dueDate: 'Due', state: 'State', organization: 'Assigned to' }),
          rows: () =>
            fromArray(
              d.overdueTasks.map((t) => ({
                task: t.title,
                dueDate: t.dueDate,
                state: t.state,
                organization: names.get(t.assigneeOrganizationId) ?? t.assigneeOrganizationId,
              })),
            ),
        },
        {
          name: 'indicators',
          title: 'Indicators against baseline and target',
          columns: columns({
            indicator: 'Indicator',
            dimension: 'Dimension',
            unit: 'Unit',
            baseline: 'Baseline',
            latest: 'Latest value',
            periodEnd: 'Period end',
            target: 'Target',
            progress: 'Progress',
          }),
          rows: () =>
            fromArray(
              d.indicators.map((i) => ({
                indicator: i.name,
                dimension: i.dimension,
                unit: i.unit,
                baseline: i.baseline,
                latest: i.latestValue?.value ?? null,
                periodEnd: i.latestValue?.periodEnd ?? null,
                target: i.target,
                progress: round(i.progress),
              })),
            ),
          charts: d.indicators.map((i) => ({
            title: `${i.name} (${i.unit})`,
            categories: ['baseline', 'latest value', 'target'],
            series: [{ name: i.name, values: [i.baseline, i.latestValue?.value ?? null, i.target] }],
          })),
        },
        {
          name: 'partner_contributions',
          title: 'Partner contributions',
          columns: columns({
            organization: 'Partner',
            role: 'Role',
            partnerStatus: 'Status',
            tasks: 'Tasks',
            done: 'Done',
            lastActivityAt: 'Last activity',
          }),
          rows: () =>
            fromArray(
              d.partners.map((x) => {
                const t = d.tasksByPartner.find((y) => y.id === x.organizationId);
                return {
                  organization: x.name,
                  role: x.role,
                  partnerStatus: x.status,
                  tasks: t?.total ?? 0,
                  done: t?.byState.done ?? 0,
                  lastActivityAt: x.lastActivityAt ? new Date(x.lastActivityAt).toISOString() : null,
                };
              }),
            ),
        },
      ],
    };
  }
}
