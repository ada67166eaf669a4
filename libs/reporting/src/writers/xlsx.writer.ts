import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { Cell, ProgressFn, ReportContent } from '../report-content';
import { RowCounter } from './sink';

const sheetName = (s: string, used: Set<string>): string => {
  // Excel: at most 31 characters, none of []:*?/\ , unique.
  const base = s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  used.add(name.toLowerCase());
  return name;
};

type SheetInternals = { _stream?: { pipes?: Writable[] } };

/**
 * Whether a stream wants us to wait for 'drain'. The sheet's zip entry is archiver's PassThrough
 * from readable-stream 2, which predates `writableNeedDrain` (always undefined there): reading only
 * that property never waited, and the whole sheet piled up in memory ahead of the deflater.
 */
const needsDrain = (s: Writable): boolean =>
  s.writableNeedDrain ??
  (s as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ??
  false;

async function drained(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  await new Promise((r) => setImmediate(r));
  for (const pipe of (ws as unknown as SheetInternals)._stream?.pipes ?? [])
    while (needsDrain(pipe)) await once(pipe, 'drain');
  if (needsDrain(out)) await once(out, 'drain');
}

const excelValue = (v: Cell): ExcelJS.CellValue => (v === null ? null : v);

/**
 * One workbook, written with exceljs's streaming WorkbookWriter: a "Summary" sheet with the facts,
 * then one sheet per section. Each row is committed as soon as it is added, so rows go to the zip
 * stream (and the file) instead of piling up in memory.
 */
export async function writeXlsx(
  content: ReportContent,
  out: Writable,
  progress: ProgressFn,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Tandem';
  const used = new Set<string>();
  const summary = wb.addWorksheet(sheetName('Summary', used));
  summary.addRow([content.title]).commit();
  for (const [label, value] of content.facts) summary.addRow([label, excelValue(value)]).commit();
  summary.commit();
  const counter = new RowCounter(progress);
  for (const section of content.sections) {
    // Excel caps sheet names at 31 characters: the title when it fits, else the section's name.
    const ws = wb.addWorksheet(sheetName(section.title.length <= 31 ? section.title : section.name, used));
    ws.columns = section.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.max(12, c.header.length + 2),
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const row of section.rows()) {
      ws.addRow(section.columns.map((c) => excelValue(row[c.key] ?? null))).commit();
      await counter.tick();
      // exceljs pushes each sheet's XML into the zip (archiver, deflate) without waiting for it, so
      // a fast producer piles rows up in memory. Every batch, wait until the sheet's zip entry and
      // the file have drained: backpressure by hand. (`_stream.pipes` is exceljs's StreamBuf.)
      if (counter.count % 500 === 0) await drained(ws, out);
    }
    ws.commit();
  }
  await wb.commit();
  return counter.count;
}
