import { CoreError } from '@tandem/core';
import { ReportFormat, ReportKind } from './entities';
import { assertFormat, KIND_FORMATS, validateParameters } from './report-kinds';

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CoreError);
    return ((err as CoreError).errors ?? []).map((e) => e.field);
  }
  throw new Error('expected a validation error');
};

describe('report kinds', () => {
  it('every kind has formats; IATI is XML only; the matrix has no PDF', () => {
    expect(KIND_FORMATS[ReportKind.IatiActivities]).toEqual([ReportFormat.Xml]);
    expect(KIND_FORMATS[ReportKind.PartnershipMatrix]).not.toContain(ReportFormat.Pdf);
    for (const kind of Object.values(ReportKind)) expect(KIND_FORMATS[kind].length).toBeGreaterThan(0);
  });

  it('an unsupported pair is a 400 naming format', () => {
    expect(fieldsOf(() => assertFormat(ReportKind.PartnershipMatrix, ReportFormat.Pdf))).toEqual(['format']);
    expect(fieldsOf(() => assertFormat(ReportKind.Coverage, ReportFormat.Xml))).toEqual(['format']);
    expect(() => assertFormat(ReportKind.Placements, ReportFormat.Xlsx)).not.toThrow();
  });

  it('parameters are validated per kind and named parameters.<name>', () => {
    expect(fieldsOf(() => validateParameters(ReportKind.ProgrammeProgress, {}))).toEqual([
      'parameters.programmeId',
    ]);
    expect(fieldsOf(() => validateParameters(ReportKind.ProgrammeProgress, { programmeId: 'x' }))).toEqual([
      'parameters.programmeId',
    ]);
    expect(fieldsOf(() => validateParameters(ReportKind.Coverage, { programmeId: 'x' }))).toEqual([
      'parameters.programmeId',
    ]);
    expect(fieldsOf(() => validateParameters(ReportKind.IatiActivities, { programmeIds: ['nope'] }))).toEqual(
      ['parameters.programmeIds'],
    );
    expect(fieldsOf(() => validateParameters(ReportKind.Placements, []))).toEqual(['parameters']);
    const id = '2f1b7c1e-52c4-4c55-9a53-4a3e0a7f8f0b';
    expect(validateParameters(ReportKind.Placements, { programmeId: id })).toEqual({ programmeId: id });
    expect(validateParameters(ReportKind.PartnershipMatrix, undefined)).toEqual({});
  });
});
