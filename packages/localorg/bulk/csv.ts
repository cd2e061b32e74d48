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

/** A line ending other than the job's: the API checks them before parsing, so this error comes first. */
export class LineEndingError extends CsvError {}

const wrongLineEnding = (lineEnding: LineEnding): CsvError =>
  new LineEndingError(
    `ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is ${lineEnding}`,
  );

/**
 * The API checks line endings before parsing: outside quoted values, records end with the job's line ending
 * only (a carriage return in an LF job, or a bare line feed in a CRLF job, refuses the upload).
 */
function checkLineEndings(text: string, lineEnding: LineEnding): void {
  const stream = new CsvStream(',', lineEnding, () => undefined);
  stream.scan(text);
  stream.checkEnd();
}

const parseOptions = (delimiter: string, lineEnding: LineEnding) => ({
  delimiter,
  record_delimiter: lineBreak(lineEnding),
  skip_empty_lines: true,
  relax_column_count: true,
  // A byte order mark is not skipped: the API reads it as part of the first value.
  bom: false,
});

function parseRows(text: string, delimiter: string, lineEnding: LineEnding): string[][] {
  try {
    return parse(text, parseOptions(delimiter, lineEnding)) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (/QUOTE/.test(code)) throw unescapedQuote();
    throw new CsvError(`InvalidBatch : Failed to parse CSV. ${(error as Error).message}`);
  }
}

/**
 * Rows of fields, parsed by csv-parse with the job's delimiter and line ending. Line breaks inside quoted
 * values are kept, blank lines skipped, values never trimmed; rows may differ in length (the ingest reports
 * such a row as failed rather than refusing the upload).
 */
export function parseCsv(text: string, delimiter: string, lineEnding: LineEnding): string[][] {
  checkLineEndings(text, lineEnding);
  return parseRows(text, delimiter, lineEnding);
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The rows of upload text parseCsv (or CsvStream) has already accepted, read again without checking it: a
 * stored part of an upload, read when its rows are processed and again for results. The text is known to be
 * well formed (values unquoted, or quoted with quotes doubled; records ending with the job's line ending), so
 * this reads it several times faster than the parser, giving the same rows: blank lines skipped, values as
 * they are.
 */
export function readAcceptedRows(text: string, delimiter: string, lineEnding: LineEnding): string[][] {
  const rows: string[][] = [];
  const separator = delimiter.charCodeAt(0);
  const ending = lineEnding === 'CRLF' ? 2 : 1;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const row: string[] = [];
    let quoted = false;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        quoted = true;
        let value = '';
        for (let from = i + 1; ;) {
          const quote = text.indexOf('"', from);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
          } else {
            value += text.slice(from, quote);
            i = quote + 1;
            break;
          }
        }
        row.push(value);
      } else {
        let end = i;
        for (; end < length; end++) {
          const ch = text.charCodeAt(end);
          if (ch === separator || ch === LF || ch === CR) break;
        }
        row.push(text.slice(i, end));
        i = end;
      }
      if (text.charCodeAt(i) !== separator) break;
      i++;
    }
    i += ending;
    if (quoted || row.length > 1 || row[0] !== '') rows.push(row);
  }
  return rows;
}

/**
 * Text inside one quoted value beyond which the upload is parsed as it is: Salesforce allows 32,000 characters
 * per value, so only a quote left open (or a stray one) gets here, and the parser then names the error
 * instead of the rest of the upload being held.
 */
const MAX_OPEN_QUOTE = 1_000_000;

/**
 * parseCsv for text that arrives in pieces: each piece is checked for line endings as it comes, and the
 * records it completes (up to its last line ending outside quotes) are parsed at once and handed on with
 * their text (blank lines too, so the texts handed on are the whole upload), so only a record still arriving
 * is held. Throws CsvError as parseCsv does; the text not handed on is then `held()`.
 */
export class CsvStream {
  private carry = '';
  private quoted = false;
  /** A carriage return outside quotes, whose line feed (in a CRLF job) may be in the next piece. */
  private pendingReturn = false;
  private readonly crlf: boolean;

  constructor(
    private readonly delimiter: string,
    private readonly lineEnding: LineEnding,
    private readonly onRows: (rows: string[][], text: string) => void,
  ) {
    this.crlf = lineEnding === 'CRLF';
  }

  write(text: string): void {
    const start = this.carry.length;
    const buffer = this.carry + text;
    // Held whole until its records are handed on: an error leaves every byte not handed on here.
    this.carry = buffer;
    const end = this.scan(buffer, start);
    if (end > 0) {
      this.emit(buffer.slice(0, end));
      this.carry = buffer.slice(end);
    } else if (this.quoted && buffer.length > MAX_OPEN_QUOTE) {
      parseRows(buffer, this.delimiter, this.lineEnding);
      throw unescapedQuote();
    }
  }

  /** The upload is complete: the last record may lack its line ending. */
  end(): void {
    this.checkEnd();
    if (this.carry !== '') this.emit(this.carry);
    this.carry = '';
  }

  /** The text received and not handed on. */
  held(): string {
    return this.carry;
  }

  /** Checks line endings from `start`; returns the index after the last record ending outside quotes, or 0. */
  scan(text: string, start = 0): number {
    let boundary = 0;
    for (let i = start; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (this.pendingReturn) {
        this.pendingReturn = false;
        if (ch !== 10) throw wrongLineEnding(this.lineEnding);
        boundary = i + 1;
        continue;
      }
      if (ch === 34)
        this.quoted = !this.quoted; // a doubled quote toggles twice
      else if (this.quoted) continue;
      else if (ch === 13) {
        if (!this.crlf) throw wrongLineEnding(this.lineEnding);
        this.pendingReturn = true;
      } else if (ch === 10) {
        if (this.crlf) throw wrongLineEnding(this.lineEnding);
        boundary = i + 1;
      }
    }
    return boundary;
  }

  checkEnd(): void {
    if (this.pendingReturn) throw wrongLineEnding(this.lineEnding);
  }

  private emit(text: string): void {
    this.onRows(parseRows(text, this.delimiter, this.lineEnding), text);
  }
}

/** One CSV value, always quoted: results are read by clients that accept every Bulk delimiter at once. */
export const csvValue = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** One CSV line (without its line ending). */
export const csvLine = (values: string[], delimiter: string): string => values.map(csvValue).join(delimiter);

export const lineBreak = (lineEnding: LineEnding): string => (lineEnding === 'CRLF' ? '\r\n' : '\n');
