import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { ContractType, Gender, StatusCategory } from './entities';
import {
  PlacementImportStagingRepository,
  stagingLine,
  timeOrderedIds,
} from './placement-import-staging.repository';
import { ImportRow } from './placement-import.rows';

describe(`${PlacementImportStagingRepository.name} (PostgreSQL)`, () => {
  let ds: DataSource;
  const staging = new PlacementImportStagingRepository();
  let employer: string;
  let programme: string;
  let otherProgramme: string;
  let importId: string;
  let userId: string;
  const ref: Record<string, string> = {};

  const participant = async (
    code: string,
    organizationId: string,
    programmeId: string | null,
    erased = false,
  ) => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO participants (id, reference_code, registered_by_organization_id, programme_id, erased_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, code, organizationId, programmeId, erased ? new Date() : null],
    );
    return id;
  };

  const row = (
    n: number,
    over: Partial<ImportRow> & { programmeId?: string; startDate?: string } = {},
  ): ImportRow => ({
    row: n,
    participantReference: over.participantReference ?? null,
    participant:
      over.participantReference !== undefined
        ? null
        : {
            yearOfBirth: 1990,
            gender: Gender.Female,
            countryOfOrigin: 'SY',
            arrivalYear: 2021,
            statusCategory: StatusCategory.Labour,
            languages: ['ar', 'en', 'ar'],
            consent: { givenAt: '2026-01-10', scope: ' follow-up\tand\\reports ' },
          },
    placement: {
      programmeId: over.programmeId,
      jobTitle: 'Cook, "chef"\nnight',
      occupationCode: '5120',
      sector: 'I',
      startDate: over.startDate ?? '2026-03-01',
      contractType: ContractType.Permanent,
      hoursPerWeek: 37.5,
    },
  });

  const stage = (rows: ImportRow[]) =>
    rows.map((r) => {
      const [placementId, a, b, c, participantId] = timeOrderedIds(5);
      return stagingLine(r, {
        placementId,
        checkIds: [a, b, c],
        participant: r.participantReference
          ? null
          : { id: participantId, referenceCode: `TP-T${r.row}XXXXXXX` },
      });
    });

  it('makes time-ordered version 7 UUIDs', () => {
    const ids = timeOrderedIds(4000, Date.parse('2026-11-26T01:00:00Z'));
    expect(new Set(ids).size).toBe(4000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^01a2155d-d280-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  beforeAll(async () => {
    ds = await openTestDataSource();
    const rows = new Rows(ds.manager);
    employer = await rows.organization('Staging Bakery', 'employer');
    const other = await rows.organization('Staging Builder', 'employer');
    const lead = await rows.organization('Staging City', 'municipality');
    programme = await rows.programme('Staging programme', lead);
    otherProgramme = await rows.programme('Other programme', lead);
    await rows.partner(programme, employer, 'employer', 'active');
    userId = await rows.user('Staging HR');
    importId = randomUUID();
    await ds.query(
      `INSERT INTO placement_imports (id, employer_organization_id, created_by_user_id, mode, file_name, content_sha256)
       VALUES ($1, $2, $3, 'valid_rows', 'p.csv', repeat('b', 64))`,
      [importId, employer, userId],
    );
    ref.own = 'TP-OWN0000001';
    ref.others = 'TP-OTHER00001';
    ref.viaProgramme = 'TP-PROG000001';
    ref.erased = 'TP-ERASED0001';
    ref.logged = 'TP-LOGGED0001';
    await participant(ref.own, employer, null);
    await participant(ref.others, other, null);
    await participant(ref.viaProgramme, other, programme);
    await participant(ref.erased, employer, null, true);
    const logged = await participant(ref.logged, employer, null);
    await ds.query(
      `INSERT INTO placements (participant_id, employer_organization_id, job_title, occupation_code, sector, start_date,
                               contract_type, hours_per_week)
       VALUES ($1, $2, 'Baker', '7512', 'C', '2026-03-01', 'permanent', 38)`,
      [logged, employer],
    );
  });

  afterAll(() => ds?.destroy());

  it('names what the database refuses, row by row, and creates the rest with their check-ins', async () => {
    const rows = [
      row(2),
      row(3, { participantReference: ref.own }),
      row(4, { participantReference: ref.own }), // same person, same start: repeats row 3
      row(5, { participantReference: ref.own, startDate: '2026-04-01' }),
      row(6, { participantReference: ref.others }),
      row(7, { participantReference: ref.viaProgramme }),
      row(8, { participantReference: ref.viaProgramme, programmeId: programme }),
      row(9, { participantReference: ref.erased }),
      row(10, { participantReference: ref.logged }),
      row(11, { participantReference: 'TP-NOBODY0001' }),
      row(12, { programmeId: otherProgramme }),
      row(13, { participantReference: ref.own, programmeId: otherProgramme, startDate: '2026-05-01' }),
      row(14, { participantReference: ref.own, startDate: '2026-05-01' }),
    ];
    await ds.transaction(async (em) => {
      await staging.stage(em, stage(rows));
      const refused = await staging.refusals(em, employer, [programme], true);
      const notYours =
        'is not a participant the employer registered, or one registered under the programme named';
      expect(refused).toEqual([
        { row: 4, column: 'participantReference', reason: 'repeats row 3' },
        { row: 6, column: 'participantReference', reason: notYours },
        { row: 7, column: 'participantReference', reason: notYours },
        { row: 9, column: 'participantReference', reason: 'this participant was erased' },
        {
          row: 10,
          column: 'participantReference',
          reason: 'a placement of this participant starting on this date is already logged',
        },
        { row: 11, column: 'participantReference', reason: notYours },
        { row: 12, column: 'programmeId', reason: 'is not a programme the employer is an active partner of' },
        { row: 13, column: 'programmeId', reason: 'is not a programme the employer is an active partner of' },
        { row: 14, column: 'participantReference', reason: 'repeats row 13' },
      ]);
      await staging.drop(em, [...new Set(refused.map((e) => e.row))]);
      const created = await staging.create(em, {
        employerOrganizationId: employer,
        importId,
        createdByUserId: userId,
      });
      expect(created).toBe(4);
    });
    const placed: {
      job_title: string;
      checks: number;
      reference_code: string;
      languages: string[];
      consent_scope: string | null;
      consent_given_at: Date | null;
    }[] = await ds.query(
      `SELECT pl.job_title, (SELECT count(*)::int FROM retention_checks rc WHERE rc.placement_id = pl.id) AS checks,
                pa.reference_code, pa.languages, pa.consent_scope, pa.consent_given_at
           FROM placements pl JOIN participants pa ON pa.id = pl.participant_id
          WHERE pl.import_id = $1 ORDER BY pa.reference_code`,
      [importId],
    );
    expect(placed.map((p) => p.reference_code)).toEqual([ref.own, ref.own, ref.viaProgramme, 'TP-T2XXXXXXX']);
    expect(placed.every((p) => p.checks === 3 && p.job_title === 'Cook, "chef"\nnight')).toBe(true);
    const [{ due }] = await ds.query(
      `SELECT string_agg(rc.months || ':' || to_char(rc.due_on, 'YYYY-MM-DD'), ',' ORDER BY rc.months) AS due
         FROM retention_checks rc JOIN placements pl ON pl.id = rc.placement_id
        WHERE pl.import_id = $1 AND pl.start_date = '2026-04-01'`,
      [importId],
    );
    expect(due).toBe('3:2026-07-01,6:2026-10-01,12:2027-04-01');
    expect(placed[3]).toMatchObject({ languages: ['ar', 'en'], consent_scope: 'follow-up\tand\\reports' });
    expect(placed[3].consent_given_at?.toISOString()).toBe('2026-01-10T00:00:00.000Z');
    // The staging table went with the transaction.
    const [{ left }] = await ds.query(
      `SELECT to_regclass('pg_temp.placement_import_rows') IS NOT NULL AS left`,
    );
    expect(left).toBe(false);
  });
});
