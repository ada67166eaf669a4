import PDFDocument from 'pdfkit';
import { Writable } from 'node:stream';
import { BarChart, Cell, ProgressFn, ReportContent, Section } from '../report-content';
import { RowCounter } from './sink';

/** A PDF is for people: row-level sections stop after this many rows (the CSV/XLSX have them all). */
export const PDF_MAX_ROWS_PER_SECTION = 200;

const PALETTE = ['#2f5f8a', '#e07b39', '#5a9e4b', '#b84a62', '#7d5ba6', '#c9a227'];
const MARGIN = 40;

const text = (v: Cell): string =>
  v === null || v === undefined ? '–' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);

/** Figures as people read them: at most 3 decimals, no trailing zeros. */
const figure = (v: number): string => String(Math.round(v * 1000) / 1000);

/**
 * The report as a PDF (pdfkit, standard fonts, so no font files to ship): title and key facts,
 * then each section's charts (bars drawn with pdfkit's vector primitives, each bar labelled with
 * its figure) and its table.
 */
export async function writePdf(content: ReportContent, out: Writable, progress: ProgressFn): Promise<number> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: content.title, Creator: 'Tandem' },
  });
  doc.pipe(out);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.font('Helvetica-Bold').fontSize(18).text(content.title, { width });
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(10);
  for (const [label, value] of content.facts) {
    ensure(14);
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(text(value));
  }

  const counter = new RowCounter(progress);
  for (const section of content.sections) {
    ensure(60);
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(13).text(section.title, MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(9);
    if (section.note) doc.fillColor('#555555').text(section.note, { width }).fillColor('black');
    for (const chart of section.charts ?? []) drawChart(doc, chart, width, ensure);
    await drawTable(doc, section, width, ensure, counter);
  }
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  doc.end();
  await finished;
  return counter.count;
}

function drawChart(
  doc: PDFKit.PDFDocument,
  chart: BarChart,
  width: number,
  ensure: (h: number) => void,
): void {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(1, ...values.map((v) => Math.abs(v)));
  const labelW = 150;
  const barH = 9;
  const barsW = width - labelW - 50;
  const groupH = chart.series.length * (barH + 2) + 6;
  ensure(30 + Math.min(groupH * chart.categories.length, 200));
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(10).text(chart.title, MARGIN, doc.y, { width });
  // Legend
  if (chart.series.length > 1) {
    let x = MARGIN;
    const y = doc.y + 2;
    doc.font('Helvetica').fontSize(8);
    chart.series.forEach((s, i) => {
      doc.rect(x, y, 8, 8).fill(PALETTE[i % PALETTE.length]);
      doc.fillColor('black').text(s.name, x + 11, y, { lineBreak: false });
      x += 11 + doc.widthOfString(s.name) + 14;
    });
    doc.y = y + 14;
  }
  doc.font('Helvetica').fontSize(8);
  chart.categories.forEach((category, ci) => {
    ensure(groupH);
    const top = doc.y;
    doc.fillColor('black').text(category, MARGIN, top + 1, {
      width: labelW - 6,
      height: groupH,
      ellipsis: true,
      lineBreak: false,
    });
    chart.series.forEach((s, si) => {
      const v = s.values[ci];
      const y = top + si * (barH + 2);
      const len = v === null ? 0 : Math.max(1, (Math.abs(v) / max) * barsW);
      if (v !== null) doc.rect(MARGIN + labelW, y, len, barH).fill(PALETTE[si % PALETTE.length]);
      doc
        .fillColor('black')
        .text(v === null ? '–' : figure(v), MARGIN + labelW + len + 4, y + 1, { lineBreak: false });
    });
    doc.x = MARGIN;
    doc.y = top + groupH;
  });
  // Axis line
  doc
    .moveTo(MARGIN + labelW, doc.y - 2)
    .lineTo(MARGIN + labelW + barsW, doc.y - 2)
    .strokeColor('#999999')
    .stroke();
  doc.strokeColor('black').fillColor('black');
  doc.moveDown(0.5);
}

async function drawTable(
  doc: PDFKit.PDFDocument,
  section: Section,
  width: number,
  ensure: (h: number) => void,
  counter: RowCounter,
): Promise<void> {
  const n = section.columns.length;
  const colW = width / n;
  const rowH = 12;
  const header = () => {
    ensure(rowH * 2);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8);
    section.columns.forEach((c, i) =>
      doc.text(c.header, MARGIN + i * colW, y, {
        width: colW - 4,
        height: rowH,
        ellipsis: true,
        lineBreak: false,
      }),
    );
    doc
      .moveTo(MARGIN, y + rowH - 2)
      .lineTo(MARGIN + width, y + rowH - 2)
      .strokeColor('#999999')
      .stroke();
    doc.font('Helvetica').fontSize(8).strokeColor('black');
    doc.x = MARGIN;
    doc.y = y + rowH;
  };
  doc.moveDown(0.3);
  header();
  let shown = 0;
  let more = 0;
  for await (const row of section.rows()) {
    await counter.tick();
    if (shown >= PDF_MAX_ROWS_PER_SECTION) {
      more++;
      continue;
    }
    if (doc.y + rowH > doc.page.height - MARGIN) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    section.columns.forEach((c, i) =>
      doc.text(text(row[c.key] ?? null), MARGIN + i * colW, y, {
        width: colW - 4,
        height: rowH,
        ellipsis: true,
        lineBreak: false,
      }),
    );
    doc.x = MARGIN;
    doc.y = y + rowH;
    shown++;
  }
  if (shown === 0) doc.fillColor('#555555').text('(none)', MARGIN, doc.y).fillColor('black');
  if (more > 0)
    doc
      .fillColor('#555555')
      .text(`… and ${more} more rows: download the CSV or XLSX for all of them.`, MARGIN, doc.y)
      .fillColor('black');
}
