/**
 * The order in which the local org works on Bulk API jobs: one step per turn, always of the job with the
 * least work left (the first started among equals), so jobs end one after another instead of all together.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { JobRunner } from '../../packages/localorg/bulk/jobs';
import {
  createJob,
  csvRows,
  jobPath,
  killHard,
  patchJob,
  startOrgProcess,
  uploadCsv,
  waitForJob,
  type OrgProcess,
} from '../support/bulk';
import { API_VERSION, rawRequest } from '../support/localorg';

/** A job of `steps` steps that logs each one as `name`. */
function countedJob(log: string[], name: string, steps: number): { step: () => boolean; remaining: () => number } {
  let left = steps;
  return {
    step: () => {
      log.push(name);
      left--;
      return left > 0;
    },
    remaining: () => left,
  };
}

/** A step that logs itself as `name`, then throws `message`. */
const brokenStep =
  (log: string[], name: string, message: string): (() => boolean) =>
  () => {
    log.push(name);
    throw new Error(message);
  };

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('JobRunner', () => {
  it('steps the job with the least work left, and the first started among equals', async () => {
    const runner = new JobRunner();
    const log: string[] = [];
    const fail = (error: unknown): never => {
      throw error;
    };
    const first = countedJob(log, 'first', 3);
    const second = countedJob(log, 'second', 3);
    const small = countedJob(log, 'small', 1);
    runner.run(first.step, fail, first.remaining);
    runner.run(second.step, fail, second.remaining);
    runner.run(small.step, fail, small.remaining);
    await settle();
    expect(log).toEqual(['small', 'first', 'first', 'first', 'second', 'second', 'second']);
    runner.close();
  });

  it('hands a failing step to its own handler and goes on with the other jobs', async () => {
    const runner = new JobRunner();
    const log: string[] = [];
    const errors: unknown[] = [];
    const other = countedJob(log, 'other', 2);
    runner.run(
      brokenStep(log, 'broken', 'boom'),
      (error) => errors.push(error),
      () => 1,
    );
    runner.run(other.step, (error) => errors.push(error), other.remaining);
    await settle();
    expect(log).toEqual(['broken', 'other', 'other']);
    expect(errors).toEqual([new Error('boom')]);
    runner.close();
  });

  it('steps first a job that cannot say how much work it has left, and its step reports the error', async () => {
    const runner = new JobRunner();
    const log: string[] = [];
    const errors: unknown[] = [];
    const other = countedJob(log, 'other', 1);
    runner.run(other.step, (error) => errors.push(error), other.remaining);
    runner.run(
      brokenStep(log, 'unreadable', 'no such table'),
      (error) => errors.push(error),
      () => {
        throw new Error('no such table');
      },
    );
    await settle();
    expect(log).toEqual(['unreadable', 'other']);
    expect(errors).toEqual([new Error('no such table')]);
    runner.close();
  });

  it('runs nothing more once closed', async () => {
    const runner = new JobRunner();
    const log: string[] = [];
    const job = countedJob(log, 'job', 5);
    runner.run(job.step, () => undefined, job.remaining);
    runner.close();
    runner.run(job.step, () => undefined, job.remaining);
    await settle();
    expect(log).toEqual([]);
  });
});

describe('two ingest jobs closed together', () => {
  // The org in a process of its own, as a client meets it: in this process the test's requests would wait
  // for the org's turns, and the second job would only be closed once the first had ended anyway.
  let dataDir: string;
  let org: OrgProcess | undefined;
  let conn: Connection;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pap-bulk-runner-'));
    org = await startOrgProcess(dataDir);
    conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });
  }, 60_000);
  afterAll(async () => {
    if (org) await killHard(org.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are written one after the other: every record of the first job has a lower Id than the second job’s', async () => {
    // Five internal batches each (four of 10,000 rows, then one): taking the jobs in turn would interleave them
    // even when the second is closed only after the first has written a few batches.
    const rows = 40_001;
    const csv = (tag: string): string =>
      ['Name', ...Array.from({ length: rows }, (_, i) => `Runner ${tag} ${i}`)].join('\n').concat('\n');
    const ids: string[] = [];
    for (const tag of ['A', 'B']) {
      const id = await createJob(conn, 'ingest', { object: 'Account', operation: 'insert' });
      expect((await uploadCsv(conn, id, csv(tag))).status).toBe(201);
      ids.push(id);
    }
    for (const id of ids) expect((await patchJob(conn, 'ingest', id, 'UploadComplete')).status).toBe(200);
    const recordIds: string[][] = [];
    for (const id of ids) {
      expect(await waitForJob(conn, 'ingest', id, ['JobComplete', 'Failed'], 60_000)).toMatchObject({
        state: 'JobComplete',
        numberRecordsProcessed: rows,
        numberRecordsFailed: 0,
      });
      const written = csvRows((await rawRequest(conn, 'GET', jobPath('ingest', id, 'successfulResults'))).body);
      // An Id's first 15 characters count up in base 62, whose digits sort as ASCII does.
      recordIds.push(written.map((line) => line.slice(1, 16)).sort());
    }
    const [first, second] = recordIds;
    expect(first).toHaveLength(rows);
    expect(second).toHaveLength(rows);
    expect(first[first.length - 1] < second[0]).toBe(true);
  }, 120_000);
});
