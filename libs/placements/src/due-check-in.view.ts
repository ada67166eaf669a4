/** A check-in whose date has come and that nobody has answered yet, as the employer's list shows it. */
export class DueCheckInView {
  id!: string;
  placementId!: string;
  employerOrganizationId!: string;
  months!: number;
  dueOn!: string;
  /** `due` (opened by the sweep) or `scheduled` (its date has passed, the sweep has not run yet). */
  status!: string;
  /** Unanswered more than OVERDUE_AFTER_DAYS after its date. */
  overdue!: boolean;
  /** Days since its date (0 on the day). */
  daysSinceDue!: number;
  jobTitle!: string;
  participantReferenceCode!: string;
  startDate!: string;
}

/** A check-in still unanswered this many days after its date is flagged overdue. */
export const OVERDUE_AFTER_DAYS = 14;
