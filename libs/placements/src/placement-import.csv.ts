/** Thrown by `plainCsvRecords` when the file has something only csv-parse should judge. */
export class NotPlainCsv extends Error {}

const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * The records of a plain CSV file, as csv-parse reads it with the import's options (`bom`,
 * `skip_empty_lines`, `relax_column_count`; cells are trimmed by the caller, as with `trim`), about
 * ten times faster. "Plain": every line ends the same way (CRLF throughout or LF throughout), and a
 * quoted cell starts right at its comma, ends right before the next one (or the line's end), and
 * holds no line break. Anything else (stray quotes, blanks around quotes, mixed line ends, a line
 * of only blanks, an unterminated quote) throws NotPlainCsv before or while yielding, so the caller
 * starts again with csv-parse, which accepts or refuses the file with its own messages.
 */
export function* plainCsvRecords(text: string): Generator<string[]> {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const crlf = text.includes('\r');
  const eol = crlf ? '\r\n' : '\n';
  const n = text.length;
  while (at < n) {
    let end = text.indexOf(eol, at);
    if (end < 0) end = n;
    if (end === at) {
      at += eol.length; // an empty line: skipped, not a record
      continue;
    }
    const line = text.slice(at, end);
    if (crlf ? line.includes('\n') || line.includes('\r') : false) throw new NotPlainCsv('mixed line ends');
    if (line.trim() === '') throw new NotPlainCsv('a line of blanks');
    if (!line.includes('"')) {
      yield line.split(',');
    } else {
      yield quotedFields(line);
    }
    at = end + eol.length;
  }
}

/** One line holding quoted cells (none with a line break: the line is the whole record). */
function quotedFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q < 0) throw new NotPlainCsv('a quote left open');
        if (line.charCodeAt(q + 1) === QUOTE) {
          value += line.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += line.slice(from, q);
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i >= line.length) return fields;
      if (line.charCodeAt(i) !== COMMA) throw new NotPlainCsv('text after a closing quote');
      i += 1;
      if (i >= line.length) {
        fields.push('');
        return fields;
      }
    } else {
      let comma = line.indexOf(',', i);
      if (comma < 0) comma = line.length;
      const value = line.slice(i, comma);
      if (value.includes('"')) throw new NotPlainCsv('a quote inside a cell');
      fields.push(value);
      if (comma >= line.length) return fields;
      i = comma + 1;
      if (i >= line.length) {
        fields.push('');
        return fields;
      }
    }
  }
}
