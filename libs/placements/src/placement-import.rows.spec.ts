import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CreateParticipantDto, CreatePlacementDto } from './dto';
import {
  errorsCsv,
  headerProblems,
  IMPORT_COLUMNS,
  IMPORT_TEMPLATE_CSV,
  PARTICIPANT_COLUMNS,
  validateImportRow,
} from './placement-import.rows';

const NOW = new Date('2027-06-01T12:00:00Z');

const record = (over: Record<string, string> = {}): Record<string, string> => ({
  ...Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])),
  yearOfBirth: '1990',
  gender: 'male',
  countryOfOrigin: 'sy',
  arrivalYear: '2021',
  statusCategory: 'labour',
  languages: 'ar; FR',
  consentGivenAt: '2027-01-10T09:00:00Z',
  consentScope: 'placement follow-up',
  jobTitle: 'Welder',
  occupationCode: '7212',
  sector: 'c',
  startDate: '2027-03-01',
  contractType: 'fixed_term',
  hoursPerWeek: '38.5',
  ...over,
});

describe('placement import rows', () => {
  it('accepts a new participant row and normalises codes', () => {
    const sut = validateImportRow(2, record(), NOW);
    expect(sut.errors).toEqual([]);
    expect(sut.row).toMatchObject({
      row: 2,
      participantReference: null,
      participant: { countryOfOrigin: 'SY', languages: ['ar', 'fr'], yearOfBirth: 1990 },
      placement: { sector: 'C', hoursPerWeek: 38.5 },
    });
  });

  it('names the column of every problem, mapping consent fields to their columns', () => {
    const sut = validateImportRow(
      7,
      record({ countryOfOrigin: 'XX', consentScope: '', hoursPerWeek: 'lots', occupationCode: '1999' }),
      NOW,
    );
    expect(sut.row).toBeNull();
    expect(new Set(sut.errors.map((e) => e.column))).toEqual(
      new Set(['countryOfOrigin', 'consentScope', 'hoursPerWeek', 'occupationCode']),
    );
    expect(sut.errors.every((e) => e.row === 7)).toBe(true);
  });

  it('wants the participant columns empty when a reference is given', () => {
    const sut = validateImportRow(3, record({ participantReference: 'TP-ABCDEFGHJK' }), NOW);
    expect(sut.errors.map((e) => e.column)).toContain('yearOfBirth');
    const ok = validateImportRow(
      3,
      Object.fromEntries(
        Object.entries(record({ participantReference: 'tp-abcdefghjk' })).map(([k, v]) =>
          (PARTICIPANT_COLUMNS as string[]).includes(k) ? [k, ''] : [k, v],
        ),
      ),
      NOW,
    );
    expect(ok.errors).toEqual([]);
    expect(ok.row?.participantReference).toBe('TP-ABCDEFGHJK');
  });

  it('checks the header and serves a template that passes its own checks', () => {
    expect(headerProblems([...IMPORT_COLUMNS].reverse())).toBeNull();
    expect(headerProblems(['name', ...IMPORT_COLUMNS.slice(1)])).toBe(
      'missing columns: participantReference; unknown columns: name',
    );
    expect(headerProblems([IMPORT_COLUMNS.join(';')])).toMatch(/semicolons/);
    const [header, ...rows] = IMPORT_TEMPLATE_CSV.trim().split('\r\n');
    expect(headerProblems(header.split(','))).toBeNull();
    expect(rows).toHaveLength(2);
  });

  it('writes errors as CSV, quoting where needed', () => {
    expect(errorsCsv([{ row: 4, column: 'jobTitle', reason: 'must not be "blank", really' }])).toBe(
      'row,column,reason\r\n4,jobTitle,"must not be ""blank"", really"\r\n',
    );
  });
});

/**
 * The row check as it was written before (the API's DTOs through class-transformer and
 * class-validator, one object per row): the fast column checks must give exactly its answers.
 */
