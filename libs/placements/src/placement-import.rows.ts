import { isCalendarDate, isInstant, toCsv } from '@tandem/core';
import {
  arrayMaxSize,
  isIn,
  isInt,
  isISO31661Alpha2,
  isISO6391,
  isNumber,
  isUUID,
  max,
  maxLength,
  min,
} from 'class-validator';
import { isIsco08, ISIC4_SECTIONS } from './classifications';
import { CreatePlacementDto, Isco08Constraint } from './dto';
import { ContractType, Gender, ImportRowError, StatusCategory } from './entities';

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

/** A new participant's columns, checked and normalised (countries upper case, languages lower case). */
export interface ImportParticipant {
  yearOfBirth: number;
  gender: Gender;
  countryOfOrigin: string;
  arrivalYear: number;
  statusCategory: StatusCategory;
  languages: string[];
  consent: { givenAt: string; scope: string };
}

export interface ImportRow {
  row: number;
  participantReference: string | null;
  participant: ImportParticipant | null;
  placement: Omit<CreatePlacementDto, 'participantId' | 'employerOrganizationId'>;
}

const REFERENCE = /^TP-[0-9A-Z]{8,13}$/;
const NOT_BLANK = /\S/;
const INTEGER = /^-?\d+$/;
const GENDERS = Object.values(Gender) as string[];
const STATUS_CATEGORIES = Object.values(StatusCategory) as string[];
const CONTRACT_TYPES = Object.values(ContractType) as string[];

/**
 * The messages the API's DTOs give (CreatePlacementDto, CreateParticipantDto, ConsentDto), checked
 * with class-validator's own functions but without its per-object metadata walk, which was most of
 * an import's time. `placement-import.rows.spec.ts` compares both, message by message, in order.
 */
const M = {
  programmeId: 'programmeId must be a UUID',
  jobTitleLength: 'jobTitle must be shorter than or equal to 200 characters',
  jobTitleBlank: 'jobTitle must not be blank',
  occupationCode: new Isco08Constraint().defaultMessage(),
  sector: 'sector must be an ISIC Rev.4 section letter (A–U)',
  startDate: 'startDate must be a date YYYY-MM-DD',
  contractType: `contractType must be one of: ${CONTRACT_TYPES.join(', ')}`,
  hoursNumber: 'hoursPerWeek must be a number (one decimal at most)',
  hoursMin: 'hoursPerWeek must not be less than 1',
  hoursMax: 'hoursPerWeek must not be greater than 80',
  gender: `gender must be one of: ${GENDERS.join(', ')}`,
  country: 'countryOfOrigin must be an ISO 3166-1 alpha-2 country code',
  statusCategory: `statusCategory must be one of: ${STATUS_CATEGORIES.join(', ')}`,
  languagesCount: 'languages must contain no more than 20 elements',
  languagesCode: 'languages must be ISO 639-1 language codes',
  givenAt: 'consent.givenAt must be an ISO 8601 date or date-time',
  scopeLength: 'scope must be shorter than or equal to 500 characters',
  scopeBlank: 'consent.scope must not be blank',
};

type Problems = { column: string; reason: string }[];

/** IsInt, Min(1900), Max(2100) (class-validator runs a property's decorators bottom up) on a column converted as the import always did (digits → number). */
function checkYear(column: string, value: number | string, out: Problems): void {
  if (!max(value, 2100)) out.push({ column, reason: `${column} must not be greater than 2100` });
  if (!min(value, 1900)) out.push({ column, reason: `${column} must not be less than 1900` });
  if (!isInt(value)) out.push({ column, reason: `${column} must be an integer number` });
}

/**
 * Validates one CSV record (already mapped by header) with the same rules and messages as the
 * API, reporting each problem against its column. Checks that need the database (references,
 * programmes, duplicates) are the caller's.
 */
