/**
 * Record writes with the platform's validation: one code path for single-record, collection, upsert and
 * bulk handlers. Handlers deserialize a JSON body with `deserializeRecord` (request-level errors), then call
 * `create`/`update`/`upsert`/`remove` (record-level errors as SalesforceError). Each call is atomic: it runs
 * in a SQLite transaction, which becomes a savepoint when the handler already holds one.
 *
 * This class orchestrates the steps of a save; each step is a module of `dml/`: access checks, field
 * validation, defaults and auto-numbers, derived fields, required and unique constraints, validation rules
 * (`formula`), cascade delete and roll-up summaries.
 */
import type { RequestContext } from './context';
import { assertStorageAvailable } from './data-storage';
import { SalesforceError } from './errors';
import type { FiscalCalendar } from './fiscal';
import { enforceRules } from './formula';
import { assertNewAssignment } from './permission-sets';
import type { FieldSchema, ObjectSchema, OrgSchema } from './schema';
import { AUDIT_FIELDS, Security, uneditableFields } from './security';
import { assertShareLevel, checkNewShare, dropManualShares } from './shares';
import { quoteIdent, type Row, type SqlValue } from './sql';
import type { Storage } from './storage';
import { assertEditable, assertVisible, assertWritableEntity, auditValues } from './dml/access';
import { auditColumns, MultipleMatchesError, recordError, type Lookup, type WriteValues } from './dml/common';
import { assertRequired, assertUnique } from './dml/constraints';
import { assertNoRestrictingLookups, cascadeSet, deleteCascade } from './dml/cascade';
import { recordDeletion, restoreDeletion, undeleteRefusal } from './dml/recycle-bin';
import { cascadeCurrency, inheritMasterCurrency } from './dml/currency';
import { defaultValues, nextAutoNumber } from './dml/defaults';
import { deriveFields } from './dml/derive';
import { findIds, lookupRecord } from './dml/find';
import { assertDeletable } from './dml/products';
import { Rollups } from './dml/rollup';
import { outcomeOf, RedoPerRecord, runBatch, type BatchOutcome, type Reservations } from './dml/batch';
import { validateValue } from './dml/validate';
import { afterSetupDelete, afterSetupSave, beforeSetupDelete } from './dml/setup-hooks';

export { deserializeRecord } from './dml/decode';
export { MultipleMatchesError, recordError, type ForeignKeyRef, type Lookup, type WriteValues } from './dml/common';
export type { BatchOutcome } from './dml/batch';

export class Dml {
  /** Roll-up summary fields, recomputed after every write to their detail objects. */
  private rollups: Rollups;
  /** Object permissions, field-level security and sharing, checked on every write. */
  readonly security: Security;
  /** Called when a write deactivates a user (the org's Auth ends their sessions). */
  onUserDeactivated?: (userId: string) => void;

  constructor(
    readonly storage: Storage,
    private readonly options: { fiscalYearStartMonth?: number; fiscal?: FiscalCalendar } = {},
  ) {
    this.security = new Security(storage);
    this.rollups = new Rollups(storage);
  }

  /** After a deploy recompiled the schema: the roll-up summaries are read again from it. */
  schemaChanged(): void {
    this.rollups = new Rollups(this.storage);
  }

  get schema(): OrgSchema {
    return this.storage.schema;
  }

  private get db(): Storage['db'] {
    return this.storage.db;
  }

  /** Runs `fn` atomically (a savepoint inside an outer transaction). */
  atomic<T>(fn: () => T): T {
    // One transaction wrapper for every call: creating one per call costs more than a bulk row's write.
    this.runAtomic ??= this.db.transaction((work: () => unknown) => work());
    return this.runAtomic(fn) as T;
  }

  private runAtomic?: (work: () => unknown) => unknown;

  /**
   * Resolves a record Id given by a client to the row it names, for `obj`. Given the caller's context, a
   * record they cannot see, live or deleted, is missing for them: no answer may confirm that it exists.
   */
  lookup(obj: ObjectSchema, rawId: string, ctx?: RequestContext): Lookup {
    const canRead = ctx && ((row: Row) => this.security.forContext(ctx).canReadRow(obj, row));
    return lookupRecord(this.storage, obj, rawId, canRead);
  }

  /** Live records whose `field` equals `value` (case-insensitively unless the field is case-sensitive). */
  findIds(obj: ObjectSchema, field: FieldSchema, value: SqlValue): string[] {
    return findIds(this.storage, obj, field, value);
  }

