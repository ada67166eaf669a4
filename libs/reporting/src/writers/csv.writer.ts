import { csvStream } from '@tandem/core';
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Column, ProgressFn, ReportContent } from '../report-content';
import { RowCounter } from './sink';

/**
 * RFC 4180 CSV (CRLF line ends, quoted where needed), one table for the whole report: a `section`
 * column, then the union of every section's columns in order; cells a section lacks are empty.
 * Written by core's csvStream (byte-order mark, formula guard). Rejects as soon as `out` fails (or
 * closes unfinished): the stringifier no longer drains into it, so waiting for it would never end.
 */
export async function writeCsv(content: ReportContent, out: Writable, progress: ProgressFn): Promise<number> {
  const stop = new AbortController();
  const failed = new Promise<never>((_, reject) => {
    const fail = (err: unknown) => {
      stop.abort(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    // Rejects on an error, or on a close before the end (a normal end is write's to wait for).
    finished(out).catch(fail);
  });
  failed.catch(() => undefined);
  try {
    return await Promise.race([write(content, out, progress, stop.signal), failed]);
  } finally {
    stop.abort();
  }
}

async function write(
  content: ReportContent,
  out: Writable,
  progress: ProgressFn,
  signal: AbortSignal,
): Promise<number> {
  const columns = csvColumns(content.sections);
  const stringifier = csvStream(columns.map((c) => ({ key: c.key, header: c.key })));
  try {
    // The stringifier writes the header and the small sections; a section PostgreSQL can write itself
    // (section.csv: COPY … TO STDOUT) goes straight into the file, after what the stringifier wrote.
    stringifier.pipe(out, { end: false });
    const counter = new RowCounter(progress);
    const flushed = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (const section of content.sections) {
      // Only once the stringifier has written the byte-order mark and the header (with its first record).
      if (section.csv && counter.count > 0) {
        await drained(stringifier, signal);
        await flushed();
        const before = counter.count;
        counter.count += await section.csv.copyInto(
          columns.map((c) => c.key),
          out,
          (n) => counter.set(before + n),
        );
        continue;
      }
      for await (const row of section.rows()) {
        signal.throwIfAborted();
        if (!stringifier.write({ ...row, section: section.name }))
          await once(stringifier, 'drain', { signal });
        await counter.tick();
      }
    }
    stringifier.end();
    await finished(stringifier);
    await flushed();
    out.end();
    await finished(out);
    return counter.count;
  } catch (err) {
    stringifier.destroy();
    throw err;
  }
}

/** The CSV's columns: `section`, then the union of the sections' columns in order (by key). */
export function csvColumns(sections: { columns: Column[] }[]): Column[] {
  const columns: Column[] = [{ key: 'section', header: 'section' }];
  for (const s of sections)
    for (const c of s.columns) if (!columns.some((x) => x.key === c.key)) columns.push(c);
  return columns;
}

/** Waits until the stringifier has handed everything it holds to the file. */
async function drained(
  stringifier: Writable & { readableLength: number },
  signal: AbortSignal,
): Promise<void> {
  while (stringifier.writableLength > 0 || stringifier.readableLength > 0) {
    signal.throwIfAborted();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export const passThrough = () => new PassThrough();
