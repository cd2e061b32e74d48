/**
 * The seed loads two chunks of partners at once, and reads the keys its records already have once per object:
 * the pipeline's limits and failure handling, and the requests a multi-chunk seed makes.
 */
import { inPipeline, runSeed } from '../../packages/jobs/seed';
import { generateDataset } from '../../packages/jobs/seed/generate';
import { parseScale } from '../../packages/jobs/seed/scales';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { quietProgress, scriptSession } from '../support/scripts';

const AS_OF = '2026-11-25';

/** A promise settled from outside, for work whose end the test decides. */
function gate(): { promise: Promise<void>; open: () => void; fail: (error: Error) => void } {
  let open = (): void => undefined;
  let fail = (_error: Error): void => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('inPipeline', () => {
  it('runs at most `width` items at once, numbered from 1, and takes an item only when there is room', async () => {
    const gates = [gate(), gate(), gate(), gate()];
    const taken: number[] = [];
    function* items(): Generator<number> {
      for (let i = 0; i < gates.length; i++) {
        taken.push(i);
        yield i;
      }
    }
    const started: [number, number][] = [];
    const finished = inPipeline(items(), 2, async (item, number) => {
      started.push([item, number]);
      await gates[item].promise;
    });
    await flush();
    expect(started).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(taken).toEqual([0, 1]);
    gates[1].open();
    await flush();
    expect(started.map(([item]) => item)).toEqual([0, 1, 2]);
    expect(taken).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    gates[3].open();
    await finished;
    expect(started).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });

  it('lets the work in flight finish after a failure, starts no more, then throws the first error', async () => {
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const ended: number[] = [];
    const finished = inPipeline([0, 1, 2], 2, async (item) => {
      started.push(item);
      await gates[item].promise;
      ended.push(item);
    });
    let settled = false;
    finished.then(
      () => (settled = true),
      () => (settled = true),
    );
    await flush();
    gates[0].fail(new Error('job failed'));
    await flush();
    // Item 1 is still writing: the pipeline waits for it rather than returning while it runs.
    expect(settled).toBe(false);
    gates[1].open();
    await expect(finished).rejects.toThrow('job failed');
    expect(started).toEqual([0, 1]);
    expect(ended).toEqual([1]);
  });

  it('does nothing for no items', async () => {
    const work = jest.fn(async () => undefined);
    await inPipeline([], 2, work);
    expect(work).not.toHaveBeenCalled();
  });
});

describe('a seed of several chunks', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg();
  });
  afterAll(() => t.close());

  it('reads the existing keys of each object once, however many chunks write it', async () => {
    const session = await scriptSession(t);
    const queries: string[] = [];
    const request = session.conn.request.bind(session.conn);
    session.conn.request = ((info: Parameters<typeof request>[0], options?: Parameters<typeof request>[1]) => {
      const url = typeof info === 'string' ? info : info.url;
      const soql = /[?&]q=([^&]*)/.exec(url)?.[1];
      if (soql) queries.push(decodeURIComponent(soql));
      return request(info, options);
    }) as typeof session.conn.request;
    const run = { scale: parseScale('small'), seed: 42, asOf: AS_OF, partnersPerChunk: 2, progress: quietProgress() };
    const report = await runSeed(session, run);
    expect(report.failures).toEqual([]);
    const keyReads = queries.filter((q) => /WHERE External_Key__c LIKE /.test(q)).map((q) => q.split(' FROM ')[1]);
    // Fund requests (master-detail, so create-only) are written by several chunks, yet their keys are read once.
    const chunksWithRequests = [
      ...generateDataset({ seed: 42, scale: run.scale, asOf: AS_OF, fiscalYearStartMonth: 1 }).chunks(2),
    ].filter((c) => c.programme.some((l) => l.sobject === 'Fund_Request__c' && l.records.length > 0));
    expect(chunksWithRequests.length).toBeGreaterThan(1);
    expect(keyReads.filter((q) => q.startsWith('Fund_Request__c '))).toHaveLength(1);
    expect(new Set(keyReads).size).toBe(keyReads.length);
  }, 120_000);
});