function withDtos(row: number, record: Record<string, string>, now: Date) {
  const v = (c: string) => (record[c] ?? '').trim();
  const problems: { column: string; reason: string }[] = [];
  const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
  const toInt = (x: string): number | string => (/^-?\d+$/.test(x) ? Number(x) : x);
  const toNumber = (x: string): number | string => (x !== '' && Number.isFinite(Number(x)) ? Number(x) : x);
  const CONSENT: Record<string, string> = {
    'consent.givenAt': 'consentGivenAt',
    'consent.scope': 'consentScope',
    consent: 'consentGivenAt',
  };
  const collect = (errors: ValidationError[], column: (p: string) => string) => {
    for (const e of errors) {
      for (const message of Object.values(e.constraints ?? {}))
        problems.push({ column: column(e.property), reason: message });
      if (e.children?.length) collect(e.children, (p) => column(`${e.property}.${p}`));
    }
  };
  const placement = plainToInstance(CreatePlacementDto, {
    participantId: PLACEHOLDER,
    employerOrganizationId: PLACEHOLDER,
    ...(v('programmeId') ? { programmeId: v('programmeId') } : {}),
    jobTitle: v('jobTitle'),
    occupationCode: v('occupationCode'),
    sector: v('sector').toUpperCase(),
    startDate: v('startDate'),
    contractType: v('contractType'),
    hoursPerWeek: toNumber(v('hoursPerWeek')),
  });
  collect(validateSync(placement), (p) => p);
  const reference = v('participantReference');
  let participant: CreateParticipantDto | null = null;
  if (reference) {
    if (!/^TP-[0-9A-Z]{8,13}$/.test(reference.toUpperCase()))
      problems.push({ column: 'participantReference', reason: 'is not a participant reference code (TP-…)' });
    for (const c of PARTICIPANT_COLUMNS)
      if (v(c)) problems.push({ column: c, reason: 'must be empty when participantReference is given' });
  } else {
    const plain = {
      yearOfBirth: toInt(v('yearOfBirth')),
      gender: v('gender'),
      countryOfOrigin: v('countryOfOrigin').toUpperCase(),
      arrivalYear: toInt(v('arrivalYear')),
      statusCategory: v('statusCategory'),
      languages: v('languages')
        .split(/[;\s]+/)
        .filter(Boolean)
        .map((l) => l.toLowerCase()),
      consent: { givenAt: v('consentGivenAt'), scope: v('consentScope') },
    };
    participant = plainToInstance(CreateParticipantDto, plain);
    const before = problems.length;
    collect(validateSync(participant), (p) => CONSENT[p] ?? p);
    if (!plain.languages.length)
      problems.push({ column: 'languages', reason: 'languages must list at least one ISO 639-1 code' });
    if (problems.length === before) {
      if (Date.parse(plain.consent.givenAt) > now.getTime() + 5 * 60_000)
        problems.push({ column: 'consentGivenAt', reason: 'cannot be in the future' });
      if ((plain.arrivalYear as number) < (plain.yearOfBirth as number))
        problems.push({ column: 'arrivalYear', reason: 'cannot be before yearOfBirth' });
    }
  }
  const errors = problems.map((p) => ({ row, ...p }));
  if (errors.length) return { row: null, errors };
  return {
    row: {
      row,
      participantReference: reference ? reference.toUpperCase() : null,
      participant: participant && { ...participant, consent: { ...participant.consent } },
      placement: {
        programmeId: placement.programmeId,
        jobTitle: placement.jobTitle.trim(),
        occupationCode: placement.occupationCode,
        sector: placement.sector,
        startDate: placement.startDate,
        contractType: placement.contractType,
        hoursPerWeek: placement.hoursPerWeek,
      },
    },
    errors: [],
  };
}

