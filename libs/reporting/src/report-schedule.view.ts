import { ApiProperty } from '@nestjs/swagger';
import { ReportCadence, ReportFormat, ReportKind } from './entities';

/** A scheduled report: what it builds, how often, for whom. */
export class ReportScheduleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ReportKind }) kind!: ReportKind;
  @ApiProperty({ enum: ReportFormat }) format!: ReportFormat;
  @ApiProperty({ type: 'object', additionalProperties: true }) parameters!: Record<string, unknown>;
  @ApiProperty({ enum: ReportCadence }) cadence!: ReportCadence;
  @ApiProperty({ type: [String], description: 'User ids' }) recipients!: string[];
  @ApiProperty({ format: 'uuid' }) ownerUserId!: string;
  @ApiProperty({ example: 'report-schedule.{id}' }) schedulerId!: string;
  @ApiProperty({ type: Date, nullable: true }) lastFiredAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;
}
