/**
 * Record writes with the platform's validation: one code path for single-record, collection, upsert and
 * bulk handlers. Handlers deserialize a JSON body with `deserializeRecord` (request-level errors), then call
 * `create`/`update`/`upsert`/`remove` (record-level errors as SalesforceError). Each call is atomic: it runs
 * in a SQLite transaction, which becomes a savepoint when the handler already holds one.
 */
import type { FilterItem, RollupSummary } from '@partner-planning/model';
import type { RequestContext } from './context';
import { SalesforceError } from './errors';
import { enforceRules } from './formula';
import { normalizeId } from './ids';
import { assertNewAssignment } from './permission-sets';
import { findFieldSchema, type FieldSchema, type ObjectSchema, type OrgSchema } from './schema';
import { Security, uneditableFields, type UserAccess } from './security';
import { assertShareLevel, checkNewShare } from './shares';
import { quoteIdent, type Row, type SqlValue } from './sql';
import type { Storage } from './storage';
import {
  inDateRange,
  integerDigits,
  lineColumn,
  maxLength,
  MAX_DATETIME,
  MIN_DATETIME,
  parseDate,
  parseDateTime,
  roundToScale,
  today,
} from './values';

/** A record-level failure, reported per record in collections and as a 400 for single-record calls. */
export const recordError = (code: string, message: string, fields: string[] = []): SalesforceError =>
  new SalesforceError(400, code, message, fields);

/** A parent named by one of its external ids (`"Account__r": {"External_Key__c": "A-1"}`). */
export interface ForeignKeyRef {
  target: ObjectSchema;
  idField: FieldSchema;
  value: SqlValue;
}

/** The values a client asked to write, by field, after JSON deserialization. */
export type WriteValues = Map<FieldSchema, SqlValue | ForeignKeyRef>;

const TEXT_TYPES = new Set([
  'Id',
  'Text',
  'TextArea',
  'LongTextArea',
  'Html',
  'Email',
  'Phone',
  'Url',
  'Picklist',
  'MultiselectPicklist',
  'Lookup',
  'MasterDetail',
  'AutoNumber',
]);
const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent', 'Summary']);
const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function jsonToken(value: unknown): string {
  if (typeof value === 'string') return 'VALUE_STRING';
  if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
  return Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT';
}

/** Where `"key": value` sits in the request text, for the parser's `[line:L, column:C]` suffix. */
function positionOf(source: string | undefined, key: string): string {
  if (!source) return '';
  const at = source.indexOf(`"${key}"`);
  if (at < 0) return '';
  const colon = source.indexOf(':', at + key.length + 2);
  let end = colon + 1;
  while (end < source.length && /\s/.test(source[end])) end++;
  if (source[end] === '"') {
    end++;
    while (end < source.length && source[end] !== '"') end += source[end] === '\\' ? 2 : 1;
    end++;
  } else {
    while (end < source.length && !/[\s,}\]]/.test(source[end])) end++;
  }
  const { line, column } = lineColumn(source, end);
  return ` at [line:${line}, column:${column}]`;
}