describe('placement import rows: the fast checks give the DTOs answers', () => {
  /** Odd values per column; each is tried alone and many are tried together. */
  const ODD: Record<string, string[]> = {
    participantReference: ['TP-ABCDEFGHJK', 'tp-abcdefghjk', 'TP-1', 'XX-ABCDEFGHJK', ' TP-ABCDEFGH '],
    yearOfBirth: ['', '19x', '1899', '2101', '1990.0', '-5', '00001990', '99999999999999999999', ' 1990 '],
    gender: ['', 'Male', 'not_stated', 'x'],
    countryOfOrigin: ['', 'xx', 'fr', 'FRA', 'U1', 'zz'],
    arrivalYear: ['', '1985', 'abc', '2200', '1900'],
    statusCategory: ['', 'Labour', 'family', 'tourist'],
    languages: [
      '',
      ';;',
      'AR',
      'ar en  fr',
      'xx;en',
      'ar;ar',
      Array.from({ length: 21 }, () => 'en').join(';'),
      'english',
    ],
    consentGivenAt: [
      '',
      '2027-01-10',
      '2027-13-01',
      '2027-02-30T10:00:00Z',
      '2030-01-01T00:00:00Z',
      'yesterday',
      '2026-051',
      '2026-W05-3',
      '0000-01-01T00:00:00Z',
      '2027-06-01T12:04:00Z',
      '2027-06-01T12:06:00Z',
      '2027-01-10T09:00:00+02:00',
    ],
    consentScope: ['', '   ', 'x'.repeat(500), 'x'.repeat(501), 'ok'],
    programmeId: [
      '',
      'not-a-uuid',
      '00000000-0000-4000-8000-000000000001',
      '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      'G0000000-0000-4000-8000-000000000001',
    ],
    jobTitle: ['', '  ', 'x'.repeat(200), 'x'.repeat(201), 'Cook, "chef"', '=SUM(A1)', '😀'.repeat(150)],
    occupationCode: ['', '9', '99', '1999', '12345', 'ABC', '0110', '01'],
    sector: ['', 'z', 'a', 'AB', 'U', 'V'],
    startDate: [
      '',
      '2027-02-30',
      '2027-2-1',
      '27-01-01',
      '2024-02-29',
      '2023-02-29',
      '0001-01-01',
      '2027-12-31',
    ],
    contractType: ['', 'permanent', 'Permanent', 'gig'],
    hoursPerWeek: [
      '',
      '0',
      '1',
      '80',
      '80.1',
      '81',
      '37.5',
      '37.55',
      'lots',
      '1e1',
      '0x10',
      '-1',
      'Infinity',
      '  40 ',
      '40.0',
      '0.95',
    ],
  };

  const compare = (rec: Record<string, string>, label: string) => {
    const fast = validateImportRow(9, rec, NOW);
    const slow = withDtos(9, rec, NOW);
    try {
      expect(fast.errors).toEqual(slow.errors);
      if (slow.row) expect(fast.row).toEqual(slow.row);
      else expect(fast.row).toBeNull();
    } catch (err) {
      throw new Error(`${label}: ${(err as Error).message}`);
    }
  };

  it('column by column, for a new participant and for a reference', () => {
    for (const [column, values] of Object.entries(ODD)) {
      for (const value of values) {
        compare(record({ [column]: value }), `${column}=${JSON.stringify(value)}`);
        const referenced = record({
          participantReference: 'TP-ABCDEFGHJK',
          ...Object.fromEntries(PARTICIPANT_COLUMNS.map((c) => [c, ''])),
        });
        compare({ ...referenced, [column]: value }, `reference, ${column}=${JSON.stringify(value)}`);
      }
    }
  });

  it('many odd columns at once', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 1000; i++) {
      const over: Record<string, string> = {};
      for (const [column, values] of Object.entries(ODD))
        if (next() % 3 === 0) over[column] = values[next() % values.length];
      compare(record(over), JSON.stringify(over));
    }
  });
});
