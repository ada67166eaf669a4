import { Injectable } from '@nestjs/common';
import { AuditService } from '@tandem/audit';

import { CoreError, CoreErrorCode, JobName, OutboxService, TransactionService, Actor } from '@tandem/core';
import { parse } from 'csv-parse/sync';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { createHash } from 'node:crypto';
import { CreatePlacementImportDto } from './dto';
import { ImportMode, ImportStatus, PlacementImport } from './entities';
import { PlacementImportsRepository } from './placement-imports.repository';
import { PlacementAccessService } from './placement-access.service';
import { errorsCsv, headerProblems, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './placement-import.rows';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';
import { PlacementImportView } from './placement-import.view';

export interface UploadedCsv {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

const view = (i: PlacementImport): PlacementImportView => ({
  id: i.id,
  employerOrganizationId: i.employerOrganizationId,
  mode: i.mode,
  status: i.status,
  fileName: i.fileName,
  totalRows: i.totalRows,
  processedRows: i.processedRows,
  createdCount: i.createdCount,
  errorCount: i.errorCount,
  errors: i.errors,
  failureReason: i.failureReason,
  createdAt: i.createdAt,
  startedAt: i.startedAt,
  finishedAt: i.finishedAt,
});

const CSV_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

/**
 * CSV imports of placements: the api checks what it can cheaply (type, size, header, row count),
 * stores the file in the database and answers 202; the worker does the rest.
 */
@Injectable()
export class PlacementImportsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly imports: PlacementImportsRepository,
    private readonly access: PlacementAccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /**
   * Returns the new import (`created: true`) or, for a repeated Idempotency-Key or the same file
   * uploaded again while its earlier import is pending or created rows, that earlier import.
   */
  async create(
    actor: Actor,
    dto: CreatePlacementImportDto,
    file: UploadedCsv | undefined,
    idempotencyKey: string | undefined,
  ): Promise<{ created: boolean; import: PlacementImportView }> {
    this.access.assertEmployerMember(
      actor,
      dto.employerOrganizationId,
      await this.organizations.kind(dto.employerOrganizationId),
      'import',
    );
    const totalRows = this.checkFile(file);
    const sha = createHash('sha256').update(file!.buffer).digest('hex');
    const mode = dto.mode ?? ImportMode.AllOrNothing;
    const result = await this.tx.run(async (em) => {
      // Serialises uploads of the same file by the same employer, so two at once make one import.
      await this.imports.lockUpload(em, dto.employerOrganizationId, sha);
      if (idempotencyKey) {
        const keyed = await this.imports.findByIdempotencyKey(em, actor.userId, idempotencyKey);
        if (keyed) {
          if (keyed.contentSha256 !== sha || keyed.employerOrganizationId !== dto.employerOrganizationId) {
            throw new CoreError(
              CoreErrorCode.Conflict,
              'This Idempotency-Key was already used with a different file',
              [{ field: 'Idempotency-Key', message: 'was used with a different file' }],
            );
          }
          return { created: false, id: keyed.id };
        }
      }
      // The same content again: the earlier import stands unless it created nothing (rejected, failed).
      const same = await this.imports.findStandingWithContent(em, dto.employerOrganizationId, sha);
      if (same) return { created: false, id: same.id };
      const saved = await this.imports.insert(em, {
        employerOrganizationId: dto.employerOrganizationId,
        createdByUserId: actor.userId,
        mode,
        status: ImportStatus.Queued,
        fileName: (file!.originalname || 'upload.csv').slice(0, 255),
        contentSha256: sha,
        idempotencyKey: idempotencyKey ?? null,
        file: file!.buffer,
        totalRows,
      });
      await this.audit.record(em, {
        action: 'create',
        entityType: 'placement_import',
        entityId: saved.id,
        after: {
          employerOrganizationId: saved.employerOrganizationId,
          mode,
          fileName: saved.fileName,
          totalRows,
        },
      });
      await this.outbox.publish(em, JobName.PlacementImport, { importId: saved.id });
      return { created: true, id: saved.id };
    });
    return { created: result.created, import: await this.get(actor, result.id) };
  }

  async get(actor: Actor, id: string): Promise<PlacementImportView> {
    const found = await this.imports.findById(id);
    if (
      !found ||
      !(this.access.isMemberOf(actor, found.employerOrganizationId) || this.access.isAdmin(actor))
    ) {
      throw CoreError.notFound('Import');
    }
    return view(found);
  }

  async errorsCsv(actor: Actor, id: string): Promise<string> {
    return errorsCsv((await this.get(actor, id)).errors);
  }

  /** Type, size, header and row count; returns the number of data rows (lines, before parsing). */
  private checkFile(file: UploadedCsv | undefined): number {
    if (!file) throw CoreError.invalid('file', 'is required: upload the CSV as the multipart part "file"');
    if (file.size === 0 || file.buffer.length === 0) throw CoreError.invalid('file', 'is empty');
    if (file.buffer.length > IMPORT_MAX_BYTES) {
      throw new PlacementsError(
        PlacementsErrorCode.ImportTooLarge,
        `file is larger than ${IMPORT_MAX_BYTES} bytes`,
        'file',
      );
    }
    const type = (file.mimetype || '').split(';')[0].trim().toLowerCase();
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file.buffer);
    if (!CSV_TYPES.has(type) || file.buffer.includes(0) || text.includes('\uFFFD')) {
      throw new PlacementsError(
        PlacementsErrorCode.ImportNotCsv,
        'file must be a CSV text file (UTF-8, comma-separated); download the template',
        'file',
      );
    }
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
    let header: string[];
    try {
      header = (parse(firstLine) as string[][])[0] ?? [];
    } catch {
      throw CoreError.invalid('file', 'has a header line that is not CSV');
    }
    const problems = headerProblems(header);
    if (problems) throw CoreError.invalid('file', `has the wrong header: ${problems}`);
    const rows = text
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim() !== '').length;
    if (rows === 0) throw CoreError.invalid('file', 'has a header but no rows');
    if (rows > IMPORT_MAX_ROWS) {
      throw new PlacementsError(
        PlacementsErrorCode.ImportTooLarge,
        `file has ${rows} rows; one import takes at most ${IMPORT_MAX_ROWS}`,
        'file',
      );
    }
    return rows;
  }
}