function parserError(kind: string, key: string, value: unknown, source: string | undefined): SalesforceError {
  const shown = typeof value === 'object' && value !== null ? (Array.isArray(value) ? '[' : '{') : String(value);
  return new SalesforceError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${kind} from ${jsonToken(value)} value ${shown} or request may be missing a required field${positionOf(source, key)}`,
  );
}

/** Converts one JSON value to its stored form, or fails as the API's JSON parser does. */
function deserializeValue(field: FieldSchema, key: string, value: unknown, source: string | undefined): SqlValue {
  const type = field.model.type;
  if (value === null) return type === 'Checkbox' ? 0 : null;
  if (type === 'Checkbox') {
    if (typeof value !== 'boolean') throw parserError('boolean', key, value, source);
    return value ? 1 : 0;
  }
  if (NUMBER_TYPES.has(type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw parserError('double', key, value, source);
    return value;
  }
  if (type === 'Date') {
    const date = typeof value === 'string' ? parseDate(value) : undefined;
    if (date === undefined) throw parserError('date', key, value, source);
    return date;
  }
  if (type === 'DateTime') {
    const dt = typeof value === 'string' ? parseDateTime(value) : undefined;
    if (dt === undefined) throw parserError('datetime', key, value, source);
    return dt;
  }
  if (typeof value === 'object') throw parserError('string', key, value, source);
  return String(value);
}

/**
 * Deserializes a record body for `obj`: every key must name a field (or a parent relationship given by
 * external id); values must have the field's JSON type. `attributes` is skipped. Throws request-level
 * errors (INVALID_FIELD, JSON_PARSER_ERROR), as the API does before any record is processed. Fields the
 * caller cannot read (`readable`) do not exist for them.
 */
export function deserializeRecord(
  schema: OrgSchema,
  obj: ObjectSchema,
  body: unknown,
  source?: string,
  readable: (field: FieldSchema) => boolean = () => true,
): WriteValues {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${obj.name} from ${jsonToken(body)} value`,
    );
  }
  const values: WriteValues = new Map();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'attributes') continue;
    const field = findFieldSchema(obj, key);
    if (field && readable(field)) {
      values.set(field, deserializeValue(field, key, value, source));
      continue;
    }
    const parent = obj.parents.get(key.toLowerCase());
    if (parent && readable(parent.field) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const target = schema.objects.get(parent.target) as ObjectSchema;
      values.set(parent.field, foreignKeyRef(parent.field, target, value as Record<string, unknown>, source));
      continue;
    }
    throw new SalesforceError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${obj.name}`);
  }
  return values;
}

function foreignKeyRef(
  field: FieldSchema,
  target: ObjectSchema,
  body: Record<string, unknown>,
  source: string | undefined,
): ForeignKeyRef {
  const keys = Object.keys(body).filter((k) => k !== 'attributes');
  const idField = keys.length === 1 ? findFieldSchema(target, keys[0]) : undefined;
  if (!idField || !(idField.model.externalId || idField.name === 'Id')) {
    throw new SalesforceError(
      400,
      'INVALID_FIELD',
      `The value provided for foreign key reference ${field.name.replace(/__c$/, '__r')} is not a nested SObject with exactly one external id field`,
    );
  }
  return { target, idField, value: deserializeValue(idField, keys[0], body[keys[0]], source) };
}

/**
 * A record the user cannot see does not exist for them: writing or deleting it answers 404 NOT_FOUND, as a
 * missing record does, never an access error that would confirm it exists.
 */
function assertVisible(access: UserAccess, obj: ObjectSchema, row: Row): void {
  if (!access.canReadRow(obj, row)) {
    throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
}

/** What a record Id names, before any access check. */
export type Lookup =
  | { kind: 'live'; row: Row }
  | { kind: 'deleted'; row: Row }
  | { kind: 'malformed' }
  | { kind: 'wrongType'; id: string }
  | { kind: 'missing'; id: string };

/** A roll-up summary field together with its master object. */
interface Rollup {
  master: ObjectSchema;
  field: FieldSchema;
  summary: RollupSummary;
}

/** Signals that an external id matched more than one record (REST answers 300). */
export class MultipleMatchesError extends SalesforceError {
  constructor(
    readonly field: FieldSchema,
    readonly ids: string[],
  ) {
    super(
      300,
      'DUPLICATE_EXTERNAL_ID',
      `${field.name}: more than one record found for external id field: [${ids.join(', ')}]`,
      [field.name],
    );
  }
}

const IN_CHUNK = 500;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

export class Dml {
  /** Roll-ups keyed by child object name. */
  private readonly rollupsByChild = new Map<string, Rollup[]>();
  /** Object permissions, field-level security and sharing, checked on every write. */
  readonly security: Security;
  /** Called when a write deactivates a user (the org's Auth ends their sessions). */
  onUserDeactivated?: (userId: string) => void;

  constructor(
    readonly storage: Storage,
    private readonly options: { fiscalYearStartMonth?: number } = {},
  ) {
    this.security = new Security(storage);
    for (const obj of storage.schema.objects.values()) {
      for (const field of obj.fields.values()) {
        const summary = field.model.summary;
        if (!summary) continue;
        const list = this.rollupsByChild.get(summary.childObject) ?? [];
        list.push({ master: obj, field, summary });
        this.rollupsByChild.set(summary.childObject, list);
      }
    }
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
    const id = normalizeId(rawId);
    if (!id) return { kind: 'malformed' };
    if (id.slice(0, 3) !== obj.keyPrefix) return { kind: 'wrongType', id };
    const row = this.storage.getRow(obj, id);
    if (!row || (ctx && !this.security.forContext(ctx).canReadRow(obj, row))) return { kind: 'missing', id };
    return row.IsDeleted === 1 ? { kind: 'deleted', row } : { kind: 'live', row };
  }

  /** Live records whose `field` equals `value` (case-insensitively unless the field is case-sensitive). */
  findIds(obj: ObjectSchema, field: FieldSchema, value: SqlValue): string[] {
    if (field.name === 'Id') {
      const found = typeof value === 'string' ? this.lookup(obj, value) : undefined;
      return found?.kind === 'live' ? [found.row.Id as string] : [];
    }
    const collate = field.model.caseSensitive ? ' COLLATE BINARY' : '';
    const sql = `SELECT "Id" FROM ${quoteIdent(obj.table)} WHERE ${quoteIdent(field.column)} = ?${collate} AND "IsDeleted" = 0 ORDER BY "Id"`;
    return (this.storage.statement(sql).all(value) as { Id: string }[]).map((r) => r.Id);
  }

  private assertWritableEntity(obj: ObjectSchema, verb: 'inserted' | 'updated' | 'deleted'): void {
    if (obj.readOnly) {
      throw recordError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be ${verb}: ${obj.model.label}`);
    }
  }

  /**
   * Fields a client may not set on this operation: system fields always, master-detail (and create-only)
   * fields after create, and fields the caller cannot edit through field-level security.
   */
  private assertEditable(values: WriteValues, op: 'create' | 'update', access: UserAccess, currentId?: string): void {
    const refused: string[] = [];
    for (const [field, value] of values) {
      if (field.name === 'Id') {
        if (op === 'create')
          throw recordError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
        if (typeof value === 'string' && normalizeId(value) === currentId) continue;
        refused.push(field.name);
        continue;
      }
      const fixed = field.model.type === 'MasterDetail' || field.model.createOnly === true;
      if (field.model.systemManaged || (op === 'update' && fixed) || !access.canEditField(field))
        refused.push(field.name);
    }
    if (refused.length > 0) throw uneditableFields(refused);
  }

  /**
   * The Id a parent reference names, checked against the target object and its existence. A record the
   * user cannot see answers exactly as a missing one (no Id, no hint that it exists).
   */
  private resolveReference(
    obj: ObjectSchema,
    field: FieldSchema,
    value: SqlValue | ForeignKeyRef,
    access: UserAccess,
  ): SqlValue {
    if (value === null) return null;
    const label = field.model.label;
    if (typeof value === 'object') {
      const target = value.target;
      const ids = this.findIds(target, value.idField, value.value).filter((found) =>
        access.canReadRow(target, this.storage.getRow(target, found) ?? {}),
      );
      if (ids.length === 0) {
        throw recordError(
          'INVALID_FIELD',
          `Foreign key external ID: ${String(value.value)} not found for field ${value.idField.name} in entity ${value.target.name}`,
          [field.name],
        );
      }
      if (ids.length > 1) {
        throw recordError(
          'INVALID_FIELD',
          `Foreign key external ID: ${String(value.value)} matches more than one record for field ${value.idField.name} in entity ${value.target.name}`,
          [field.name],
        );
      }
      return ids[0];
    }
    const id = normalizeId(String(value));
    if (!id) throw recordError('MALFORMED_ID', `${label}: id value of incorrect type: ${String(value)}`, [field.name]);
    const target = this.schema.byKeyPrefix.get(id.slice(0, 3));
    if (!target || !(field.model.referenceTo ?? []).includes(target.name)) {
      throw recordError('FIELD_INTEGRITY_EXCEPTION', `${label}: id value of incorrect type: ${id}`, [field.name]);
    }
    const row = this.storage.getRow(target, id);
    if (!row || !access.canReadRow(target, row)) {
      throw recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]);
    }
    if (row.IsDeleted === 1) throw recordError('ENTITY_IS_DELETED', 'entity is deleted', [field.name]);
    if (field.name === 'OwnerId' && target.name === 'User' && row.IsActive !== 1) {
      throw recordError(
        'INACTIVE_OWNER_OR_USER',
        `operation performed with inactive user [${id}] as owner of [${obj.model.label}]`,
        [field.name],
      );
    }
    return id;
  }

  /** Checks one client value against its field (length, picklist, email, number range, reference). */
  private validate(
    obj: ObjectSchema,
    field: FieldSchema,
    value: SqlValue | ForeignKeyRef,
    access: UserAccess,
  ): SqlValue {
    const model = field.model;
    if (model.type === 'Lookup' || model.type === 'MasterDetail')
      return this.resolveReference(obj, field, value, access);
    if (value === null || typeof value === 'object') return null;
    const label = model.label;
    if ((model.type === 'Date' || model.type === 'DateTime') && typeof value === 'string' && !inDateRange(value)) {
      // FIELD_INTEGRITY_EXCEPTION is what the platform answers for a date it cannot store (years 1700-4000).
      throw recordError(
        'FIELD_INTEGRITY_EXCEPTION',
        `${label}: invalid date: ${value} (valid from ${MIN_DATETIME} to ${MAX_DATETIME})`,
        [field.name],
      );
    }
    if (NUMBER_TYPES.has(model.type)) {
      const digits = integerDigits(model);
      const n = Number(value);
      if (digits !== undefined && Math.abs(Math.trunc(roundToScale(n, model.scale))) >= 10 ** digits) {
        throw recordError(
          'NUMBER_OUTSIDE_VALID_RANGE',
          `${label}: value outside of valid range on numeric field: ${n}`,
          [field.name],
        );
      }
      return roundToScale(n, model.scale);
    }
    if (typeof value !== 'string' || !TEXT_TYPES.has(model.type)) return value;
    let text = value;
    if (model.picklist && (model.type === 'Picklist' || model.type === 'MultiselectPicklist')) {
      text = this.validatePicklist(field, text);
    }
    const max = maxLength(model);
    if (max !== undefined && text.length > max) {
      throw recordError('STRING_TOO_LONG', `${label}: data value too large: ${text} (max length=${max})`, [field.name]);
    }
    if (model.type === 'Email' && text !== '' && !EMAIL.test(text)) {
      throw recordError('INVALID_EMAIL_ADDRESS', `${label}: invalid email address: ${text}`, [field.name]);
    }
    return text;
  }

  /** Restricted picklists accept only their values (matched case-insensitively, stored as defined). */
  private validatePicklist(field: FieldSchema, text: string): string {
    const picklist = field.model.picklist;
    if (!picklist) return text;
    const parts =
      field.model.type === 'MultiselectPicklist'
        ? text
            .split(';')
            .map((p) => p.trim())
            .filter((p) => p !== '')
        : [text];
    const canonical = parts.map((part) => {
      const match = picklist.values.find((v) => v.value.toLowerCase() === part.toLowerCase());
      if (!match && picklist.restricted) {
        throw recordError(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${field.model.label}: bad value for restricted picklist field: ${part}`,
          [field.name],
        );
      }
      return match ? match.value : part;
    });
    return [...new Set(canonical)].join(';');
  }

  /** Values a new record gets when the client does not give them. */
  private defaults(ctx: RequestContext, obj: ObjectSchema): Row {
    const row: Row = {};
    for (const field of obj.fields.values()) {
      const model = field.model;
      if (model.formula !== undefined) continue;
      if (model.type === 'Checkbox') row[field.column] = model.defaultChecked ? 1 : 0;
      else if (model.summary)
        row[field.column] = model.summary.operation === 'count' || model.summary.operation === 'sum' ? 0 : null;
      else if (model.picklist) {
        const defaults = model.picklist.values.filter((v) => v.isDefault).map((v) => v.value);
        row[field.column] = defaults.length > 0 ? defaults.join(';') : null;
      } else row[field.column] = literalDefault(model.defaultValue, model.type, ctx.now);
    }
    if (obj.fields.has('OwnerId')) row.OwnerId = ctx.userId;
    return row;
  }

  /** Fields the platform computes from others on every save. */
  private derive(obj: ObjectSchema, row: Row, given: Set<string>, previous: Row | undefined): void {
    const name = obj.fields.get('Name');
    if (name?.model.systemManaged && name.model.type !== 'AutoNumber' && obj.fields.has('LastName')) {
      row.Name = [row.FirstName, row.LastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
    }
    const stageField = [...obj.fields.values()].find((f) => f.model.stages);
    if (stageField?.model.stages) {
      const stageName = row[stageField.column];
      const stage = stageField.model.stages.find((s) => s.value === stageName);
      if (stage) {
        if (obj.fields.has('IsClosed')) row.IsClosed = stage.closed ? 1 : 0;
        if (obj.fields.has('IsWon')) row.IsWon = stage.won ? 1 : 0;
        if (obj.fields.has('ForecastCategoryName')) row.ForecastCategoryName = stage.forecastCategory;
        const stageChanged = previous === undefined || previous[stageField.column] !== stageName;
        if (obj.fields.has('Probability') && !given.has('Probability') && stageChanged)
          row.Probability = stage.probability;
      }
    }
    if (obj.fields.has('FiscalYear') && obj.fields.has('CloseDate')) {
      const close = row.CloseDate;
      if (typeof close === 'string') {
        const start = this.options.fiscalYearStartMonth ?? 1;
        const [y, m] = close.split('-').map(Number);
        const monthsIn = (m - start + 12) % 12;
        // A fiscal year is named by the calendar year in which it ends, as the platform's default is.
        row.FiscalYear = start === 1 ? y : m >= start ? y + 1 : y;
        row.FiscalQuarter = Math.floor(monthsIn / 3) + 1;
      } else {
        row.FiscalYear = null;
        row.FiscalQuarter = null;
      }
    }
  }

  private assertRequired(obj: ObjectSchema, row: Row): void {
    const missing: string[] = [];
    for (const field of obj.fields.values()) {
      const model = field.model;
      if (model.systemManaged || model.type === 'Checkbox' || model.formula !== undefined) continue;
      if (!model.required) continue;
      const value = row[field.column];
      if (value === null || value === undefined || value === '') missing.push(field.name);
    }
    if (missing.length > 0)
      throw recordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
  }

  private assertUnique(obj: ObjectSchema, row: Row, fields: Iterable<FieldSchema>, access: UserAccess): void {
    for (const field of fields) {
      if (!field.model.unique) continue;
      const value = row[field.column];
      if (value === null || value === undefined) continue;
      const collate = field.model.caseSensitive ? ' COLLATE BINARY' : '';
      const sql = `SELECT "Id" FROM ${quoteIdent(obj.table)} WHERE ${quoteIdent(field.column)} = ?${collate} AND "IsDeleted" = 0 AND "Id" <> ? LIMIT 1`;
      const clash = this.storage.statement(sql).get(value, row.Id ?? '') as { Id: string } | undefined;
      if (!clash) continue;
      if (obj.name === 'User' && field.name === 'Username') {
        throw recordError(
          'DUPLICATE_USERNAME',
          "Duplicate Username.<br>The username already exists in this or another Salesforce organization. Usernames must be unique across all Salesforce organizations. To resolve, use a different username (it doesn't need to match the user's email address).",
          [field.name],
        );
      }
      // The clashing record's Id is named only to a user who can see that record.
      const visible = access.canReadRow(obj, this.storage.getRow(obj, clash.Id) ?? {});
      throw recordError(
        'DUPLICATE_VALUE',
        `duplicate value found: ${field.name} duplicates value on ${visible ? `record with id: ${clash.Id}` : 'another record'}`,
        [field.name],
      );
    }
  }

  private nextAutoNumber(obj: ObjectSchema, field: FieldSchema, now: Date): string {
    const counter = this.storage
      .statement(
        `INSERT INTO _localorg_counters (prefix, next) VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET next = next + 1 RETURNING next`,
      )
      .get(`autonumber:${obj.name}.${field.name}`) as { next: number };
    const format = field.model.autoNumberFormat ?? '{0}';
    const day = today(now);
    return format
      .replace(/\{(0+)\}/, (_, zeros: string) => String(counter.next).padStart(zeros.length, '0'))
      .replace(/\{YYYY\}/g, day.slice(0, 4))
      .replace(/\{YY\}/g, day.slice(2, 4))
      .replace(/\{MM\}/g, day.slice(5, 7))
      .replace(/\{DD\}/g, day.slice(8, 10));
  }

  /** Inserts one record and returns its Id. */
  create(ctx: RequestContext, obj: ObjectSchema, values: WriteValues): string {
    return this.atomic(() => {
      this.assertWritableEntity(obj, 'inserted');
      const access = this.security.forContext(ctx);
      access.assertCanCreate(obj);
      this.assertEditable(values, 'create', access);
      const row = this.defaults(ctx, obj);
      const given = new Set<string>();
      for (const [field, value] of values) {
        row[field.column] = this.validate(obj, field, value, access);
        given.add(field.name);
      }
      access.assertReferences(values.keys(), row);
      this.derive(obj, row, given, undefined);
      this.assertRequired(obj, row);
      enforceRules(this.storage, obj, row, undefined, ctx);
      this.assertUnique(obj, row, obj.fields.values(), access);
      if (obj.name === 'PermissionSetAssignment') assertNewAssignment(this.storage, obj, row);
      const stamp = ctx.now.toISOString();
      if (obj.model.shareOf) {
        // Sharing a record again with the same user changes the existing share, as in an org.
        const existing = checkNewShare(this.storage, this.security, obj, row);
        if (existing) {
          this.storage.updateRow(obj, existing, {
            AccessLevel: row.AccessLevel,
            LastModifiedDate: stamp,
            LastModifiedById: ctx.userId,
          });
          return existing;
        }
      }
      for (const field of obj.fields.values()) {
        if (field.model.type === 'AutoNumber') row[field.column] = this.nextAutoNumber(obj, field, ctx.now);
      }
      const id = this.storage.nextId(obj);
      Object.assign(
        row,
        auditColumns(obj, {
          Id: id,
          IsDeleted: 0,
          CreatedDate: stamp,
          CreatedById: ctx.userId,
          LastModifiedDate: stamp,
          LastModifiedById: ctx.userId,
          SystemModstamp: stamp,
        }),
      );
      this.storage.insertRow(obj, row);
      this.afterWrite(ctx, obj, undefined, row);
      return id;
    });
  }

  /** Updates a live record (found with `lookup`). */
  update(ctx: RequestContext, obj: ObjectSchema, current: Row, values: WriteValues): void {
    this.atomic(() => {
      this.assertWritableEntity(obj, 'updated');
      const id = current.Id as string;
      const access = this.security.forContext(ctx);
      assertVisible(access, obj, current);
      access.assertCanEdit(obj, current);
      this.assertEditable(values, 'update', access, id);
      const row: Row = { ...current };
      const given = new Set<string>();
      const changed: FieldSchema[] = [];
      for (const [field, value] of values) {
        if (field.name === 'Id') continue;
        row[field.column] = this.validate(obj, field, value, access);
        given.add(field.name);
        changed.push(field);
      }
      access.assertReferences(changed, row);
      this.derive(obj, row, given, current);
      this.assertRequired(obj, row);
      enforceRules(this.storage, obj, row, current, ctx);
      this.assertUnique(obj, row, changed, access);
      if (obj.model.shareOf) assertShareLevel(this.storage, obj, row);
      const stamp = ctx.now.toISOString();
      Object.assign(
        row,
        auditColumns(obj, { LastModifiedDate: stamp, LastModifiedById: ctx.userId, SystemModstamp: stamp }),
      );
      const diff: Row = {};
      for (const key of Object.keys(row)) if (row[key] !== current[key]) diff[key] = row[key];
      this.storage.updateRow(obj, id, diff);
      if (obj.name === 'User' && current.IsActive === 1 && row.IsActive !== 1) this.onUserDeactivated?.(id);
      this.afterWrite(ctx, obj, current, row);
    });
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
      this.assertWritableEntity(obj, 'deleted');
      // Users are deactivated, never deleted.
      if (obj.name === 'User') {
        throw recordError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be deleted: ${obj.model.label}`);
      }
      // Master-detail children go with their master, whoever can see them, as in an org.
      const access = this.security.forContext(ctx);
      assertVisible(access, obj, current);
      access.assertCanDelete(obj, current);
      const doomed = this.cascadeSet(obj, current.Id as string);
      this.assertNoRestrictingLookups(current, doomed);
      const stamp = ctx.now.toISOString();
      for (const [target, ids] of doomed) {
        const audit = auditColumns(target, {
          IsDeleted: 1,
          LastModifiedDate: stamp,
          LastModifiedById: ctx.userId,
          SystemModstamp: stamp,
        });
        const set = Object.keys(audit)
          .map((column) => `${quoteIdent(column)} = ?`)
          .join(', ');
        for (const chunk of chunks([...ids])) {
          this.storage
            .statement(
              `UPDATE ${quoteIdent(target.table)} SET ${set} WHERE "Id" IN (${chunk.map(() => '?').join(', ')})`,
            )
            .run(...Object.values(audit), ...chunk);
        }
      }
      for (const [target, ids] of doomed) this.clearLookups(target, [...ids], stamp);
      this.afterWrite(ctx, obj, current, undefined);
    });
  }

  /** The record and its master-detail descendants, by object. */
  private cascadeSet(obj: ObjectSchema, id: string): Map<ObjectSchema, Set<string>> {
    const doomed = new Map<ObjectSchema, Set<string>>([[obj, new Set([id])]]);
    let frontier: [ObjectSchema, string[]][] = [[obj, [id]]];
    while (frontier.length > 0) {
      const next: [ObjectSchema, string[]][] = [];
      for (const [parent, parentIds] of frontier) {
        for (const rel of parent.children.values()) {
          if (!rel.cascadeDelete) continue;
          const child = this.schema.objects.get(rel.childObject) as ObjectSchema;
          const found: string[] = [];
          for (const chunk of chunks(parentIds)) {
            const sql = `SELECT "Id" FROM ${quoteIdent(child.table)} WHERE ${quoteIdent(rel.field)} IN (${chunk.map(() => '?').join(', ')}) AND "IsDeleted" = 0`;
            for (const r of this.storage.statement(sql).all(...chunk) as { Id: string }[]) found.push(r.Id);
          }
          if (found.length === 0) continue;
          const set = doomed.get(child) ?? new Set<string>();
          for (const f of found) set.add(f);
          doomed.set(child, set);
          next.push([child, found]);
        }
      }
      frontier = next;
    }
    return doomed;
  }

  /** Lookups pointing at `target` with a given delete constraint, across the org. */
  private lookupsTo(
    target: ObjectSchema,
    constraint: 'SetNull' | 'Restrict',
  ): { obj: ObjectSchema; field: FieldSchema }[] {
    const out: { obj: ObjectSchema; field: FieldSchema }[] = [];
    for (const obj of this.schema.objects.values()) {
      for (const field of obj.fields.values()) {
        const m = field.model;
        if (m.type !== 'Lookup' || m.systemManaged || field.name === 'OwnerId') continue;
        if (!(m.referenceTo ?? []).includes(target.name) || (m.deleteConstraint ?? 'SetNull') !== constraint) continue;
        out.push({ obj, field });
      }
    }
    return out;
  }

  private assertNoRestrictingLookups(root: Row, doomed: Map<ObjectSchema, Set<string>>): void {
    for (const [target, idSet] of doomed) {
      const ids = [...idSet];
      for (const { obj: holder, field } of this.lookupsTo(target, 'Restrict')) {
        const names: string[] = [];
        for (const chunk of chunks(ids)) {
          const sql = `SELECT "Id", ${holder.fields.has('Name') ? '"Name"' : '"Id" AS "Name"'} FROM ${quoteIdent(holder.table)} WHERE ${quoteIdent(field.column)} IN (${chunk.map(() => '?').join(', ')}) AND "IsDeleted" = 0`;
          for (const r of this.storage.statement(sql).all(...chunk) as { Id: string; Name: string }[]) {
            if (!doomed.get(holder)?.has(r.Id)) names.push(r.Name);
          }
        }
        if (names.length > 0) {
          const rootName = String(root.Name ?? root.Id);
          throw recordError(
            'DELETE_FAILED',
            `Your attempt to delete ${rootName} could not be completed because it is associated with the following ${holder.model.pluralLabel.toLowerCase()}.: ${names.join(', ')}\n`,
          );
        }
      }
    }
  }

  private clearLookups(target: ObjectSchema, ids: string[], stamp: string): void {
    for (const { obj, field } of this.lookupsTo(target, 'SetNull')) {
      for (const chunk of chunks(ids)) {
        const sql = `UPDATE ${quoteIdent(obj.table)} SET ${quoteIdent(field.column)} = NULL, "SystemModstamp" = ? WHERE ${quoteIdent(field.column)} IN (${chunk.map(() => '?').join(', ')}) AND "IsDeleted" = 0`;
        this.storage.statement(sql).run(stamp, ...chunk);
      }
    }
  }

  /** Recomputes the roll-up summaries of every master the write touched (old and new parents). */
  private afterWrite(ctx: RequestContext, obj: ObjectSchema, before: Row | undefined, after: Row | undefined): void {
    const rollups = this.rollupsByChild.get(obj.name);
    if (!rollups) return;
    // One aggregate query per (master, foreign key, master id), covering all its roll-up fields.
    const groups = new Map<string, { master: ObjectSchema; foreignKey: string; rollups: Rollup[] }>();
    for (const r of rollups) {
      const key = `${r.master.name}.${r.summary.foreignKey}`;
      const group = groups.get(key) ?? { master: r.master, foreignKey: r.summary.foreignKey, rollups: [] };
      group.rollups.push(r);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      const fk = findFieldSchema(obj, group.foreignKey);
      if (!fk) continue;
      const masterIds = new Set<string>();
      for (const row of [before, after]) {
        const value = row?.[fk.column];
        if (typeof value === 'string') masterIds.add(value);
      }
      for (const masterId of masterIds) this.recompute(ctx, obj, fk, group.master, group.rollups, masterId);
    }
  }

  private recompute(
    ctx: RequestContext,
    child: ObjectSchema,
    fk: FieldSchema,
    master: ObjectSchema,
    rollups: Rollup[],
    masterId: string,
  ): void {
    const current = this.storage.getRow(master, masterId);
    if (!current || current.IsDeleted === 1) return;
    const params: SqlValue[] = [];
    const exprs = rollups.map((r, i) => {
      const condition = filterSql(child, r.summary.filters, params);
      const column = r.summary.summarizedField ? findFieldSchema(child, r.summary.summarizedField) : undefined;
      const value = column ? quoteIdent(column.column) : '1';
      const when = `CASE WHEN ${condition} THEN ${value} END`;
      switch (r.summary.operation) {
        case 'count':
          return `COUNT(${when}) AS "r${i}"`;
        case 'sum':
          return `COALESCE(SUM(${when}), 0) AS "r${i}"`;
        case 'min':
          return `MIN(${when}) AS "r${i}"`;
        default:
          return `MAX(${when}) AS "r${i}"`;
      }
    });
    const sql = `SELECT ${exprs.join(', ')} FROM ${quoteIdent(child.table)} WHERE ${quoteIdent(fk.column)} = ? AND "IsDeleted" = 0`;
    const result = this.storage.statement(sql).get(...params, masterId) as Record<string, SqlValue>;
    const diff: Row = {};
    rollups.forEach((r, i) => {
      const value = result[`r${i}`] ?? null;
      if (value !== current[r.field.column]) diff[r.field.column] = value;
    });
    if (Object.keys(diff).length === 0) return;
    diff.SystemModstamp = ctx.now.toISOString();
    this.storage.updateRow(master, masterId, diff);
    // The master may itself be the detail of another roll-up.
    this.afterWrite(ctx, master, current, { ...current, ...diff });
  }
}

