/**
 * Bulk API 2.0 uploads read as they arrive: the CSV parsed piece by piece gives the rows the whole text gives
 * (and the same errors), stored text read back gives the parser's rows, a slow upload's rows reach the
 * database before it ends, a 50,000-row job completes with every result read back in pieces, a malformed
 * upload fails the job keeping none of its rows and is returned as sent, and an upload above the API's limit
 * is refused before it is read. Memory is measured by the benchmark.
 */
import { request } from 'node:http';
import { Random } from '../../packages/jobs/random';
import { CsvStream, parseCsv, readAcceptedRows, type LineEnding } from '../../packages/localorg/bulk/csv';
import { BulkData, type JobRecord } from '../../packages/localorg/bulk/data';
import { PART_CHARS, UploadReceiver } from '../../packages/localorg/bulk/upload';
import { createJob, csvRows, jobPath, load, patchJob, storedUpload, uploadCsv, waitForJob } from '../support/bulk';
import { LOCALORG_FIXTURE, rawRequest, startTestOrg, type RawResponse, type TestOrg } from '../support/localorg';

/** The rows a CSV gives when it arrives in `pieces`, or the error it fails with. */
function streamed(pieces: string[], delimiter = ',', lineEnding: LineEnding = 'LF'): string[][] | string {
  const rows: string[][] = [];
  const stream = new CsvStream(delimiter, lineEnding, (more) => rows.push(...more));
  try {
    for (const piece of pieces) stream.write(piece);
    stream.end();
  } catch (error) {
    return (error as Error).message;
  }
  return rows;
}

function whole(text: string, delimiter = ',', lineEnding: LineEnding = 'LF'): string[][] | string {
  try {
    return parseCsv(text, delimiter, lineEnding);
  } catch (error) {
    return (error as Error).message;
  }
}

describe('reading accepted text back', () => {
  it('gives the rows the parser gives, for every random text the parser accepts', () => {
    // Pieces that make quoted values, doubled quotes, blank lines, both line endings and stray characters.
    const pieces = ['a', 'b', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '\uFEFF', '\t'];
    const random = new Random(21);
    let accepted = 0;
    for (let k = 0; k < 20_000; k++) {
      const text = Array.from({ length: random.int(0, 13) }, () => random.pick(pieces)).join('');
      for (const [delimiter, lineEnding] of [
        [',', 'LF'],
        [';', 'CRLF'],
        ['\t', 'LF'],
      ] as [string, LineEnding][]) {
        const expected = whole(text, delimiter, lineEnding);
        if (typeof expected === 'string') continue;
        accepted++;
        expect([text, readAcceptedRows(text, delimiter, lineEnding)]).toEqual([text, expected]);
      }
    }
    expect(accepted).toBeGreaterThan(10_000);
  });
});

describe('parsing an upload piece by piece', () => {
  const samples: [string, string, LineEnding][] = [
    ['quoted delimiters, quotes and line breaks', 'Name,Note\n"A, Inc","say ""hi""\nthere"\nB,\n\nC,last', 'LF'],
    ['CRLF records with a CRLF inside a value', 'Name|Note\r\n"x\r\ny"|2\r\nz|3\r\n', 'CRLF'],
    ['a stray quote', 'Name,Note\nAcme "Best",X\nB,2\n', 'LF'],
    ['a carriage return in an LF job', 'Name\r\nAcme\r\n', 'LF'],
    ['a bare line feed in a CRLF job', 'Name\r\nA\nB\r\n', 'CRLF'],
    ['a carriage return ending a CRLF upload', 'Name\r\nA\r', 'CRLF'],
  ];

  it.each(samples)('gives what the whole text gives, split anywhere: %s', (_what, text, lineEnding) => {
    const delimiter = text.includes('|') ? '|' : ',';
    const expected = whole(text, delimiter, lineEnding);
    for (let at = 0; at <= text.length; at++) {
      expect(streamed([text.slice(0, at), text.slice(at)], delimiter, lineEnding)).toEqual(expected);
    }
    expect(streamed([...text], delimiter, lineEnding)).toEqual(expected);
  });

  it('hands rows on as soon as their record ends, holding only the record still arriving', () => {
    const batches: string[][][] = [];
    const stream = new CsvStream(',', 'LF', (rows) => batches.push(rows));
    stream.write('Name\nA\nB');
    expect(batches).toEqual([[['Name'], ['A']]]);
    stream.write('\n"C\n');
    expect(batches).toHaveLength(2);
    stream.write('D"\n');
    stream.end();
    expect(batches.flat()).toEqual([['Name'], ['A'], ['B'], ['C\nD']]);
  });
});

