import type { Problem } from './api/client';

export interface FieldErrors {
  /** Message per API field name (`title`, `description.ar`, `answers.<questionId>`); several joined by "; ". */
  byField: Record<string, string>;
  /** Messages that name no field. */
  rest: string[];
}

/** Splits a problem+json `errors[{field, message}]` list by the field each names. */
export function fieldErrors(problem: Problem): FieldErrors {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of problem.errors ?? []) {
    if (!e || typeof e.message !== 'string') continue;
    if (e.field) byField[e.field] = byField[e.field] ? `${byField[e.field]}; ${e.message}` : e.message;
    else rest.push(e.message);
  }
  return { byField, rest };
}
