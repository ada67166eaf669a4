import { csvStream } from '@tandem/core';
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Column, ProgressFn, ReportContent } from '../report-content';
import { RowCounter } from './sink';

/**
 * RFC 4180 CSV (CRLF line ends, quoted where needed), one table for the whole report: a `section`
 * column, then the union of every section's columns in order; cells a section lacks are empty.
 * Written by core's csvStream (byte-order mark, formula guard).
 */
export async function writeCsv(content: ReportContent, out: Writable, progress: ProgressFn): Promise<number> {
  const columns: Column[] = [{ key: 'section', header: 'section' }];
  for (const s of content.sections)
    for (const c of s.columns) if (!columns.some((x) => x.key === c.key)) columns.push(c);
  const stringifier = csvStream(columns.map((c) => ({ key: c.key, header: c.key })));
  const done = pipeline(stringifier, out);
  const counter = new RowCounter(progress);
  for (const section of content.sections) {
    for await (const row of section.rows()) {
      if (!stringifier.write({ ...row, section: section.name })) await once(stringifier, 'drain');
      await counter.tick();
    }
  }
  stringifier.end();
  await done;
  return counter.count;
}

export const passThrough = () => new PassThrough();
