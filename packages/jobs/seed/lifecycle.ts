/**
 * Loads seeded plans through their lifecycle, as the org's validation rules require: a new plan starts as
 * Draft (New_Plan_Starts_As_Draft), moves one documented step at a time (Status_Follows_Lifecycle), is accepted
 * with its stamp and next version in one save (Acceptance_Needs_Stamp, Acceptance_Starts_New_Version), and
 * takes no new sections or targets once Accepted, Active or Closed. So the loader inserts each new plan as a
 * Draft, its sections and targets while it is one, then walks it to its generated status.
 *
 * Plans an earlier run created keep their place in the lifecycle: their status, acceptance stamp and version
 * are left out of the upsert (the generator's values are the same on an ordinary rerun), and a plan whose walk
 * stopped part-way (a failure) takes the rest of it, so a rerun completes the load.
 */
import type { OrgSession } from '../connection';
import type { Progress } from '../cli';
import { queryAll, queryIn } from '../query';
import type { RetryPolicy } from '../retry';
import { failuresOf, writeRecords, type WriteFailure } from '../writer';
import type { FieldValue, Ref, SeedRecord } from './records';

export const PLAN = 'Partner_Account_Plan__c';

/** The fields only the lifecycle sets: left out of an existing plan's upsert. */
const LIFECYCLE_FIELDS = ['Status__c', 'Accepted_By__c', 'Accepted_On__c', 'Version__c'];

/**
 * The statuses a new (Draft) plan passes through to reach `status`, each one step the lifecycle rules allow:
 * Draft -> Partner Review -> Accepted -> Active -> Closed, and Active -> In Revision.
 */
export function statusPath(status: string): string[] {
  const accepted = ['Partner Review', 'Accepted'];
  switch (status) {
    case 'Draft':
      return [];
    case 'Partner Review':
      return ['Partner Review'];
    case 'Accepted':
      return accepted;
    case 'Active':
      return [...accepted, 'Active'];
    case 'In Revision':
      return [...accepted, 'Active', 'In Revision'];
    case 'Closed':
      return [...accepted, 'Active', 'Closed'];
    default:
      throw new Error(`Unknown plan status "${status}"`);
  }
}

/** The walk of one new plan from Draft to its generated status. */
export interface PlanWalk {
  key: string;
  statuses: string[];
  /** Written with Status Accepted: who accepted the plan, when, and the version it became. */
  acceptedBy: FieldValue;
  acceptedOn: FieldValue;
  version: number;
}

export interface StagedPlans {
  /** The plan level to upsert: new plans as Drafts, existing ones without their lifecycle fields. */
  records: SeedRecord[];
  walks: PlanWalk[];
  /** Plans an earlier run left Closed (by `npm run plans -- advance`): read-only, so never written again. */
  closedKeys: Set<string>;
}

/**
 * Splits the generated plans into what to upsert now and the walks that follow once targets are loaded. A plan
 * an earlier run left part-way along its path (a walk that failed) takes the rest of it; one that is elsewhere
 * (moved by someone since) is left where it is.
 */
export async function stagePlans(session: OrgSession, keyPrefix: string, plans: SeedRecord[]): Promise<StagedPlans> {
  const existing = new Map(
    (
      await queryAll<{ External_Key__c: string; Status__c: string | null }>(
        session,
        `SELECT External_Key__c, Status__c FROM ${PLAN} WHERE External_Key__c LIKE '${keyPrefix}-%'`,
      )
    ).map((r) => [r.External_Key__c, r.Status__c ?? 'Draft']),
  );
  const records: SeedRecord[] = [];
  const walks: PlanWalk[] = [];
  const closedKeys = new Set<string>();
  for (const plan of plans) {
    if (existing.get(plan.key) === 'Closed') {
      closedKeys.add(plan.key);
      continue;
    }
    const fields = { ...plan.fields };
    const path = statusPath(String(fields.Status__c ?? 'Draft'));
    const version = Number(fields.Version__c ?? 1);
    const walk = (statuses: string[]): void => {
      if (statuses.length === 0) return;
      walks.push({
        key: plan.key,
        statuses,
        acceptedBy: plan.fields.Accepted_By__c,
        acceptedOn: plan.fields.Accepted_On__c,
        version,
      });
    };
    const current = existing.get(plan.key);
    if (current !== undefined) {
      for (const name of LIFECYCLE_FIELDS) delete fields[name];
      records.push({ ...plan, fields });
      if (current === 'Draft' || path.includes(current)) walk(path.slice(path.indexOf(current) + 1));
      continue;
    }
    walk(path);
    // The acceptance on the walk raises the version by one, to the generated version.
    records.push({
      ...plan,
      fields: {
        ...fields,
        Status__c: 'Draft',
        Accepted_By__c: null,
        Accepted_On__c: null,
        Version__c: path.includes('Accepted') ? version - 1 : version,
      },
    });
  }
  return { records, walks, closedKeys };
}

