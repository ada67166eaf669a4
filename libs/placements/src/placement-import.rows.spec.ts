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
