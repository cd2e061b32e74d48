/**
 * A benchmark's local org: the server runs in a child process (so "peak memory of the local org" is the
 * server's alone), and this process keeps its own SQLite connection to the same database file for the
 * direct-SQL references and for setup rows that are not part of a measurement.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadForceApp, REPO_ROOT } from '@partner-planning/model';
import { registerFormulaFunction, compileSchema, Storage } from '@partner-planning/localorg/internal';
import type { ChildReply, ChildRequest } from './org-child';

/** The bench is about speed, not the daily allowance: a limit no run reaches. */
const API_DAILY_LIMIT = 100_000_000;

export interface BenchOrg {
  instanceUrl: string;
  accessToken: string;
  adminUserId: string;
  /** This process's connection to the org's database (the org's own schema and storage layer). */
  storage: Storage;
  /** Peak resident set size of the org process so far, in MB. */
  peakRssMb(): Promise<number>;
}

function nextReply<T extends ChildReply['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ChildReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: ChildReply): void => {
      if (reply.type === 'failed') finish(() => reject(new Error(`the local org did not start: ${reply.message}`)));
      else if (reply.type === type) finish(() => resolve(reply as Extract<ChildReply, { type: T }>));
    };
    const onExit = (code: number | null): void =>
      finish(() => reject(new Error(`the local org process exited (code ${code ?? 'none'})`)));
    const finish = (settle: () => void): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Runs `body` against a local org in its own process on a fresh database, removed afterwards. */
export async function withOrgProcess<T>(body: (org: BenchOrg) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pap-bench-'));
  // TypeScript through tsx's loader, whether this process runs under tsx or under jest; BENCH_ORG_NODE_ARGS adds
  // Node flags for the server alone (--cpu-prof to profile it).
  const child = fork(join(__dirname, 'org-child.ts'), [dataDir, String(API_DAILY_LIMIT)], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_ORG_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let storage: Storage | undefined;
  try {
    const ready = await nextReply(child, 'ready');
    storage = new Storage(compileSchema(loadForceApp()), join(dataDir, 'org.sqlite'), registerFormulaFunction);
    const request = (message: ChildRequest): boolean => child.send(message);
    return await body({
      instanceUrl: ready.instanceUrl,
      accessToken: ready.accessToken,
      adminUserId: ready.adminUserId,
      storage,
      async peakRssMb() {
        const reply = nextReply(child, 'peak-memory');
        request({ type: 'peak-memory' });
        return Math.round((await reply).maxRssKb / 1024);
      },
    });
  } finally {
    storage?.close();
    if (child.exitCode === null && child.connected) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' } satisfies ChildRequest);
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
