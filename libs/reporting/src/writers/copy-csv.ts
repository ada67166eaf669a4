import { AppConfig, defuseFormula } from '@tandem/core';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { escapeLiteral } from 'pg';
import { CopyToStreamQuery, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { removeStaleFiles } from '../storage/stale-files';

/** One cell of a row section written by PostgreSQL: a SQL expression over the rows' query (alias `q`). */
export interface CopyCell {
  sql: string;
  /**
   * true: text, which gets the formula guard and empty → empty cell (the guard reads `sql` up to
   * three times: keep it a column of `q`, not a computation). false: written as PostgreSQL prints
   * it: numbers, and text that is never empty and never starts with a formula character (a uuid, a
   * date formatted by to_char, a name guarded beforehand with guardedName).
   */
  text: boolean;
}

/**
 * A row section PostgreSQL writes as CSV itself (COPY … TO STDOUT): the rows' query with its
 * parameters (as a repository built it) and, per column key, the cell's expression. `orderBy`
 * (columns of `q`): the rows' order, when `sql` has none (see copyStatement).
 */
export interface CopyRows {
  sql: string;
  params: unknown[];
  cells: Record<string, CopyCell>;
  orderBy?: string[];
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
 * spreadsheet would take for a formula (= + - @ tab CR, compared as code points: ascii() of the
 * first character costs a third of comparing left(…, 1) with six texts). An empty string becomes
 * NULL, which COPY writes as an empty cell, as csv-stringify does (COPY would write "" for it).
 */
export function guardedText(column: string): string {
  return `CASE WHEN ascii(${column}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${column} ELSE NULLIF(${column}, '') END`;
}

/** What guardedText makes of a text, computed beforehand (a name looked up from a literal): null for ''. */
export function guardedName(text: string): string | null {
  return text === '' ? null : defuseFormula(text);
}

/**
 * The COPY statement writing `rows` under `columns` (the CSV's union of columns, `section` first):
 * `SELECT <cells> FROM (<rows' query>) q ORDER BY <rows.orderBy>`, one level. PostgreSQL folds an
 * unordered rows' query into it and computes the cells where it computes the columns: below the
 * sort, in its parallel workers when it plans them, as for the bare query (a rows' query with an
 * ORDER BY of its own stays a subquery, whose cells the leader computes alone, after it). A folded
 * cell is evaluated once per use, hence guarded text over columns only (CopyCell.text). COPY takes
 * no bind parameters, so they are inlined as literals (escaped as the driver would send them).
 */
export function copyStatement(section: string, columns: string[], rows: CopyRows): string {
  const inlined = rows.sql.replace(/\$(\d+)\b/g, (_, n: string) => sqlLiteral(rows.params[Number(n) - 1]));
  const cells = columns.map((key) => {
    if (key === 'section') return sqlLiteral(guardedName(section));
    const cell = rows.cells[key];
    if (!cell) return 'NULL';
    return cell.text ? guardedText(`(${cell.sql})::text`) : `(${cell.sql})`;
  });
  const order = rows.orderBy?.length ? ` ORDER BY ${rows.orderBy.map((c) => `q.${c}`).join(', ')}` : '';
  return `COPY (SELECT ${cells.join(', ')} FROM (${inlined}) q${order}) TO STDOUT (FORMAT csv)`;
}

const LF = 0x0a;
const CR = 0x0d;
const COPY_DATA = 0x64; // 'd'
const ERROR_RESPONSE = 0x45; // 'E'
/** What may come between CopyOutResponse and CopyDone: any other message (CopyDone) ends the COPY. */
const WITHIN_COPY = new Set([
  0x48 /* H: CopyOutResponse */,
  COPY_DATA,
  0x53 /* S */,
  0x4e /* N */,
  0x41 /* A */,
]);
const HEADER = 5; // a message's type byte and its length (4 bytes, counting themselves)

/**
 * The CSV records in PostgreSQL's COPY-out protocol stream, with CRLF record ends. COPY sends one
 * CopyData message per row (the protocol says so: "always one per row"), its record ending in LF;
 * an LF inside a quoted cell is data in the middle of the message. So each message's last byte is
 * the record's end: it becomes CRLF, no quote tracking needed, and the records are the messages.
 * Per chunk read from the socket: ONE output buffer, copied into with a few native calls per row,
 * and no JavaScript object per row (pg-copy-streams' own parser makes a few per row, and a second
 * copy of every chunk: what filled the worker's young generation and its ArrayBuffers, see
 * docs/performance.md, Reports).
 */
export class CopyCsvFramer {
  records = 0;
  private code = 0;
  /** Content bytes of the current message still to come; -1 between messages. */
  private left = -1;
  /** The start of a message header cut by the chunk's end (under 5 bytes). */
  private head: Buffer | null = null;

  /**
   * The CSV bytes in `chunk`, and once the COPY ends (CopyDone, or an ErrorResponse) what follows
   * unread (`rest`, from the ErrorResponse's first byte or after CopyDone) for pg's own parser.
   */
  frame(input: Buffer): { csv: Buffer; end?: { error: boolean; rest: Buffer } } {
    const chunk = this.head ? Buffer.concat([this.head, input]) : input;
    this.head = null;
    // At most one record in the chunk has no header in it (the one it starts in): + 1 for its CR.
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let o = 0;
    let i = 0;
    while (i < chunk.length) {
      if (this.left < 0) {
        if (chunk[i] === ERROR_RESPONSE)
          return { csv: out.subarray(0, o), end: { error: true, rest: chunk.subarray(i) } };
        if (chunk.length - i < HEADER) {
          this.head = Buffer.from(chunk.subarray(i));
          break;
        }
        this.code = chunk[i];
        this.left = chunk.readUInt32BE(i + 1) - 4;
        i += HEADER;
      }
      const n = Math.min(this.left, chunk.length - i);
      const last = n === this.left; // the message ends in this chunk
      if (this.code === COPY_DATA) {
        if (last && n > 0 && chunk[i + n - 1] === LF) {
          o += chunk.copy(out, o, i, i + n - 1);
          out[o++] = CR;
          out[o++] = LF;
        } else o += chunk.copy(out, o, i, i + n);
        if (last) this.records++;
      }
      i += n;
      this.left -= n;
      if (this.left === 0) {
        this.left = -1;
        if (!WITHIN_COPY.has(this.code))
          return { csv: out.subarray(0, o), end: { error: false, rest: chunk.subarray(i) } };
      }
    }
    return { csv: out.subarray(0, o) };
  }
}

/** pg-copy-streams' internals CsvCopyOut replaces the parser of (its version is pinned in package.json). */
interface CopyToInternals {
  _buffer: { push(chunk: Buffer): void };
  _detach(): void;
  _cleanup(): void;
}

// pg-copy-streams exports a factory only: its class, to extend.
const CopyToQueryStream = copyTo('').constructor as new (text: string) => CopyToStreamQuery;

/**
 * `COPY … TO STDOUT (FORMAT csv)` as a readable stream of CSV records with CRLF ends (CopyCsvFramer),
 * `records` counting them. pg-copy-streams' stream (attaching to the connection, backpressure, handing
 * the connection back to pg after CopyDone or at an error) with its per-message parser replaced.
 */
export class CsvCopyOut extends CopyToQueryStream {
  private readonly framer = new CopyCsvFramer();

  get records(): number {
    return this.framer.records;
  }

  /** Called by pg-copy-streams with each chunk read from the connection; false: stop reading for now. */
  protected _parse(chunk: Buffer): boolean {
    const self = this as unknown as CopyToInternals;
    const { csv, end } = this.framer.frame(chunk);
    if (end?.error) {
      // As pg-copy-streams: pg parses the error (and raises it on this stream), nothing more is pushed.
      self._buffer.push(end.rest);
      self._detach();
      return false;
    }
    const drained = csv.length > 0 ? this.push(csv) : true;
    if (!end) return drained;
    self._buffer.push(end.rest);
    self._detach();
    this.push(null);
    self._cleanup();
    return false;
  }
}

/** Reports the records a CsvCopyOut has read so far before passing each chunk on (no copy). */
function progressOf(copy: CsvCopyOut, onRecords: (records: number) => Promise<void>): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      onRecords(copy.records).then(() => done(null, chunk), done);
    },
  });
}

