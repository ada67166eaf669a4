import { Report, ReportFormat, ReportKind, ReportStatus } from './entities';

export class ReportView {
  id!: string;
  kind!: ReportKind;
  format!: ReportFormat;
  parameters!: Record<string, unknown>;
  status!: ReportStatus;
  /** 0–1: rows written of the rows expected (1 when done); null while unknown. */
  progress!: number | null;
  processedRows!: number;
  totalRows!: number | null;
  failureReason!: string | null;
  attempts!: number;
  fileName!: string | null;
  contentType!: string | null;
  byteSize!: number | null;
  /** Where to GET the file once done. */
  downloadUrl!: string | null;
  requestedByUserId!: string;
  scheduleId!: string | null;
  createdAt!: Date;
  startedAt!: Date | null;
  finishedAt!: Date | null;
  expiresAt!: Date | null;
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
