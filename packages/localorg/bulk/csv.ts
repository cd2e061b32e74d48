/**
 * CSV as Bulk API 2.0 reads and writes it: a header row, the job's column delimiter and line ending, values
 * quoted when they hold a delimiter, a quote or a line break, quotes doubled inside quoted values, no
 * trimming. Parsing is strict, as the API's is: a stray quote or a line ending other than the job's fails
 * the whole upload with the API's message.
 */
import { parse } from 'csv-parse/sync';

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
 * The API checks line endings before parsing: outside quoted values, records end with the job's line ending
 * only (a carriage return in an LF job, or a bare line feed in a CRLF job, refuses the upload).
 */
function checkLineEndings(text: string, lineEnding: LineEnding): void {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"')
      quoted = !quoted; // a doubled quote toggles twice
    else if (quoted) continue;
    else if (ch === '\r' && (lineEnding === 'LF' || text[i + 1] !== '\n')) throw wrongLineEnding(lineEnding);
    else if (ch === '\n' && lineEnding === 'CRLF' && text[i - 1] !== '\r') throw wrongLineEnding(lineEnding);
  }
}

/**
 * Rows of fields, parsed by csv-parse with the job's delimiter and line ending. Line breaks inside quoted
 * values are kept, blank lines skipped, values never trimmed; rows may differ in length (the ingest reports
 * such a row as failed rather than refusing the upload).
 */
export function parseCsv(text: string, delimiter: string, lineEnding: LineEnding): string[][] {
  checkLineEndings(text, lineEnding);
  try {
    return parse(text, {
      delimiter,
      record_delimiter: lineBreak(lineEnding),
      skip_empty_lines: true,
      relax_column_count: true,
      // A byte order mark is not skipped: the API reads it as part of the first value.
      bom: false,
    }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (/QUOTE/.test(code)) throw unescapedQuote();
    throw new CsvError(`InvalidBatch : Failed to parse CSV. ${(error as Error).message}`);
  }
}

/** One CSV value, always quoted: results are read by clients that accept every Bulk delimiter at once. */
export const csvValue = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** One CSV line (without its line ending). */
export const csvLine = (values: string[], delimiter: string): string => values.map(csvValue).join(delimiter);

export const lineBreak = (lineEnding: LineEnding): string => (lineEnding === 'CRLF' ? '\r\n' : '\n');
