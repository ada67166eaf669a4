import { auditSnapshotOf } from '@tandem/audit';
import { ApiProperty } from '@nestjs/swagger';
import { Programme } from './entities';

export class BudgetView {
  /** Decimal string, exact. */
  amount!: string;
  /** ISO 4217 code. */
  currency!: string;
}

export class ProgrammeView {
  id!: string;
  title!: string;
  summary!: string;
  leadOrganizationId!: string;
  status!: string;
  startDate!: string;
  endDate!: string;
  country!: string;
  region!: string | null;
  city!: string | null;
  @ApiProperty({ type: () => BudgetView, nullable: true })
  budget!: BudgetView | null;
  targetGroups!: string[];
  dimensions!: string[];
  sdgTargets!: string[];
  gcmObjectives!: number[];
  /** Policy areas the programme touches (policy coherence). */
  policyAreas!: string[];
  /** Not specific to migrants, but naming them among its target groups (mainstreaming). */
  mainstream!: boolean;
  territoryCode!: string | null;
  /** Listed on its territory's public page while active (set by the lead organisation). */
  listedPublicly!: boolean;
  createdAt!: Date;
  updatedAt!: Date;
  version!: number;
}

export function programmeView(p: Programme): ProgrammeView {
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    leadOrganizationId: p.leadOrganizationId,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
    country: p.country,
    region: p.region,
    city: p.city,
    budget:
      p.budgetAmount !== null && p.budgetCurrency
        ? { amount: p.budgetAmount, currency: p.budgetCurrency }
        : null,
    targetGroups: p.targetGroups,
    dimensions: p.dimensions,
    sdgTargets: p.sdgTargets,
    gcmObjectives: p.gcmObjectives,
    policyAreas: p.policyAreas,
    mainstream: p.mainstream,
    territoryCode: p.territoryCode,
    listedPublicly: p.listedPublicly,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

/** The audited fields of a programme. */
export function programmeSnapshot(p: Programme): Record<string, unknown> {
  return auditSnapshotOf(programmeView(p));
}
