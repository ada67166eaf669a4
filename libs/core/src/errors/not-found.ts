import { CoreError } from './domain-error';

/**
 * The row a lookup found, or the 404 `<what> not found` when it found none: for the finders that
 * answer null both for "missing" and for "not yours", so the two stay indistinguishable.
 */
export function orNotFound<T>(found: T | null | undefined, what: string): T {
  if (!found) throw CoreError.notFound(what);
  return found;
}
