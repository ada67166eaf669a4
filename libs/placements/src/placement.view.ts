import { Placement, RetentionCheck } from './entities';

export class CheckInView {
  id!: string;
  placementId!: string;
  months!: number;
  dueOn!: string;
  status!: string;
  openedAt!: Date | null;
  remindedAt!: Date | null;
  answeredAt!: Date | null;
  stillEmployed!: boolean | null;
  leftOn!: string | null;
  reason!: string | null;
}

export const checkInView = (c: RetentionCheck): CheckInView => ({
  id: c.id,
  placementId: c.placementId,
  months: c.months,
  dueOn: c.dueOn,
  status: c.status,
  openedAt: c.openedAt,
  remindedAt: c.remindedAt,
  answeredAt: c.answeredAt,
  stillEmployed: c.stillEmployed,
  leftOn: c.leftOn,
  reason: c.reason,
});

export class PlacementView {
  id!: string;
  participantId!: string;
  participantReferenceCode!: string | null;
  employerOrganizationId!: string;
  programmeId!: string | null;
  jobTitle!: string;
  occupationCode!: string;
  sector!: string;
  startDate!: string;
  contractType!: string;
  hoursPerWeek!: number;
  status!: string;
  endDate!: string | null;
  endReason!: string | null;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  checkIns?: CheckInView[];
}

export const placementView = (p: Placement, checks?: RetentionCheck[]): PlacementView => ({
  id: p.id,
  participantId: p.participantId,
  participantReferenceCode: p.participant?.referenceCode ?? null,
  employerOrganizationId: p.employerOrganizationId,
  programmeId: p.programmeId,
  jobTitle: p.jobTitle,
  occupationCode: p.occupationCode,
  sector: p.sector,
  startDate: p.startDate,
  contractType: p.contractType,
  hoursPerWeek: p.hoursPerWeek,
  status: p.status,
  endDate: p.endDate,
  endReason: p.endReason,
  version: p.version,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  ...(checks ? { checkIns: [...checks].sort((a, b) => a.months - b.months).map(checkInView) } : {}),
});

/**
 * What the audit trail keeps of a placement: its state only. Job, sector, dates and participant are
 * row-level data, and platform admins, who read the trail, see placements only as aggregates.
 */
export const placementSnapshot = (p: Placement) => ({
  status: p.status,
});

export class CheckInListItem extends CheckInView {
  employerOrganizationId!: string;
  programmeId!: string | null;
  jobTitle!: string;
}
