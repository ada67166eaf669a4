import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Column, ProgressFn, ReportContent, Row } from '../report-content';
import { RowCounter } from './sink';

/**
 * RFC 4180 CSV (CRLF line ends, quoted where needed), one table for the whole report: a `section`
 * column, then the union of every section's columns in order; cells a section lacks are empty.
 * A UTF-8 byte-order mark first, so spreadsheet programs read accents right.
 */
export async function writeCsv(content: ReportContent, out: Writable, progress: ProgressFn): Promise<number> {
  const columns: Column[] = [{ key: 'section', header: 'section' }];
  for (const s of content.sections)
    for (const c of s.columns) if (!columns.some((x) => x.key === c.key)) columns.push(c);
  const stringifier = stringify({
    header: true,
    bom: true,
    record_delimiter: 'windows',
    columns: columns.map((c) => ({ key: c.key, header: c.key })),
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
  const done = pipeline(stringifier, out);
  const counter = new RowCounter(progress);
  for (const section of content.sections) {
    for await (const row of section.rows()) {
      if (!stringifier.write({ ...defuse(row), section: section.name })) await once(stringifier, 'drain');
      await counter.tick();
    }
  }
  stringifier.end();
  await done;
  return counter.count;
}

/** A leading ' on text a spreadsheet would take for a formula (numbers stay numbers). */
function defuse(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row))
    out[k] = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return out;
}

export const passThrough = () => new PassThrough();
