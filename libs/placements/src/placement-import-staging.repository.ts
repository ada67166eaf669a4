import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EntityManager } from 'typeorm';
import { CHECK_IN_MONTHS, ImportRowError } from './entities';
import type { ImportRow } from './placement-import.rows';

/**
 * The staging table of one import: a temporary table, dropped when the import's transaction ends,
 * holding the rows that passed the column checks, already normalised. Fresh participants carry the
 * id and reference code they will be created with; referenced ones get theirs resolved here.
 */
const STAGING_TABLE = `CREATE TEMP TABLE placement_import_rows (
  row_number integer NOT NULL,
  participant_reference text,
  participant_id uuid,
  placement_id uuid NOT NULL,
  check_ids uuid[] NOT NULL,
  reference_code text,
  year_of_birth smallint,
  gender text,
  country_of_origin text,
  arrival_year smallint,
  status_category text,
  languages varchar(2)[],
  consent_given_at timestamptz,
  consent_scope text,
  programme_id uuid,
  job_title text,
  occupation_code text,
  sector text,
  start_date date,
  contract_type text,
  hours_per_week numeric
) ON COMMIT DROP`;

/** A text cell of COPY's text format: backslash, tab and line breaks escaped; \N is NULL. */
const cell = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '\\N' : String(v).replace(/[\\\t\n\r]/g, escape);
const escape = (c: string) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r');

/**
 * Time-ordered ids (UUID version 7: 48 bits of milliseconds, then random bits). The rows of one
 * import then land side by side at the end of the primary-key and foreign-key indexes instead of
 * on a random page each of indexes holding millions of entries, which was most of the insert time.
 * A 26-bit counter (the 12 bits after the version, then the 14 after the variant) keeps the ids of
 * one call in ascending order however many there are (a 12-bit one wrapped every 4,096 ids, so a
 * batch's ids went into the indexes at three places at once instead of one).
 */
export function timeOrderedIds(n: number, now = Date.now()): string[] {
  const bytes = randomBytes(n * 6);
  const ms = now.toString(16).padStart(12, '0');
  const head = `${ms.slice(0, 8)}-${ms.slice(8)}-7`;
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const high = ((i >>> 14) & 0xfff).toString(16).padStart(3, '0');
    const low = (0x8000 | (i & 0x3fff)).toString(16);
    ids[i] = `${head}${high}-${low}-${bytes.toString('hex', i * 6, i * 6 + 6)}`;
  }
  return ids;
}

/** An open COPY into the staging table. */
export interface StagingCopy {
  /** Resolves at once unless more than COPY_BUFFER_BYTES wait for the database. */
  write(text: string): Promise<void>;
  /** Ends the COPY; rejects with its error. */
  end(): Promise<void>;
  /** Cancels the COPY (after an error while reading). */
  abort(err: Error): Promise<void>;
}

/** COPY text held for PostgreSQL before a write waits (a 50,000-row file is about 25 MB of it). */
const COPY_BUFFER_BYTES = 64 * 1024 * 1024;

/** The ids one staged row creates: the placement, its check-ins (in CHECK_IN_MONTHS order), a new participant's. */
export interface StagedIds {
  placementId: string;
  checkIds: string[];
  participant: { id: string; referenceCode: string } | null;
}

/** One checked row as a line of COPY text (the staging table's columns, in order). */
export function stagingLine(r: ImportRow, ids: StagedIds): string {
  const p = r.participant;
  const pl = r.placement;
  const fresh = ids.participant;
  return (
    [
      r.row,
      cell(r.participantReference),
      fresh ? fresh.id : '\\N',
      ids.placementId,
      `{${ids.checkIds.join(',')}}`,
      fresh ? fresh.referenceCode : '\\N',
      p ? p.yearOfBirth : '\\N',
      cell(p?.gender),
      cell(p?.countryOfOrigin),
      p ? p.arrivalYear : '\\N',
      cell(p?.statusCategory),
      // ISO 639-1 codes only (checked), so the array literal needs no quoting.
      p ? `{${[...new Set(p.languages)].join(',')}}` : '\\N',
      p ? new Date(p.consent.givenAt).toISOString() : '\\N',
      cell(p?.consent.scope.trim()),
      cell(pl.programmeId),
      cell(pl.jobTitle),
      cell(pl.occupationCode),
      cell(pl.sector),
      pl.startDate,
      cell(pl.contractType),
      pl.hoursPerWeek,
    ].join('\t') + '\n'
  );
}

