import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Clock, DatabaseJobHandlers, JobHandler, JobName, JobPayload } from '@tandem/core';
import { ProgrammesRepository } from '@tandem/programmes';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CHECK_IN_MONTHS, ImportMode, ImportRowError, ImportStatus } from './entities';
import { NotPlainCsv, plainCsvRecords } from './placement-import.csv';
import { headerProblems, IMPORT_MAX_ROWS, ImportRow, validateImportRow } from './placement-import.rows';
import {
  PlacementImportStagingRepository,
  StagingCopy,
  stagingLine,
  timeOrderedIds,
} from './placement-import-staging.repository';
import { ClaimedImport, PlacementImportsRepository } from './placement-imports.repository';

/** Rows validated between two pauses for the event loop (and one COPY chunk). */
const BATCH = 2000;
/** Progress is written to the import every this many rows. */
const PROGRESS_EVERY = 10_000;
/** csv-parse (the fallback) gets the file in slices of this size, so parsing never runs long without a pause. */
const SLICE_BYTES = 64 * 1024;

/** The file in slices (not one 20 MB chunk, which csv-parse would parse in one synchronous go). */
function* slices(file: Buffer): Generator<Buffer> {
  for (let at = 0; at < file.length; at += SLICE_BYTES) yield file.subarray(at, at + SLICE_BYTES);
}

/** csv-parse's records, numbered as a spreadsheet numbers them (the header is row 1). */
async function* csvParseRecords(file: Buffer): AsyncGenerator<{ record: string[]; row: number }> {
  const parser = Readable.from(slices(file)).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { records: number };
  }>)
    yield { record, row: info.records };
}

/** The same from the plain reader (skipped empty lines are not records, as with csv-parse). */
function* plainRecords(text: string): Generator<{ record: string[]; row: number }> {
  let row = 0;
  for (const record of plainCsvRecords(text)) yield { record, row: ++row };
}

/**
 * A turn of the event loop. Parsing and validating are CPU work whose awaits are all microtasks;
 * without a real pause BullMQ cannot renew the job's lock, the job is thought stalled and a second
 * run starts beside the first.
 */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

class FatalImportError extends Error {}

/** What reading the file into the staging table gave: the row errors, the counts. */
interface Read {
  errors: ImportRowError[];
  total: number;
  staged: number;
  hasReferences: boolean;
}

/** 10 random characters of the reference code alphabet (32 symbols: a byte's low 5 bits are uniform). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function referenceCodes(n: number): string[] {
  const bytes = randomBytes(n * 10);
  const codes: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let code = 'TP-';
    for (let k = 0; k < 10; k++) code += ALPHABET[bytes[i * 10 + k] & 31];
    codes[i] = code;
  }
  return codes;
}

/**
 * Processes a placements CSV, set-based, in ONE transaction: reads the file in batches (a plain
 * file with a fast reader, anything else with csv-parse), checks each row's columns with the API's
 * rules and messages and copies the good rows into a temporary staging table as it goes (one COPY
 * open while reading, so the database takes in a batch while the next is checked); then finds what
 * the database refuses (references, programmes, duplicates) in one query, marks the import finished
 * (compare-and-set, so a second run is a no-op) and creates the participants, placements and
 * check-in rows from the staging table in three statements. A crash half-way leaves nothing behind
 * and the retried job starts over.
 */
