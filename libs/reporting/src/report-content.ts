/** A cell of a report table: what every writer (CSV, JSON, XLSX, PDF) knows how to render. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Column {
  key: string;
  header: string;
}

/**
 * A section's columns from `{ rowKey: header }`, in the order written: each column's key and
 * header said once, in one line where they fit. (No row key is an integer, which JavaScript would
 * move to the front of the object.)
 */
export function columns(headers: Record<string, string>): Column[] {
  return Object.entries(headers).map(([key, header]) => ({ key, header }));
}

/** A bar chart drawn in the PDF: one group of bars per category, one bar per series. */
export interface BarChart {
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface Section {
  /** Machine name: CSV `section` column, JSON key, XLSX sheet name. */
  name: string;
  title: string;
  columns: Column[];
  /** Rows, fetched lazily so row-level sections stream from the database into the file. */
  rows: () => AsyncIterable<Row>;
  charts?: BarChart[];
  /** Text shown above the table in the PDF (e.g. why rows are left out). */
  note?: string;
  /**
   * The same rows as PostgreSQL can write them as CSV itself (COPY … TO STDOUT), for large row-level
   * sections: the CSV writer streams them from the database instead of row by row.
   */
  csv?: CsvRows;
}

/** A row section's CSV records written by PostgreSQL under the given union of columns (`section` first). */
export interface CsvRows {
  /** Streams the records (CRLF, formula guard, no header) into `out` without ending it; resolves to their count. */
  copyInto(
    columns: string[],
    out: import('node:stream').Writable,
    onRecords: (records: number) => Promise<void>,
  ): Promise<number>;
}

/** What a report kind produces for the tabular writers. */
export interface ReportContent {
  title: string;
  /** Key facts shown first (PDF cover, JSON `facts`, XLSX first sheet). */
  facts: [string, Cell][];
  sections: Section[];
  /** Rows the row-level sections will stream, when known in advance: the report's progress total. */
  totalRows?: number;
  /** Releases what the content holds (a row section COPYed ahead): called once the file is written or failed. */
  dispose?: () => Promise<void>;
}

/** What the content is for, so a source can start work ahead (a CSV's row section while its statistics run). */
export interface ContentOptions {
  csv?: boolean;
}

/** Reports the number of rows written so far. */
export type ProgressFn = (processedRows: number) => Promise<void>;

export async function* fromArray(rows: Row[]): AsyncIterable<Row> {
  for (const r of rows) yield r;
}
