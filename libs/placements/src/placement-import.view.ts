import { ImportMode, ImportStatus } from './entities';

/** A row the import refused, and why. */
export class ImportRowErrorView {
  /** Spreadsheet row number: the header is row 1, the first placement row 2. */
  row!: number;
  column!: string;
  reason!: string;
}

export class PlacementImportView {
  id!: string;
  employerOrganizationId!: string;
  mode!: ImportMode;
  status!: ImportStatus;
  fileName!: string;
  totalRows!: number | null;
  processedRows!: number;
  createdCount!: number;
  errorCount!: number;
  errors!: ImportRowErrorView[];
  failureReason!: string | null;
  createdAt!: Date;
  startedAt!: Date | null;
  finishedAt!: Date | null;
}