let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
});
afterAll(() => t.close());

const stagedRows = (job: string): number => storedUpload(t.org.storage.db, job).rows;
const accounts = async (like: string): Promise<number> =>
  (await t.conn.query(`SELECT COUNT() FROM Account WHERE Name LIKE '${like}'`)).totalSize;

/** A PUT of a job's upload whose body the test writes piece by piece. */
function slowUpload(job: string): { write: (text: string) => void; end: () => Promise<RawResponse> } {
  const url = new URL(`${t.conn.instanceUrl}${jobPath('ingest', job, 'batches')}`);
  const req = request(url, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${t.conn.accessToken}`, 'Content-Type': 'text/csv' },
  });
  const answer = new Promise<RawResponse>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers as Record<string, string>,
          body: text === '' ? undefined : JSON.parse(text),
        }),
      );
    });
    req.on('error', reject);
  });
  return {
    write: (text) => req.write(text),
    end: () => {
      req.end();
      return answer;
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('uploads read as they arrive', () => {
  it('stores the rows of an upload before it ends; a second upload or UploadComplete waits for it', async () => {
    const id = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    const upload = slowUpload(id);
    upload.write('Name,Description\nSlow 1,first\nSlow 2,sec');
    await until(() => stagedRows(id) === 1);

    const second = await uploadCsv(t.conn, id, 'Name\nOther\n');
    expect(second.status).toBe(400);
    expect(second.body).toEqual([expect.objectContaining({ errorCode: 'BULK_API_ERROR' })]);
    const early = await patchJob(t.conn, 'ingest', id, 'UploadComplete');
    expect(early.status).toBe(400);
    expect(early.body).toEqual([
      { errorCode: 'INVALIDJOBSTATE', message: `Job ${id} is still receiving its data`, fields: [] },
    ]);

    upload.write('ond\nSlow 3,third\n');
    expect((await upload.end()).status).toBe(201);
    expect(stagedRows(id)).toBe(3);
    expect((await patchJob(t.conn, 'ingest', id, 'UploadComplete')).status).toBe(200);
    expect(await waitForJob(t.conn, 'ingest', id, ['JobComplete', 'Failed'])).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 3,
      numberRecordsFailed: 0,
    });
    const rows = await t.conn.query<{ Description: string }>(
      "SELECT Description FROM Account WHERE Name LIKE 'Slow %' ORDER BY Name",
    );
    expect(rows.records.map((r) => r.Description)).toEqual(['first', 'second', 'third']);
  });

  it('writes a 50,000-row upload and returns every result, read back in pieces', async () => {
    const total = 50_000;
    const fails = (i: number): boolean => i % 10 === 9;
    const csv = [
      'Name,Description',
      ...Array.from({ length: total }, (_, i) => `${fails(i) ? '' : `Big ${i}`},row ${i}`),
    ]
      .join('\n')
      .concat('\n');
    const id = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    expect((await uploadCsv(t.conn, id, csv)).status).toBe(201);
    expect((await patchJob(t.conn, 'ingest', id, 'UploadComplete')).status).toBe(200);
    expect(await waitForJob(t.conn, 'ingest', id, ['JobComplete', 'Failed'], 150_000)).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: total,
      numberRecordsFailed: total / 10,
    });

    const results = (sub: string) => rawRequest(t.conn, 'GET', jobPath('ingest', id, sub));
    const successful = await results('successfulResults');
    expect(successful.headers['transfer-encoding']).toBe('chunked');
    const written = csvRows(successful.body);
    expect(written).toHaveLength(total - total / 10);
    expect(written[0]).toMatch(/^"001\w{15}","true","Big 0","row 0"$/);
    expect(written[written.length - 1]).toMatch(
      new RegExp(`^"001\\w{15}","true","Big ${total - 2}","row ${total - 2}"$`),
    );
    expect(new Set(written.map((line) => line.slice(0, 20))).size).toBe(written.length);
    const failed = csvRows((await results('failedResults')).body);
    expect(failed).toHaveLength(total / 10);
    expect(failed.every((line) => line.includes('REQUIRED_FIELD_MISSING'))).toBe(true);
    expect((await results('unprocessedrecords')).body).toBe('"Name","Description"\n');
    expect(await accounts('Big %')).toBe(total - total / 10);
  }, 240_000);

  it('upserts a key given twice in one job as a create, then an update of that record', async () => {
    const { successfulResults, failedResults } = await load(
      t.conn,
      'Account',
      'upsert',
      'External_Key__c,Name\nTWICE-1,Twice first\ntwice-1,Twice second\nTWICE-2,Twice other\n',
      'External_Key__c',
    );
    expect(failedResults).toEqual([]);
    expect(successfulResults.map((r) => [r.Name, r.sf__Created])).toEqual([
      ['Twice first', 'true'],
      ['Twice second', 'false'],
      ['Twice other', 'true'],
    ]);
    expect(successfulResults[1].sf__Id).toBe(successfulResults[0].sf__Id);
    const rows = await t.conn.query<{ Name: string }>(
      "SELECT Name FROM Account WHERE Name LIKE 'Twice %' ORDER BY Name",
    );
    expect(rows.records.map((r) => r.Name)).toEqual(['Twice other', 'Twice second']);
  });
});

describe('uploads refused as a whole', () => {
  const good = (n: number, from = 0): string[] =>
    Array.from({ length: n }, (_, i) => `Mid ${from + i},row ${from + i}`);

  it('fails the job on a stray quote far into the upload, keeping none of its rows, and returns it as uploaded', async () => {
    const csv = ['Name,Description', ...good(20_000), 'Acme "Best",X', ...good(100, 20_000)].join('\n').concat('\n');
    const id = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    expect((await uploadCsv(t.conn, id, csv)).status).toBe(201);
    expect(stagedRows(id)).toBe(0);
    await patchJob(t.conn, 'ingest', id, 'UploadComplete');
    expect(await waitForJob(t.conn, 'ingest', id, ['JobComplete', 'Failed'])).toMatchObject({
      state: 'Failed',
      errorMessage:
        'InvalidBatch : Failed to parse CSV. Found unescaped quote. A value with quote should be within a quote',
      numberRecordsProcessed: 0,
    });
    expect(await accounts('Mid %')).toBe(0);
    expect((await rawRequest(t.conn, 'GET', jobPath('ingest', id, 'unprocessedrecords'))).body).toBe(csv);
  });

  it('reports a wrong line ending after a parse error, as the API checks line endings first', async () => {
    const csv = ['Name,Description', 'Acme "Best",X', ...good(20_000)].join('\n').concat('\r\nLast,row\n');
    const id = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    expect((await uploadCsv(t.conn, id, csv)).status).toBe(201);
    await patchJob(t.conn, 'ingest', id, 'UploadComplete');
    expect(await waitForJob(t.conn, 'ingest', id, ['JobComplete', 'Failed'])).toMatchObject({
      state: 'Failed',
      errorMessage: 'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF',
    });
  });

  it('returns a malformed upload given whole as uploaded, a character split by no piece boundary', async () => {
    const id = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    const head = 'Name\nAcme "Best"\n';
    // The emoji's first half is the last character of the first stored piece, unless the piece takes both.
    const csv = `${head}${'x'.repeat(PART_CHARS - 1 - head.length)}\u{1F600}\nMore\n`;
    const data = new BulkData(t.org.storage);
    const receiver = new UploadReceiver(data, data.job(id) as JobRecord);
    receiver.write(csv);
    receiver.finish();
    await patchJob(t.conn, 'ingest', id, 'UploadComplete');
    expect(await waitForJob(t.conn, 'ingest', id, ['JobComplete', 'Failed'])).toMatchObject({ state: 'Failed' });
    expect((await rawRequest(t.conn, 'GET', jobPath('ingest', id, 'unprocessedrecords'))).body).toBe(csv);
  });

  it('refuses an upload declared above 100 MB before reading it; the job still takes its upload', async () => {
    const id = await createJob(t.conn, 'ingest', { object: 'Account', operation: 'insert' });
    const url = new URL(`${t.conn.instanceUrl}${jobPath('ingest', id, 'batches')}`);
    const refused = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const req = request(url, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${t.conn.accessToken}`,
          'Content-Type': 'text/csv',
          'Content-Length': String(100 * 1024 * 1024 + 1),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        });
      });
      req.on('error', reject);
      req.write('Name\n');
    });
    expect(refused).toEqual({
      status: 413,
      body: [
        {
          errorCode: 'EXCEEDED_MAX_SIZE_REQUEST',
          message: 'The size of the request body exceeded 100 MB (150 MB of base64-encoded content).',
          fields: [],
        },
      ],
    });
    expect((await uploadCsv(t.conn, id, 'Name\nAfter Refusal\n')).status).toBe(201);
    await patchJob(t.conn, 'ingest', id, 'UploadComplete');
    expect(await waitForJob(t.conn, 'ingest', id, ['JobComplete', 'Failed'])).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 1,
    });
  });
});
