import { toCsv } from '@tandem/core';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CreateParticipantDto, CreatePlacementDto } from './dto';
import { ImportRowError } from './entities';

/** Filled to register a new participant for the employer; left empty when participantReference is given. */
const PARTICIPANT_FIELDS = [
  'yearOfBirth',
  'gender',
  'countryOfOrigin',
  'arrivalYear',
  'statusCategory',
  'languages',
  'consentGivenAt',
  'consentScope',
] as const;

/** The columns of a placements CSV, in the template's order. Header names are exact (any order). */
export const IMPORT_COLUMNS = [
  'participantReference',
  ...PARTICIPANT_FIELDS,
  'programmeId',
  'jobTitle',
  'occupationCode',
  'sector',
  'startDate',
  'contractType',
  'hoursPerWeek',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const PARTICIPANT_COLUMNS: ImportColumn[] = [...PARTICIPANT_FIELDS];

export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const example = (values: Partial<Record<ImportColumn, string>>) => IMPORT_COLUMNS.map((c) => values[c] ?? '');

/** The downloadable template: the header and two example rows (an existing participant, a new one). */
export const IMPORT_TEMPLATE_CSV = toCsv(
  [
    IMPORT_COLUMNS,
    example({
      participantReference: 'TP-7K3M9Q2XAB',
      jobTitle: 'Kitchen assistant',
      occupationCode: '9412',
      sector: 'I',
      startDate: '2027-03-01',
      contractType: 'permanent',
      hoursPerWeek: '37.5',
    }),
    example({
      yearOfBirth: '1994',
      gender: 'female',
      countryOfOrigin: 'SY',
      arrivalYear: '2022',
      statusCategory: 'refugee_or_asylum',
      languages: 'ar;en',
      consentGivenAt: '2026-02-20T10:00:00Z',
      consentScope: 'placement follow-up and aggregate reporting',
      jobTitle: 'Warehouse operative',
      occupationCode: '9321',
      sector: 'H',
      startDate: '2027-03-15',
      contractType: 'fixed_term',
      hoursPerWeek: '40',
    }),
  ],
  { bom: false },
);

/** Header problems, or null when the header has exactly the documented columns. */
export function headerProblems(header: string[]): string | null {
  const seen = header.map((h) => h.trim());
  if (seen.length === 1 && seen[0].includes(';') && seen[0].includes('participantReference')) {
    return 'the columns are separated by semicolons; save the file as comma-separated CSV';
  }
  const missing = IMPORT_COLUMNS.filter((c) => !seen.includes(c));
  const unknown = seen.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  const dupes = seen.filter((h, i) => seen.indexOf(h) !== i);
  const parts = [
    missing.length ? `missing columns: ${missing.join(', ')}` : '',
    unknown.length ? `unknown columns: ${unknown.join(', ')}` : '',
    dupes.length ? `repeated columns: ${[...new Set(dupes)].join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}

export interface ImportRow {
  row: number;
  participantReference: string | null;
  participant: CreateParticipantDto | null;
  placement: Omit<CreatePlacementDto, 'participantId' | 'employerOrganizationId'>;
}

const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
const REFERENCE = /^TP-[0-9A-Z]{8,13}$/;

const toInt = (v: string): number | string => (/^-?\d+$/.test(v) ? Number(v) : v);
const toNumber = (v: string): number | string => (v !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

function collect(
  errors: ValidationError[],
  column: (property: string) => string,
  out: { column: string; reason: string }[],
) {
  for (const e of errors) {
    for (const message of Object.values(e.constraints ?? {}))
      out.push({ column: column(e.property), reason: message });
    if (e.children?.length) collect(e.children, (p) => column(`${e.property}.${p}`), out);
  }
}

const CONSENT_COLUMNS: Record<string, string> = {
  'consent.givenAt': 'consentGivenAt',
  'consent.scope': 'consentScope',
  consent: 'consentGivenAt',
};

/**
 * Validates one CSV record (already mapped by header) with the same rules as the API, reporting
 * each problem against its column. Checks that need the database (references, programmes) are the
 * caller's.
 */
export function validateImportRow(
  row: number,
  record: Record<string, string>,
  now: Date,
): { row: ImportRow; errors: ImportRowError[] } | { row: null; errors: ImportRowError[] } {
  const v = (c: ImportColumn) => (record[c] ?? '').trim();
  const problems: { column: string; reason: string }[] = [];

  const placementPlain = {
    participantId: PLACEHOLDER,
    employerOrganizationId: PLACEHOLDER,
    ...(v('programmeId') ? { programmeId: v('programmeId') } : {}),
    jobTitle: v('jobTitle'),
    occupationCode: v('occupationCode'),
    sector: v('sector').toUpperCase(),
    startDate: v('startDate'),
    contractType: v('contractType'),
    hoursPerWeek: toNumber(v('hoursPerWeek')),
  };
  const placement = plainToInstance(CreatePlacementDto, placementPlain);
  collect(validateSync(placement), (p) => p, problems);

  const reference = v('participantReference');
  let participant: CreateParticipantDto | null = null;
  if (reference) {
    if (!REFERENCE.test(reference.toUpperCase()))
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
    collect(validateSync(participant), (p) => CONSENT_COLUMNS[p] ?? p, problems);
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
      participant,
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

/** Every bad row as CSV: row, column, reason. */
export function errorsCsv(errors: ImportRowError[]): string {
  return toCsv([['row', 'column', 'reason'], ...errors.map((e) => [e.row, e.column, e.reason])], {
    bom: false,
  });
}
