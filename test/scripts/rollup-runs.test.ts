/**
 * The rollup's run history through jsforce against a local org: each run writes its Rollup_Run__c with its
 * counts and failing metrics; `since: 'last'` runs incrementally from the last success when it measured pace
 * on the same day; a Running record younger than the timeout keeps a second process out; the scheduler never
 * runs twice at once and, stopped, abandons and marks its run; the real script stops on SIGTERM with exit 0.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { REPO_ROOT } from '../../packages/model';
import { runRollup } from '../../packages/jobs/rollup/engine';
import { RollupBusyError, runRecordedRollup, type RecordedRollupOptions } from '../../packages/jobs/rollup/recorded';
import { runSchedule } from '../../packages/jobs/rollup/schedule';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { countOf, scriptSession } from '../support/scripts';

// Starting an org and the real script takes seconds, more on a busy machine.
jest.setTimeout(60_000);

const AS_OF = '2026-05-15';
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

const options = (extra: Partial<RecordedRollupOptions> = {}): RecordedRollupOptions => ({
  asOf: AS_OF,
  dryRun: false,
  now: '2026-05-15T12:00:00.000Z',
  triggeredBy: 'Manual',
  ...extra,
});

interface RunRow {
  Id: string;
  Name: string;
  Status__c: string;
  Mode__c: string;
  Triggered_By__c: string;
  Started_At__c: string;
  Finished_At__c: string | null;
  As_Of__c: string;
  Since__c: string | null;
  Targets_Computed__c: number;
  Records_Written__c: number;
  Records_Unchanged__c: number;
  Requests__c: number;
  Failures__c: number;
  Failed_Metrics__c: string | null;
  Error_Message__c: string | null;
}

const RUN_FIELDS =
  'Id, Name, Status__c, Mode__c, Triggered_By__c, Started_At__c, Finished_At__c, As_Of__c, Since__c, Targets_Computed__c, ' +
  'Records_Written__c, Records_Unchanged__c, Requests__c, Failures__c, Failed_Metrics__c, Error_Message__c';

async function runRecord(conn: Connection, id: string | undefined): Promise<RunRow> {
  const result = await conn.query<RunRow>(`SELECT ${RUN_FIELDS} FROM Rollup_Run__c WHERE Id = '${id}'`);
  expect(result.records).toHaveLength(1);
  return result.records[0];
}

async function create(conn: Connection, sobject: string, fields: Record<string, unknown>): Promise<string> {
  const result = await conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}

/** A partner with a plan, two targets on a real metric and one won deal: the first run writes figures. */
async function build(conn: Connection): Promise<{ partner: string; section: string }> {
  const partner = await create(conn, 'Account', { Name: 'Partner Runs', Partner_Type__c: 'Reseller' });
  const plan = await create(conn, 'Partner_Account_Plan__c', {
    Name: 'Runs FY2026',
    Partner_Account__c: partner,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
  });
  const section = await create(conn, 'Plan_Section__c', {
    Name: 'Sales',
    Partner_Account_Plan__c: plan,
    Section_Type__c: 'Sales Objectives',
  });
  for (const [start, end] of [
    ['2026-01-01', '2026-03-31'],
    ['2026-04-01', '2026-06-30'],
  ])
    await create(conn, 'Plan_Target__c', {
      Plan_Section__c: section,
      Metric__c: 'Closed_Won_Deals',
      Period_Type__c: 'Quarter',
      Period_Start__c: start,
      Period_End__c: end,
      Target_Value__c: 4,
    });
  await create(conn, 'Opportunity', {
    Name: 'Won',
    StageName: 'Closed Won',
    CloseDate: '2026-02-01',
    Amount: 1000,
    Partner_Account__c: partner,
  });
  return { partner, section };
}

const floorSecond = (iso: string): number => Math.floor(Date.parse(iso) / 1000) * 1000;

/** Marks every Running record Failed, so each test starts with no run in progress. */
async function clearRunning(conn: Connection): Promise<void> {
  const running = await conn.query<{ Id: string }>("SELECT Id FROM Rollup_Run__c WHERE Status__c = 'Running'");
  for (const r of running.records) await conn.sobject('Rollup_Run__c').update({ Id: r.Id, Status__c: 'Failed' });
}

