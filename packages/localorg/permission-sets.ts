/**
 * force-app's permission sets as PermissionSet records, and the rule that a user holds a permission set
 * once. The platform writes PermissionSet rows on every start (read-only through the API); an Id stays
 * the same for a name across restarts so assignments survive, and a permission set removed from force-app
 * takes its assignments with it.
 */
import { SalesforceError } from './errors';
import type { ObjectSchema } from './schema';
import { quoteIdent, type Row } from './sql';
import type { Storage } from './storage';

function objectOf(storage: Storage, name: string): ObjectSchema {
  const obj = storage.schema.objects.get(name);
  if (!obj) throw new Error(`the model has no ${name} object`);
  return obj;
}

/** Writes one PermissionSet row per force-app permission set; call inside the start-up transaction. */
export function ensurePermissionSets(storage: Storage, now: Date): void {
  const permissionSets = objectOf(storage, 'PermissionSet');
  const assignments = objectOf(storage, 'PermissionSetAssignment');
  const table = quoteIdent(permissionSets.table);
  const existing = new Map(
    (storage.db.prepare(`SELECT "Id", "Name" FROM ${table}`).all() as { Id: string; Name: string }[]).map((r) => [
      r.Name,
      r.Id,
    ]),
  );
  const stamp = now.toISOString();
  for (const set of storage.schema.model.permissionSets.values()) {
    const values: Row = {
      Name: set.name,
      Label: set.label || set.name,
      Description: set.description ?? null,
      IsOwnedByProfile: 0,
      IsDeleted: 0,
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
    };
    const id = existing.get(set.name);
    if (id) {
      storage.updateRow(permissionSets, id, values);
      existing.delete(set.name);
    } else {
      storage.insertRow(permissionSets, { Id: storage.nextId(permissionSets), CreatedDate: stamp, ...values });
    }
  }
  for (const id of existing.values()) {
    storage.db.prepare(`DELETE FROM ${quoteIdent(assignments.table)} WHERE "PermissionSetId" = ?`).run(id);
    storage.db.prepare(`DELETE FROM ${table} WHERE "Id" = ?`).run(id);
  }
}

/** A user is assigned a permission set once; a second assignment fails as in an org. */
export function assertNewAssignment(storage: Storage, assignments: ObjectSchema, row: Row): void {
  const clash = storage
    .statement(
      `SELECT "Id" FROM ${quoteIdent(assignments.table)} WHERE "AssigneeId" = ? AND "PermissionSetId" = ? AND "IsDeleted" = 0 LIMIT 1`,
    )
    .get(row.AssigneeId, row.PermissionSetId);
  if (clash) {
    throw new SalesforceError(
      400,
      'DUPLICATE_VALUE',
      `Duplicate PermissionSetAssignment. Assignee: ${String(row.AssigneeId)}; Permission Set: ${String(row.PermissionSetId)}`,
    );
  }
}
