import { updatedRows } from './sql';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Clock, JobHandler, JobName, JobPayload, OutboxService } from '@tandem/core';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { addMonths } from './classifications';
import {
  CHECK_IN_MONTHS,
  ImportMode,
  ImportRowError,
  ImportStatus,
  Participant,
  Placement,
  PlacementStatus,
  RetentionCheck,
  RetentionCheckStatus,
} from './entities';
import { newReferenceCode } from './participants.service';
import { headerProblems, IMPORT_MAX_ROWS, ImportRow, validateImportRow } from './placement-import.rows';

const CHUNK = 1000;
const PROGRESS_EVERY = 500;

interface Claimed {
  id: string;
  employer_organization_id: string;
  created_by_user_id: string;
  mode: ImportMode;
}

class FatalImportError extends Error {}

/**
 * Processes a placements CSV: streams it through csv-parse, validates every row (the API's rules,
 * then references and programmes in a few batched queries), and creates the good rows in one
 * transaction, so a crash half-way leaves nothing behind and the retried job starts over. The
 * final compare-and-set on the import's status makes a second run (retry, second worker) a no-op.
 */
@Injectable()
export class PlacementImportHandler {
  private readonly logger = new Logger(PlacementImportHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  @JobHandler(JobName.PlacementImport)
  async run({ importId }: JobPayload<JobName.PlacementImport>): Promise<void> {
    const [claimed]: Claimed[] = updatedRows(
      await this.dataSource.query(
        `UPDATE placement_imports SET status = 'processing', started_at = COALESCE(started_at, now()), processed_rows = 0, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'processing')
        RETURNING id, employer_organization_id, created_by_user_id, mode`,
        [importId],
      ),
    );
    if (!claimed) return;
    const [{ file }]: { file: Buffer | null }[] = await this.dataSource.query(
      `SELECT file FROM placement_imports WHERE id = $1`,
      [importId],
    );
    if (!file) return this.fail(importId, 'the uploaded file is no longer stored');

    let rows: ImportRow[];
    let errors: ImportRowError[];
    let total: number;
    try {
      ({ rows, errors, total } = await this.parse(importId, file));
    } catch (err) {
      if (err instanceof FatalImportError) return this.fail(importId, err.message);
      throw err;
    }
    errors.push(...(await this.checkAgainstDatabase(claimed.employer_organization_id, rows)));
    const bad = new Set(errors.map((e) => e.row));
    const good = rows.filter((r) => !bad.has(r.row));
    errors.sort((a, b) => a.row - b.row);

    await this.dataSource.transaction(async (em) => {
      const reject = claimed.mode === ImportMode.AllOrNothing && errors.length > 0;
      const done: { id: string }[] = updatedRows(
        await em.query(
          `UPDATE placement_imports
            SET status = $2, total_rows = $3, processed_rows = $3, created_count = $4, error_count = $5,
                errors = $6::jsonb, file = NULL, finished_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'processing' RETURNING id`,
          [
            importId,
            reject ? ImportStatus.Rejected : ImportStatus.Completed,
            total,
            reject ? 0 : good.length,
            bad.size,
            JSON.stringify(errors),
          ],
        ),
      );
      if (!done.length || reject) return;
      await this.create(em, claimed, good);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'placement_import',
        entityId: importId,
        actorUserId: claimed.created_by_user_id,
        before: { status: ImportStatus.Processing },
        after: { status: ImportStatus.Completed, createdCount: good.length, errorCount: bad.size },
      });
    });
  }

  private async parse(importId: string, file: Buffer) {
    const parser = Readable.from([file]).pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
    );
    const rows: ImportRow[] = [];
    const errors: ImportRowError[] = [];
    let header: string[] | null = null;
    let total = 0;
    const now = this.clock.now();
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { records: number };
      }>) {
        if (!header) {
          header = record.map((h) => h.trim());
          const problems = headerProblems(header);
          if (problems) throw new FatalImportError(`wrong header: ${problems}`);
          continue;
        }
        total += 1;
        if (total > IMPORT_MAX_ROWS) throw new FatalImportError(`more than ${IMPORT_MAX_ROWS} rows`);
        // Spreadsheet numbering: the header is row 1.
        const row = info.records;
        if (record.length !== header.length) {
          errors.push({
            row,
            column: '*',
            reason: `has ${record.length} fields; the header has ${header.length}`,
          });
          continue;
        }
        const mapped = Object.fromEntries(header.map((h, i) => [h, record[i]]));
        const result = validateImportRow(row, mapped, now);
        if (result.row) rows.push(result.row);
        errors.push(...result.errors);
        if (total % PROGRESS_EVERY === 0) {
          await this.dataSource.query(`UPDATE placement_imports SET processed_rows = $2 WHERE id = $1`, [
            importId,
            total,
          ]);
        }
      }
    } catch (err) {
      if (err instanceof FatalImportError) throw err;
      const e = err as Error & { code?: string; lines?: number };
      if (e.code?.startsWith('CSV_'))
        throw new FatalImportError(`not valid CSV near line ${e.lines ?? '?'}: ${e.message}`);
      throw err;
    }
    if (!header) throw new FatalImportError('the file is empty');
    if (total === 0) throw new FatalImportError('the file has a header but no rows');
    return { rows, errors, total };
  }

  /** References, programmes and duplicates, in a handful of queries for the whole file. */
  private async checkAgainstDatabase(employerId: string, rows: ImportRow[]): Promise<ImportRowError[]> {
    const errors: ImportRowError[] = [];
    const refs = [...new Set(rows.map((r) => r.participantReference).filter((r): r is string => !!r))];
    const participants = new Map<
      string,
      {
        id: string;
        registered_by_organization_id: string;
        programme_id: string | null;
        erased_at: Date | null;
      }
    >();
    for (let i = 0; i < refs.length; i += CHUNK) {
      const found: {
        id: string;
        reference_code: string;
        registered_by_organization_id: string;
        programme_id: string | null;
        erased_at: Date | null;
      }[] = await this.dataSource.query(
        `SELECT id, reference_code, registered_by_organization_id, programme_id, erased_at FROM participants WHERE reference_code = ANY($1)`,
        [refs.slice(i, i + CHUNK)],
      );
      for (const p of found) participants.set(p.reference_code, p);
    }
    const programmes = new Set(
      (
        (await this.dataSource.query(
          `SELECT programme_id FROM programme_partners WHERE organization_id = $1 AND status = 'active'`,
          [employerId],
        )) as { programme_id: string }[]
      ).map((r) => r.programme_id),
    );
    const ids = [...participants.values()].map((p) => p.id);
    const existing = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const found: { participant_id: string; start_date: string }[] = await this.dataSource.query(
        `SELECT participant_id, to_char(start_date, 'YYYY-MM-DD') AS start_date FROM placements
          WHERE employer_organization_id = $1 AND participant_id = ANY($2::uuid[])`,
        [employerId, ids.slice(i, i + CHUNK)],
      );
      for (const f of found) existing.add(`${f.participant_id}|${f.start_date}`);
    }
    const seen = new Map<string, number>();
    for (const r of rows) {
      const programmeId = r.placement.programmeId ?? null;
      if (programmeId && !programmes.has(programmeId)) {
        errors.push({
          row: r.row,
          column: 'programmeId',
          reason: 'is not a programme the employer is an active partner of',
        });
      }
      if (!r.participantReference) continue;
      const p = participants.get(r.participantReference);
      const placeable =
        p &&
        (p.registered_by_organization_id === employerId ||
          (p.programme_id !== null && p.programme_id === programmeId));
      if (!placeable) {
        errors.push({
          row: r.row,
          column: 'participantReference',
          reason: 'is not a participant the employer registered, or one registered under the programme named',
        });
        continue;
      }
      if (p.erased_at) {
        errors.push({ row: r.row, column: 'participantReference', reason: 'this participant was erased' });
        continue;
      }
      const key = `${p.id}|${r.placement.startDate}`;
      if (existing.has(key)) {
        errors.push({
          row: r.row,
          column: 'participantReference',
          reason: 'a placement of this participant starting on this date is already logged',
        });
      } else if (seen.has(key)) {
        errors.push({ row: r.row, column: 'participantReference', reason: `repeats row ${seen.get(key)}` });
      } else seen.set(key, r.row);
      (r as ImportRow & { participantId?: string }).participantId = p.id;
    }
    return errors;
  }

  private async create(em: EntityManager, claimed: Claimed, rows: ImportRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK) as (ImportRow & { participantId?: string })[];
      const fresh = chunk.filter((r) => !r.participantId);
      if (fresh.length) {
        const inserted = await em.insert(
          Participant,
          fresh.map((r) => ({
            referenceCode: newReferenceCode(),
            registeredByOrganizationId: claimed.employer_organization_id,
            programmeId: null,
            yearOfBirth: r.participant!.yearOfBirth,
            gender: r.participant!.gender,
            countryOfOrigin: r.participant!.countryOfOrigin,
            arrivalYear: r.participant!.arrivalYear,
            statusCategory: r.participant!.statusCategory,
            languages: [...new Set(r.participant!.languages)],
            consentGivenAt: new Date(r.participant!.consent.givenAt),
            consentScope: r.participant!.consent.scope.trim(),
            erasedAt: null,
            createdByUserId: claimed.created_by_user_id,
          })),
        );
        fresh.forEach((r, k) => (r.participantId = (inserted.identifiers[k] as { id: string }).id));
      }
      const placements = await em.insert(
        Placement,
        chunk.map((r) => ({
          participantId: r.participantId!,
          employerOrganizationId: claimed.employer_organization_id,
          programmeId: r.placement.programmeId ?? null,
          jobTitle: r.placement.jobTitle,
          occupationCode: r.placement.occupationCode,
          sector: r.placement.sector,
          startDate: r.placement.startDate,
          contractType: r.placement.contractType,
          hoursPerWeek: r.placement.hoursPerWeek,
          status: PlacementStatus.Active,
          importId: claimed.id,
          createdByUserId: claimed.created_by_user_id,
        })),
      );
      const ids = placements.identifiers.map((x) => (x as { id: string }).id);
      await em.insert(
        RetentionCheck,
        chunk.flatMap((r, k) =>
          CHECK_IN_MONTHS.map((months) => ({
            placementId: ids[k],
            months,
            dueOn: addMonths(r.placement.startDate, months),
            status: RetentionCheckStatus.Scheduled,
          })),
        ),
      );
    }
    // Nothing to schedule: the check-in sweep finds the new check-ins' dates in retention_checks.
    this.logger.log(`import ${claimed.id}: created ${rows.length} placements`);
  }

  private async fail(importId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE placement_imports SET status = 'failed', failure_reason = $2, file = NULL, finished_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'processing'`,
      [importId, reason.slice(0, 500)],
    );
  }
}