  /** Inserts one record and returns its Id. */
  create(ctx: RequestContext, obj: ObjectSchema, values: WriteValues): string {
    return this.atomic(() => this.insert(ctx, obj, values));
  }

  /**
   * One record's insert: every check first, then the writes (a batch relies on a failed check having written
   * nothing). `numbers` supplies Id and auto-numbers reserved for a batch; else they come one at a time.
   */
  private insert(ctx: RequestContext, obj: ObjectSchema, values: WriteValues, numbers?: Reservations): string {
    assertWritableEntity(obj, 'inserted');
    const access = this.security.forContext(ctx);
    access.assertCanCreate(obj);
    assertEditable(values, 'create', access);
    const row = numbers ? numbers.defaults(obj, () => defaultValues(ctx, obj)) : defaultValues(ctx, obj);
    const given = new Set<string>();
    for (const [field, value] of values) {
      row[field.column] = validateValue(this.storage, obj, field, value, access, numbers?.parents);
      given.add(field.name);
    }
    access.assertReferences(values.keys(), row);
    deriveFields(obj, row, given, undefined, this.options.fiscalYearStartMonth, this.options.fiscal, {
      storage: this.storage,
      now: ctx.now,
      userId: ctx.userId,
    });
    inheritMasterCurrency(this.storage, obj, row);
    assertRequired(obj, row);
    enforceRules(this.storage, obj, row, undefined, ctx);
    assertUnique(this.storage, obj, row, obj.fields.values(), access);
    if (obj.name === 'PermissionSetAssignment') assertNewAssignment(this.storage, obj, row);
    const stamp = ctx.now.toISOString();
    if (obj.model.shareOf) {
      // Sharing a record again with the same user changes the existing share, as in an org.
      const existing = checkNewShare(this.storage, this.security, obj, row, access);
      if (existing) {
        this.storage.updateRow(obj, existing, {
          AccessLevel: row.AccessLevel,
          LastModifiedDate: stamp,
          LastModifiedById: ctx.userId,
        });
        return existing;
      }
    }
    assertStorageAvailable(this.storage, obj);
    for (const field of obj.fields.values()) {
      if (field.model.type !== 'AutoNumber') continue;
      row[field.column] = numbers
        ? numbers.autoNumber(obj, field, ctx.now)
        : nextAutoNumber(this.storage, obj, field, ctx.now);
    }
    const audit = auditValues(given, row, stamp, ctx.userId);
    const id = numbers ? numbers.id(obj) : this.storage.nextId(obj);
    Object.assign(row, auditColumns(obj, { Id: id, IsDeleted: 0, ...audit, SystemModstamp: stamp }));
    this.storage.insertRow(obj, row);
    afterSetupSave(this.storage, ctx, obj, undefined, row);
    this.rollups.afterWrite(ctx, obj, undefined, row);
    return id;
  }

  /**
   * Inserts a batch of records of one object. Each record succeeds or fails on its own (a failed record leaves
   * nothing written); outcomes come back in input order. Exceptions other than SalesforceError propagate and
   * leave nothing of the batch written.
   */
  createMany(ctx: RequestContext, obj: ObjectSchema, records: WriteValues[]): BatchOutcome[] {
    return this.batchOrRedo(
      () =>
        runBatch(this.storage, records.length, (i, numbers) => ({
          id: this.insert(ctx, obj, records[i], numbers),
          created: true,
        })),
      () => records.map((values) => outcomeOf(() => ({ id: this.create(ctx, obj, values), created: true }))),
    );
  }

  /** Updates a batch of live records of one object (found with `lookup`), each on its own, as `createMany`. */
  updateMany(ctx: RequestContext, obj: ObjectSchema, records: { current: Row; values: WriteValues }[]): BatchOutcome[] {
    return this.updateEach(ctx, obj, records.length, (i) => records[i]);
  }

  /**
   * `updateMany` for records found as the batch goes (`load` may throw a record's SalesforceError): each lookup
   * then sees the writes of the records before it, as with one request per record.
   */
  updateEach(
    ctx: RequestContext,
    obj: ObjectSchema,
    count: number,
    load: (index: number) => { current: Row; values: WriteValues },
  ): BatchOutcome[] {
    const one = (i: number): { id: string; created: boolean } => {
      const { current, values } = load(i);
      this.change(ctx, obj, current, values);
      return { id: current.Id as string, created: false };
    };
    return this.batchOrRedo(
      () => runBatch(this.storage, count, one),
      () => Array.from({ length: count }, (_, i) => outcomeOf(() => this.atomic(() => one(i)))),
    );
  }

