import { CoreError } from '../errors/domain-error';

/**
 * What one actor may do with one record: whether they may see it at all, and whether they may do
 * the action at hand. Every access service builds one and hands it to `authorize`.
 */
export interface AccessDecision {
  /** The record's name in messages ("Programme", "Task"). */
  what: string;
  /** May the actor know the record exists? */
  visible: boolean;
  /** May the actor do the action at hand (reading included)? */
  permitted: boolean;
  /** Why not, in the actor's words, when visible but not permitted. */
  reason?: string;
}

/**
 * The one rule of access: a record the actor may not see is "not found" (404), exactly like one that
 * does not exist, so ids of other tenants are not revealed; a record they see but may not act on is
 * "forbidden" (403). Visibility is checked first, so a 403 can never leak an invisible record.
 */
export function authorize(decision: AccessDecision): void {
  if (!decision.visible) throw CoreError.notFound(decision.what);
  if (!decision.permitted) throw CoreError.forbidden(decision.reason);
}

/** Re-raises "not found" of a parent (a task's programme) as "not found" of the child itself. */
export async function hiddenAs<T>(what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof CoreError && err.code === 'NOT_FOUND') throw CoreError.notFound(what);
    throw err;
  }
}
