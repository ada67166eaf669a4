import { expect } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { bearer, Session } from './fixtures';
import { TestStack } from './stack';

export interface ReportBody {
  id: string;
  kind: string;
  format: string;
  status: string;
  progress: number | null;
  attempts: number;
  failureReason: string | null;
  fileName: string | null;
  scheduleId: string | null;
}

export async function requestReport(
  stack: TestStack,
  who: Session,
  body: Record<string, unknown>,
  idempotencyKey?: string,
) {
  const req = stack.http().post('/reports').set(bearer(who));
  if (idempotencyKey) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body);
}

/** Polls the report until it is done or failed (never stuck running). */
export async function waitForReport(
  stack: TestStack,
  who: Session,
  id: string,
  timeoutMs = 60_000,
): Promise<ReportBody> {
  const until = Date.now() + timeoutMs;
  let last: ReportBody | undefined;
  while (Date.now() < until) {
    const res = await stack.http().get(`/reports/${id}`).set(bearer(who));
    expect(res.status).toBe(200);
    last = res.body as ReportBody;
    if (last.status === 'done' || last.status === 'failed') return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  const [row] = await stack.query(`SELECT * FROM reports WHERE id = $1`, [id]);
  if (process.env.REPORTS_DEBUG_LOG)
    require('node:fs').writeFileSync(process.env.REPORTS_DEBUG_LOG, stack.recentLogs());
  throw new Error(
    `report ${id} still ${last?.status} after ${timeoutMs} ms: ${JSON.stringify(row)} (logs: ${stack.recentLogs().slice(-3000)})`,
  );
}

export async function download(stack: TestStack, who: Session, id: string) {
  const res = await stack
    .http()
    .get(`/reports/${id}/download`)
    .set(bearer(who))
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as Buffer };
}

/** Requests a report, waits for it, downloads it; fails loudly when it did not build. */
export async function buildReport(
  stack: TestStack,
  who: Session,
  kind: string,
  format: string,
  parameters: Record<string, unknown> = {},
) {
  const created = await requestReport(stack, who, { kind, format, parameters });
  if (created.status !== 202)
    throw new Error(`POST /reports ${created.status}: ${JSON.stringify(created.body)}`);
  const done = await waitForReport(stack, who, created.body.id);
  if (done.status !== 'done')
    throw new Error(`report ${kind}/${format} ${done.status}: ${done.failureReason}`);
  const file = await download(stack, who, done.id);
  expect(file.status).toBe(200);
  return { report: done, ...file };
}

export type CsvRow = Record<string, string>;

export function parseCsv(buf: Buffer): CsvRow[] {
  return parse(buf, { bom: true, columns: true, relax_column_count: false }) as CsvRow[];
}

export async function parseXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A worksheet's rows as objects keyed by its header row. */
export function sheetRows(wb: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}" in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

/**
 * The text of a PDF, extracted with pdf-parse (pdf.js): proves the file opens. Run in a child
 * process because pdf.js loads its worker with a dynamic import, which Jest's VM refuses.
 */
export function pdfText(buf: Buffer): string {
  expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const { text } = await parser.getText();
      await parser.destroy();
      process.stdout.write(text);
    });`;
  const r = spawnSync(process.execPath, ['-e', script], {
    input: buf,
    cwd: path.join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`pdf text extraction failed: ${r.stderr}`);
  return r.stdout;
}

const XSD_DIR = path.join(__dirname, '..', 'fixtures', 'iati-2.03');
const xsd = (fileName: string) => ({
  fileName,
  contents: readFileSync(path.join(XSD_DIR, fileName), 'utf8'),
});

/** Validates against the official IATI 2.03 activity schema (with iati-common.xsd and xml.xsd). */
export async function validateIati(xml: string) {
  return validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [xsd('iati-activities-schema.xsd')],
    preload: [xsd('iati-common.xsd'), xsd('xml.xsd')],
  });
}
