import { csvStream, defuseFormula, toCsv } from './csv';

describe('CSV writer', () => {
  it('prefixes an apostrophe to text a spreadsheet would take for a formula', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(defuseFormula(`${lead}SUM(A1)`)).toBe(`'${lead}SUM(A1)`);
    expect(defuseFormula('SUM(A1)=3')).toBe('SUM(A1)=3');
    expect(defuseFormula('')).toBe('');
  });

  it('writes RFC 4180 with CRLF, a byte-order mark, quoting and the guard', () => {
    const csv = toCsv([
      ['name', 'note', 'n', 'ok'],
      ['Legal Aid', 'says "hi", twice', -3, true],
      ['=HYPERLINK("x")', 'two\nlines', 0, false],
      ['-5', '@home', null, undefined],
    ]);
    expect(csv).toBe(
      '\uFEFFname,note,n,ok\r\n' +
        'Legal Aid,"says ""hi"", twice",-3,true\r\n' +
        `"'=HYPERLINK(""x"")","two\nlines",0,false\r\n` +
        "'-5,'@home,,\r\n",
    );
  });

  it('leaves the byte-order mark out on request', () => {
    expect(
      toCsv(
        [
          ['row', 'reason'],
          [1, '+1 too many'],
        ],
        { bom: false },
      ),
    ).toBe("row,reason\r\n1,'+1 too many\r\n");
  });

  it('streams object rows under a header, guarded the same way', async () => {
    const out = csvStream([
      { key: 'a', header: 'a' },
      { key: 'b', header: 'b' },
    ]);
    const chunks: string[] = [];
    out.on('data', (c: Buffer | string) => chunks.push(c.toString()));
    const done = new Promise((resolve) => out.on('end', resolve));
    out.write({ a: '=1+1', b: 2 });
    out.write({ a: 'x, y' });
    out.end();
    await done;
    expect(chunks.join('')).toBe('\uFEFFa,b\r\n\'=1+1,2\r\n"x, y",\r\n');
  });
});
