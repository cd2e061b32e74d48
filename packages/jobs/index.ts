/**
 * The jsforce job library's public entry: connecting to an org (a real one through the sf CLI's auth, or
 * the local org), seeding realistic data, computing the metric rollups, writing records in collections,
 * and the command-line options the org scripts share (target org, API version, session). The programs in
 * scripts/ and the local app use it; it talks to any org only through its API.
 */
export {
  connect,
  readLocalAuth,
  OrgConnectionError,
  DEFAULT_API_VERSION,
  LOCAL_ORG_DATA_DIR,
  LOCAL_ORG_PORT,
  type OrgSession,
  type OrgTarget,
} from './connection';
export { scriptProgram, withOrgSession, asOfDate, Progress, type CommonOptions, type RunFacts } from './cli';
export { runSeed, type SeedRun } from './seed';
export { SCALES, parseScale, ScaleError, type Scale } from './seed/scales';
export { DEFAULT_BULK_THRESHOLD, SeedLoader, userRecord, type SeedReport } from './seed/load';
export { readOrgFacts } from './seed/preflight';
export { runRollup, type RollupOptions, type RollupReport } from './rollup/engine';
export {
  runAccessSync,
  AccessSetupError,
  ACCESS_REASON,
  PARTNER_REASON,
  type AccessChange,
  type AccessOptions,
  type AccessReport,
} from './access';
export {
  runRecordedRollup,
  RollupBusyError,
  RollupStoppedError,
  type RecordedRollup,
  type RecordedRollupOptions,
  type RunSummary,
} from './rollup/recorded';
export { RUNNING_TIMEOUT_MS, type RunTrigger } from './rollup/history';
export { runSchedule, parseInterval, type ScheduleOutcome } from './rollup/schedule';
export { writeRecords, COLLECTION_LIMIT, type WriteRequest } from './writer';
export * from './periods';
export { FiscalCalendar, readFiscalCalendar, type FiscalQuarter, type FiscalPeriodName } from './fiscal';
export { nodeVersionProblem } from './node-version';
export { runPlanCreate, type CreateOptions } from './plans/create';
export { runPlanRollover, type RolloverOptions } from './plans/rollover';
export { plansSummaryLines, type PlansReport, type PlanResult, type PlanOutcome } from './plans/report';
export { runPlanAdvance, type AdvanceOptions, type AdvanceReport, advanceSummaryLines } from './plans/advance';
