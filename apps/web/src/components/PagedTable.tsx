// Every list of the console reads the API's keyset pages through one hook and shows them in one
// table: the rows read so far, "N shown of M" (the API counts the whole list on its first page),
// and "Show more" for the next page, so no list silently stops at its first page.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { DependencyList, ReactNode, useId } from 'react';
import type { Page } from '../api/types';
import { useI18n } from '../i18n';
import { Column, DataTable, ErrorBox, Loading } from './common';

/** Rows asked for per page: a screenful, then "show more". */
export const PAGE_SIZE = 25;

/**
 * The query of one page: its size, the cursor and the filters that are set, in their order (a filter
 * that is empty, false or undefined is left out, so the API applies none).
 */
export function pageQuery<F extends object = object>(
  cursor: string | undefined,
  filters?: F,
): { limit: number; cursor: string | undefined } & Partial<F> {
  const set = Object.entries(filters ?? {}).filter(([, v]) => v !== '' && v !== false && v !== undefined);
  return { limit: PAGE_SIZE, cursor, ...(Object.fromEntries(set) as Partial<F>) };
}

export interface PagedList<T> {
  items: T[];
  /** The whole list's size, when the API counted it. */
  total: number | null;
  error: Error | null;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  /** Reads the pages shown again. */
  reload(): void;
}

/** Reads a keyset-paginated list page by page (`fetchPage(cursor)`), refetched after every change. */
export function usePagedList<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  deps: DependencyList,
): PagedList<T> {
  const scope = useId();
  const query = useInfiniteQuery({
    queryKey: ['list', scope, ...deps],
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  return {
    items: pages.flatMap((p) => p.items),
    total: pages[0]?.total ?? null,
    error: query.error,
    loading: query.isPending,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    reload: () => void query.refetch(),
  };
}

/** "12 shown of 240" and the button for the next page. */
export function ListFooter<T>({ list, label }: { list: PagedList<T>; label?: string }) {
  const { t, tn } = useI18n();
  const shown = list.items.length;
  if (shown === 0 && !list.hasMore) return null;
  return (
    <div className="list-footer">
      <p aria-live="polite" className="muted">
        {list.total !== null && list.total > shown
          ? tn('list.shownOf', list.total, { shown })
          : tn('list.shown', shown)}
      </p>
      {list.hasMore && (
        <button
          type="button"
          onClick={list.loadMore}
          disabled={list.loadingMore}
          aria-busy={list.loadingMore || undefined}
        >
          {t('list.more')}
          {label && <span className="visually-hidden"> ({label})</span>}
        </button>
      )}
    </div>
  );
}

/** A `DataTable` over a paged list, with its footer. */
export function PagedTable<T>({
  list,
  columns,
  empty,
  rowKey,
  label,
  className,
}: {
  list: PagedList<T>;
  columns: Column<T>[];
  empty?: string;
  rowKey?: (row: T) => string;
  className?: string;
  /** Names the list for the "show more" button's screen-reader text. */
  label?: string;
}) {
  if (list.error) return <ErrorBox error={list.error} />;
  if (list.loading) return <Loading />;
  return (
    <>
      <DataTable rows={list.items} columns={columns} empty={empty} rowKey={rowKey} className={className} />
      <ListFooter list={list} label={label} />
    </>
  );
}

/** A paged list shown its own way (`children` renders the rows read so far), with the same footer. */
export function Paged<T>({
  list,
  label,
  children,
}: {
  list: PagedList<T>;
  label?: string;
  children: (items: T[]) => ReactNode;
}) {
  if (list.error) return <ErrorBox error={list.error} />;
  if (list.loading) return <Loading />;
  return (
    <>
      {children(list.items)}
      <ListFooter list={list} label={label} />
    </>
  );
}

/**
 * Every page of a list, for a screen that needs the whole of it at once (a programme's board, a
 * picker): follows the cursor to the end instead of stopping at the first page.
 */
export async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
