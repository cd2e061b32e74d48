/**
 * CSV as Bulk API 2.0 reads and writes it: a header row, the job's column delimiter and line ending, values
 * quoted when they hold a delimiter, a quote or a line break, quotes doubled inside quoted values, no
 * trimming. Parsing is strict, as the API's is: a stray quote or a line ending other than the job's fails
 * the whole upload with the API's message.
 */

export const COLUMN_DELIMITERS = {
  BACKQUOTE: '`',
  CARET: '^',
  COMMA: ',',
  PIPE: '|',
  SEMICOLON: ';',
  TAB: '\t',
} as const;

export type ColumnDelimiter = keyof typeof COLUMN_DELIMITERS;
export type LineEnding = 'LF' | 'CRLF';

/** A CSV the API refuses as a whole; `message` is the job's errorMessage. */
export class CsvError extends Error {
  override name = 'CsvError';
}

const unescapedQuote = (): CsvError =>
  new CsvError(
    'InvalidBatch : Failed to parse CSV. Found unescaped quote. A value with quote should be within a quote',
  );

const wrongLineEnding = (lineEnding: LineEnding): CsvError =>
  new CsvError(`ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is ${lineEnding}`);

/**
 * Rows of fields. Records end with the job's line ending; a carriage return before a line feed in an LF job,
 * or a bare line feed in a CRLF job, is refused as the API refuses it. Line breaks inside quoted values
 * are kept. A final line ending is optional; blank lines are skipped.
 */
export function parseCsv(text: string, delimiter: string, lineEnding: LineEnding): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  // A byte order mark is not skipped: the API reads it as part of the first value, and so does this.
  const n = text.length;
  const endRecord = (): void => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"') {
      // A quoted value (only whole values may be quoted) runs to the next quote that is not doubled.
      let end = i + 1;
      let value = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote < 0) throw unescapedQuote();
        value += text.slice(end, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          end = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') throw unescapedQuote();
      field = value;
      if (next === delimiter) {
        row.push(field);
        field = '';
        i++;
      }
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r') {
      if (lineEnding === 'LF' || text[i + 1] !== '\n') throw wrongLineEnding(lineEnding);
      endRecord();
      i += 2;
      continue;
    }
    if (ch === '\n') {
      if (lineEnding === 'CRLF') throw wrongLineEnding(lineEnding);
      endRecord();
      i++;
      continue;
    }
    // Plain run of characters up to the next special one.
    let end = i + 1;
    while (end < n) {
      const c = text[end];
      if (c === delimiter || c === '\n' || c === '\r') break;
      if (c === '"') throw unescapedQuote();
      end++;
    }
    field += text.slice(i, end);
    i = end;
  }
  if (field !== '' || row.length > 0) endRecord();
  return rows;
}

/** One CSV value, always quoted: results are read by clients that accept every Bulk delimiter at once. */
export const csvValue = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** One CSV line (without its line ending). */
export const csvLine = (values: string[], delimiter: string): string => values.map(csvValue).join(delimiter);

export const lineBreak = (lineEnding: LineEnding): string => (lineEnding === 'CRLF' ? '\r\n' : '\n');