describe('rollup run history', () => {
  let t: TestOrg;
  let fixture: { partner: string; section: string };

  beforeAll(async () => {
    t = await startTestOrg();
    fixture = await build(t.conn);
  });
  afterAll(() => t.close());
  afterEach(() => clearRunning(t.conn));

  it('writes a run record with its counts, and a second run writes nothing and says so', async () => {
    const session = await scriptSession(t);
    const first = await runRecordedRollup(session, options());
    const second = await runRecordedRollup(session, options());
    await session.close();

    const row = await runRecord(t.conn, first.run.id);
    expect(row).toMatchObject({
      Status__c: 'Succeeded',
      Mode__c: 'Full',
      Triggered_By__c: 'Manual',
      As_Of__c: AS_OF,
      Since__c: null,
      Targets_Computed__c: 2,
      Failures__c: 0,
      Failed_Metrics__c: null,
    });
    const written = Object.values(first.report.written).reduce((a, b) => a + b, 0);
    expect(written).toBeGreaterThan(0);
    expect(row.Records_Written__c).toBe(written);
    expect(row.Requests__c).toBe(first.run.requests);
    expect(row.Requests__c).toBeGreaterThan(4);
    expect(Date.parse(row.Finished_At__c ?? '')).toBeGreaterThanOrEqual(Date.parse(row.Started_At__c));

    // Nothing changed: nothing written, and every record read counts as unchanged.
    const again = await runRecord(t.conn, second.run.id);
    const read = second.report.read;
    expect(again).toMatchObject({ Status__c: 'Succeeded', Records_Written__c: 0 });
    expect(again.Records_Unchanged__c).toBe(read.targets + read.sections + read.plans + read.opportunities);
    expect(again.Name > row.Name).toBe(true);
  });

  it("runs incrementally since the last success's start when it measured pace on the same day, else in full", async () => {
    const session = await scriptSession(t);
    const base = await runRecordedRollup(session, options({ asOf: '2026-05-16' }));
    const incremental = await runRecordedRollup(session, options({ asOf: '2026-05-16', since: 'last' }));
    const nextDay = await runRecordedRollup(session, options({ asOf: '2026-05-17', since: 'last' }));
    await session.close();
    const baseRow = await runRecord(t.conn, base.run.id);
    const row = await runRecord(t.conn, incremental.run.id);
    expect(row).toMatchObject({ Status__c: 'Succeeded', Mode__c: 'Incremental', As_Of__c: '2026-05-16' });
    // The window starts at the base run's start (whole seconds, rounded down).
    expect(Date.parse(row.Since__c ?? '')).toBe(floorSecond(baseRow.Started_At__c));
    // Pace moves every day: a run on another day rolls up every plan.
    expect(await runRecord(t.conn, nextDay.run.id)).toMatchObject({ Mode__c: 'Full', Since__c: null });
    expect(nextDay.run.fullBecause).toMatch(/measured pace on 2026-05-16, not 2026-05-17$/);
  });

  it('records a failing metric by name, as a partial run that is no base for the next incremental one', async () => {
    await create(t.conn, 'Plan_Target__c', {
      Plan_Section__c: fixture.section,
      Metric__c: 'No_Such_Metric',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-03-31',
      Target_Value__c: 1,
    });
    const session = await scriptSession(t);
    const partial = await runRecordedRollup(session, options({ asOf: '2026-05-17' }));
    const next = await runRecordedRollup(session, options({ asOf: '2026-05-17', since: 'last' }));
    await session.close();
    const row = await runRecord(t.conn, partial.run.id);
    expect(row).toMatchObject({
      Status__c: 'Partial',
      Failures__c: 1,
      Targets_Computed__c: 2,
      Failed_Metrics__c: 'No_Such_Metric: no active metric named No_Such_Metric in the catalog',
    });
    // The base is the last Succeeded run (the previous test's, same day), not the partial one.
    const lastSuccess = await t.conn.query<RunRow>(
      `SELECT ${RUN_FIELDS} FROM Rollup_Run__c WHERE Status__c = 'Succeeded' ORDER BY Started_At__c DESC LIMIT 1`,
    );
    const nextRow = await runRecord(t.conn, next.run.id);
    expect(nextRow.Mode__c).toBe('Incremental');
    expect(Date.parse(nextRow.Since__c ?? '')).toBe(floorSecond(lastSuccess.records[0].Started_At__c));
    expect(Date.parse(row.Started_At__c)).toBeGreaterThan(Date.parse(lastSuccess.records[0].Started_At__c));
  });

  it('refuses to start while another run is Running, and ignores one older than the timeout', async () => {
    const running = await create(t.conn, 'Rollup_Run__c', {
      Status__c: 'Running',
      Mode__c: 'Full',
      Triggered_By__c: 'Schedule',
      Started_At__c: new Date(Date.now() - 5 * 60_000).toISOString(),
    });
    const before = await countOf(t, 'Rollup_Run__c');
    const session = await scriptSession(t);
    const refused = await runRecordedRollup(session, options()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RollupBusyError);
    expect((refused as RollupBusyError).running.id).toBe(running);
    expect(await countOf(t, 'Rollup_Run__c')).toBe(before);

    // Two hours old: its process died; it blocks nothing.
    await t.conn
      .sobject('Rollup_Run__c')
      .update({ Id: running, Started_At__c: new Date(Date.now() - 2 * 3600_000).toISOString() });
    const { run } = await runRecordedRollup(session, options());
    await session.close();
    expect(run.id).toBeDefined();
    expect(await countOf(t, 'Rollup_Run__c')).toBe(before + 1);
  });

  it('lets exactly one of two processes that start together run', async () => {
    const [a, b] = [await scriptSession(t), await scriptSession(t)];
    const outcomes = await Promise.allSettled([runRecordedRollup(a, options()), runRecordedRollup(b, options())]);
    await Promise.all([a.close(), b.close()]);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(RollupBusyError);
    // A loser that had already created its record (both checked before either created) marks it Skipped.
    const running = await t.conn.query("SELECT Id FROM Rollup_Run__c WHERE Status__c = 'Running'");
    expect(running.totalSize).toBe(0);
  });

  it('never runs twice at once: ticks during a slow run are skipped, and stopping abandons and marks it', async () => {
    const session = await scriptSession(t);
    const controller = new AbortController();
    let active = 0;
    let most = 0;
    const skipped: number[] = [];
    // The engine waits until stopped: every tick after the first comes while it runs.
    const slowEngine: RecordedRollupOptions['engine'] = async (s, o) => {
      active++;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 60_000).unref());
      return runRollup(s, o);
    };
    const errors: unknown[] = [];
    const outcome = await runSchedule({
      intervalMs: 40,
      signal: controller.signal,
      run: (_tick, signal) =>
        runRecordedRollup(session, options({ since: 'last', triggeredBy: 'Schedule', engine: slowEngine, signal })),
      onSkip: (tick) => {
        skipped.push(tick);
        // Stopped once two ticks were skipped while the engine itself was running.
        if (active === 1 && skipped.length >= 2) controller.abort('SIGTERM');
      },
      onError: (error) => errors.push(error),
    });
    await session.close();
    expect(outcome).toEqual({ runs: 1, skipped: skipped.length });
    expect(skipped.length).toBeGreaterThanOrEqual(2);
    expect(skipped).toEqual(skipped.map((_, i) => i + 2));
    expect(most).toBe(1);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).name).toBe('RollupStoppedError');
    const abandoned = await t.conn.query<RunRow>(
      `SELECT ${RUN_FIELDS} FROM Rollup_Run__c WHERE Triggered_By__c = 'Schedule' ORDER BY Name DESC LIMIT 1`,
    );
    expect(abandoned.records[0]).toMatchObject({ Status__c: 'Failed' });
    expect(abandoned.records[0].Error_Message__c).toMatch(/^Stopped \(SIGTERM\) before it finished/);
    expect(abandoned.records[0].Finished_At__c).not.toBeNull();
  });

  it('`npm run rollup -- --every` runs, prints JSON lines, and stops on SIGTERM with exit code 0', async () => {
    const child = spawn(TSX, [join(REPO_ROOT, 'scripts', 'rollup.ts'), '--every', '1h', '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, SF_INSTANCE_URL: t.org.instanceUrl, SF_ACCESS_TOKEN: t.org.accessToken, CI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: Record<string, unknown>[] = [];
    const lines = createInterface({ input: child.stdout });
    const firstRun = new Promise<void>((resolve) =>
      lines.on('line', (line) => {
        events.push(JSON.parse(line) as Record<string, unknown>);
        if (events.at(-1)?.event === 'run') resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await firstRun;
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(events.map((e) => e.event)).toEqual(['started', 'run', 'stopped']);
    expect(events[2]).toMatchObject({ signal: 'SIGTERM', runs: 1, skipped: 0 });
    const result = events[1].result as { run: { id: string; status: string } };
    const row = await runRecord(t.conn, result.run.id);
    // The previous test's unknown metric still fails: the run is Partial.
    expect(row).toMatchObject({ Triggered_By__c: 'Schedule', Status__c: 'Partial', Mode__c: 'Full' });
  });
});