  /**
   * Runs `batch` in one savepoint; when a record failed after writing, rolls it back and runs `perRecord` (one
   * savepoint per record) instead. Inside `withBatchTransaction`, the caller's transaction is that savepoint.
   */
  private batchOrRedo(batch: () => BatchOutcome[], perRecord: () => BatchOutcome[]): BatchOutcome[] {
    if (this.callerHoldsBatch) return batch();
    try {
      return this.atomic(batch);
    } catch (error) {
      if (!(error instanceof RedoPerRecord)) throw error;
    }
    return this.atomic(perRecord);
  }

  private callerHoldsBatch = false;

  /**
   * Runs `work` in a transaction that stands for the savepoint of every batch written inside it (a savepoint
   * costs SQLite a copy of each page it changes). Returns undefined, with everything rolled back, when a record
   * failed after writing: the caller then does the work again outside, where batches keep their own savepoints.
   */
  withBatchTransaction<T>(work: () => T): T | undefined {
    const outer = this.callerHoldsBatch;
    this.callerHoldsBatch = true;
    try {
      return this.atomic(work);
    } catch (error) {
      if (error instanceof RedoPerRecord) return undefined;
      throw error;
    } finally {
      this.callerHoldsBatch = outer;
    }
  }

  /** Updates a live record (found with `lookup`). */
  update(ctx: RequestContext, obj: ObjectSchema, current: Row, values: WriteValues): void {
    this.atomic(() => this.change(ctx, obj, current, values));
  }

  /** One record's update: every check first, then the writes (as `insert`). */
  private change(ctx: RequestContext, obj: ObjectSchema, current: Row, values: WriteValues): void {
    assertWritableEntity(obj, 'updated');
    const id = current.Id as string;
    const access = this.security.forContext(ctx);
    assertVisible(access, obj, current);
    access.assertCanEdit(obj, current);
    assertEditable(values, 'update', access, id);
    const row: Row = { ...current };
    const given = new Set<string>();
    const changed: FieldSchema[] = [];
    for (const [field, value] of values) {
      if (field.name === 'Id') continue;
      row[field.column] = validateValue(this.storage, obj, field, value, access);
      given.add(field.name);
      changed.push(field);
    }
    access.assertReferences(changed, row);
    deriveFields(obj, row, given, current, this.options.fiscalYearStartMonth, this.options.fiscal, {
      storage: this.storage,
      now: ctx.now,
      userId: ctx.userId,
    });
    inheritMasterCurrency(this.storage, obj, row);
    assertRequired(obj, row);
    enforceRules(this.storage, obj, row, current, ctx);
    assertUnique(this.storage, obj, row, changed, access);
    if (obj.model.shareOf) assertShareLevel(this.storage, obj, row);
    const stamp = ctx.now.toISOString();
    Object.assign(
      row,
      auditColumns(obj, { LastModifiedDate: stamp, LastModifiedById: ctx.userId, SystemModstamp: stamp }),
    );
    const diff: Row = {};
    for (const key of Object.keys(row)) if (row[key] !== current[key]) diff[key] = row[key];
    this.storage.updateRow(obj, id, diff);
    if ('OwnerId' in diff) dropManualShares(this.storage, ctx, obj, id);
    if (typeof diff.CurrencyIsoCode === 'string') cascadeCurrency(this.storage, obj, id, diff.CurrencyIsoCode);
    if (obj.name === 'User' && current.IsActive === 1 && row.IsActive !== 1) this.onUserDeactivated?.(id);
    afterSetupSave(this.storage, ctx, obj, current, row);
    this.rollups.afterWrite(ctx, obj, current, row);
  }

