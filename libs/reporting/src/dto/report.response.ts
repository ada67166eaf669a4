import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReportCadence, ReportFormat, ReportKind, ReportStatus } from '../entities';

/** A report as the API shows it (OpenAPI shape of ReportView). */
export class ReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ReportKind }) kind!: ReportKind;
  @ApiProperty({ enum: ReportFormat }) format!: ReportFormat;
  @ApiProperty({ type: 'object', additionalProperties: true }) parameters!: Record<string, unknown>;
  @ApiProperty({ enum: ReportStatus }) status!: ReportStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'Share of rows written; 1 when done',
  })
  progress!: number | null;
  @ApiProperty() processedRows!: number;
  @ApiProperty({ type: Number, nullable: true }) totalRows!: number | null;
  @ApiProperty({ type: String, nullable: true }) failureReason!: string | null;
  @ApiProperty({ description: 'Builds started' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: String, nullable: true }) contentType!: string | null;
  @ApiProperty({ type: Number, nullable: true }) byteSize!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '/reports/{id}/download' }) downloadUrl!:
    string | null;
  @ApiProperty({ format: 'uuid' }) requestedByUserId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) scheduleId!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) expiresAt!: Date | null;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto] }) items!: ReportDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ReportScheduleDto {
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

export class ReportSchedulePageDto {
  @ApiProperty({ type: [ReportScheduleDto] }) items!: ReportScheduleDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
