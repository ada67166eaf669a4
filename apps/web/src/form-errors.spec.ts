import { describe, expect, it } from '@jest/globals';
import { fieldErrorKind, fieldErrors } from './form-errors';

describe('fieldErrors', () => {
  it('maps each problem+json error to the field it names, joining several for one field', () => {
    expect(
      fieldErrors({
        status: 400,
        errors: [
          { field: 'title', message: 'title must be longer than or equal to 3 characters' },
          { field: 'description.ar', message: 'is required' },
          { field: 'title', message: 'title must be a string' },
        ],
      }),
    ).toEqual({
      byField: {
        title: 'title must be longer than or equal to 3 characters title must be a string',
        'description.ar': 'is required',
      },
      rest: [],
    });
  });

  it('describes each message in the reader words, once per field', () => {
    const describe = (m: string) => {
      const k = fieldErrorKind(m);
      return k ? `${k.kind}${k.n ?? ''}` : m;
    };
    expect(
      fieldErrors(
        {
          errors: [
            { field: 'title', message: 'title must be longer than or equal to 3 characters' },
            { field: 'title', message: 'title must be longer than or equal to 3 characters' },
            { field: 'country', message: 'country should not be empty' },
          ],
        },
        describe,
      ).byField,
    ).toEqual({ title: 'minLength3', country: 'required' });
  });

  it('keeps messages without a field apart, and copes with a problem without errors', () => {
    expect(fieldErrors({ errors: [{ field: '', message: 'Too many rows' }] })).toEqual({
      byField: {},
      rest: ['Too many rows'],
    });
    expect(fieldErrors({ status: 409, title: 'Conflict' })).toEqual({ byField: {}, rest: [] });
  });
});

describe('fieldErrorKind', () => {
  it.each([
    ['title must be longer than or equal to 3 characters', { kind: 'minLength', n: 3 }],
    ['summary must be shorter than or equal to 2000 characters', { kind: 'maxLength', n: 2000 }],
    ['budget must not be less than 0', { kind: 'min', n: 0 }],
    ['year must not be greater than 2100', { kind: 'max', n: 2100 }],
    ['startDate must be a valid ISO 8601 date string', { kind: 'date' }],
    ['role must be one of the following values: lead, funder', { kind: 'choice' }],
    ['isVip is not an allowed field', { kind: 'notAllowed' }],
    ['country should not be empty', { kind: 'required' }],
    ['contactEmail must be an email', { kind: 'email' }],
    ['country must be an ISO 3166-1 alpha-2 country code', { kind: 'country' }],
    ['each of languages must be an ISO 639-1 language code', { kind: 'language' }],
  ])('%s', (message, kind) => {
    expect(fieldErrorKind(message)).toEqual(kind);
  });

  it('leaves a domain rule own wording alone', () => {
    expect(fieldErrorKind('target must be above baseline when direction is increase')).toBeNull();
  });
});
