import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  IndicatorDirection,
  IndicatorKind,
  MilestoneView,
  PartnerRole,
  PartnerStatus,
} from '@tandem/programmes';

/**
 * Task states as stored in `tasks.state`. They mirror TaskState of @tandem/tasks, which depends on
 * this library and so cannot be imported here.
 */
export const DASHBOARD_TASK_STATES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type DashboardTaskState = (typeof DASHBOARD_TASK_STATES)[number];

export type TaskStateCounts = Record<DashboardTaskState, number>;

/** Tasks per state. */
export class TaskStateCountsView implements TaskStateCounts {
  todo!: number;
  in_progress!: number;
  blocked!: number;
  done!: number;
  cancelled!: number;
}

export class LatestIndicatorValue {
  periodStart!: string;
  periodEnd!: string;
  /** For a gap indicator: the gap, migrantValue − hostValue. */
  value!: number;
  migrantValue!: number | null;
  hostValue!: number | null;
}

export class PartnerTasks {
  id!: string;
  name!: string;
  byState!: TaskStateCountsView;
  /** All the partner's tasks, cancelled ones included. */
  total!: number;
}

export class OverdueTask {
  id!: string;
  title!: string;
  dueDate!: string;
  assigneeOrganizationId!: string;
  @ApiProperty({ enum: DASHBOARD_TASK_STATES })
  state!: DashboardTaskState;
}

/** A milestone as the programme's milestone list shows it, without the programme and version. */
export class MilestoneProgress extends OmitType(MilestoneView, ['programmeId', 'version'] as const) {}

export class IndicatorStatus {
  id!: string;
  name!: string;
  kind!: IndicatorKind;
  dimension!: string;
  unit!: string;
  direction!: IndicatorDirection;
  baseline!: number;
  target!: number;
  /** The value of the period that ends last; null before any is reported. */
  @ApiProperty({ type: () => LatestIndicatorValue, nullable: true })
  latestValue!: LatestIndicatorValue | null;
  /** Share of the way from baseline to target, clamped to [0, 1]; gap indicators on the absolute gap. */
  progress!: number | null;
  /** The same ratio unclamped (negative: moved away from the target; above 1: beyond it). */
  progressRaw!: number | null;
}

export class PartnerActivity {
  organizationId!: string;
  name!: string;
  role!: PartnerRole;
  status!: PartnerStatus;
  /** Latest audited change by a member of the organisation to the programme's tasks, comments, values or partnership. */
  lastActivityAt!: Date | null;
}

export class ProgrammeDashboard {
  programmeId!: string;
  generatedAt!: Date;
  /** The UTC date overdue is judged against. */
  today!: string;
  tasksByState!: TaskStateCountsView;
  tasksByPartner!: PartnerTasks[];
  overdueTasks!: OverdueTask[];
  milestones!: MilestoneProgress[];
  indicators!: IndicatorStatus[];
  partners!: PartnerActivity[];
}
