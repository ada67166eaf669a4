import { DataSource, EntityManager } from 'typeorm';

/**
 * Rows of an UPDATE/DELETE … RETURNING: TypeORM's query() gives those as [rows, affectedCount]
 * (and plain rows for SELECT/INSERT), so take the rows either way.
 */
export async function returning<T>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = (await db.query(sql, params)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}