/**
 * Set-based statements of the placement import over its staging table: load it with COPY, find
 * the rows the database refuses (references, programmes, duplicates), create the rest. All of them
 * run in the import's one transaction (`em`), on its connection.
 */
@Injectable()
export class PlacementImportStagingRepository {
  /** Creates the staging table and copies the checked rows in (COPY … FROM STDIN). */
  async stage(em: EntityManager, lines: Iterable<string>): Promise<void> {
    const copy = await this.open(em);
    try {
      for (const line of lines) await copy.write(line);
    } catch (err) {
      await copy.abort(err as Error);
      throw err;
    }
    await copy.end();
  }

  /**
   * Creates the staging table and opens a COPY into it that stays open while the file is read, so
   * PostgreSQL takes in each batch of lines while the next one is checked. The sorts of the
   * statements after it get the memory to stay off disk (for this transaction only).
   */
  async open(em: EntityManager): Promise<StagingCopy> {
    await em.query(`SET LOCAL work_mem = '64MB'`);
    await em.query(STAGING_TABLE);
    return this.copy(em);
  }

  /** Ends `copy` and empties the staging table, for a second reading of the file from the start. */
  async restart(em: EntityManager, copy: StagingCopy): Promise<StagingCopy> {
    await copy.end();
    await em.query(`TRUNCATE placement_import_rows`);
    return this.copy(em);
  }

  private async copy(em: EntityManager): Promise<StagingCopy> {
    const client = (await em.queryRunner!.connect()) as PoolClient;
    // The file's COPY text is held until PostgreSQL takes it (as the whole of it was before), so
    // reading never waits for the database.
    const source = new PassThrough({ highWaterMark: COPY_BUFFER_BYTES });
    const done = pipeline(source, client.query(copyFrom(`COPY placement_import_rows FROM STDIN`)));
    done.catch(() => undefined); // seen by end() or abort()
    return {
      async write(text) {
        if (!source.write(text)) await Promise.race([once(source, 'drain'), done]);
      },
      async end() {
        source.end();
        await done;
      },
      async abort(err) {
        // A CopyFail ends the COPY, so the connection can roll the transaction back.
        source.destroy(err);
        await done.catch(() => undefined);
      },
    };
  }

