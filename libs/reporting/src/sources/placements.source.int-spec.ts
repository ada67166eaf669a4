import { Actor, AppConfig, MembershipRole, userActor } from '@tandem/core';
import { PlacementAccessService, PlacementsRepository, PlacementStatsService } from '@tandem/placements';
import { ProgrammeAccessService, ProgrammesRepository } from '@tandem/programmes';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { collect, openTestDataSource, Rows } from '../../../../test/support/integration';
import { ReportFormat, ReportKind } from '../entities';
import { ReportSources } from '../report-sources.service';
import { spoolCopy } from '../writers/copy-csv';
import { writeCsv } from '../writers/csv.writer';
import { PlacementsSource } from './placements.source';

/** Job titles a spreadsheet would run or CSV must quote, so the COPY's guard and quoting show. */
const TITLES = ['=SUM(A1)', '+351', '@cmd', 'say "hi"', 'two\nlines', 'a,b', 'Zoë', '', '\tTab', 'Baker'];

describe(`${PlacementsSource.name}: a CSV's rows COPYed ahead while the statistics run (PostgreSQL)`, () => {
  let ds: DataSource;
  let dir: string;
  let source: PlacementsSource;
  let sources: ReportSources;
  let baker: Actor;
  const rowCount = 3_000;

  beforeAll(async () => {
    ds = await openTestDataSource();
    dir = await mkdtemp(path.join(tmpdir(), 'tandem-spool-'));
    const access = new PlacementAccessService();
    const programmes = new ProgrammesRepository(ds);
    const placements = new PlacementsRepository(ds, access);
    source = new PlacementsSource(
      new PlacementStatsService(placements, access, new ProgrammeAccessService(programmes)),
      placements,
      access,
      new ProgrammeAccessService(programmes),
      programmes,
      new OrganizationsRepository(ds),
      ds,
      { REPORT_STORAGE_DIR: path.join(dir, 'reports'), REPORT_SPOOL_DIR: dir } as AppConfig,
    );
    const none = undefined as never;
    sources = new ReportSources(none, source, none, none, none, none, none, none, none);
    const rows = new Rows(ds.manager);
    const ngo = await rows.organization('NGO');
    const bakery = await rows.organization('Bakery, "the" =best', 'employer');
    const programme = await rows.programme('Jobs =now', ngo);
    await ds.query(
      `INSERT INTO participants (id, reference_code, registered_by_organization_id, country_of_origin)
       SELECT gen_random_uuid(), 'P' || i, $1, (ARRAY['SY','ER','UA'])[1 + i % 3] FROM generate_series(1, $2) i`,
      [ngo, rowCount],
    );
    await ds.query(
      `INSERT INTO placements (participant_id, employer_organization_id, programme_id, job_title, occupation_code,
         sector, start_date, contract_type, hours_per_week)
       SELECT pa.id, $1, CASE WHEN n % 2 = 0 THEN $2::uuid END, ($3::text[])[1 + (n % cardinality($3::text[]))::int],
         '9412', 'I', DATE '2026-01-01' + (n % 90)::int, 'permanent', 30 + n % 7 * 0.5
       FROM (SELECT id, row_number() OVER (ORDER BY reference_code) n FROM participants) pa`,
      [bakery, programme, TITLES],
    );
    baker = userActor({
      userId: randomUUID(),
      email: 'b@x.test',
      memberships: [{ organizationId: bakery, role: MembershipRole.Member }],
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const report = { id: randomUUID(), kind: ReportKind.Placements, format: ReportFormat.Csv, parameters: {} };
  const progress = () => Promise.resolve();

  it('writes the same bytes as the sequential path, and leaves no temporary file', async () => {
    const sequential = await collect(async (out) => writeCsv(await source.content(baker, {}), out, progress));
    let count = 0;
    const ahead = await collect(async (out) => {
      const content = await source.content(baker, {}, { csv: true });
      expect(content.dispose).toBeDefined();
      expect(await readdir(dir)).toHaveLength(1); // the rows' COPY went into its file meanwhile
      try {
        count = await writeCsv(content, out, progress);
      } finally {
        await content.dispose?.();
      }
    });
    expect(ahead.toString('utf8')).toEqual(sequential.toString('utf8'));
    expect(ahead.equals(sequential)).toBe(true);
    expect(ahead.toString('utf8')).toContain(`placements,`);
    expect(ahead.toString('utf8')).toContain(`,'=SUM(A1),`);
    expect(count).toBeGreaterThan(rowCount);
    expect(await readdir(dir)).toEqual([]);
    // Through ReportSources (the worker's path), which disposes of it itself.
    const viaSources = await collect((out) => sources.write(baker, report, out, progress, progress));
    expect(viaSources.equals(sequential)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the temporary file when the build fails after the COPY started', async () => {
    // The first step after the content (the report's total to the database) fails.
    const failing = () => Promise.reject(new Error('database gone'));
    await expect(sources.write(baker, report, new PassThrough(), progress, failing)).rejects.toThrow(
      'database gone',
    );
    expect(await readdir(dir)).toEqual([]);
    // The pool still answers (a COPY stopped midway closed its connection instead of reusing it).
    await expect(ds.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('removes the temporary file of a COPY that fails, or that is stopped before it ends', async () => {
    const failed = spoolCopy(
      ds,
      `COPY (SELECT 1 / (5000 - i) FROM generate_series(1, 10000) i) TO STDOUT (FORMAT csv)`,
      dir,
    );
    await expect(failed.appendTo(new PassThrough(), progress)).rejects.toThrow(/division by zero/);
    await failed.dispose();
    expect(await readdir(dir)).toEqual([]);
    const stopped = spoolCopy(
      ds,
      `COPY (SELECT i, repeat('x', 100) FROM generate_series(1, 5000000) i) TO STDOUT (FORMAT csv)`,
      dir,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stopped.dispose();
    expect(await readdir(dir)).toEqual([]);
    await expect(ds.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });
});
