import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PassThrough, Writable } from 'node:stream';
import { columns, fromArray, ReportContent, Row } from '../report-content';
import { writeCsv } from './csv.writer';
import { writeJson } from './json.writer';
import { writePdf } from './pdf.writer';
import { writeXlsx } from './xlsx.writer';

async function* many(n: number): AsyncIterable<Row> {
  for (let i = 0; i < n; i++) yield { id: i, name: `row ${i}` };
}

const content = (): ReportContent => ({
  title: 'Test report',
  facts: [['People', 12]],
  sections: [
    {
      name: 'summary',
      title: 'Summary',
      columns: columns({ metric: 'Metric', value: 'Value' }),
      rows: () =>
        fromArray([
          { metric: 'formula', value: '=HYPERLINK("x")' },
          { metric: 'quote, "comma"', value: -3 },
          { metric: 'flag', value: true },
        ]),
      charts: [{ title: 'Chart', categories: ['a', 'b'], series: [{ name: 's', values: [1, null] }] }],
    },
    {
      name: 'rows',
      title: 'Rows',
      columns: columns({ id: 'Id', name: 'Name' }),
      rows: () => many(250),
    },
  ],
});

async function collect(write: (out: PassThrough) => Promise<number>): Promise<{ buf: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => out.on('end', r));
  const rows = await write(out);
  await ended;
  return { buf: Buffer.concat(chunks), rows };
}

describe('report writers', () => {
  const progress = jest.fn(async () => undefined);

  it('CSV: RFC 4180 with CRLF, a section column, the union of columns, formulas defused', async () => {
    const { buf, rows } = await collect((out) => writeCsv(content(), out, progress));
    expect(rows).toBe(253);
    const text = buf.toString('utf8');
    expect(text.startsWith('\uFEFFsection,metric,value,id,name\r\n')).toBe(true);
    const parsed = parse(buf, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(253);
    expect(parsed[0]).toEqual({
      section: 'summary',
      metric: 'formula',
      value: `'=HYPERLINK("x")`,
      id: '',
      name: '',
    });
    expect(parsed[1]).toMatchObject({ metric: 'quote, "comma"', value: '-3' });
    expect(parsed[2].value).toBe('true');
    expect(parsed[252]).toMatchObject({ section: 'rows', id: '249', name: 'row 249' });
  });

  it('JSON: one document with facts and sections, written row by row', async () => {
    const { buf } = await collect((out) => writeJson(content(), out, progress, { kind: 'test' }));
    const doc = JSON.parse(buf.toString('utf8'));
    expect(doc.kind).toBe('test');
    expect(doc.facts).toEqual({ People: 12 });
    expect(doc.sections.summary[1]).toEqual({ metric: 'quote, "comma"', value: -3 });
    expect(doc.sections.rows).toHaveLength(250);
  });

  it('XLSX: a summary sheet and a sheet per section, numbers as numbers', async () => {
    const { buf } = await collect((out) => writeXlsx(content(), out, progress));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Summary 2', 'Rows']);
    expect(wb.getWorksheet('Rows')!.rowCount).toBe(251);
    expect(wb.getWorksheet('Rows')!.getRow(251).getCell(1).value).toBe(249);
  });

  it('PDF: a document, with the table cut at 200 rows of a section', async () => {
    const { buf, rows } = await collect((out) => writePdf(content(), out, progress));
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(rows).toBe(253);
  });

  describe('CSV: an output that fails midway (a full disk, a storage that gave up)', () => {
    /** Accepts `accepted` chunks, then fails every write; errors are listened to, as the build handler does. */
    const failingAfter = (accepted: number): Writable => {
      let n = 0;
      const out = new Writable({
        highWaterMark: 1024,
        write(_chunk, _enc, done) {
          done(++n > accepted ? new Error('disk full') : null);
        },
      });
      out.on('error', () => undefined);
      return out;
    };
    const big = (): ReportContent => ({
      ...content(),
      sections: [
        {
          name: 'rows',
          title: 'Rows',
          columns: columns({ id: 'Id', name: 'Name' }),
          rows: () => many(200_000),
        },
      ],
    });

    it.each([0, 3])(
      'rejects instead of waiting forever (the output fails after %i chunks)',
      async (accepted) => {
        const stopped = jest.fn();
        const rows = (): AsyncIterable<Row> => ({
          [Symbol.asyncIterator]: () => {
            const it = many(200_000)[Symbol.asyncIterator]();
            return {
              next: () => it.next(),
              return: async () => (stopped(), { done: true, value: undefined }),
            };
          },
        });
        const c = big();
        c.sections[0].rows = rows;
        await expect(writeCsv(c, failingAfter(accepted), progress)).rejects.toThrow('disk full');
        expect(stopped).toHaveBeenCalled(); // the rows' source (a cursor) is closed, not left open
      },
      10_000,
    );

    it('rejects when the output fails while a section is written by its copyInto', async () => {
      const c = big();
      c.sections.push({
        name: 'copied',
        title: 'Copied',
        columns: columns({ id: 'Id' }),
        rows: () => fromArray([]),
        csv: {
          // As copyCsvInto: writes with backpressure into `out` until it fails.
          copyInto: async (_columns, out) => {
            for (let i = 0; ; i++)
              if (!out.write(`copied,,${i}\r\n`))
                await new Promise((resolve, reject) => {
                  out.once('drain', resolve);
                  out.once('error', reject);
                });
          },
        },
      });
      c.sections[0].rows = () => many(10);
      await expect(writeCsv(c, failingAfter(5), progress)).rejects.toThrow('disk full');
    }, 10_000);
  });
});
