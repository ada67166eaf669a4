import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { collect, openTestDataSource } from '../../../../test/support/integration';
import { columns, fromArray, ReportContent, Row, Section } from '../report-content';
import { CopyCsvFramer, copyCsvInto, copyStatement, spoolCopy } from './copy-csv';
import { writeCsv } from './csv.writer';

/** Cells a spreadsheet would run, cells CSV must quote, empty and missing cells, numbers. */
const TRICKY: Row[] = [
  { name: '=SUM(A1:A9)', note: 'formula', hours: 37.5 },
  { name: '+351 21 000', note: '-minus', hours: 20 },
  { name: '@cmd', note: '\tTab first', hours: -5 },
  { name: '\rCR first', note: 'a,b', hours: 24.25 },
  { name: 'say "hi"', note: 'two\nlines', hours: null },
  { name: 'cr\ronly', note: '', hours: 0 },
  { name: null, note: 'Zoë, ação', hours: 0.1 },
  { name: "O'Brien \\ backslash", note: 'ends with a newline\n', hours: 1000000 },
  { name: '"quoted"', note: 'x=1', hours: 7 },
];

/** The same rows as a query with parameters (so their inlining into COPY is exercised too). */
function rowsQuery(folded = false): { sql: string; params: unknown[]; orderBy?: string[] } {
  const params: unknown[] = [];
  const values = TRICKY.map((r, i) => {
    params.push(r.name, r.note, r.hours, i);
    const n = params.length;
    return `($${n - 3}::text, $${n - 2}::text, $${n - 1}::float8, $${n}::int)`;
  });
  return {
    sql: `SELECT * FROM (VALUES ${values.join(', ')}) v("name", "note", "hours", "i") WHERE v."i" = ANY(CAST($${params.length + 1} AS int[]))${folded ? '' : ' ORDER BY v."i"'}`,
    params: [...params, TRICKY.map((_, i) => i)],
    // Unordered, the query is folded into COPY's (as the placements report's): the order is COPY's.
    ...(folded ? { orderBy: ['"i"'] } : {}),
  };
}

describe('CSV row sections written by PostgreSQL (COPY … TO STDOUT)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openTestDataSource();
  });
  afterAll(() => ds.destroy());

  const content = (viaCopy: boolean, folded = false): ReportContent => {
    const section: Section = {
      name: 'people',
      title: 'People',
      columns: columns({ name: 'Name', note: 'Note', hours: 'Hours' }),
      rows: () => fromArray(TRICKY),
    };
    if (viaCopy)
      section.csv = {
        copyInto: (columns, out, onRecords) =>
          copyCsvInto(
            ds,
            copyStatement('people', columns, {
              ...rowsQuery(folded),
              cells: {
                name: { sql: 'q."name"', text: true },
                note: { sql: 'q."note"', text: true },
                hours: { sql: 'q."hours"', text: false },
              },
            }),
            out,
            onRecords,
          ),
      };
    return {
      title: 'Tricky',
      facts: [],
      sections: [
        {
          name: 'summary',
          title: 'Summary',
          columns: columns({ metric: 'Metric', value: 'Value' }),
          rows: () => fromArray([{ metric: '=cells', value: TRICKY.length }]),
        },
        section,
      ],
    };
  };

  it.each([
    ['a rows query with its order', false],
    ['an unordered rows query and the order given apart', true],
  ])(
    'writes the same bytes as csv-stringify row by row (%s): formula guard, quoting, CRLF, empty cells',
    async (_, folded) => {
      const progress = jest.fn(() => Promise.resolve());
      const expected = await collect((out) => writeCsv(content(false), out, progress));
      let count = 0;
      const actual = await collect(
        async (out) => (count = await writeCsv(content(true, folded), out, progress)),
      );
      expect(actual.toString('utf8')).toEqual(expected.toString('utf8'));
      expect(actual.equals(expected)).toBe(true);
      expect(count).toBe(TRICKY.length + 1);
      // And the guard is really there: no cell starts with a formula character.
      expect(actual.toString('utf8')).toContain(`people,,,'=SUM(A1:A9),formula,37.5\r\n`);
      expect(actual.toString('utf8')).toContain(`people,,,'@cmd,'\tTab first,-5\r\n`);
      expect(actual.toString('utf8')).toContain(`people,,,"'\rCR first","a,b",24.25\r\n`);
    },
  );
});

