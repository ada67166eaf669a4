import { ApiProperty } from '@nestjs/swagger';
import { Report, ReportFormat, ReportKind, ReportStatus } from './entities';

/** A report request and, once built, its file. */
export class ReportView {
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

export function reportView(r: Report): ReportView {
  const progress =
    r.status === ReportStatus.Done
      ? 1
      : r.totalRows
        ? Math.min(1, Math.round((r.processedRows / r.totalRows) * 1000) / 1000)
        : r.status === ReportStatus.Queued
          ? 0
          : null;
  return {
    id: r.id,
    kind: r.kind,
    format: r.format,
    parameters: r.parameters,
    status: r.status,
    progress,
    processedRows: r.processedRows,
    totalRows: r.totalRows,
    failureReason: r.failureReason,
    attempts: r.attempts,
    fileName: r.fileName,
    contentType: r.contentType,
    byteSize: r.byteSize,
    downloadUrl: r.status === ReportStatus.Done ? `/reports/${r.id}/download` : null,
    requestedByUserId: r.requestedByUserId,
    scheduleId: r.scheduleId,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    expiresAt: r.expiresAt,
  };
}
