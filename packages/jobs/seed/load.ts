/**
 * Loads a generated dataset into an org, once preflight.ts has checked that the org has the objects and access
 * the seed needs (so bad setups fail before anything is written): creates the users, then upserts every level
 * by External_Key__c, parents before children and sorted by parent, resolving references to Ids from the
 * results of earlier levels. Idempotent: a second run updates the same records and creates none.
 */
import type { JsonMap } from '@salesforce/ts-types';
import { BulkUnavailableError, upsertBulk } from '../bulk';
import type { OrgSession } from '../connection';
import type { Progress } from '../cli';
import { queryAll, queryIn } from '../query';
import { expectMap, expectString, queryPage } from '../response';
import type { RetryPolicy } from '../retry';
import { writeRecords, failuresOf, type RecordOutcome, type WriteFailure } from '../writer';
import { AUDIT_FIELDS_NOTE, writeDated } from './created';
import { convertLeads, loadByNaturalKey, NATURAL_KEYS, standardPricebook, type NaturalOutcome } from './natural-keys';
import {
  STANDARD_PRICEBOOK,
  type FieldValue,
  type LeadConversion,
  type PlanShare,
  type Ref,
  type SeedRecord,
  type UserRole,
  type UserSpec,
} from './records';
import type { PartnerUserReport } from './partner-users';
import { loadRoles, type RoleSpec } from './roles';
import { planningRoleFields } from './users';

export const EXTERNAL_KEY = 'External_Key__c';
/** The platform's share object for plans, present where plans are Private (or Read). */
export const PLAN_SHARE = 'Partner_Account_Plan__Share';

/** The field whose parent a record locks on write: loads are sorted by it to avoid lock contention. */
const PARENT_FIELD: Record<string, string> = {
  Contact: 'AccountId',
  Partner_Account_Plan__c: 'Partner_Account__c',
  Plan_Section__c: 'Partner_Account_Plan__c',
  Plan_Target__c: 'Plan_Section__c',
  Opportunity: 'AccountId',
  APR_Action__c: 'Opportunity__c',
  Partner_Credential__c: 'Partner_Account__c',
  CampaignMember: 'CampaignId',
  OpportunityLineItem: 'OpportunityId',
  Fund_Request__c: 'Fund_Allocation__c',
  Fund_Claim__c: 'Fund_Request__c',
};

const PERMISSION_SETS: Record<UserRole, string> = {
  Admin: 'Partner_Planning_Admin',
  'Partner Manager': 'Partner_Manager',
  AE: 'Account_Executive',
};

export class SeedSetupError extends Error {
  override name = 'SeedSetupError';
}

export interface ObjectStats {
  created: number;
  updated: number;
  failed: number;
  /** Records of objects without External_Key__c that were found and left as they are (natural-keys.ts). */
  unchanged?: number;
}

export interface SeedReport {
  users: { created: number; existing: number; substituted: number; permissionSetsAssigned: number; notes: string[] };
  partnerUsers: PartnerUserReport;
  objects: Record<string, ObjectStats>;
  failures: WriteFailure[];
  /** How the load went where it differs from the plan (Bulk API not available, ...). */
  notes: string[];
}

/**
 * A new User for a person of the dataset: its org-unique username and the locale every seeded user gets.
 * The profile is left to the org's default where it has no Standard User profile to name.
 */
export function userRecord(
  person: Pick<UserSpec, 'key' | 'firstName' | 'lastName'> & { title?: string },
  organizationId: string,
  profileId: string | undefined,
  managerId: string | null = null,
): Record<string, unknown> {
  return {
    Username: SeedLoader.username(person.key, organizationId),
    FirstName: person.firstName,
    LastName: person.lastName,
    Email: `${person.key}@pap.example`,
    Alias: `${person.firstName[0]}${person.lastName}`.slice(0, 8),
    Title: person.title,
    ManagerId: managerId,
    TimeZoneSidKey: 'America/Los_Angeles',
    LocaleSidKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'en_US',
    ...(profileId ? { ProfileId: profileId } : {}),
  };
}

/** Default for `bulkThreshold`: levels of more records than this go through Bulk API 2.0. */
export const DEFAULT_BULK_THRESHOLD = 10_000;

export interface SeedLoadOptions {
  /** A level of more records than this is upserted through Bulk API 2.0; 0 writes everything through collections. */
  bulkThreshold?: number;
  /** Retry policy for writes (default: the shared policy). */
  policy?: RetryPolicy;
  /** Per object, the dataset's audit fields the org does not take from the running user: left out. */
  leftOut?: Map<string, string[]>;
}

