/**
 * `GET /limits`: the limits a Developer Edition scratch org lists, each `{ Max, Remaining }`, in the
 * resource's alphabetical order. What the local org meters is computed: DailyApiRequests from the day's
 * usage, DataStorageMB from the records (see data-storage.ts; enforced at create), and the Bulk API
 * allocations from the bulk jobs of the last 24 hours (a Bulk API 2.0 ingest job uses one batch per
 * 10,000 records, a query job one query job). The others are the allocations of such an org, with
 * nothing used: the local org has no Apex, e-mail, reports, streaming or platform events to use them.
 */
import { dataStorageUsage } from '../data-storage';
import { ok, type OrgRuntime, type Reply } from './context';

/** Allocations of a Developer Edition scratch org that the local org never uses up. */
const UNMETERED: Record<string, number> = {
  AnalyticsExternalDataSizeMB: 40960,
  ConcurrentAsyncGetReportInstances: 200,
  ConcurrentEinsteinDataInsightsStoryCreation: 5,
  ConcurrentEinsteinDiscoveryStoryCreation: 2,
  ConcurrentSyncReportRuns: 20,
  DailyAnalyticsDataflowJobExecutions: 60,
  DailyAnalyticsUploadedFilesSizeMB: 51200,
  DailyAsyncApexExecutions: 250000,
  DailyAsyncApexTests: 500,
  DailyBulkV2QueryFileStorageMB: 976562,
  DailyDeliveredPlatformEvents: 10000,
  DailyDurableGenericStreamingApiEvents: 10000,
  DailyDurableStreamingApiEvents: 10000,
  DailyEinsteinDataInsightsStoryCreation: 1000,
  DailyEinsteinDiscoveryPredictAPICalls: 50000,
  DailyEinsteinDiscoveryPredictionsByCDC: 500000,
  DailyEinsteinDiscoveryStoryCreation: 100,
  DailyGenericStreamingApiEvents: 10000,
  DailyStandardVolumePlatformEvents: 10000,
  DailyStreamingApiEvents: 10000,
  DailyWorkflowEmails: 1000,
  DurableStreamingApiConcurrentClients: 20,
  FileStorageMB: 20,
  HourlyAsyncReportRuns: 1200,
  HourlyDashboardRefreshes: 200,
  HourlyDashboardResults: 5000,
  HourlyDashboardStatuses: 999999999,
  HourlyLongTermIdMapping: 100000,
  HourlyManagedContentPublicRequests: 50000,
  HourlyODataCallout: 10000,
  HourlyPublishedPlatformEvents: 50000,
  HourlyPublishedStandardVolumePlatformEvents: 1000,
  HourlyShortTermIdMapping: 100000,
  HourlySyncReportRuns: 500,
  HourlyTimeBasedWorkflow: 50,
  MassEmail: 10,
  SingleEmail: 15,
  StreamingApiConcurrentClients: 20,
};

const DAILY_BULK_API_BATCHES = 15000;
const DAILY_BULK_V2_QUERY_JOBS = 10000;
/** Bulk API 2.0 splits ingest data into internal batches of 10,000 records. */
const BULK_BATCH_RECORDS = 10000;
/** Where the bulk module keeps its jobs (bulk/data.ts). */
const BULK_JOBS_TABLE = '_localorg_bulk_jobs';

/** Ingest batches and query jobs of the last 24 hours (none before the first bulk job). */
function bulkUsage(org: OrgRuntime): { batches: number; queryJobs: number } {
  const db = org.storage.db;
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(BULK_JOBS_TABLE);
  if (!exists) return { batches: 0, queryJobs: 0 };
  const since = new Date(org.now().getTime() - 24 * 60 * 60 * 1000).toISOString();
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(CASE WHEN job_type = 'query' THEN 0 ELSE MAX(1, (row_count + ${BULK_BATCH_RECORDS - 1}) / ${BULK_BATCH_RECORDS}) END), 0) AS batches,
              COALESCE(SUM(CASE WHEN job_type = 'query' THEN 1 ELSE 0 END), 0) AS queryJobs
       FROM ${BULK_JOBS_TABLE} WHERE created_date >= ?`,
    )
    .get(since) as { batches: number; queryJobs: number };
  return row;
}

const limit = (max: number, used = 0): { Max: number; Remaining: number } => ({
  Max: max,
  Remaining: Math.max(0, max - used),
});

/** `GET /limits`. */
export function orgLimits(org: OrgRuntime): Reply {
  const { used, limit: apiLimit } = org.apiUsage();
  const storage = dataStorageUsage(org.storage);
  const bulk = bulkUsage(org);
  const limits: Record<string, { Max: number; Remaining: number }> = {};
  for (const [name, max] of Object.entries(UNMETERED)) limits[name] = limit(max);
  limits.DailyApiRequests = limit(apiLimit, used);
  limits.DailyBulkApiBatches = limit(DAILY_BULK_API_BATCHES, bulk.batches);
  limits.DailyBulkV2QueryJobs = limit(DAILY_BULK_V2_QUERY_JOBS, bulk.queryJobs);
  // Whole megabytes, as Salesforce reports them: what is left, rounded down.
  limits.DataStorageMB = { Max: storage.maxMb, Remaining: Math.max(0, Math.floor(storage.maxMb - storage.usedMb)) };
  const sorted = Object.keys(limits).sort((a, b) => a.localeCompare(b));
  return ok(Object.fromEntries(sorted.map((name) => [name, limits[name]])));
}
