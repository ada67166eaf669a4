import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Page, paginate, PageQueryDto } from './page';

/**
 * The keyset most lists use: by `<alias>.created_at`, ties broken by `<alias>.id` (an index on
 * `(created_at, id)` keeps every page as fast as the first).
 */
export function paginateByCreation<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  query: PageQueryDto,
  direction: 'ASC' | 'DESC',
): Promise<Page<T>> {
  return paginate(qb, {
    keys: [`${alias}.created_at`, `${alias}.id`],
    direction,
    cursorOf: (row) => [row.createdAt.toISOString(), row.id],
    query,
  });
}