/**
 * Streams one row section from PostgreSQL into `out` as CSV records (no header: the writer wrote
 * it), with backpressure, without ending `out`. Returns the number of records written. If anything
 * fails midway (the output, the progress, PostgreSQL), the connection is closed, not returned to
 * the pool: its COPY may still be running, and the next borrower would wait behind it or read its
 * rows; PostgreSQL stops the COPY when the connection goes.
 */
export async function copyCsvInto(
  dataSource: DataSource,
  statement: string,
  out: Writable,
  onRecords: (records: number) => Promise<void>,
): Promise<number> {
  const qr = dataSource.createQueryRunner('slave');
  const client = (await qr.connect()) as import('pg').PoolClient;
  let records: number;
  try {
    const copy = client.query(new CsvCopyOut(statement));
    await pipeline(copy, progressOf(copy, onRecords), out, { end: false });
    records = copy.records;
  } catch (err) {
    // end() destroys the socket of a client still running a query; the pool drops an ending client.
    await client.end().catch(() => undefined);
    await qr.release();
    throw err;
  }
  await qr.release();
  return records;
}

/**
 * Where spoolCopy writes its temporary files: REPORT_SPOOL_DIR, else the OS temporary directory:
 * the worker's own disk. (In REPORT_STORAGE_DIR, a volume shared with the api, every row went over
 * it twice more: written there, read back, before the report's own file is written there.)
 */
