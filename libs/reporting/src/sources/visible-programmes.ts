import { Actor } from '@tandem/core';
import { Programme, ProgrammeAccessService } from '@tandem/programmes';
import { DataSource } from 'typeorm';

/**
 * The ids of every programme the actor may read, as SQL (`SELECT id …`) with its parameters ($1…),
 * built by ProgrammeAccessService.scopeVisible: the same rule as GET /programmes.
 */
export function visibleProgrammesSql(
  dataSource: DataSource,
  access: ProgrammeAccessService,
  actor: Actor,
): { sql: string; params: unknown[] } {
  const qb = dataSource.getRepository(Programme).createQueryBuilder('p').select('p.id', 'id');
  access.scopeVisible(qb, actor);
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params };
}

/** Shifts $n placeholders of `sql` by `by`, so it can follow other parameters. */
export const shiftParams = (sql: string, by: number): string =>
  sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);