  /**
   * What the database refuses, by row (then programme before participant), in the words the
   * import has always used. References are resolved into `participant_id` on the way.
   */
  async refusals(
    em: EntityManager,
    employerId: string,
    activeProgrammeIds: string[],
    hasReferences: boolean,
  ): Promise<ImportRowError[]> {
    if (hasReferences) {
      await em.query(`ANALYZE placement_import_rows`);
      await em.query(
        `UPDATE placement_import_rows s SET participant_id = p.id FROM participants p
          WHERE s.participant_reference IS NOT NULL AND p.reference_code = s.participant_reference`,
      );
    }
    return em.query(
      `WITH refs AS (
         SELECT s.row_number, s.participant_id, s.start_date,
                COALESCE(p.registered_by_organization_id = $1 OR p.programme_id = s.programme_id, false) AS placeable,
                p.erased_at IS NOT NULL AS erased
           FROM placement_import_rows s LEFT JOIN participants p ON p.id = s.participant_id
          WHERE s.participant_reference IS NOT NULL
       ), open AS (
         SELECT r.row_number, r.participant_id, r.start_date,
                EXISTS (SELECT 1 FROM placements pl
                         WHERE pl.participant_id = r.participant_id AND pl.employer_organization_id = $1
                           AND pl.start_date = r.start_date) AS logged
           FROM refs r WHERE r.placeable AND NOT r.erased
       ), firsts AS (
         SELECT row_number, min(row_number) OVER (PARTITION BY participant_id, start_date) AS first
           FROM open WHERE NOT logged
       )
       SELECT row_number AS "row", "column", reason FROM (
         SELECT row_number, 0 AS k, 'programmeId' AS "column",
                'is not a programme the employer is an active partner of' AS reason
           FROM placement_import_rows WHERE programme_id IS NOT NULL AND programme_id <> ALL($2::uuid[])
         UNION ALL
         SELECT row_number, 1, 'participantReference',
                'is not a participant the employer registered, or one registered under the programme named'
           FROM refs WHERE NOT placeable
         UNION ALL
         SELECT row_number, 1, 'participantReference', 'this participant was erased' FROM refs WHERE placeable AND erased
         UNION ALL
         SELECT row_number, 1, 'participantReference',
                'a placement of this participant starting on this date is already logged'
           FROM open WHERE logged
         UNION ALL
         SELECT row_number, 1, 'participantReference', 'repeats row ' || first FROM firsts WHERE row_number <> first
       ) e ORDER BY row_number, k`,
      [employerId, activeProgrammeIds],
    );
  }

  /** Leaves these rows out of what is created (valid_rows mode). */
  async drop(em: EntityManager, rows: number[]): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `DELETE FROM placement_import_rows s USING unnest($1::int[]) AS b(row_number) WHERE s.row_number = b.row_number`,
      [rows],
    );
  }

  /**
   * Creates every staged row: the new participants, the placements, their 3/6/12-month check-in
   * rows, in file order (three INSERT … SELECT statements). Returns the number of placements.
   */
  async create(
    em: EntityManager,
    common: { employerOrganizationId: string; importId: string; createdByUserId: string },
  ): Promise<number> {
    await em.query(
      `INSERT INTO participants (id, reference_code, registered_by_organization_id, programme_id, year_of_birth, gender,
                                 country_of_origin, arrival_year, status_category, languages, consent_given_at,
                                 consent_scope, erased_at, created_by_user_id)
       SELECT participant_id, reference_code, $1, NULL, year_of_birth, gender, country_of_origin, arrival_year,
              status_category, languages, consent_given_at, consent_scope, NULL, $2
         FROM placement_import_rows WHERE participant_reference IS NULL ORDER BY row_number`,
      [common.employerOrganizationId, common.createdByUserId],
    );
    const [{ placed }]: { placed: number }[] = await em.query(
      `WITH placed AS (
         INSERT INTO placements (id, participant_id, employer_organization_id, programme_id, job_title, occupation_code,
                                 sector, start_date, contract_type, hours_per_week, status, import_id, created_by_user_id)
         SELECT placement_id, participant_id, $1, programme_id, job_title, occupation_code, sector, start_date,
                contract_type, hours_per_week, 'active', $2, $3
           FROM placement_import_rows ORDER BY row_number
         RETURNING 1
       )
       SELECT count(*)::int AS placed FROM placed`,
      [common.employerOrganizationId, common.importId, common.createdByUserId],
    );
    await em.query(
      `INSERT INTO retention_checks (id, placement_id, months, due_on, status)
       SELECT s.check_ids[m.k], s.placement_id, m.months, (s.start_date + make_interval(months => m.months))::date,
              'scheduled'
         FROM placement_import_rows s CROSS JOIN unnest($1::smallint[]) WITH ORDINALITY AS m(months, k)
        ORDER BY s.row_number, m.k`,
      [[...CHECK_IN_MONTHS]],
    );
    return placed;
  }
}