export function spoolDir(config: Pick<AppConfig, 'REPORT_SPOOL_DIR'>): string {
  return config.REPORT_SPOOL_DIR ?? tmpdir();
}

/** A spool file's name (spoolCopy's): only these are swept from the spool directory, maybe the OS's. */
const SPOOL_FILE = /^copy-\d+-[0-9a-f-]{36}\.csv\.part$/;

/** Removes the spool files nothing has written for `olderThanMs`: left by a worker killed mid-build. */
export function sweepSpool(dir: string, olderThanMs: number, now: Date): Promise<number> {
  return removeStaleFiles(dir, (name) => SPOOL_FILE.test(name), olderThanMs, now);
}

/** A row section COPYed ahead into a temporary file, appended to the CSV once what precedes it is written. */
export interface CopySpool {
  /** Waits for the COPY, then streams the file into `out` (without ending it); resolves to the records. */
  appendTo(out: Writable, onRecords: (records: number) => Promise<void>): Promise<number>;
  /** Stops the COPY if it still runs and removes the file (also after appendTo; twice is fine). */
  dispose(): Promise<void>;
}

/**
 * Starts `statement` (a COPY … TO STDOUT (FORMAT csv)) at once on a pooled connection of its own,
 * writing its records (CRLF, as copyCsvInto writes them) into a temporary file in `dir` (spoolDir), so the
 * caller can compute what precedes the rows meanwhile. Streamed both ways with backpressure: memory
 * stays flat whatever the rows. The file is removed by dispose(), and synchronously at process exit
 * if the process ends before (a worker killed after SHUTDOWN_TIMEOUT_MS). A COPY stopped midway
 * closes its connection (it goes back to the pool only when the COPY finished).
 */
export function spoolCopy(dataSource: DataSource, statement: string, dir: string): CopySpool {
  const file = path.join(dir, `copy-${process.pid}-${randomUUID()}.csv.part`);
  const onExit = () => rmSync(file, { force: true });
  process.on('exit', onExit);
  const stop = new AbortController();
  // Progress is reported once appendTo is called (the records before it are counted from then on).
  let report: (records: number) => Promise<void> = () => Promise.resolve();
  const records = (async () => {
    await mkdir(dir, { recursive: true });
    // Opened before the COPY starts and closed before this settles, so dispose's rm comes after both.
    const sink = createWriteStream(file);
    await once(sink, 'ready');
    const [client, release] = (await (dataSource.driver as PostgresDriver).obtainSlaveConnection()) as [
      import('pg').PoolClient,
      (err?: Error) => void,
    ];
    let failed: Error | undefined;
    try {
      const copy = client.query(new CsvCopyOut(statement));
      copy.on('error', () => undefined); // a closed connection reports to a stream pipeline already left
      await pipeline(
        copy,
        progressOf(copy, (n) => report(n)),
        sink,
        { signal: stop.signal },
      );
      return copy.records;
    } catch (err) {
      failed = err instanceof Error ? err : new Error(String(err));
      throw err;
    } finally {
      release(failed); // with an error the pool closes the connection instead of reusing it
      sink.destroy();
      if (!sink.closed) await once(sink, 'close');
    }
  })();
  records.catch(() => undefined); // awaited by appendTo, or dropped by dispose
  let disposed: Promise<void> | undefined;
  return {
    async appendTo(out, onRecords) {
      report = onRecords; // as copyCsvInto: a failing progress update fails the COPY
      const n = await records;
      await pipeline(createReadStream(file), out, { end: false });
      await onRecords(n);
      return n;
    },
    dispose() {
      disposed ??= (async () => {
        stop.abort();
        await records.catch(() => undefined);
        await rm(file, { force: true });
        process.removeListener('exit', onExit);
      })();
      return disposed;
    },
  };
}
