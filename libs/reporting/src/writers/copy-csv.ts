import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { escapeLiteral } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

/** One cell of a row section written by PostgreSQL: a SQL expression over the rows' query (alias `q`). */
export interface CopyCell {
  sql: string;
  /** Text cells get the formula guard and empty → empty; numbers are written as PostgreSQL prints them. */
  text: boolean;
}

/**
 * A row section PostgreSQL writes as CSV itself (COPY … TO STDOUT): the rows' query with its
 * parameters (as a repository built it) and, per column key, the cell's expression.
 */
export interface CopyRows {
  sql: string;
  params: unknown[];
  cells: Record<string, CopyCell>;
}

/** The text the pg driver sends for a parameter: arrays as array literals, dates in ISO, objects as JSON. */
function parameterText(value: unknown): string {
  if (Array.isArray(value))
    return `{${value
      .map((v) =>
        v === null || v === undefined ? 'NULL' : `"${parameterText(v).replace(/[\\"]/g, '\\$&')}"`,
      )
      .join(',')}}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}

/** A SQL literal of a query parameter (typed by its context, as a parameter is). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return escapeLiteral(parameterText(value));
}

/**
 * The formula guard of core's defuseFormula, in SQL, over a text column: a leading ' on text a
 * spreadsheet would take for a formula (= + - @ tab CR). An empty string becomes NULL, which COPY
 * writes as an empty cell, as csv-stringify does (COPY would write "" for an empty string).
 */
export function guardedText(column: string): string {
  return `CASE WHEN left(${column}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${column} ELSE NULLIF(${column}, '') END`;
}

/**
 * The COPY statement writing `rows` under `columns` (the CSV's union of columns, `section` first).
 * The cells are computed once per row in an inner query (OFFSET 0 keeps PostgreSQL from folding it
 * into the outer one, which would evaluate each expression once per use in the guard). COPY takes
 * no bind parameters, so they are inlined as literals (escaped as the driver would send them).
 */
export function copyStatement(section: string, columns: string[], rows: CopyRows): string {
  const inlined = rows.sql.replace(/\$(\d+)\b/g, (_, n: string) => sqlLiteral(rows.params[Number(n) - 1]));
  const inner: string[] = [];
  const outer = columns.map((key, i) => {
    if (key === 'section') return guardedText(sqlLiteral(section));
    const cell = rows.cells[key];
    if (!cell) return 'NULL';
    inner.push(`${cell.text ? `(${cell.sql})::text` : `(${cell.sql})`} AS c${i}`);
    return cell.text ? guardedText(`c.c${i}`) : `c.c${i}`;
  });
  return `COPY (SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM (${inlined}) q OFFSET 0) c) TO STDOUT (FORMAT csv)`;
}

const LF = 0x0a;
const QUOTE = 0x22;
const CRLF = Buffer.from('\r\n');

/**
 * COPY ends records with LF; RFC 4180 (and csv-stringify) with CRLF. Rewrites the LFs that end a
 * record (outside quotes; an LF inside a quoted cell is data and stays) and counts the records.
 */
export class RecordEnds extends Transform {
  private quoted = false;
  records = 0;

  constructor(private readonly onRecords: (records: number) => Promise<void>) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let from = 0;
    let i = 0;
    let quote = chunk.indexOf(QUOTE); // the next quote at or after i (-1: none left in the chunk)
    for (;;) {
      if (quote >= 0 && quote < i) quote = chunk.indexOf(QUOTE, i);
      if (this.quoted) {
        if (quote < 0) break;
        this.quoted = false; // a doubled quote closes and reopens
        i = quote + 1;
        continue;
      }
      const lf = chunk.indexOf(LF, i);
      if (quote >= 0 && (lf < 0 || quote < lf)) {
        this.quoted = true;
        i = quote + 1;
        continue;
      }
      if (lf < 0) break;
      parts.push(chunk.subarray(from, lf), CRLF);
      from = i = lf + 1;
      this.records++;
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
    this.onRecords(this.records).then(() => done(null, Buffer.concat(parts)), done);
  }
}

/**
 * Streams one row section from PostgreSQL into `out` as CSV records (no header: the writer wrote
 * it), with backpressure, without ending `out`. Returns the number of records written.
 */
export async function copyCsvInto(
  dataSource: DataSource,
  statement: string,
  out: Writable,
  onRecords: (records: number) => Promise<void>,
): Promise<number> {
  const qr = dataSource.createQueryRunner('slave');
  const client = (await qr.connect()) as import('pg').PoolClient;
  try {
    const ends = new RecordEnds(onRecords);
    await pipeline(client.query(copyTo(statement)), ends, out, { end: false });
    return ends.records;
  } finally {
    await qr.release();
  }
}
