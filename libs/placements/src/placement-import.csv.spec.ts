import { parse } from 'csv-parse/sync';
import { NotPlainCsv, plainCsvRecords } from './placement-import.csv';

const csvParse = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
const plain = (text: string): string[][] => [...plainCsvRecords(text)].map((r) => r.map((c) => c.trim()));

describe('plain CSV records', () => {
  it.each([
    ['LF', 'a,b,c\n1,2,3\n'],
    ['CRLF', 'a,b,c\r\n1,2,3\r\n'],
    ['no final line end', 'a,b,c\r\n1,2,3'],
    ['BOM', '\uFEFFa,b\r\n1,2\r\n'],
    ['empty lines', 'a,b\n\n1,2\n\n\n3,4\n'],
    ['CRLF empty lines', 'a,b\r\n\r\n1,2\r\n\r\n'],
    ['blanks around cells', 'a , b\n 1 ,\t2 \n'],
    ['empty cells', 'a,b,c\n,,\n1,,\n,,3\n'],
    ['trailing comma', 'a,b\n1,2,\n'],
    ['more and fewer cells', 'a,b,c\n1,2\n1,2,3,4\n'],
    ['quoted cells', 'a,b,c\n"x, y","say ""hi""",3\n"",2,""\n'],
    ['quoted last cell then comma', 'a,b\n1,"2",\n"1",""\n'],
    ['non-ASCII', 'a,b\nCafé,مطبخ\n😀,"ü, ß"\n'],
  ])('reads %s as csv-parse does', (_label, text) => {
    expect(plain(text)).toEqual(csvParse(text));
  });

  it.each([
    ['a quote inside a cell', 'a,b\nx"y,2\n'],
    ['blanks before a quote', 'a,b\n "x",2\n'],
    ['text after a closing quote', 'a,b\n"x"y,2\n'],
    ['a line break inside quotes', 'a,b\n"x\ny",2\n'],
    ['a quote left open', 'a,b\n"x,2\n'],
    ['mixed line ends', 'a,b\r\n1,2\n3,4\r\n'],
    ['a lone CR', 'a,b\r1,2\r'],
    ['a line of blanks', 'a,b\n   \n1,2\n'],
  ])('leaves %s to csv-parse', (_label, text) => {
    expect(() => plain(text)).toThrow(NotPlainCsv);
  });
});
