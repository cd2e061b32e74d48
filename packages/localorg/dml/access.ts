/**
 * Who may write what, checked before any value is looked at: read-only objects, records the caller cannot
 * see, and fields the caller may not set on this operation.
 */
import { SalesforceError } from '../errors';
import { normalizeId } from '../ids';
import type { ObjectSchema } from '../schema';
import { uneditableFields, type UserAccess } from '../security';
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
 * Fields a client may not set on this operation: system fields always, master-detail (and create-only)
 * fields after create, and fields the caller cannot edit through field-level security.
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
    const fixed = field.model.type === 'MasterDetail' || field.model.createOnly === true;
    if (field.model.systemManaged || (op === 'update' && fixed) || !access.canEditField(field))
      refused.push(field.name);
  }
  if (refused.length > 0) throw uneditableFields(refused);
}
