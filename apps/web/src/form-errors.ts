import type { Problem } from './api/client';

export interface FieldErrors {
  /** Message per API field name (`title`, `description.ar`, `answers.<questionId>`); several joined by "; ". */
  byField: Record<string, string>;
  /** Messages that name no field. */
  rest: string[];
}

/** What a field error says, as a message of the console (`validation.<kind>`) and its number. */
export interface FieldErrorKind {
  kind: ValidationKind;
  n?: number;
}

export type ValidationKind =
  | 'required'
  | 'minLength'
  | 'maxLength'
  | 'min'
  | 'max'
  | 'number'
  | 'integer'
  | 'date'
  | 'email'
  | 'url'
  | 'uuid'
  | 'choice'
  | 'notAllowed'
  | 'tooMany'
  | 'tooFew'
  | 'unique'
  | 'country'
  | 'language'
  | 'currency'
  | 'invalid';

// The API's field errors: `{field, message}`, the message written by its validation rules
// (class-validator's wording, stable across versions) or by a domain rule. Each known rule becomes a
// message of the console in the reader's language; the number a rule carries (3 characters) is kept.
const RULES: [RegExp, ValidationKind][] = [
  [/should not be empty|must be defined|is required|must not be empty/, 'required'],
  [/must be longer than or equal to (\d+)/, 'minLength'],
  [/must be shorter than or equal to (\d+)/, 'maxLength'],
  [/must not be less than (-?[\d.]+)/, 'min'],
  [/must not be greater than (-?[\d.]+)/, 'max'],
  [/must be an integer/, 'integer'],
  [/must be a number|must be a positive number|is not a number/, 'number'],
  [/ISO 8601 date|must be a Date|must be a valid date/, 'date'],
  [/ISO 3166-1/, 'country'],
  [/ISO 639-1/, 'language'],
  [/ISO 4217/, 'currency'],
  [/must be an email/, 'email'],
  [/must be a URL/, 'url'],
  [/must be a UUID/, 'uuid'],
  [/must be one of/, 'choice'],
  [/is not an allowed field|should not exist/, 'notAllowed'],
  [/must contain no more than (\d+)|must contain not more than (\d+)/, 'tooMany'],
  [/must contain at least (\d+)/, 'tooFew'],
  [/must be unique|must be distinct/, 'unique'],
];

/** The kind of a field error message of the API, or null for a domain rule's own wording. */
export function fieldErrorKind(message: string): FieldErrorKind | null {
  for (const [pattern, kind] of RULES) {
    const m = pattern.exec(message);
    if (m) {
      const n = m.slice(1).find((g) => g !== undefined);
      return n === undefined ? { kind } : { kind, n: Number(n) };
    }
  }
  return null;
}

/**
 * Splits a problem+json `errors[{field, message}]` list by the field each names. `describe` turns
 * each message into the reader's words (the first message per field is kept: one clear sentence).
 */
export function fieldErrors(problem: Problem, describe: (message: string) => string = (m) => m): FieldErrors {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of problem.errors ?? []) {
    if (!e || typeof e.message !== 'string') continue;
    const text = describe(e.message);
    if (!e.field) rest.push(text);
    else if (!byField[e.field]) byField[e.field] = text;
    else if (!byField[e.field].includes(text)) byField[e.field] = `${byField[e.field]} ${text}`;
  }
  return { byField, rest };
}
