import { describe, expect, it } from '@jest/globals';
import { fieldErrors } from './form-errors';

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
        title: 'title must be longer than or equal to 3 characters; title must be a string',
        'description.ar': 'is required',
      },
      rest: [],
    });
  });

  it('keeps messages without a field apart, and copes with a problem without errors', () => {
    expect(fieldErrors({ errors: [{ field: '', message: 'Too many rows' }] })).toEqual({
      byField: {},
      rest: ['Too many rows'],
    });
    expect(fieldErrors({ status: 409, title: 'Conflict' })).toEqual({ byField: {}, rest: [] });
  });
});