const refKey = (value: FieldValue | undefined): string | null =>
  typeof value === 'object' && value !== null && 'ref' in value ? value.ref.key : null;

/**
 * The records of a level without those of closed plans (sections, their targets, comments): a closed plan's
 * records refuse every update, even one that changes nothing. `droppedSections` collects the sections left
 * out, so their targets are left out in the next level.
 */
export function withoutClosedPlans(
  sobject: string,
  records: SeedRecord[],
  closedKeys: Set<string>,
  droppedSections: Set<string>,
): SeedRecord[] {
  if (closedKeys.size === 0) return records;
  return records.filter((record) => {
    const plan = refKey(record.fields.Partner_Account_Plan__c);
    if (sobject === 'Plan_Section__c' && plan && closedKeys.has(plan)) {
      droppedSections.add(record.key);
      return false;
    }
    if (sobject === 'Plan_Target__c') return !droppedSections.has(refKey(record.fields.Plan_Section__c) ?? '');
    if (sobject === 'Plan_Comment__c') return !(plan && closedKeys.has(plan));
    return true;
  });
}

export interface WalkContext {
  session: OrgSession;
  progress: Progress;
  policy?: RetryPolicy;
  /** The Id of a loaded record by sobject and external key (users by their seed key). */
  idOf: (sobject: string, key: string) => string | undefined;
}

const isRef = (value: FieldValue): value is Ref => typeof value === 'object' && value !== null && 'ref' in value;

/**
 * Walks the new plans to their statuses: one collection update per step for every plan at that step. A plan
 * whose step fails stops there (reported as a failure) and takes no later step. Returns the failures.
 */
export async function walkPlans(context: WalkContext, walks: PlanWalk[]): Promise<WriteFailure[]> {
  const failures: WriteFailure[] = [];
  let pending = walks.filter((w) => context.idOf(PLAN, w.key) !== undefined);
  const steps = Math.max(0, ...pending.map((w) => w.statuses.length));
  const bar = context.progress.step(
    `${PLAN} lifecycle`,
    pending.reduce((n, w) => n + w.statuses.length, 0),
  );
  for (let step = 0; step < steps; step++) {
    const moving = pending.filter((w) => step < w.statuses.length);
    const records = moving.map((w) => {
      const status = w.statuses[step];
      const record: Record<string, unknown> = { Id: context.idOf(PLAN, w.key), Status__c: status };
      if (status === 'Accepted') {
        record.Accepted_By__c = isRef(w.acceptedBy)
          ? context.idOf(w.acceptedBy.ref.sobject, w.acceptedBy.ref.key)
          : w.acceptedBy;
        record.Accepted_On__c = w.acceptedOn;
        record.Version__c = w.version;
      }
      return record;
    });
    const outcomes = await writeRecords(context.session, {
      sobject: PLAN,
      operation: 'update',
      records,
      policy: context.policy,
      onProgress: bar.tick,
    });
    const keys = new Map(records.map((r, i) => [r, moving[i].key]));
    failures.push(...failuresOf(PLAN, records, outcomes, (r) => keys.get(r) ?? String(r.Id)));
    const failed = new Set(moving.filter((_, i) => !outcomes[i].success));
    pending = pending.filter((w) => !failed.has(w));
  }
  bar.done();
  return failures;
}

/**
 * Learns the Ids of records left unwritten (those of closed plans), so records of later levels that refer to
 * them (APR actions to a closed plan's targets) still resolve.
 */
export async function rememberExisting(
  session: OrgSession,
  remember: (sobject: string, key: string, id: string) => void,
  sobject: string,
  keys: string[],
): Promise<void> {
  if (keys.length === 0) return;
  const rows = await queryIn<{ Id: string; External_Key__c: string }>(
    session,
    `SELECT Id, External_Key__c FROM ${sobject}`,
    'External_Key__c',
    keys,
  );
  for (const row of rows) remember(sobject, row.External_Key__c, row.Id);
}
