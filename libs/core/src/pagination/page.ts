import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CoreError } from '../errors/domain-error';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** The whole list's size (the same filters), counted on the first page only (no cursor). */
  total?: number;
}

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (`nextCursor`).' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor is not a cursor this API issued' })
  cursor?: string;
}

type SortValue = string | number;

function encodeCursor(values: SortValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, arity: number): SortValue[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === arity &&
      parsed.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return parsed as SortValue[];
    }
  } catch {
    // fall through to the 400 below
  }
  throw CoreError.invalid('cursor', 'is not a cursor this API issued');
}

export interface KeysetOptions<T> {
  /** SQL expressions of the sort key, most significant first; the last must be unique (the id). */
  keys: string[];
  direction: 'ASC' | 'DESC';
  /** Reads the same key values from a row, in the same order, to build the next cursor. */
  cursorOf: (row: T) => SortValue[];
  query: PageQueryDto;
}

/**
 * Adds `(k1, k2, …) > (cursor values)` (or `<` for DESC) when a cursor is given: what `paginate`
 * does, for a query that must apply the same bound inside its own subqueries before the outer page
 * (TasksRepository.listForActor walks one index per assignee and merges them).
 */
export function afterCursor<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keys: string[],
  direction: 'ASC' | 'DESC',
  cursor: string | undefined,
): SelectQueryBuilder<T> {
  if (!cursor) return qb;
  const values = decodeCursor(cursor, keys.length);
  const params: Record<string, SortValue> = {};
  const placeholders = values.map((v, i) => {
    params[`__k${i}`] = v;
    return `:__k${i}`;
  });
  const op = direction === 'ASC' ? '>' : '<';
  return qb.andWhere(`(${keys.join(', ')}) ${op} (${placeholders.join(', ')})`, params);
}

/**
 * Keyset pagination: `WHERE (k1, k2) > (:v1, :v2) ORDER BY k1, k2 LIMIT n+1`. Stable under
 * concurrent inserts, and as fast on page 1000 as on page 1 given an index on the keys.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  { keys, direction, cursorOf, query }: KeysetOptions<T>,
): Promise<Page<T>> {
  const limit = query.limit ?? 20;
  // Counted once, on the first page: a screen shows "20 of 340" without a COUNT per page turn.
  const total = query.cursor ? undefined : await qb.clone().getCount();
  afterCursor(qb, keys, direction, query.cursor);
  keys.forEach((k, i) => (i === 0 ? qb.orderBy(k, direction) : qb.addOrderBy(k, direction)));
  const rows = await qb.limit(limit + 1).getMany();
  return keysetPage(rows, limit, cursorOf, total);
}

/**
 * The page of `rows` read with `LIMIT limit + 1` in keyset order: the first `limit`, and the cursor
 * of the last of them when there was one more. For queries that read their page themselves.
 */
export function keysetPage<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => SortValue[],
  total?: number,
): Page<T> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return {
    items,
    nextCursor: hasMore ? encodeCursor(cursorOf(items[items.length - 1])) : null,
    ...(total === undefined ? {} : { total }),
  };
}

export function mapPage<T, U>(page: Page<T>, fn: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(fn) };
}