describe(`${copyCsvInto.name}: an output that fails midway`, () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openTestDataSource();
  });
  afterAll(() => ds.destroy());

  const statement = `COPY (SELECT i, repeat('x', 200) AS filler FROM generate_series(1, 50000000) i) TO STDOUT (FORMAT csv)`;
  const running = async (): Promise<number> =>
    (
      await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query = $1`,
        [statement],
      )
    )[0].n;

  it('closes the connection, so the COPY stops and no one borrows a busy connection', async () => {
    let chunks = 0;
    const out = new Writable({
      write(_chunk, _enc, done) {
        done(++chunks > 3 ? new Error('disk full') : null);
      },
    });
    out.on('error', () => undefined);
    await expect(copyCsvInto(ds, statement, out, () => Promise.resolve())).rejects.toThrow('disk full');
    // PostgreSQL ends the COPY's backend once its connection is gone (within moments, not minutes).
    const until = Date.now() + 5_000;
    while ((await running()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await running()).toBe(0);
    // And the pool still answers, on every connection it holds.
    const answers = await Promise.all(Array.from({ length: 8 }, () => ds.query('SELECT 1 AS one')));
    expect(answers).toEqual(Array.from({ length: 8 }, () => [{ one: 1 }]));
  }, 30_000);
});

describe(`${spoolCopy.name}: the rows COPYed ahead, appended while the COPY still runs`, () => {
  let ds: DataSource;
  let dir: string;

  beforeAll(async () => {
    ds = await openTestDataSource();
  });
  afterAll(() => ds.destroy());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tandem-spool-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const FILLER = 'x'.repeat(100);
  /**
   * `rows` records `i,xxx…`, PostgreSQL pausing 1 s after the first `pauseAt` - 1 (so appendTo
   * catches up with the file meanwhile and the rest goes straight to the output); `failAt`: the
   * COPY fails there (division by zero).
   */
  const statement = (rows: number, pauseAt: number, failAt?: number) =>
    `COPY (SELECT i, ${failAt ? `repeat('x', 100 + 1 / (i - ${failAt}))` : `repeat('x', 100)`} AS filler
             FROM generate_series(1, ${rows}) i WHERE i <> ${pauseAt} OR pg_sleep(1) IS NOT NULL) TO STDOUT (FORMAT csv)`;
  const expected = (rows: number) =>
    Buffer.from(Array.from({ length: rows }, (_, k) => `${k + 1},${FILLER}\r\n`).join(''));
  const running = async (text: string): Promise<number> =>
    (
      await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query = $1`,
        [text],
      )
    )[0].n;
  const spoolBytes = (): number | null => {
    const [name] = readdirSync(dir);
    return name ? statSync(path.join(dir, name)).size : null;
  };
  /** Resolves once the spool file holds something: the COPY runs. */
  const started = async () => {
    while (!spoolBytes()) await new Promise((r) => setTimeout(r, 20));
  };
  /** The COPY's backend gone, and the pool answering on every connection (none returned broken). */
  const settled = async (text: string) => {
    const until = Date.now() + 5_000;
    while ((await running(text)) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await running(text)).toBe(0);
    const answers = await Promise.all(Array.from({ length: 8 }, () => ds.query('SELECT 1 AS one')));
    expect(answers).toEqual(Array.from({ length: 8 }, () => [{ one: 1 }]));
  };
  /** An output taking its time over each chunk (a slow disk), failing once it has `failAfter` bytes. */
  const slowOut = (failAfter = Infinity) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > failAfter) return done(new Error('disk full'));
        chunks.push(chunk);
        setTimeout(done, 1);
      },
    });
    out.on('error', () => undefined);
    return { out, written: () => Buffer.concat(chunks) };
  };

  it('copies the file while the COPY goes on, then has the COPY write into the output: the same bytes, in order', async () => {
    const spool = spoolCopy(ds, statement(100_000, 20_000), dir);
    await started();
    const { out, written } = slowOut();
    const progress = jest.fn(() => Promise.resolve());
    expect(await spool.appendTo(out, progress)).toBe(100_000);
    expect(written().equals(expected(100_000))).toBe(true);
    // The records after the switch went straight into the output, not through the file.
    expect(spoolBytes()).toBeLessThan(expected(30_000).length);
    expect(progress).toHaveBeenLastCalledWith(100_000);
    await spool.dispose();
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);

  it('appended after the COPY ended: the whole file, as before', async () => {
    const spool = spoolCopy(
      ds,
      `COPY (SELECT i, repeat('x', 100) FROM generate_series(1, 30000) i) TO STDOUT (FORMAT csv)`,
      dir,
    );
    while (spoolBytes() !== expected(30_000).length) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    const { out, written } = slowOut();
    expect(await spool.appendTo(out, () => Promise.resolve())).toBe(30_000);
    expect(written().equals(expected(30_000))).toBe(true);
    await spool.dispose();
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);

  it('fails when the COPY fails after the switch: no spool file left, no connection returned broken', async () => {
    const text = statement(100_000, 20_000, 60_000);
    const spool = spoolCopy(ds, text, dir);
    await started();
    const { out, written } = slowOut();
    await expect(spool.appendTo(out, () => Promise.resolve())).rejects.toThrow('division by zero');
    // What the output got is whole records, in order, some of which came after the switch.
    const got = written();
    expect(got.length).toBeGreaterThan(expected(20_000).length);
    expect(expected(60_000).subarray(0, got.length).equals(got)).toBe(true);
    expect(spoolBytes()).toBeLessThan(got.length);
    await spool.dispose();
    expect(readdirSync(dir)).toEqual([]);
    await settled(text);
  }, 30_000);

  it('fails when the output fails after the switch: the COPY stops, no spool file left', async () => {
    const text = statement(5_000_000, 20_000);
    const spool = spoolCopy(ds, text, dir);
    await started();
    const { out } = slowOut(expected(40_000).length);
    await expect(spool.appendTo(out, () => Promise.resolve())).rejects.toThrow('disk full');
    // It failed on records the COPY wrote into it after the switch: the file holds fewer.
    expect(spoolBytes()).toBeLessThan(expected(40_000).length);
    await spool.dispose();
    expect(readdirSync(dir)).toEqual([]);
    await settled(text);
  }, 30_000);

  it('dispose while appendTo still copies the file stops the COPY and removes the file', async () => {
    const text = statement(5_000_000, 2_000_000);
    const spool = spoolCopy(ds, text, dir);
    await started();
    // An output that takes the first chunk and never asks for more.
    const out = new Writable({ highWaterMark: 16 * 1024, write: () => undefined });
    const appended = spool.appendTo(out, () => Promise.resolve());
    appended.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    await spool.dispose();
    await expect(appended).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
    await settled(text);
  }, 30_000);
});

