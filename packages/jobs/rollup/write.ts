/**
 * Phase 6 of the rollup, write: the updates of each object in collections, sorted by parent so children of one
 * master are written together (fewer lock conflicts). A dry run only counts them.
 */
import type { OrgSession } from '../connection';
import { failuresOf, writeRecords } from '../writer';
import type { PendingUpdate, RollupOptions, RollupReport } from './types';

/** Writes each object's updates in order; fills `changed`, `written` and `failures` of the report. */
export async function writeUpdates(
  session: OrgSession,
  batches: [string, PendingUpdate[]][],
  options: RollupOptions,
  report: RollupReport,
): Promise<void> {
  for (const [sobject, updates] of batches) {
    report.changed[sobject] = updates.length;
    report.written[sobject] = 0;
    if (options.dryRun || updates.length === 0) continue;
    // Sorted by parent: children of one master are written together, so fewer lock conflicts.
    updates.sort((a, b) => String(a.__parent).localeCompare(String(b.__parent)));
    const records = updates.map(({ __parent: _parent, ...record }) => record);
    const bar = options.onStep?.(`write ${sobject}`, records.length);
    const outcomes = await writeRecords(session, {
      sobject,
      operation: 'update',
      records,
      policy: options.policy,
      onProgress: bar?.tick,
    });
    bar?.done();
    report.written[sobject] = outcomes.filter((o) => o.success).length;
    report.failures.push(...failuresOf(sobject, records, outcomes, (r) => String(r.Id)));
  }
}
