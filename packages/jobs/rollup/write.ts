/**
 * Phase 6 of the rollup, write: the updates of each object sorted by parent so children of one master are
 * written together (fewer lock conflicts), through Bulk API 2.0 when an object has more than the bulk
 * threshold of them (while the org offers it), else in collections. A dry run only counts them.
 */
import { BulkUnavailableError, updateBulk } from '../bulk';
import type { OrgSession } from '../connection';
import { failuresOf, writeRecords, type RecordOutcome } from '../writer';
import type { PendingUpdate, RollupOptions, RollupReport } from './types';

/**
 * Default for `bulkThreshold`: an object with more changed records than this is updated through Bulk API 2.0.
 * At 2,000 records collections take 10 requests; a bulk job takes at least 7 (create, upload, close, a poll,
 * three result files) and waits for the org's queue, so below this it saves nothing. Salesforce's own advice
 * is the Bulk API for sets of more than 2,000 records.
 */
export const DEFAULT_ROLLUP_BULK_THRESHOLD = 2000;

/** Whether the org still takes Bulk API 2.0 jobs, shared by the writes of one run (it is found out once). */
export interface BulkAvailability {
  available: boolean;
}

/**
 * Writes each object's updates in order; fills `changed`, `written`, `failures` and `notes` of the report. Calls
 * of one run pass the same `bulk`, so an org without Bulk API 2.0 is tried (and noted) once.
 */
export async function writeUpdates(
  session: OrgSession,
  batches: [string, PendingUpdate[]][],
  options: RollupOptions,
  report: RollupReport,
  bulk: BulkAvailability = { available: true },
): Promise<void> {
  const threshold = options.bulkThreshold ?? DEFAULT_ROLLUP_BULK_THRESHOLD;
  for (const [sobject, updates] of batches) {
    report.changed[sobject] = updates.length;
    report.written[sobject] = 0;
    if (options.dryRun || updates.length === 0) continue;
    // Sorted by parent: children of one master are written together, so fewer lock conflicts.
    updates.sort((a, b) => String(a.__parent).localeCompare(String(b.__parent)));
    const records = updates.map(({ __parent: _parent, ...record }) => record);
    const bar = options.onStep?.(`write ${sobject}`, records.length);
    let outcomes: RecordOutcome[] | undefined;
    if (bulk.available && threshold > 0 && records.length > threshold) {
      try {
        outcomes = await updateBulk(session, sobject, records, { policy: options.policy, onProgress: bar?.tick });
      } catch (error) {
        if (!(error instanceof BulkUnavailableError)) throw error;
        // Known before any record was sent (the job could not be created): collections write them all.
        bulk.available = false;
        report.notes.push(
          `Bulk API 2.0 is not available (${error.message}): large sets of updates went through sObject Collections.`,
        );
      }
    }
    outcomes ??= await writeRecords(session, {
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
