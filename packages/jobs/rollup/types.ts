/**
 * The rollup's vocabulary, shared by its phases: the options a run takes, the report it returns (with the
 * changes it found), the target rows it reads, and the pending updates it writes.
 */
import type { IsoDate } from '../periods';
import type { RetryPolicy } from '../retry';
import type { WriteFailure } from '../writer';

export interface RollupOptions {
  asOf: IsoDate;
  /** Only this plan (an Id). */
  planId?: string;
  /** Only plans whose inputs changed since this ISO datetime. */
  since?: string;
  dryRun: boolean;
  /** Stamp written into Last_Calculated_At__c (ISO datetime). */
  now: string;
  onStep?: (step: string, total: number) => { tick: (n: number) => void; done: () => void };
  /** Retry policy for writes (default: the shared policy). */
  policy?: RetryPolicy;
  /**
   * An object with more changed records than this is updated through Bulk API 2.0 (default 2,000); 0 writes
   * everything through sObject Collections.
   */
  bulkThreshold?: number;
}

export interface Change {
  sobject: string;
  id: string;
  field: string;
  from: unknown;
  to: unknown;
}

export interface MetricReport {
  name: string;
  targets: number;
  queries: number;
  error?: string;
}

export interface RollupReport {
  metrics: MetricReport[];
  read: { targets: number; sections: number; plans: number; opportunities: number };
  changed: Record<string, number>;
  written: Record<string, number>;
  changes: Change[];
  failures: WriteFailure[];
  aggregateQueries: number;
  /** Targets of accepted plans found without a baseline, and how many of those baselines were filled in. */
  baselines: { missing: number; completed: number };
  /** How the run had to adapt to the org (Bulk API 2.0 missing): nothing went wrong, but worth knowing. */
  notes: string[];
}

export const emptyReport = (): RollupReport => ({
  metrics: [],
  read: { targets: 0, sections: 0, plans: 0, opportunities: 0 },
  changed: {},
  written: {},
  changes: [],
  failures: [],
  aggregateQueries: 0,
  baselines: { missing: 0, completed: 0 },
  notes: [],
});

/** A Plan_Target__c row as the rollup reads it: its definition, its computed fields and its partner. */
export interface TargetRow {
  Id: string;
  Metric__c: string;
  Period_Start__c: string;
  Period_End__c: string;
  Target_Value__c: number | null;
  Weight__c: number | null;
  Accountable_AE__c: string | null;
  Accountable_Partner_Manager__c: string | null;
  Target_Account__c: string | null;
  /** The year target this one is a quarter or month of (an annual split), if any. */
  Parent_Target__c?: string | null;
  Actual_Value__c: number | null;
  Attainment__c: number | null;
  Expected_To_Date__c: number | null;
  Pace_Status__c: string | null;
  Plan_Section__c: string;
  /** The target's currency (its plan's), in a multi-currency org only. */
  CurrencyIsoCode?: string | null;
  Plan_Section__r: {
    Partner_Account_Plan__c: string;
    Partner_Account_Plan__r: { Partner_Account__c: string } | null;
  } | null;
}

/**
 * A record update waiting to be written: `Id` and the changed fields, plus `__parent` (the master record),
 * by which updates are sorted before writing and which is stripped from what is sent.
 */
export type PendingUpdate = Record<string, unknown>;

/** Which plans a run covers. */
export interface Scope {
  /** Partner account Ids whose plans are in scope; undefined = all. */
  partners?: Set<string>;
  /** Plan Ids in scope; undefined = all. */
  plans?: Set<string>;
}
