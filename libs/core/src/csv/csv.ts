import { Options, Stringifier, stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * Every CSV Tandem produces is written here: RFC 4180 (CRLF line ends, quoted where needed), a UTF-8
 * byte-order mark so spreadsheet programs read accents right, and the formula guard.
 */

/**
 * A leading ' on text a spreadsheet would take for a formula (= + - @ tab CR), so a cell someone
 * typed cannot run as one when the file is opened (CSV injection). Numbers stay numbers.
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type CsvOptions = Pick<Options, 'header' | 'columns' | 'bom'>;

function options(extra: CsvOptions): Options {
  return {
    record_delimiter: 'windows',
    // csv-stringify quotes the record delimiter (CRLF) but not a lone LF or CR, which spreadsheets
    // would still take for a line break.
    quoted_match: /[\r\n]/,
    cast: {
      string: (value) => defuseFormula(value),
      boolean: (b) => (b ? 'true' : 'false'),
    },
    ...extra,
  };
}

/** A whole CSV from rows of cells (the first row is usually the header). */
export function toCsv(rows: readonly (readonly unknown[])[], { bom = true }: { bom?: boolean } = {}): string {
  return stringifySync(rows as unknown[][], options({ bom }));
}

/** A streaming writer of object rows under the given columns (keys become the header), for large files. */
export function csvStream(columns: { key: string; header: string }[]): Stringifier {
  return stringify(options({ header: true, bom: true, columns }));
}
