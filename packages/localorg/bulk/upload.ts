/**
 * A Bulk API 2.0 ingest upload received as it arrives: the text is checked and parsed a piece at a time, and
 * the records each piece completes are stored at once as a part of the upload, with the rows it holds, so
 * only a record still arriving is held in memory, whatever the upload's size. The parts are the upload's
 * text exactly: processing and results parse the rows back from them, a job aborted before it runs is
 * returned as uploaded (unprocessedrecords), and so is an upload that does not parse: from its first error
 * on, the text is kept as it comes, and the job fails with the API's message at UploadComplete. Line endings
 * are checked through the whole upload, as the API checks them before it parses: a wrong line ending is the
 * error reported even after a parse error earlier in the text.
 */
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { ClientGone } from '../http';
import { SalesforceError } from '../errors';
import { COLUMN_DELIMITERS, CsvError, CsvStream, LineEndingError } from './csv';
import type { BulkData, JobRecord } from './data';

/**
 * The most an upload may hold: the API takes up to 150 MB once base64-encoded, which it says means about
 * 100 MB of CSV.
 */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/**
 * Characters of upload text per stored piece at most (but for a longer record): about what one read of the
 * request delivers, so the text is stored as it arrives (pieces gathered up to 1 MB outlived young-generation
 * collections, and a large upload left tens of MB of old-generation garbage behind), and a row read back
 * parses no more than this.
 */
export const PART_CHARS = 64 * 1024;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

export const uploadTooLarge = (): SalesforceError =>
  new SalesforceError(
    413,
    'EXCEEDED_MAX_SIZE_REQUEST',
    'The size of the request body exceeded 100 MB (150 MB of base64-encoded content).',
  );

export class UploadReceiver {
  private header: string[] | undefined;
  /** Data rows parsed so far. */
  private rows = 0;
  private error: CsvError | undefined;
  /** Text received after the first error, not yet stored. */
  private raw = '';
  private parts = 0;
  private readonly csv: CsvStream;

  constructor(
    private readonly data: BulkData,
    private readonly job: JobRecord,
  ) {
    data.discardUpload(job.id);
    this.csv = new CsvStream(COLUMN_DELIMITERS[job.columnDelimiter], job.lineEnding, (rows, text) =>
      this.add(rows, text),
    );
  }

  /** The next piece of the upload's text. */
  write(text: string): void {
    for (let from = 0; from < text.length;) {
      let to = Math.min(from + PART_CHARS, text.length);
      // A surrogate pair stays in one piece: pieces are stored as UTF-8, where half a pair has no encoding.
      if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to++;
      this.writePiece(text.slice(from, to));
      from = to;
    }
  }

  /** The whole upload has arrived: its header, row count and any error are recorded on the job. */
  finish(): Pick<JobRecord, 'header' | 'rowCount' | 'uploadError'> {
    if (!(this.error instanceof LineEndingError)) {
      try {
        if (this.error) this.csv.checkEnd();
        else this.csv.end();
      } catch (error) {
        this.failWith(error);
      }
    }
    this.storeRaw();
    const result = {
      header: this.header ?? [],
      rowCount: this.error ? 0 : this.rows,
      uploadError: this.error?.message ?? null,
    };
    this.data.finishUpload(this.job.id, result.header, result.rowCount, result.uploadError);
    // The job was deleted while its data arrived: nothing of it may stay.
    if (!this.data.job(this.job.id)) this.data.discardUpload(this.job.id);
    return result;
  }

  /** The upload did not finish (the client left, or it was too large): nothing of it is kept. */
  abandon(): void {
    this.data.discardUpload(this.job.id);
  }

  /** Parsed and stored as records complete, or, after an error, kept as it comes and checked for line endings only. */
  private writePiece(text: string): void {
    try {
      if (!this.error) return this.csv.write(text);
      this.keepRaw(text);
      if (!(this.error instanceof LineEndingError)) this.csv.scan(text);
    } catch (error) {
      this.failWith(error);
    }
  }

  /** Records the stream completed, with their text: checked against the header, then stored as one part. */
  private add(rows: string[][], text: string): void {
    const firstRow = this.header === undefined ? -1 : this.rows;
    if (this.header === undefined && rows.length > 0) this.header = rows[0];
    const data = firstRow === -1 ? rows.slice(1) : rows;
    const width = (this.header ?? []).length;
    data.forEach((row, i) => {
      if (row.length !== width) {
        throw new CsvError(
          `InvalidBatch : Failed to parse CSV. Row ${this.rows + i + 1} has ${row.length} values but the header has ${width} columns`,
        );
      }
    });
    this.data.addUploadPart(this.job.id, this.parts++, text, firstRow, rows.length);
    this.rows += data.length;
  }

  private keepRaw(text: string): void {
    this.raw += text;
    if (this.raw.length >= PART_CHARS) this.storeRaw();
  }

  private storeRaw(): void {
    if (this.raw === '') return;
    this.data.addUploadPart(this.job.id, this.parts++, this.raw, null, 0);
    this.raw = '';
  }

  /**
   * A malformed upload: it gives no rows (the parts stored so far are only text now), and from here on its
   * text is kept as it comes, beginning with what the stream held; a wrong line ending wins over a parse error.
   */
  private failWith(error: unknown): void {
    if (!(error instanceof CsvError)) throw error;
    if (!this.error) {
      this.data.forgetRows(this.job.id);
      this.keepRaw(this.csv.held());
    }
    if (!this.error || error instanceof LineEndingError) this.error = error;
  }
}

/**
 * Reads a request body into a receiver as it arrives, within the upload limit. Resolves once the upload is
 * stored; rejects with the API's error (nothing kept), or ClientGone when the client leaves.
 */
export function receiveUpload(req: IncomingMessage, receiver: UploadReceiver): Promise<void> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > MAX_UPLOAD_BYTES) return Promise.reject(uploadTooLarge());
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let size = 0;
    let settled = false;
    const stop = (error: unknown): void => {
      if (settled) return;
      settled = true;
      req.removeListener('data', onData);
      receiver.abandon();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) return stop(uploadTooLarge());
      try {
        receiver.write(decoder.write(chunk));
      } catch (error) {
        stop(error);
      }
    };
    req.on('data', onData);
    req.on('end', () => {
      if (settled) return;
      try {
        receiver.write(decoder.end());
        receiver.finish();
        settled = true;
        resolve();
      } catch (error) {
        stop(error);
      }
    });
    req.on('aborted', () => stop(new ClientGone()));
    req.on('error', stop);
  });
}