/** The audit values an object has columns for (share objects have no created or modstamp fields). */
function auditColumns(obj: ObjectSchema, values: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(values)) if (obj.fields.has(column)) out[column] = value;
  return out;
}

/** A SQL condition for roll-up filter items (ANDed), with values typed by the child field. */
function filterSql(child: ObjectSchema, filters: FilterItem[], params: SqlValue[]): string {
  if (filters.length === 0) return '1';
  return filters
    .map((item) => {
      const name = item.field.includes('.') ? item.field.split('.')[1] : item.field;
      const field = findFieldSchema(child, name);
      if (!field) return '0';
      const column = quoteIdent(field.column);
      const raw = item.value ?? '';
      const typed = (text: string): SqlValue => {
        if (field.model.type === 'Checkbox') return text.toLowerCase() === 'true' ? 1 : 0;
        if (NUMBER_TYPES.has(field.model.type)) return Number(text);
        return text;
      };
      const list = raw.split(',').map((v) => v.trim());
      const placeholders = (values: string[]): string => {
        for (const v of values) params.push(typed(v));
        return values.map(() => '?').join(', ');
      };
      switch (item.operation) {
        case 'equals':
          return raw === '' ? `${column} IS NULL` : `${column} IN (${placeholders(list)})`;
        case 'notEqual':
          return raw === ''
            ? `${column} IS NOT NULL`
            : `(${column} IS NULL OR ${column} NOT IN (${placeholders(list)}))`;
        case 'lessThan':
          return `${column} < ${placeholders([raw])}`;
        case 'greaterThan':
          return `${column} > ${placeholders([raw])}`;
        case 'lessOrEqual':
          return `${column} <= ${placeholders([raw])}`;
        case 'greaterOrEqual':
          return `${column} >= ${placeholders([raw])}`;
        case 'startsWith':
          params.push(`${raw}%`);
          return `${column} LIKE ?`;
        case 'contains':
          return `(${list.map((v) => (params.push(`%${v}%`), `${column} LIKE ?`)).join(' OR ')})`;
        case 'notContain':
          return `(${column} IS NULL OR (${list.map((v) => (params.push(`%${v}%`), `${column} NOT LIKE ?`)).join(' AND ')}))`;
        case 'includes':
          return `(${list.map((v) => (params.push(v), `(';' || ${column} || ';') LIKE ('%;' || ? || ';%')`)).join(' OR ')})`;
        case 'excludes':
          return `(${column} IS NULL OR (${list.map((v) => (params.push(v), `(';' || ${column} || ';') NOT LIKE ('%;' || ? || ';%')`)).join(' AND ')}))`;
        default:
          return '0';
      }
    })
    .join(' AND ');
}

/** A metadata `defaultValue` that is a literal (number, quoted text, boolean, TODAY(), NOW()); others are not evaluated. */
function literalDefault(expr: string | undefined, type: string, now: Date): SqlValue {
  if (expr === undefined) return null;
  const text = expr.trim();
  if (/^-?\d+(\.\d+)?$/.test(text) && NUMBER_TYPES.has(type)) return Number(text);
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2] ?? '';
  if (/^TODAY\(\)$/i.test(text) && type === 'Date') return today(now);
  if (/^NOW\(\)$/i.test(text) && type === 'DateTime') return now.toISOString();
  return null;
}
