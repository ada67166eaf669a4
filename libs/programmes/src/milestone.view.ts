export class MilestoneView {
  id!: string;
  programmeId!: string;
  title!: string;
  dueDate!: string;
  /** Tasks of the milestone, cancelled ones excluded. */
  tasksTotal!: number;
  tasksDone!: number;
  /** tasksDone / tasksTotal (6 decimals), 0 for a milestone without tasks. */
  progress!: number;
  /** Due before today (UTC) and not all its tasks done. */
  overdue!: boolean;
  version!: number;
}