@Injectable()
export class PlacementImportHandler extends DatabaseJobHandlers {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly imports: PlacementImportsRepository,
    private readonly staging: PlacementImportStagingRepository,
    private readonly programmes: ProgrammesRepository,
  ) {
    super(dataSource);
  }

  @JobHandler(JobName.PlacementImport)
  async run({ importId }: JobPayload<JobName.PlacementImport>): Promise<void> {
    const claimed = await this.imports.claim(importId);
    if (!claimed) return;
    const file = await this.imports.file(importId);
    if (!file) return this.fail(importId, 'the uploaded file is no longer stored');

    const programmes = await this.programmes.activeProgrammesOf(claimed.employer_organization_id);
    try {
      await this.dataSource.transaction(async (em) => {
        const read = await this.read(em, importId, file);
        await this.settle(em, claimed, read, programmes);
      });
    } catch (err) {
      if (err instanceof FatalImportError) return this.fail(importId, err.message);
      throw err;
    }
  }

  /** What the database refuses, the import's result (compare-and-set), then the rows created and audited. */
  private async settle(
    em: EntityManager,
    claimed: ClaimedImport,
    read: Read,
    programmes: Iterable<string>,
  ): Promise<void> {
    const importId = claimed.id;
    const refused = await this.staging.refusals(
      em,
      claimed.employer_organization_id,
      [...programmes],
      read.hasReferences,
    );
    const errors = [...read.errors, ...refused].sort((a, b) => a.row - b.row);
    const bad = new Set(errors.map((e) => e.row));
    const refusedRows = [...new Set(refused.map((e) => e.row))];
    const good = read.staged - refusedRows.length;
    const reject = claimed.mode === ImportMode.AllOrNothing && errors.length > 0;
    const done = await this.imports.finish(em, importId, {
      status: reject ? ImportStatus.Rejected : ImportStatus.Completed,
      total: read.total,
      created: reject ? 0 : good,
      errorCount: bad.size,
      errors,
    });
    if (!done || reject) return;
    await this.staging.drop(em, refusedRows);
    const created = await this.staging.create(em, {
      employerOrganizationId: claimed.employer_organization_id,
      importId: claimed.id,
      createdByUserId: claimed.created_by_user_id,
    });
    // Nothing to schedule: the check-in sweep finds the new check-ins' dates in retention_checks.
    this.logger.log(`import ${claimed.id}: created ${created} placements`);
    await this.audit.record(em, {
      action: 'update',
      entityType: 'placement_import',
      entityId: importId,
      actorUserId: claimed.created_by_user_id,
      before: { status: ImportStatus.Processing },
      after: { status: ImportStatus.Completed, createdCount: good, errorCount: bad.size },
    });
  }

  /**
   * Reads the file into the staging table (a COPY open while reading): the plain reader first; a
   * file it leaves aside is read again, from the start, by csv-parse, into the emptied table.
   */
  private async read(em: EntityManager, importId: string, file: Buffer): Promise<Read> {
    let copy = await this.staging.open(em);
    try {
      try {
        const read = await this.readRecords(importId, plainRecords(file.toString('utf8')), copy);
        await copy.end();
        return read;
      } catch (err) {
        if (!(err instanceof NotPlainCsv)) throw err;
      }
      copy = await this.staging.restart(em, copy);
      try {
        const read = await this.readRecords(importId, csvParseRecords(file), copy);
        await copy.end();
        return read;
      } catch (err) {
        if (err instanceof FatalImportError) throw err;
        const e = err as Error & { code?: string; lines?: number };
        if (e.code?.startsWith('CSV_'))
          throw new FatalImportError(`not valid CSV near line ${e.lines ?? '?'}: ${e.message}`);
        throw err;
      }
    } catch (err) {
      await copy.abort(err as Error);
      throw err;
    }
  }

  private async readRecords(
    importId: string,
    records: Iterable<{ record: string[]; row: number }> | AsyncIterable<{ record: string[]; row: number }>,
    copy: StagingCopy,
  ): Promise<Read> {
    const errors: ImportRowError[] = [];
    let header: string[] | null = null;
    let total = 0;
    let staged = 0;
    let hasReferences = false;
    let batch: ImportRow[] = [];
    const now = this.clock.now();
    const flush = async () => {
      const fresh = batch.filter((r) => !r.participantReference).length;
      const codes = referenceCodes(fresh);
      const ids = timeOrderedIds(batch.length * (2 + CHECK_IN_MONTHS.length));
      let k = 0;
      let c = 0;
      let text = '';
      for (const r of batch) {
        text += stagingLine(r, {
          placementId: ids[k++],
          checkIds: CHECK_IN_MONTHS.map(() => ids[k++]),
          participant: r.participantReference ? null : { id: ids[k++], referenceCode: codes[c++] },
        });
      }
      staged += batch.length;
      batch = [];
      if (text) await copy.write(text);
    };
    for await (const { record, row } of records) {
      if (!header) {
        header = record.map((h) => h.trim());
        const problems = headerProblems(header);
        if (problems) throw new FatalImportError(`wrong header: ${problems}`);
        continue;
      }
      total += 1;
      if (total > IMPORT_MAX_ROWS) throw new FatalImportError(`more than ${IMPORT_MAX_ROWS} rows`);
      if (record.length !== header.length) {
        errors.push({
          row,
          column: '*',
          reason: `has ${record.length} fields; the header has ${header.length}`,
        });
      } else {
        const mapped: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) mapped[header[i]] = record[i];
        const result = validateImportRow(row, mapped, now);
        if (result.row) {
          batch.push(result.row);
          if (result.row.participantReference) hasReferences = true;
        } else errors.push(...result.errors);
      }
      if (total % BATCH === 0) {
        await flush();
        await pause();
        if (total % PROGRESS_EVERY === 0) await this.imports.progress(importId, total);
      }
    }
    await flush();
    if (!header) throw new FatalImportError('the file is empty');
    if (total === 0) throw new FatalImportError('the file has a header but no rows');
    return { errors, total, staged, hasReferences };
  }

  private async fail(importId: string, reason: string): Promise<void> {
    await this.imports.fail(importId, reason);
  }
}