  /** Creates or updates by external id (or Id); multiple matches throw MultipleMatchesError. */
  upsert(
    ctx: RequestContext,
    obj: ObjectSchema,
    idField: FieldSchema,
    idValue: SqlValue,
    values: WriteValues,
    options: { updateOnly?: boolean } = {},
  ): { id: string; created: boolean } {
    return this.atomic(() => {
      // A non-unique external id could hide a match the caller cannot see: the platform asks for View All Data.
      if (idField.name !== 'Id' && !idField.model.unique && !this.security.forContext(ctx).allData) {
        throw recordError('INSUFFICIENT_ACCESS', 'Upsert requires view all data on a non-unique custom index');
      }
      // Salesforce sets audit fields on insert only, "not upsert", even an upsert that would create.
      const audit = [...values.keys()].filter((f) => AUDIT_FIELDS.has(f.name)).map((f) => f.name);
      if (audit.length > 0) throw uneditableFields(audit);
      const ids = idValue === null || idValue === '' ? [] : this.findIds(obj, idField, idValue);
      if (ids.length > 1) throw new MultipleMatchesError(idField, ids);
      if (ids.length === 1) {
        const current = this.storage.getRow(obj, ids[0]) as Row;
        const rest: WriteValues = new Map([...values].filter(([f]) => f !== idField));
        this.update(ctx, obj, current, rest);
        return { id: ids[0], created: false };
      }
      if (options.updateOnly) throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
      const withKey: WriteValues = new Map(values);
      if (idField.name !== 'Id') withKey.set(idField, idValue);
      else withKey.delete(idField);
      return { id: this.create(ctx, obj, withKey), created: true };
    });
  }

  /** Deletes a live record: cascades to master-detail children, clears or refuses lookups pointing at it. */
  remove(ctx: RequestContext, obj: ObjectSchema, current: Row): void {
    this.atomic(() => {
      assertWritableEntity(obj, 'deleted');
      // Users are deactivated, never deleted.
      if (obj.name === 'User') {
        throw recordError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be deleted: ${obj.model.label}`);
      }
      // Master-detail children go with their master, whoever can see them, as in an org.
      const access = this.security.forContext(ctx);
      assertVisible(access, obj, current);
      access.assertCanDelete(obj, current);
      assertDeletable(obj, current);
      beforeSetupDelete(this.storage, obj, current);
      const doomed = cascadeSet(this.storage, obj, current.Id as string);
      assertNoRestrictingLookups(this.storage, current, doomed);
      const cleared = deleteCascade(this.storage, ctx, doomed);
      recordDeletion(this.storage, current.Id as string, doomed, cleared);
      afterSetupDelete(this.storage, obj, current);
      this.rollups.afterWrite(ctx, obj, current, undefined);
    });
  }

  /**
   * Points every live record whose reference fields name one of `fromIds` (records of `target`) at `toId`
   * instead, as a merge moves related records to the master; roll-up summaries follow. Returns the moved Ids.
   */
  reparent(ctx: RequestContext, target: ObjectSchema, fromIds: string[], toId: string): string[] {
    return this.atomic(() => {
      const moved: string[] = [];
      const stamp = ctx.now.toISOString();
      for (const holder of this.schema.objects.values()) {
        for (const field of holder.fields.values()) {
          const m = field.model;
          if ((m.type !== 'Lookup' && m.type !== 'MasterDetail') || !(m.referenceTo ?? []).includes(target.name))
            continue;
          if (m.systemManaged || field.name === 'OwnerId') continue;
          for (const from of fromIds) {
            const sql = `SELECT * FROM ${quoteIdent(holder.table)} WHERE ${quoteIdent(field.column)} = ? AND "IsDeleted" = 0`;
            for (const before of this.storage.statement(sql).all(from) as Row[]) {
              this.storage.updateRow(holder, before.Id as string, { [field.column]: toId, SystemModstamp: stamp });
              this.rollups.afterWrite(ctx, holder, before, { ...before, [field.column]: toId });
              moved.push(before.Id as string);
            }
          }
        }
      }
      return [...new Set(moved)];
    });
  }

  /**
   * Restores a record from the recycle bin with what its delete took along: the master-detail descendants
   * deleted with it and the lookups it cleared. The caller must be able to delete the record.
   */
  undelete(ctx: RequestContext, obj: ObjectSchema, current: Row): void {
    this.atomic(() => {
      assertWritableEntity(obj, 'deleted');
      const refusal = undeleteRefusal(this.storage, current);
      if (refusal) throw refusal;
      const access = this.security.forContext(ctx);
      assertVisible(access, obj, current);
      access.assertCanDelete(obj, current);
      restoreDeletion(this.storage, ctx, obj, current.Id as string);
      const restored = this.storage.getRow(obj, current.Id as string);
      if (restored) afterSetupSave(this.storage, ctx, obj, current, restored);
      this.rollups.afterWrite(ctx, obj, undefined, restored);
    });
  }
}
