import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Clock, JobHandler, JobName, JobPayload } from '@tandem/core';
import { ProgrammesRepository } from '@tandem/programmes';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { ImportMode, ImportRowError, ImportStatus } from './entities';
import { ParticipantByReference, ParticipantsRepository } from './participants.repository';
import { newReferenceCode } from './participants.service';
import { headerProblems, IMPORT_MAX_ROWS, ImportRow, validateImportRow } from './placement-import.rows';
import { ClaimedImport, PlacementImportsRepository } from './placement-imports.repository';
import { PlacementsRepository } from './placements.repository';

const CHUNK = 1000;
const PROGRESS_EVERY = 500;
/** The file reaches the parser in slices of this size, so parsing never runs long without a pause. */
const SLICE_BYTES = 64 * 1024;

/** The file in slices (not one 20 MB chunk, which csv-parse would parse in one synchronous go). */
function* slices(file: Buffer): Generator<Buffer> {
  for (let at = 0; at < file.length; at += SLICE_BYTES) yield file.subarray(at, at + SLICE_BYTES);
}

/**
 * A turn of the event loop. Parsing and validating are CPU work whose awaits are all microtasks;
 * without a real pause BullMQ cannot renew the job's lock, the job is thought stalled and a second
 * run starts beside the first.
 */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

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
    private readonly imports: PlacementImportsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly placements: PlacementsRepository,
    private readonly programmes: ProgrammesRepository,
  ) {}

  @JobHandler(JobName.PlacementImport)
  async run({ importId }: JobPayload<JobName.PlacementImport>): Promise<void> {
    const claimed = await this.imports.claim(importId);
    if (!claimed) return;
    const file = await this.imports.file(importId);
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
      const done = await this.imports.finish(em, importId, {
        status: reject ? ImportStatus.Rejected : ImportStatus.Completed,
        total,
        created: reject ? 0 : good.length,
        errorCount: bad.size,
        errors,
      });
      if (!done || reject) return;
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
    const parser = Readable.from(slices(file)).pipe(
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
          await pause();
          await this.imports.progress(importId, total);
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
    const participants = new Map<string, ParticipantByReference>();
    for (let i = 0; i < refs.length; i += CHUNK) {
      for (const p of await this.participants.findByReferences(refs.slice(i, i + CHUNK)))
        participants.set(p.reference_code, p);
    }
    const programmes = await this.programmes.activeProgrammesOf(employerId);
    const ids = [...participants.values()].map((p) => p.id);
    const existing = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const key of await this.placements.startsOf(employerId, ids.slice(i, i + CHUNK)))
        existing.add(key);
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

  private async create(em: EntityManager, claimed: ClaimedImport, rows: ImportRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK) as (ImportRow & { participantId?: string })[];
      const fresh = chunk.filter((r) => !r.participantId);
      if (fresh.length) {
        const inserted = await this.participants.insertMany(
          em,
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
        fresh.forEach((r, k) => (r.participantId = inserted[k]));
      }
      await this.placements.insertImported(
        em,
        {
          employerOrganizationId: claimed.employer_organization_id,
          importId: claimed.id,
          createdByUserId: claimed.created_by_user_id,
        },
        chunk.map((r) => ({
          participantId: r.participantId!,
          programmeId: r.placement.programmeId ?? null,
          jobTitle: r.placement.jobTitle,
          occupationCode: r.placement.occupationCode,
          sector: r.placement.sector,
          startDate: r.placement.startDate,
          contractType: r.placement.contractType,
          hoursPerWeek: r.placement.hoursPerWeek,
        })),
      );
      await pause();
    }
    // Nothing to schedule: the check-in sweep finds the new check-ins' dates in retention_checks.
    this.logger.log(`import ${claimed.id}: created ${rows.length} placements`);
  }

  private async fail(importId: string, reason: string): Promise<void> {
    await this.imports.fail(importId, reason);
  }
}
