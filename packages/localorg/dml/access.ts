/**
 * Who may write what, checked before any value is looked at: read-only objects, records the caller cannot
 * see, and fields the caller may not set on this operation.
 */
import { SalesforceError } from '../errors';
import { normalizeId } from '../ids';
import type { ObjectSchema } from '../schema';
import { AUDIT_FIELDS, uneditableFields, type UserAccess } from '../security';
import type { Row } from '../sql';
import { recordError, type WriteValues } from './common';

/** Objects the platform maintains itself (read-only) refuse every write. */
export function assertWritableEntity(obj: ObjectSchema, verb: 'inserted' | 'updated' | 'deleted'): void {
  if (obj.readOnly) {
    throw recordError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be ${verb}: ${obj.model.label}`);
  }
}

/**
 * A record the user cannot see does not exist for them: writing or deleting it answers 404 NOT_FOUND, as a
 * missing record does, never an access error that would confirm it exists.
 */
export function assertVisible(access: UserAccess, obj: ObjectSchema, row: Row): void {
  if (!access.canReadRow(obj, row)) {
    throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
}

/**
 * Fields a client may not set on this operation: system fields always (but the audit fields on create by a
 * user who may set them), master-detail (and create-only) fields after create, and fields the caller cannot
 * edit through field-level security.
 */
export function assertEditable(
  values: WriteValues,
  op: 'create' | 'update',
  access: UserAccess,
  currentId?: string,
): void {
  const refused: string[] = [];
  for (const [field, value] of values) {
    if (field.name === 'Id') {
      if (op === 'create')
        throw recordError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
      if (typeof value === 'string' && normalizeId(value) === currentId) continue;
      refused.push(field.name);
      continue;
    }
    if (op === 'create' && AUDIT_FIELDS.has(field.name) && access.setsAuditFields) continue;
    const fixed = field.model.type === 'MasterDetail' || field.model.createOnly === true;
    if (field.model.systemManaged || (op === 'update' && fixed) || !access.canEditField(field))
      refused.push(field.name);
  }
  if (refused.length > 0) throw uneditableFields(refused);
}

/**
 * Audit fields a loader gave on insert: a record cannot be created in the future, nor modified before it was
 * created. Returns the four values the record is stored with (the given ones, else this write's).
 */
export function auditValues(
  given: ReadonlySet<string>,
  row: Row,
  stamp: string,
  userId: string,
): { CreatedDate: string; CreatedById: string; LastModifiedDate: string; LastModifiedById: string } {
  const pick = (name: string, fallback: string): string =>
    given.has(name) && typeof row[name] === 'string' ? (row[name] as string) : fallback;
  const createdDate = pick('CreatedDate', stamp);
  const lastModifiedDate = pick('LastModifiedDate', stamp);
  if (Date.parse(createdDate) > Date.parse(stamp))
    throw recordError('INVALID_FIELD_FOR_INSERT_UPDATE', 'CreatedDate cannot be in the future', ['CreatedDate']);
  if (Date.parse(lastModifiedDate) > Date.parse(stamp))
    throw recordError('INVALID_FIELD_FOR_INSERT_UPDATE', 'LastModifiedDate cannot be in the future', [
      'LastModifiedDate',
    ]);
  // Salesforce's invariant, in its words: a record is not modified before it is created.
  if (Date.parse(lastModifiedDate) < Date.parse(createdDate))
    throw recordError(
      'FIELD_INTEGRITY_EXCEPTION',
      `Last Modified Date (${gmt(lastModifiedDate)}) before Create Date (${gmt(createdDate)})`,
      ['LastModifiedDate'],
    );
  return {
    CreatedDate: createdDate,
    CreatedById: pick('CreatedById', userId),
    LastModifiedDate: lastModifiedDate,
    LastModifiedById: pick('LastModifiedById', pick('CreatedById', userId)),
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date-time as Salesforce's messages print it: `Tue Mar 10 21:29:12 GMT 2026`. */
function gmt(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} GMT ${d.getUTCFullYear()}`;
}
