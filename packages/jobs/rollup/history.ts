/**
 * The rollup's run history in the org (Rollup_Run__c): reading the last successful run and the runs still
 * Running, creating a run's record when it starts and completing it when it ends. An org without the object
 * (an older package) or a user who cannot read it has no history: the caller warns and runs without one.
 */
import type { OrgSession } from '../connection';
import { errorCodeOf } from '../retry';
import { writeRecords } from '../writer';
import { queryAll } from '../query';

export const RUN_OBJECT = 'Rollup_Run__c';

/**
 * A Running run younger than this means another process is rolling up now: no second run starts. An older
 * one is taken as abandoned (its process died without completing the record) and blocks nothing. A rollup
 * of the large dataset takes minutes, so an hour leaves a wide margin; the CI workflow's job timeout is
 * shorter than it.
 */
export const RUNNING_TIMEOUT_MS = 60 * 60 * 1000;

/** Long text fields hold 32,768 characters. */
const LONG_TEXT = 32_768;

export type RunStatus = 'Running' | 'Succeeded' | 'Partial' | 'Failed' | 'Skipped';
export type RunMode = 'Full' | 'Incremental' | 'Single Plan';
export type RunTrigger = 'Manual' | 'Schedule' | 'CI';

/** A run as the history reads it back. */
export interface RunRecord {
  id: string;
  /** The auto-number (RUN-0000042): increases with creation order. */
  name: string;
  status: RunStatus;
  startedAt: string;
  asOf: string | null;
  mode: RunMode | null;
}

/** What the org's history says before a run starts. */
export interface History {
  /** The last Succeeded full or incremental run: the base of an incremental run. */
  lastSuccess?: RunRecord;
  /** Runs still Running that started within RUNNING_TIMEOUT_MS, oldest first. */
  running: RunRecord[];
}

/** The fields a run's record is written with (the Rollup_Run__c fields, by API name). */
export interface RunFields {
  Status__c: RunStatus;
  Mode__c?: RunMode;
  Triggered_By__c?: RunTrigger;
  Started_At__c?: string;
  Finished_At__c?: string;
  As_Of__c?: string;
  Since__c?: string | null;
  Targets_Computed__c?: number;
  Records_Written__c?: number;
  Records_Unchanged__c?: number;
  Requests__c?: number;
  Failures__c?: number;
  Failed_Metrics__c?: string | null;
  Error_Message__c?: string | null;
}

interface RunRow {
  Id: string;
  Name: string;
  Status__c: RunStatus;
  Started_At__c: string;
  As_Of__c: string | null;
  Mode__c: RunMode | null;
}

const FIELDS = 'Id, Name, Status__c, Started_At__c, As_Of__c, Mode__c';

const toRun = (row: RunRow): RunRecord => ({
  id: row.Id,
  name: row.Name,
  status: row.Status__c,
  startedAt: row.Started_At__c,
  asOf: row.As_Of__c,
  mode: row.Mode__c,
});

/** A SOQL datetime literal, whole seconds in UTC (rounded down: a window start only ever moves earlier). */
export function soqlDateTime(value: string | Date): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The org has no Rollup_Run__c the user can read: a missing object answers INVALID_TYPE. */
const isMissingObject = (error: unknown): boolean => errorCodeOf(error) === 'INVALID_TYPE';

/** The runs Running now (started within the timeout before `now`), oldest first. */
export async function runningRuns(session: OrgSession, now: Date): Promise<RunRecord[]> {
  const cutoff = soqlDateTime(new Date(now.getTime() - RUNNING_TIMEOUT_MS));
  const rows = await queryAll<RunRow>(
    session,
    `SELECT ${FIELDS} FROM ${RUN_OBJECT} WHERE Status__c = 'Running' AND Started_At__c > ${cutoff} ORDER BY Name LIMIT 100`,
  );
  return rows.map(toRun);
}

/** The history before a run at `now`; undefined when the org has no run history for this user. */
export async function readHistory(session: OrgSession, now: Date): Promise<History | undefined> {
  try {
    const [last] = await queryAll<RunRow>(
      session,
      `SELECT ${FIELDS} FROM ${RUN_OBJECT} WHERE Status__c = 'Succeeded' AND Mode__c IN ('Full', 'Incremental') ` +
        'ORDER BY Started_At__c DESC LIMIT 1',
    );
    return { lastSuccess: last ? toRun(last) : undefined, running: await runningRuns(session, now) };
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw error;
  }
}

const clip = (text: string | null | undefined): string | null | undefined =>
  text && text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT - 1)}…` : text;

/** Writes one run record (create without an Id, else update); the write's error message when it failed. */
async function write(session: OrgSession, fields: RunFields, id?: string): Promise<{ id?: string; error?: string }> {
  const record: Record<string, unknown> = {
    ...fields,
    Failed_Metrics__c: clip(fields.Failed_Metrics__c),
    Error_Message__c: clip(fields.Error_Message__c),
  };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  const [outcome] = await writeRecords(session, {
    sobject: RUN_OBJECT,
    operation: id ? 'update' : 'create',
    records: [id ? { Id: id, ...record } : record],
  });
  return outcome.success
    ? { id: outcome.id ?? id }
    : { error: `${outcome.errorCode ?? 'ERROR'}: ${outcome.message ?? 'the run record was not saved'}` };
}

/** Creates the record of a run that starts; its Id, or the reason it could not be created. */
export async function startRun(session: OrgSession, fields: RunFields): Promise<{ id: string } | { error: string }> {
  const created = await write(session, fields);
  return created.id ? { id: created.id } : { error: created.error ?? 'the run record was not created' };
}

/** Completes a run's record; the reason when it could not be saved. */
export async function completeRun(session: OrgSession, id: string, fields: RunFields): Promise<string | undefined> {
  return (await write(session, fields, id)).error;
}