const isRef = (value: FieldValue): value is Ref => typeof value === 'object' && value !== null && 'ref' in value;

export class SeedLoader {
  /** `${sobject}:${key}` to record Id, filled from write results. */
  private readonly ids = new Map<string, string>();
  readonly report: SeedReport = {
    users: { created: 0, existing: 0, substituted: 0, permissionSetsAssigned: 0, notes: [] },
    partnerUsers: { created: 0, existing: 0, skipped: 0, permissionSetsAssigned: 0 },
    objects: {},
    failures: [],
    notes: [],
  };
  private bulkAvailable = true;
  private runningUser?: string;
  private orgObjects?: Promise<Set<string>>;
  private readonly existing = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly session: OrgSession,
    private readonly progress: Progress,
    /** Per object, fields that may only be set on create (an update that names them is refused). */
    private readonly createOnly: Map<string, string[]>,
    /** Prefix of every external key this dataset writes, to find the records an earlier run created. */
    private readonly keyPrefix: string,
    private readonly options: SeedLoadOptions = {},
  ) {
    if (options.leftOut && options.leftOut.size > 0)
      this.report.notes.push(`${[...options.leftOut.keys()].join(', ')} ${AUDIT_FIELDS_NOTE}`);
  }

  /** External keys of this dataset's records of one object that already exist in the org. */
  /**
   * The keys of this dataset's records of `sobject` that exist in the org: read once per object (a chunked
   * level would otherwise read every record of the earlier chunks again), then kept current with the records
   * this run writes.
   */
  private existingKeys(sobject: string): Promise<Set<string>> {
    let keys = this.existing.get(sobject);
    if (!keys) {
      keys = queryAll<{ External_Key__c: string }>(
        this.session,
        `SELECT ${EXTERNAL_KEY} FROM ${sobject} WHERE ${EXTERNAL_KEY} LIKE '${this.keyPrefix}-%'`,
      ).then((rows) => new Set(rows.map((r) => r.External_Key__c)));
      this.existing.set(sobject, keys);
    }
    return keys;
  }

  /** Username of a seeded user in this org (usernames are unique across all orgs, so the org id is in it). */
  static username(userKey: string, organizationId: string): string {
    return `${userKey}@${organizationId.slice(0, 15).toLowerCase()}.pap.example`;
  }

  /**
   * Creates the users that do not exist yet. Where the org has no licence left (scratch orgs have few),
   * the remaining roles are played by the running user, and the report says so.
   */
  async loadUsers(users: UserSpec[], organizationId: string): Promise<void> {
    const conn = this.session.conn;
    const byUsername = new Map(users.map((u) => [SeedLoader.username(u.key, organizationId), u]));
    const existing = await queryIn<{ Id: string; Username: string }>(
      this.session,
      'SELECT Id, Username FROM User',
      'Username',
      [...byUsername.keys()],
    );
    for (const u of existing)
      this.ids.set(`User:${byUsername.get(u.Username.toLowerCase())?.key ?? byUsername.get(u.Username)?.key}`, u.Id);
    this.report.users.existing = existing.length;
    const describe = await conn.sobject('User').describe();
    const hasProfile = describe.fields.some((f) => f.name === 'ProfileId');
    let profileId: string | undefined;
    if (hasProfile) {
      const where = 'the Standard User profile query response';
      const profiles = await conn.query<JsonMap>("SELECT Id FROM Profile WHERE Name = 'Standard User' LIMIT 1");
      const profile = queryPage<JsonMap>(profiles, where).records[0];
      profileId = profile ? expectString(profile, 'Id', `${where}: records[0]`) : undefined;
    }
    // Managers before their reports, so ManagerId resolves.
    const missing = users.filter((u) => !this.ids.has(`User:${u.key}`));
    for (const round of [missing.filter((u) => !u.managerKey), missing.filter((u) => u.managerKey)]) {
      const records = round.map((u) =>
        userRecord(u, organizationId, profileId, u.managerKey ? (this.ids.get(`User:${u.managerKey}`) ?? null) : null),
      );
      round.forEach((u, i) => Object.assign(records[i], planningRoleFields(u.role, describe.fields)));
      if (records.length === 0) continue;
      const results = await writeRecords(this.session, {
        sobject: 'User',
        operation: 'create',
        records,
        policy: this.options.policy,
      });
      results.forEach((result, i) => {
        if (result.success && result.id) {
          this.ids.set(`User:${round[i].key}`, result.id);
          this.report.users.created++;
        }
      });
      const failed = results.filter((r) => !r.success);
      if (failed.length > 0) {
        const first = failed[0].message ?? 'unknown error';
        this.report.users.notes.push(
          `${failed.length} user(s) could not be created (${first}); the running user plays those roles.`,
        );
      }
    }
    const runningUserId = await this.runningUserId();
    this.runningUser = runningUserId;
    for (const u of users) {
      if (!this.ids.has(`User:${u.key}`)) {
        this.ids.set(`User:${u.key}`, runningUserId);
        this.report.users.substituted++;
      }
    }
    await this.assignPermissionSets(users, runningUserId);
  }

  /** Puts the loaded users in the seed's role hierarchy; an org without UserRole gets a note. */
  async assignRoles(roles: RoleSpec[]): Promise<void> {
    if (!(await this.hasObject('UserRole'))) {
      this.report.users.notes.push('This org does not expose UserRole: users were not given roles.');
      return;
    }
    await loadRoles(roles, {
      session: this.session,
      policy: this.options.policy,
      userId: (key) => this.ids.get(`User:${key}`),
      runningUserId: this.runningUser ?? (await this.runningUserId()),
      notes: this.report.users.notes,
    });
  }

  private async runningUserId(): Promise<string> {
    const info = await this.session.conn.request<unknown>('/services/oauth2/userinfo');
    const where = 'the userinfo response (/services/oauth2/userinfo)';
    return expectString(expectMap(info, where), 'user_id', where);
  }

  /** Assigns each role's permission set where the org supports assignments through the API. */
  private async assignPermissionSets(users: UserSpec[], runningUserId: string): Promise<void> {
    const conn = this.session.conn;
    const global = await conn.describeGlobal();
    if (!global.sobjects.some((s) => s.name === 'PermissionSetAssignment')) {
      this.report.users.notes.push(
        'This org does not expose PermissionSetAssignment: permission sets were not assigned.',
      );
      return;
    }
    const where = 'the permission set query response';
    const sets = await conn.query<JsonMap>(
      `SELECT Id, Name FROM PermissionSet WHERE Name IN ('${Object.values(PERMISSION_SETS).join("','")}')`,
    );
    const setIds = new Map(
      queryPage<JsonMap>(sets, where).records.map((s, i) => [
        expectString(s, 'Name', `${where}: records[${i}]`),
        expectString(s, 'Id', `${where}: records[${i}]`),
      ]),
    );
    const wanted = users
      .map((u) => ({
        AssigneeId: this.ids.get(`User:${u.key}`) ?? '',
        PermissionSetId: setIds.get(PERMISSION_SETS[u.role]) ?? '',
      }))
      .filter((a) => a.AssigneeId && a.PermissionSetId && a.AssigneeId !== runningUserId);
    if (wanted.length === 0) return;
    const existing = await queryIn<{ AssigneeId: string; PermissionSetId: string }>(
      this.session,
      'SELECT AssigneeId, PermissionSetId FROM PermissionSetAssignment',
      'AssigneeId',
      wanted.map((w) => w.AssigneeId),
    );
    const have = new Set(existing.map((e) => `${e.AssigneeId}:${e.PermissionSetId}`));
    const todo = wanted.filter((w) => !have.has(`${w.AssigneeId}:${w.PermissionSetId}`));
    if (todo.length === 0) return;
    const results = await writeRecords(this.session, {
      sobject: 'PermissionSetAssignment',
      operation: 'create',
      records: todo,
      policy: this.options.policy,
    });
    this.report.users.permissionSetsAssigned += results.filter((r) => r.success).length;
  }

  /** The object names the org exposes to the running user (global describe), read once. */
  private hasObject(name: string): Promise<boolean> {
    this.orgObjects ??= this.session.conn.describeGlobal().then((g) => new Set(g.sobjects.map((s) => s.name)));
    return this.orgObjects.then((names) => names.has(name));
  }

  /**
   * Shares loaded plans for reading with their AEs (Manual shares), creating only the missing ones: plans
   * are Private, so an AE sees a partner's plan only through a share. Skips users whose role the running
   * user plays and plan owners (their access is implicit); an org without the share object gets a note.
   */
  async sharePlans(planShares: PlanShare[], label = PLAN_SHARE): Promise<void> {
    if (planShares.length === 0) return;
    if (!(await this.hasObject(PLAN_SHARE))) {
      const note = `This org has no ${PLAN_SHARE} (plans are not Private there): plans were not shared with AEs.`;
      if (!this.report.notes.includes(note)) this.report.notes.push(note);
      return;
    }
    const stats = (this.report.objects[PLAN_SHARE] ??= { created: 0, updated: 0, failed: 0 });
    const runningUserId = this.runningUser ?? (await this.runningUserId());
    const wanted = new Map<string, { label: string; record: Record<string, string> }>();
    for (const { planKey, userKeys } of planShares) {
      const planId = this.ids.get(`Partner_Account_Plan__c:${planKey}`);
      if (!planId) continue; // the plan failed to load, and is reported already
      for (const userKey of userKeys) {
        const userId = this.ids.get(`User:${userKey}`);
        if (!userId || userId === runningUserId) continue;
        wanted.set(`${planId}:${userId}`, {
          label: `${planKey} ${userKey}`,
          record: { ParentId: planId, UserOrGroupId: userId, AccessLevel: 'Read', RowCause: 'Manual' },
        });
      }
    }
    const planIds = [...new Set([...wanted.values()].map((w) => w.record.ParentId))];
    const plans = await queryIn<{ Id: string; OwnerId: string }>(
      this.session,
      'SELECT Id, OwnerId FROM Partner_Account_Plan__c',
      'Id',
      planIds,
    );
    const owners = new Map(plans.map((p) => [p.Id, p.OwnerId]));
    const existing = await queryIn<{ ParentId: string; UserOrGroupId: string; RowCause: string }>(
      this.session,
      'SELECT ParentId, UserOrGroupId, RowCause FROM Partner_Account_Plan__Share',
      'ParentId',
      planIds,
    );
    const have = new Set(
      existing.filter((e) => e.RowCause === 'Manual').map((e) => `${e.ParentId}:${e.UserOrGroupId}`),
    );
    const todo = [...wanted.entries()]
      .filter(([key, w]) => !have.has(key) && owners.get(w.record.ParentId) !== w.record.UserOrGroupId)
      .map(([, w]) => w);
    if (todo.length === 0) return;
    const bar = this.progress.step(label, todo.length);
    const records = todo.map((w) => w.record);
    const outcomes = await writeRecords(this.session, {
      sobject: PLAN_SHARE,
      operation: 'create',
      records,
      policy: this.options.policy,
      onProgress: bar.tick,
    });
    bar.done();
    for (const outcome of outcomes) {
      if (outcome.success) stats.created++;
      else stats.failed++;
    }
    const labels = new Map<Record<string, unknown>, string>(todo.map((w) => [w.record, w.label]));
    this.report.failures.push(...failuresOf(PLAN_SHARE, records, outcomes, (r) => labels.get(r) ?? ''));
  }

  /** Resolves references; a record whose parent failed is itself failed, without being sent. */
  private resolve(record: SeedRecord): { payload: Record<string, unknown> } | { missing: string } {
    const payload: Record<string, unknown> = NATURAL_KEYS[record.sobject] ? {} : { [EXTERNAL_KEY]: record.key };
    for (const [name, value] of Object.entries(record.fields)) {
      if (isRef(value)) {
        const id = this.ids.get(`${value.ref.sobject}:${value.ref.key}`);
        if (!id) return { missing: `${name} refers to ${value.ref.sobject} ${value.ref.key}, which was not loaded` };
        payload[name] = id;
      } else {
        payload[name] = value;
      }
    }
    return { payload };
  }

  /** Upserts one level of records by External_Key__c. */
  async upsert(sobject: string, records: SeedRecord[], label = sobject): Promise<void> {
    const stats = (this.report.objects[sobject] ??= { created: 0, updated: 0, failed: 0 });
    if (sobject === 'PricebookEntry' && records.length > 0) await this.findPricebook();
    const ready: { record: SeedRecord; payload: Record<string, unknown> }[] = [];
    for (const record of records) {
      const resolved = this.resolve(record);
      if ('missing' in resolved) {
        stats.failed++;
        this.report.failures.push({
          sobject,
          record: record.key,
          errorCode: 'PARENT_NOT_LOADED',
          message: resolved.missing,
          fields: [],
        });
      } else {
        for (const field of this.options.leftOut?.get(sobject) ?? []) delete resolved.payload[field];
        ready.push({ record, payload: resolved.payload });
      }
    }
    const parentField = PARENT_FIELD[sobject];
    if (parentField)
      ready.sort((a, b) => String(a.payload[parentField] ?? '').localeCompare(String(b.payload[parentField] ?? '')));
    // Records that exist already are updated: leave out the fields an update may not name.
    const createOnly = this.createOnly.get(sobject) ?? [];
    if (createOnly.length > 0 && ready.length > 0 && !NATURAL_KEYS[sobject]) {
      const existing = await this.existingKeys(sobject);
      for (const r of ready) {
        if (existing.has(r.record.key)) for (const field of createOnly) delete r.payload[field];
      }
    }
    const bar = this.progress.step(label, ready.length);
    const payloads = ready.map((r) => r.payload);
    const outcomes: NaturalOutcome[] = NATURAL_KEYS[sobject]
      ? await loadByNaturalKey(this.session, sobject, payloads, { policy: this.options.policy, onProgress: bar.tick })
      : await writeDated(payloads, (some, operation) => this.write(sobject, some, bar.tick, operation));
    bar.done();
    const known = await this.existing.get(sobject);
    outcomes.forEach((outcome, i) => {
      if (outcome.success && outcome.id) {
        this.ids.set(`${sobject}:${ready[i].record.key}`, outcome.id);
        known?.add(ready[i].record.key);
        if (outcome.created) stats.created++;
        else if (outcome.existed) stats.unchanged = (stats.unchanged ?? 0) + 1;
        else stats.updated++;
      } else {
        stats.failed++;
      }
    });
    const keys = new Map(ready.map((r) => [r.payload, r.record.key]));
    this.report.failures.push(...failuresOf(sobject, payloads, outcomes, (r) => keys.get(r) ?? ''));
  }

  /** The price book the product prices go in: the org's standard one (see natural-keys.ts). */
  private async findPricebook(): Promise<void> {
    if (this.ids.has(`Pricebook2:${STANDARD_PRICEBOOK}`)) return;
    const found = await standardPricebook(this.session);
    if (typeof found === 'string') this.ids.set(`Pricebook2:${STANDARD_PRICEBOOK}`, found);
    else this.report.notes.push(`No price book for the products (${found.error}): they were not priced.`);
  }

  /** Converts the loaded leads that the dataset converts and the org has not converted yet. */
  async convertLeads(conversions: LeadConversion[]): Promise<void> {
    const ready = conversions.flatMap((c) => {
      const leadId = this.ids.get(`Lead:${c.leadKey}`);
      const accountId = this.ids.get(`Account:${c.accountKey}`);
      const ownerId = this.ids.get(`User:${c.ownerKey}`);
      return leadId && accountId && ownerId ? [{ leadId, accountId, ownerId, label: c.leadKey }] : [];
    });
    if (ready.length === 0) return;
    const stats = (this.report.objects['Lead (converted)'] ??= { created: 0, updated: 0, failed: 0 });
    const result = await convertLeads(this.session, ready);
    stats.updated += result.converted;
    stats.failed += result.failures.length;
    for (const f of result.failures)
      this.report.failures.push({
        sobject: 'Lead',
        record: f.label,
        errorCode: 'CONVERT_FAILED',
        message: f.message,
        fields: [],
      });
  }

  /** Upserts (or inserts) through Bulk API 2.0 beyond the threshold (while the org offers it), else through collections. */
  private async write(
    sobject: string,
    payloads: Record<string, unknown>[],
    onProgress: (settled: number) => void,
    operation: 'upsert' | 'insert' = 'upsert',
  ): Promise<RecordOutcome[]> {
    const threshold = this.options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;
    if (this.bulkAvailable && threshold > 0 && payloads.length > threshold) {
      try {
        return await upsertBulk(this.session, sobject, EXTERNAL_KEY, payloads, {
          policy: this.options.policy,
          onProgress,
          operation,
        });
      } catch (error) {
        if (!(error instanceof BulkUnavailableError)) throw error;
        this.bulkAvailable = false;
        this.report.notes.push(
          `Bulk API 2.0 is not available (${error.message}): large levels went through sObject Collections.`,
        );
      }
    }
    return writeRecords(this.session, {
      sobject,
      operation: operation === 'insert' ? 'create' : 'upsert',
      externalIdField: EXTERNAL_KEY,
      records: payloads,
      policy: this.options.policy,
      onProgress,
    });
  }

  /** The Id of a loaded record (users by their seed key), once its level is loaded. */
  idOf(sobject: string, key: string): string | undefined {
    return this.ids.get(`${sobject}:${key}`);
  }

  remember(sobject: string, key: string, id: string): void {
    this.ids.set(`${sobject}:${key}`, id);
  }

  /** Forgets Ids that later levels no longer need (opportunities of a finished chunk). */
  forget(sobject: string, records: SeedRecord[]): void {
    for (const record of records) this.ids.delete(`${sobject}:${record.key}`);
  }
}