describe(CopyCsvFramer.name, () => {
  /** A protocol message: its type, its length (counting itself), its content. */
  const message = (type: string, content: string | Buffer) => {
    const body = Buffer.from(content);
    const head = Buffer.alloc(5);
    head.write(type, 0);
    head.writeUInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  const records = ['a,"x\ny",1\n', 'b,"say ""hi""\n",2\n', 'c,,3\n'];
  const expected = 'a,"x\ny",1\r\nb,"say ""hi""\n",2\r\nc,,3\r\n';
  const after = Buffer.concat([message('C', 'COPY 3\0'), message('Z', 'I')]);
  const stream = Buffer.concat([
    message('H', Buffer.from([0, 0, 3, 0, 0, 0, 0, 0, 0])),
    ...records.map((r) => message('d', r)),
    message('N', 'a notice\0'),
    message('c', ''),
    after,
  ]);

  /** Feeds `chunks` until the COPY ends; what it did not read goes back to pg with what follows. */
  const feed = (chunks: Buffer[]) => {
    const sut = new CopyCsvFramer();
    const csv: Buffer[] = [];
    for (const [k, chunk] of chunks.entries()) {
      const { csv: part, end } = sut.frame(chunk);
      csv.push(part);
      if (end)
        return {
          csv: Buffer.concat(csv).toString(),
          end,
          unread: Buffer.concat([end.rest, ...chunks.slice(k + 1)]),
          records: sut.records,
        };
    }
    return { csv: Buffer.concat(csv).toString(), records: sut.records };
  };

  it.each(Array.from({ length: stream.length - 1 }, (_, i) => i + 1))(
    'turns record ends into CRLF, keeps line breaks inside quotes, counts the records, chunks split at %i',
    (at) => {
      const r = feed([stream.subarray(0, at), stream.subarray(at)]);
      expect(r.csv).toBe(expected);
      expect(r.records).toBe(3);
      expect(r.end?.error).toBe(false);
      expect(r.unread?.equals(after)).toBe(true);
    },
  );

  it('one byte at a time', () => {
    const r = feed(Array.from(stream, (b) => Buffer.from([b])));
    expect([r.csv, r.records, r.unread?.equals(after)]).toEqual([expected, 3, true]);
  });

  it('stops at an ErrorResponse and hands it back unread, split anywhere', () => {
    const error = message('E', 'SERROR\0C22012\0Mdivision by zero\0\0');
    const failing = Buffer.concat([message('d', records[0]), error, message('Z', 'I')]);
    for (let at = 1; at < failing.length; at++) {
      const r = feed([failing.subarray(0, at), failing.subarray(at)]);
      expect(r.end?.error).toBe(true);
      expect(r.unread?.equals(failing.subarray(failing.indexOf(error)))).toBe(true);
      expect(r.csv).toBe('a,"x\ny",1\r\n');
    }
  });
});
