import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { BreakdownCell, Count, HIDDEN, RetentionCell, SMALL } from './suppression';

const COUNT: ApiPropertyOptions = {
  oneOf: [{ type: 'integer' }, { type: 'string', enum: [SMALL, HIDDEN] }],
  description: `People or placements; "${SMALL}" for a small cell, "${HIDDEN}" when it would reveal one`,
};

export class StatsTotal {
  @ApiProperty(COUNT)
  placements!: Count;
  @ApiProperty(COUNT)
  people!: Count;
}

export class BreakdownCellView implements BreakdownCell {
  key!: string;
  @ApiProperty(COUNT)
  people!: Count;
}

export class RetentionCellView implements RetentionCell {
  months!: number;
  @ApiProperty(COUNT)
  answered!: Count;
  @ApiProperty(COUNT)
  retained!: Count;
  @ApiProperty(COUNT)
  left!: Count;
  /** Share still employed among answered check-ins, 0–1; null when not shown or nothing answered. */
  rate!: number | null;
}

export class PlacementStats {
  programmeId!: string | null;
  employerOrganizationIds!: string[] | null;
  /** True in the programme view: cells under `threshold` people read "<5". */
  suppressed!: boolean;
  threshold!: number;
  total!: StatsTotal;
  bySector!: BreakdownCellView[];
  byOccupationGroup!: BreakdownCellView[];
  byContractType!: BreakdownCellView[];
  byCountryOfOrigin!: BreakdownCellView[];
  /** Key: the employer organisation's id. */
  byEmployer!: BreakdownCellView[];
  byStatusCategory!: BreakdownCellView[];
  retention!: RetentionCellView[];
}
