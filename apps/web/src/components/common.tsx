import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DependencyList, HTMLAttributes, ReactNode, useEffect, useId, useRef } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useProblemSentence } from '../forms';
import { Key, useT } from '../i18n';
import { queryClient } from '../query';

/**
 * Loads data for a screen through the query cache (see query.ts): keyed by the component that asks
 * and its inputs, refetched after every change the console makes. `reload` fetches it again now.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const scope = useId();
  const queryKey = ['screen', scope, ...deps];
  const query = useQuery({ queryKey, queryFn: load, placeholderData: keepPreviousData });
  return {
    data: query.data ?? null,
    error: query.error,
    reload: () => void query.refetch(),
    setData: (data: T) => queryClient.setQueryData(queryKey, data),
  };
}

export function Loading() {
  const t = useT();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

export function ErrorBox({ error }: { error: Error }) {
  const t = useT();
  const sentence = useProblemSentence();
  const text =
    error instanceof ApiError
      ? error.status === 404
        ? t('error.notFound')
        : error.status === 403
          ? t('error.forbidden')
          : (sentence(error.problem) ?? error.message)
      : error.message;
  return (
    <div className="alert alert-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {text}
    </div>
  );
}

/** One column of a `DataTable`: its header, also each cell's label when rows stack on a phone. */
export interface Column<T> {
  label: string;
  cell: (row: T) => ReactNode;
  /** An actions column: the header is read by screen readers only, and cells carry no label. */
  actions?: boolean;
}

/**
 * The list tables of the console: a message when there is nothing, else a table whose cells name
 * their column (`data-label`), so `.responsive` can stack rows on a phone-sized screen. Rows are
 * keyed by `id` unless `rowKey` says otherwise; an `actions` column holds each row's buttons.
 */
export function DataTable<T>({
  rows,
  columns,
  empty,
  rowKey = (row) => (row as { id: string }).id,
  className = 'responsive',
}: {
  rows: T[];
  columns: Column<T>[];
  /** Shown instead of an empty table; without it an empty table is shown. */
  empty?: string;
  rowKey?: (row: T) => string;
  /** The table's classes (`responsive` stacks rows on a phone). */
  className?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  return (
    <table className={className}>
      <ColumnHeads
        labels={columns.map((c) =>
          c.actions ? <span className="visually-hidden">{c.label}</span> : c.label,
        )}
      />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.label} data-label={c.actions ? undefined : c.label}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A table's header row: a `<th scope="col">` for each column, in order. */
export function ColumnHeads({ labels }: { labels: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th key={i} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A row's action button in a `DataTable`; its accessible name says which row (`Replay: webhook.deliver`). */
export function RowAction({
  label,
  row,
  onClick,
  disabled,
  className = 'small',
}: {
  label: string;
  /** Names the row for screen readers, after the label. */
  row?: string;
  onClick: () => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <button type="button" className={className} disabled={disabled} onClick={onClick}>
      {label}
      {row !== undefined && <span className="visually-hidden">: {row}</span>}
    </button>
  );
}

/** Shows loading, an error, or the content once the data is there. */
export function Async<T>({
  state,
  children,
}: {
  state: { data: T | null; error: Error | null };
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.data === null) return <Loading />;
  return <>{children(state.data)}</>;
}

/**
 * A list of items as the console shows them (`<ul class="list">`, or `<ol>` when `ordered`), or
 * the `empty` message when there are none; `children` draws one item (an `<li>` with its key).
 */
export function ItemList<T>({
  items,
  empty,
  ordered,
  children,
}: {
  items: T[];
  empty: string;
  ordered?: boolean;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return ordered ? (
    <ol className="list">{items.map(children)}</ol>
  ) : (
    <ul className="list">{items.map(children)}</ul>
  );
}

/** An `ItemList` of data still loading: loading, an error, or the list (see `Async`). */
export function AsyncList<T>({
  state,
  ...list
}: {
  state: { data: T[] | null; error: Error | null };
  empty: string;
  ordered?: boolean;
  children: (item: T) => ReactNode;
}) {
  return <Async state={state}>{(items) => <ItemList items={items} {...list} />}</Async>;
}

const STATE_ICONS: Record<string, string> = {
  todo: '○',
  in_progress: '◐',
  blocked: '⊘',
  done: '✓',
  cancelled: '✕',
  draft: '✎',
  scheduled: '🗓',
  open: '●',
  closed: '■',
  outcome_published: '📣',
  active: '●',
  suspended: '⏸',
  completed: '✓',
  archived: '🗄',
  invited: '✉',
  declined: '✕',
  left: '↩',
  removed: '✕',
  due: '⏰',
  answered: '✓',
  ended: '■',
  queued: '…',
  processing: '⟳',
  rejected: '✕',
  failed: '✕',
};

/** A state as text with an icon (never by colour alone). */
export function StateBadge({ state }: { state: string }) {
  const t = useT();
  const key = `state.${state}` as Key;
  const label = t(key) === key ? state : t(key);
  return (
    <span className={`badge badge-${state}`}>
      <span aria-hidden="true">{STATE_ICONS[state] ?? '•'} </span>
      {label}
    </span>
  );
}

/** Set on client-side navigation: the next page heading to appear takes the focus (and is announced). */
let focusNextHeading = false;
export const focusHeadingOnNextPage = () => {
  focusNextHeading = true;
};

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const t = useT();
  useEffect(() => {
    if (typeof children === 'string') document.title = `${children} · ${t('brand')}`;
  }, [children, t]);
  useEffect(() => {
    if (focusNextHeading && ref.current) {
      focusNextHeading = false;
      ref.current.focus();
    }
  }, []);
  return (
    <div className="page-title">
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}

/** A card of a page: a `<section>` named by its `<h2>` heading (`id` ties the two). */
export function Card({
  id,
  title,
  children,
  ...section
}: { id: string; title: ReactNode; children?: ReactNode } & HTMLAttributes<HTMLElement>) {
  return (
    <section className="card" aria-labelledby={id} {...section}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A link that looks like a button (a page's "New…", "Results"); `primary` for the page's main action. */
export function ButtonLink({
  to,
  primary,
  children,
}: {
  to: string;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <Link className={primary ? 'button primary' : 'button'} to={to}>
      {children}
    </Link>
  );
}

export function Back({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="back">
      <Link to={to}>
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}

export const fmtDate = (iso: string | null | undefined, lang: string) =>
  iso
    ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString(lang, { timeZone: 'UTC' })
    : '—';
export const fmtDateTime = (iso: string | null | undefined, lang: string) =>
  iso ? new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** A value for <input type="datetime-local"> in local time, `minutes` from now. */
export const localDateTime = (minutesFromNow = 0) => {
  const d = new Date(Date.now() + minutesFromNow * 60_000);
  d.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
export const fromLocalDateTime = (v: string) => (v ? new Date(v).toISOString() : '');
export const today = () => new Date().toISOString().slice(0, 10);