export function validateImportRow(
  row: number,
  record: Record<string, string>,
  now: Date,
): { row: ImportRow; errors: ImportRowError[] } | { row: null; errors: ImportRowError[] } {
  const v = (c: ImportColumn) => (record[c] ?? '').trim();
  const problems: Problems = [];

  // CreatePlacementDto, property by property in its order (participant and employer are given).
  const programmeId = v('programmeId') || undefined;
  if (programmeId !== undefined && !isUUID(programmeId))
    problems.push({ column: 'programmeId', reason: M.programmeId });
  const jobTitle = v('jobTitle');
  if (!NOT_BLANK.test(jobTitle)) problems.push({ column: 'jobTitle', reason: M.jobTitleBlank });
  if (!maxLength(jobTitle, 200)) problems.push({ column: 'jobTitle', reason: M.jobTitleLength });
  const occupationCode = v('occupationCode');
  if (!isIsco08(occupationCode)) problems.push({ column: 'occupationCode', reason: M.occupationCode });
  const sector = v('sector').toUpperCase();
  if (!isIn(sector, ISIC4_SECTIONS)) problems.push({ column: 'sector', reason: M.sector });
  const startDate = v('startDate');
  if (!isCalendarDate(startDate)) problems.push({ column: 'startDate', reason: M.startDate });
  const contractType = v('contractType');
  if (!CONTRACT_TYPES.includes(contractType))
    problems.push({ column: 'contractType', reason: M.contractType });
  // @Type(() => Number): whatever the cell holds becomes Number(cell) ('' → 0, 'lots' → NaN).
  const hoursPerWeek = Number(v('hoursPerWeek'));
  if (!max(hoursPerWeek, 80)) problems.push({ column: 'hoursPerWeek', reason: M.hoursMax });
  if (!min(hoursPerWeek, 1)) problems.push({ column: 'hoursPerWeek', reason: M.hoursMin });
  if (!isNumber(hoursPerWeek, { maxDecimalPlaces: 1 }))
    problems.push({ column: 'hoursPerWeek', reason: M.hoursNumber });

  const reference = v('participantReference');
  let participant: ImportParticipant | null = null;
  if (reference) {
    if (!REFERENCE.test(reference.toUpperCase()))
      problems.push({ column: 'participantReference', reason: 'is not a participant reference code (TP-…)' });
    for (const c of PARTICIPANT_COLUMNS)
      if (v(c)) problems.push({ column: c, reason: 'must be empty when participantReference is given' });
  } else {
    const before = problems.length;
    const yearCell = v('yearOfBirth');
    const yearOfBirth = INTEGER.test(yearCell) ? Number(yearCell) : yearCell;
    checkYear('yearOfBirth', yearOfBirth, problems);
    const gender = v('gender');
    if (!GENDERS.includes(gender)) problems.push({ column: 'gender', reason: M.gender });
    const countryOfOrigin = v('countryOfOrigin').toUpperCase();
    if (!isISO31661Alpha2(countryOfOrigin)) problems.push({ column: 'countryOfOrigin', reason: M.country });
    const arrivalCell = v('arrivalYear');
    const arrivalYear = INTEGER.test(arrivalCell) ? Number(arrivalCell) : arrivalCell;
    checkYear('arrivalYear', arrivalYear, problems);
    const statusCategory = v('statusCategory');
    if (!STATUS_CATEGORIES.includes(statusCategory))
      problems.push({ column: 'statusCategory', reason: M.statusCategory });
    const languages = v('languages')
      .split(/[;\s]+/)
      .filter(Boolean)
      .map((l) => l.toLowerCase());
    if (!languages.every((l) => isISO6391(l)))
      problems.push({ column: 'languages', reason: M.languagesCode });
    if (!arrayMaxSize(languages, 20)) problems.push({ column: 'languages', reason: M.languagesCount });
    const givenAt = v('consentGivenAt');
    if (!isInstant(givenAt)) problems.push({ column: 'consentGivenAt', reason: M.givenAt });
    const scope = v('consentScope');
    if (!NOT_BLANK.test(scope)) problems.push({ column: 'consentScope', reason: M.scopeBlank });
    if (!maxLength(scope, 500)) problems.push({ column: 'consentScope', reason: M.scopeLength });
    if (!languages.length)
      problems.push({ column: 'languages', reason: 'languages must list at least one ISO 639-1 code' });
    if (problems.length === before) {
      if (Date.parse(givenAt) > now.getTime() + 5 * 60_000)
        problems.push({ column: 'consentGivenAt', reason: 'cannot be in the future' });
      if ((arrivalYear as number) < (yearOfBirth as number))
        problems.push({ column: 'arrivalYear', reason: 'cannot be before yearOfBirth' });
    }
    participant = {
      yearOfBirth: yearOfBirth as number,
      gender: gender as Gender,
      countryOfOrigin,
      arrivalYear: arrivalYear as number,
      statusCategory: statusCategory as StatusCategory,
      languages,
      consent: { givenAt, scope },
    };
  }
  if (problems.length) return { row: null, errors: problems.map((p) => ({ row, ...p })) };
  return {
    row: {
      row,
      participantReference: reference ? reference.toUpperCase() : null,
      participant,
      placement: {
        programmeId,
        jobTitle,
        occupationCode,
        sector,
        startDate,
        contractType: contractType as ContractType,
        hoursPerWeek,
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
