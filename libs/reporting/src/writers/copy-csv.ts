import { AppConfig, defuseFormula } from '@tandem/core';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { FileHandle, mkdir, open, rm } from 'node:fs/promises';
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

/**
 * Reports the records a CsvCopyOut has read so far as each chunk passes on (no copy), without
 * holding the chunk back for it: one report at a time, a chunk arriving while one is under way
 * leaves it to the next chunk (the count is cumulative). A report that fails fails the stream at
 * the next chunk, or at its end, which waits for the last report.
 */
function progressOf(copy: CsvCopyOut, onRecords: (records: number) => Promise<void>): Transform {
  let pending: Promise<void> | undefined;
  let failure: Error | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (failure) return done(failure);
      pending ??= onRecords(copy.records).then(
        () => {
          pending = undefined;
        },
        (err: unknown) => {
          pending = undefined;
          failure = err instanceof Error ? err : new Error(String(err));
        },
      );
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      void (pending ?? Promise.resolve()).then(() => done(failure ?? null));
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
  /**
   * Streams the file into `out` (without ending it), following it while the COPY still writes it,
   * and once caught up, has the COPY write into `out` itself; resolves to the records once the COPY
   * ended and all of them are in `out`.
   */
  appendTo(out: Writable, onRecords: (records: number) => Promise<void>): Promise<number>;
  /** Stops the COPY if it still runs and removes the file (also after appendTo; twice is fine). */
  dispose(): Promise<void>;
}

/** Rejects when `out` fails or closes, or `signal` aborts; else resolves once it drains. */
function drainOf(out: Writable, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (err?: unknown) => {
      out.off('drain', onDrain);
      out.off('error', settle);
      out.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      if (err === undefined) resolve();
      else reject(err instanceof Error ? err : new Error(String(err)));
    };
    const onDrain = () => settle();
    const onClose = () => settle(out.errored ?? new Error('the output closed before the rows were written'));
    const onAbort = () => settle(signal.reason);
    out.on('drain', onDrain);
    out.on('error', settle);
    out.on('close', onClose);
    signal.addEventListener('abort', onAbort);
  });
}

/** Writes `chunks` into `out`, waiting while it asks to (backpressure); rejects if it fails. */
async function writeOut(out: Writable, chunks: Buffer[], signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (out.destroyed || out.writableEnded)
    throw out.errored ?? new Error('the output closed before the rows were written');
  for (const chunk of chunks) out.write(chunk);
  if (out.writableNeedDrain) await drainOf(out, signal);
}

/**
 * Where spoolCopy's COPY writes: the temporary file, until appendTo has copied what the file holds
 * into the output (`direct`), then the output itself. One write at a time (`writing`), `written`
 * counting the bytes the file holds once each write is done, so what appendTo reads is there.
 */
class SpoolSink extends Writable {
  /** Bytes in the file (whole writes only). */
  written = 0;
  /** The file write under way, if any (settles either way). */
  writing: Promise<void> | undefined;
  /** Set by appendTo, once it has copied everything the file holds while no write was under way. */
  direct: Writable | undefined;
  /** Every record is written (into the file, or `direct`). */
  ended = false;

  constructor(
    readonly file: FileHandle,
    private readonly signal: AbortSignal,
  ) {
    super({ highWaterMark: 64 * 1024 });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this._writev([{ chunk }], done);
  }

  override _writev(chunks: { chunk: Buffer }[], done: (err?: Error | null) => void): void {
    const buffers = chunks.map((c) => c.chunk);
    if (this.direct) {
      writeOut(this.direct, buffers, this.signal).then(() => done(), done);
      return;
    }
    const writing = this.toFile(buffers);
    this.writing = writing;
    writing.then(
      () => {
        this.writing = undefined;
        done();
      },
      (err: Error) => {
        this.writing = undefined;
        done(err);
      },
    );
  }

  override _final(done: (err?: Error | null) => void): void {
    this.ended = true;
    done();
  }

  private async toFile(buffers: Buffer[]): Promise<void> {
    const total = buffers.reduce((n, b) => n + b.length, 0);
    let n = (await this.file.writev(buffers, this.written)).bytesWritten;
    if (n < total) {
      const all = Buffer.concat(buffers, total);
      while (n < total) n += (await this.file.write(all, n, total - n, this.written + n)).bytesWritten;
    }
    this.written += total;
  }
}

/**
 * Read from the spool file per call (two in flight). 1 MiB caught up with the COPY twice as fast in
 * the benchmark, but the worker then peaked up to +97 MB over idle (256 KiB: at most +78 MB).
 */
