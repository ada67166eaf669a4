import { DataSource, EntityManager } from 'typeorm';
import { Actor, PlatformRole } from '../actor/actor';
import { TransactionService } from '../database/transaction.service';
import { DomainError } from '../errors/domain-error';

/*
 * Plain test doubles shared by the libraries' unit specs of services (no Jest in here, so the
 * file is harmless in a build): a transaction that runs on a mocked EntityManager, an actor, and
 * the failure a service call ends in.
 */

/** A TransactionService whose `run` hands the work the given (mocked) EntityManager, no database. */
export const transactionOver = (em: object): TransactionService =>
  ({
    run: <T>(work: (m: EntityManager) => Promise<T>) => work(em as EntityManager),
  }) as unknown as TransactionService;

/**
 * A DataSource whose `transaction` runs the work on the given (mocked) EntityManager and logs
 * 'begin' and 'commit' around it in `transactions`: what a sweep spec checks about its batches.
 */
export const dataSourceOver = (em: object): { dataSource: DataSource; transactions: string[] } => {
  const transactions: string[] = [];
  const dataSource = {
    transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      transactions.push('begin');
      const result = await work(em as EntityManager);
      transactions.push('commit');
      return result;
    },
  } as unknown as DataSource;
  return { dataSource, transactions };
};

/** A user with no platform role, no session and no membership unless given. */
export const userActor = (fields: Partial<Actor> & Pick<Actor, 'userId' | 'email'>): Actor => ({
  platformRole: PlatformRole.User,
  sessionId: null,
  memberships: [],
  ...fields,
});

/** What a rejected call reported: its code, message and the request fields it named. */
export interface DomainFailure {
  code: string;
  message: string;
  fields: string[];
}

/** The DomainError a call rejects with, as code, message and fields; throws if the call succeeds. */
export async function domainFailureOf(call: Promise<unknown>): Promise<DomainFailure> {
  try {
    await call;
  } catch (err) {
    const e = err as DomainError;
    return { code: e.code, message: e.message, fields: (e.errors ?? []).map((x) => x.field) };
  }
  throw new Error('expected a failure');
}

/** The code of the error a call rejects with, or 'ok' when it succeeds. */
export async function errorCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    return (err as DomainError).code;
  }
  return 'ok';
}

/** The moves a transition table allows, as sorted `from→to` strings, to compare with the documented list. */
export const movesOf = (transitions: Record<string, readonly string[]>): string[] =>
  Object.entries(transitions)
    .flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`))
    .sort();
