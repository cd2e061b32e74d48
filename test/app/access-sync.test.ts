/**
 * The local app's plan access schedule (packages/app/access-sync.ts): runs never overlap (a background tick
 * while a run is going is skipped; an on-demand run waits and then runs afresh), failures are logged and the
 * schedule goes on, and stop() waits for the run in progress. The access job itself is a stand-in here; the
 * app server test runs the real one.
 */
import type { AccessReport } from '../../packages/jobs';
import { emptyAccessReport } from '../../packages/jobs/access/types';
import { AccessSync } from '../../packages/app/access-sync';

/** A report of a run that changed `inserted` shares (one of them a partner share) and failed `failed` ones. */
function report(inserted = 0, failed = 0): AccessReport {
  const result = emptyAccessReport(false);
  result.inserted = Math.max(0, inserted - 1);
  result.partner.inserted = Math.min(1, inserted);
  result.failures = Array.from({ length: failed }, () => ({
    sobject: 'Partner_Account_Plan__Share',
    record: 'plan a0X user 005',
    errorCode: 'FIELD_INTEGRITY_EXCEPTION',
    message: 'Share row refused',
    fields: [],
  }));
  return result;
}

/** A stand-in access job whose runs finish when the test says, counting runs and the most at once. */
class FakeJob {
  started = 0;
  running = 0;
  mostAtOnce = 0;
  private finishers: ((result: AccessReport | Error) => void)[] = [];

  run = (): Promise<AccessReport> => {
    this.started++;
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    return new Promise<AccessReport>((resolve, reject) => {
      this.finishers.push((result) => {
        this.running--;
        if (result instanceof Error) reject(result);
        else resolve(result);
      });
    });
  };

  /** Ends the oldest run still going. */
  finish(result: AccessReport | Error = report()): void {
    const finisher = this.finishers.shift();
    if (!finisher) throw new Error('no run is going');
    finisher(result);
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

it('skips a background tick while a run is going, and ticks again once it has finished', async () => {
  const job = new FakeJob();
  const sync = new AccessSync({ intervalSeconds: 0, run: job.run, log: () => undefined });
  const first = sync.tick();
  await settle();
  await sync.tick();
  expect(job.started).toBe(1);
  expect(sync.skipped).toBe(1);
  job.finish();
  await first;
  const second = sync.tick();
  await settle();
  expect(job.started).toBe(2);
  job.finish();
  await second;
});

it('runs an on-demand sync after the one going, never beside it, so it reads the latest plans', async () => {
  const job = new FakeJob();
  const sync = new AccessSync({ intervalSeconds: 0, run: job.run, log: () => undefined });
  void sync.tick();
  await settle();
  const demanded = sync.runNow('before rollup');
  await settle();
  // The background run is still going: the on-demand one waits instead of running beside it or reusing it.
  expect(job.started).toBe(1);
  job.finish(report(0));
  await settle();
  expect(job.started).toBe(2);
  expect(job.mostAtOnce).toBe(1);
  job.finish(report(3));
  await expect(demanded).resolves.toEqual({
    inserted: 3,
    updated: 0,
    deleted: 0,
    partner: { inserted: 1, updated: 0, deleted: 0 },
    failures: 0,
  });
});

it('logs a failed run and a run with failed shares; the schedule goes on after a failure', async () => {
  const job = new FakeJob();
  const lines: string[] = [];
  const sync = new AccessSync({ intervalSeconds: 0, run: job.run, log: (line) => lines.push(line) });
  const failing = sync.tick();
  await settle();
  job.finish(new Error('The local org does not answer'));
  await expect(failing).resolves.toBeUndefined();
  expect(lines).toEqual(['Plan access sync (scheduled) failed: The local org does not answer']);

  const demanded = sync.runNow('before rollup');
  await settle();
  job.finish(report(1, 2));
  await expect(demanded).resolves.toEqual(expect.objectContaining({ inserted: 1, failures: 2 }));
  expect(lines.slice(1)).toEqual([
    'Plan access sync (before rollup): 2 share(s) failed, the first: Share row refused',
    'Plan access sync (before rollup): 1 share(s) added, 0 changed, 0 removed (partner users: 1 added, 0 changed, 0 removed)',
  ]);

  const failedOnDemand = sync.runNow('before rollup');
  await settle();
  job.finish(new Error('INSUFFICIENT_ACCESS_OR_READONLY'));
  await expect(failedOnDemand).resolves.toEqual(
    expect.objectContaining({ error: 'INSUFFICIENT_ACCESS_OR_READONLY', inserted: 0 }),
  );
});

it('runs on its interval with never two runs at once, and stop() waits for the run going', async () => {
  let started = 0;
  let running = 0;
  let mostAtOnce = 0;
  let finished = 0;
  // Each run takes longer than the 20 ms interval: ticks meanwhile are skipped.
  const run = async (): Promise<AccessReport> => {
    started++;
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((resolve) => setTimeout(resolve, 70));
    running--;
    finished++;
    return report();
  };
  const sync = new AccessSync({ intervalSeconds: 0.02, run, log: () => undefined });
  sync.start();
  await new Promise((resolve) => setTimeout(resolve, 400));
  await sync.stop();
  expect(started).toBeGreaterThanOrEqual(2);
  expect(mostAtOnce).toBe(1);
  expect(sync.skipped).toBeGreaterThan(0);
  expect(finished).toBe(started);
  const afterStop = started;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(started).toBe(afterStop);
});

it('has no background schedule at an interval of 0', async () => {
  const job = new FakeJob();
  const sync = new AccessSync({ intervalSeconds: 0, run: job.run, log: () => undefined });
  sync.start();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(job.started).toBe(0);
  await sync.stop();
});
