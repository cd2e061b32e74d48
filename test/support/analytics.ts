/**
 * Helpers of the Analytics REST API tests: the seeded org's clock, reports by name and runs through jsforce's
 * analytics client, and hand-written SQL over the local org's tables (the independent check).
 */
import type { Connection } from 'jsforce';
import type { ReportExecuteResult } from 'jsforce/lib/api/analytics/types';
import { runRecordedRollup } from '../../packages/jobs/rollup/recorded';
import { runSeed } from '../../packages/jobs/seed';
import { parseScale } from '../../packages/jobs/seed/scales';
import { quoteIdent } from '../../packages/localorg/sql';
import { startTestOrg, type TestOrg } from './localorg';
import { quietProgress, scriptSession } from './scripts';

/** The day the seed and rollup run, and the org's clock: THIS_FISCAL_QUARTER is 2026 Q4. */
export const AS_OF = '2026-11-25';
export const NOW = '2026-11-25T12:00:00.000Z';

/**
 * A local org on the fixed clock, seeded at the small scale and, with `rollup`, rolled up by a recorded run
 * (so that the Rollup Run History report has its run).
 */
export async function seededOrg(options: { rollup: boolean }): Promise<TestOrg> {
  const t = await startTestOrg({ now: () => new Date(NOW) });
  const session = await scriptSession(t);
  try {
    await runSeed(session, {
      scale: parseScale('3'),
      seed: 7,
      asOf: AS_OF,
      partnersPerChunk: 3,
      progress: quietProgress(),
    });
    if (options.rollup) {
      await runRecordedRollup(session, {
        asOf: AS_OF,
        dryRun: false,
        now: NOW,
        triggeredBy: 'Manual',
        clock: () => new Date(NOW),
      });
    }
  } finally {
    await session.close();
  }
  return t;
}

export async function reportByName(conn: Connection, name: string): Promise<string> {
  const found = (await conn.analytics.reports()).find((r) => r.name === name);
  if (!found) throw new Error(`no report named ${name}`);
  return found.id;
}

/** A synchronous run with detail rows, optionally with reportMetadata overrides (POST). */
export function runReport(
  conn: Connection,
  id: string,
  metadata?: Record<string, unknown>,
): Promise<ReportExecuteResult> {
  return conn.analytics
    .report(id)
    .execute({ details: true, ...(metadata ? { metadata: { reportMetadata: metadata } } : {}) });
}

export type SqlRow = Record<string, string | number | null>;
export type SqlRunner = (strings: TemplateStringsArray, ...values: string[]) => SqlRow[];

/**
 * A SQL tag over the org's storage: an interpolated object name becomes its table without deleted records,
 * any other interpolated text a bound parameter.
 */
export function sqlOf(t: TestOrg): SqlRunner {
  const storage = t.org.storage;
  return (strings, ...values) => {
    const params: string[] = [];
    let text = strings[0];
    values.forEach((value, i) => {
      const obj = storage.schema.objects.get(value);
      if (obj) {
        text += `(SELECT * FROM ${quoteIdent(obj.table)} WHERE "IsDeleted" = 0)`;
      } else {
        text += '?';
        params.push(value);
      }
      text += strings[i + 1];
    });
    return storage.statement(text).all(...params) as SqlRow[];
  };
}