const FOLLOW_CHUNK = 256 * 1024;

/**
 * Copies the spool file into `out` as `sink` writes it (the next chunk read while the last one is
 * written), then: if the COPY has ended, returns (all copied); if it still runs, switches `sink` to
 * `out` at a moment it holds nothing unwritten (no file write under way, all that the file holds
 * copied), so the records stay in order. Returns at once, leaving appendTo to wait for the COPY,
 * if it failed meanwhile.
 */
async function follow(sink: SpoolSink, file: string, out: Writable, signal: AbortSignal): Promise<void> {
  const reader = await open(file, 'r');
  const read = async (at: number): Promise<Buffer> => {
    const chunk = Buffer.allocUnsafe(Math.min(FOLLOW_CHUNK, sink.written - at));
    const { bytesRead } = await reader.read(chunk, 0, chunk.length, at);
    if (bytesRead === 0) throw new Error(`the spool file ends before its byte ${sink.written}`);
    return chunk.subarray(0, bytesRead);
  };
  let ahead: Promise<Buffer> | undefined;
  try {
    let at = 0;
    for (;;) {
      signal.throwIfAborted();
      if (at < sink.written) {
        const chunk = await (ahead ?? read(at));
        at += chunk.length;
        ahead = at < sink.written ? read(at) : undefined;
        ahead?.catch(() => undefined); // awaited next turn, or dropped with the error that ends this
        await writeOut(out, [chunk], signal);
      } else if (sink.ended || sink.destroyed) return;
      else if (sink.writing) await sink.writing.catch(() => undefined);
      else {
        sink.direct = out;
        return;
      }
    }
  } finally {
    await ahead?.catch(() => undefined);
    await reader.close();
  }
}

/**
 * Starts `statement` (a COPY … TO STDOUT (FORMAT csv)) at once on a pooled connection of its own,
 * writing its records (CRLF, as copyCsvInto writes them) into a temporary file in `dir` (spoolDir), so the
 * caller can compute what precedes the rows meanwhile; appendTo then copies the file into the
 * output while the COPY goes on, and once caught up lets the COPY write into the output itself, so
 * little is left to copy when the COPY ends. Streamed both ways with backpressure: memory stays flat
 * whatever the rows. The file is removed by dispose(), and synchronously at process exit if the
 * process ends before (a worker killed after SHUTDOWN_TIMEOUT_MS). A COPY stopped midway (dispose,
 * a failing output) closes its connection (it goes back to the pool only when the COPY finished).
 */
export function spoolCopy(dataSource: DataSource, statement: string, dir: string): CopySpool {
  const file = path.join(dir, `copy-${process.pid}-${randomUUID()}.csv.part`);
  const onExit = () => rmSync(file, { force: true });
  process.on('exit', onExit);
  const stop = new AbortController();
  // Progress is reported once appendTo is called (the records before it are counted from then on).
  let report: (records: number) => Promise<void> = () => Promise.resolve();
  const sinkOf = (async () => {
    await mkdir(dir, { recursive: true });
    return new SpoolSink(await open(file, 'w'), stop.signal);
  })();
  sinkOf.catch(() => undefined); // records rejects with it
  const records = (async () => {
    // Opened before the COPY starts and closed before this settles, so dispose's rm comes after both.
    const sink = await sinkOf;
    let failed: Error | undefined;
    let release: ((err?: Error) => void) | undefined;
    try {
      const [client, done] = (await (dataSource.driver as PostgresDriver).obtainSlaveConnection()) as [
        import('pg').PoolClient,
        (err?: Error) => void,
      ];
      release = done;
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
      release?.(failed); // with an error the pool closes the connection instead of reusing it
      sink.destroy();
      await sink.file.close(); // after the writes under way
    }
  })();
  records.catch(() => undefined); // awaited by appendTo, or dropped by dispose
  let following: Promise<void> | undefined;
  let disposed: Promise<void> | undefined;
  return {
    async appendTo(out, onRecords) {
      report = onRecords; // as copyCsvInto: a failing progress update fails the COPY
      following = (async () => follow(await sinkOf, file, out, stop.signal))();
      try {
        await following;
      } catch (err) {
        stop.abort(err); // the output failed: the COPY stops (its connection closed), dispose removes the file
        throw err;
      }
      const n = await records;
      await onRecords(n);
      return n;
    },
    dispose() {
      disposed ??= (async () => {
        stop.abort();
        await records.catch(() => undefined);
        await following?.catch(() => undefined);
        await rm(file, { force: true });
        process.removeListener('exit', onExit);
      })();
      return disposed;
    },
  };
}
