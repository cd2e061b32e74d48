/**
 * Cascade delete: a record goes with its master-detail descendants; lookups that restrict deletion refuse
 * it, and lookups that clear on delete are set to null. Deletion is soft (IsDeleted = 1, the recycle bin).
 */
import type { RequestContext } from '../context';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';
import { quoteIdent, type Row } from '../sql';
import type { Storage } from '../storage';
import { auditColumns, chunks, recordError } from './common';
import type { ClearedLookup } from './recycle-bin';

/** Records to delete, by object. */
export type Doomed = Map<ObjectSchema, Set<string>>;

/** The record and its master-detail descendants, by object. */
export function cascadeSet(storage: Storage, obj: ObjectSchema, id: string): Doomed {
  const doomed: Doomed = new Map([[obj, new Set([id])]]);
  let frontier: [ObjectSchema, string[]][] = [[obj, [id]]];
  while (frontier.length > 0) {
    const next: [ObjectSchema, string[]][] = [];
    for (const [parent, parentIds] of frontier) {
      for (const rel of parent.children.values()) {
        if (!rel.cascadeDelete) continue;
        const child = storage.schema.objects.get(rel.childObject) as ObjectSchema;
        const found: string[] = [];
        for (const chunk of chunks(parentIds)) {
          const sql = `SELECT "Id" FROM ${quoteIdent(child.table)} WHERE ${quoteIdent(rel.field)} IN (${chunk.map(() => '?').join(', ')}) AND "IsDeleted" = 0`;
          for (const r of storage.statement(sql).all(...chunk) as { Id: string }[]) found.push(r.Id);
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
function lookupsTo(
  schema: OrgSchema,
  target: ObjectSchema,
  constraint: 'SetNull' | 'Restrict',
): { obj: ObjectSchema; field: FieldSchema }[] {
  const out: { obj: ObjectSchema; field: FieldSchema }[] = [];
  for (const obj of schema.objects.values()) {
    for (const field of obj.fields.values()) {
      const m = field.model;
      if (m.type !== 'Lookup' || m.systemManaged || field.name === 'OwnerId') continue;
      if (!(m.referenceTo ?? []).includes(target.name) || (m.deleteConstraint ?? 'SetNull') !== constraint) continue;
      out.push({ obj, field });
    }
  }
  return out;
}

/** Refuses the delete when a record outside `doomed` holds a restricting lookup to one inside it. */
export function assertNoRestrictingLookups(storage: Storage, root: Row, doomed: Doomed): void {
  for (const [target, idSet] of doomed) {
    const ids = [...idSet];
    for (const { obj: holder, field } of lookupsTo(storage.schema, target, 'Restrict')) {
      const names: string[] = [];
      for (const chunk of chunks(ids)) {
        const sql = `SELECT "Id", ${holder.fields.has('Name') ? '"Name"' : '"Id" AS "Name"'} FROM ${quoteIdent(holder.table)} WHERE ${quoteIdent(field.column)} IN (${chunk.map(() => '?').join(', ')}) AND "IsDeleted" = 0`;
        for (const r of storage.statement(sql).all(...chunk) as { Id: string; Name: string }[]) {
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

/**
 * Moves records into the recycle bin (`deleted`) or out of it, stamping who did it and when; records already
 * where they are sent stay untouched.
 */
export function setDeleted(storage: Storage, ctx: RequestContext, records: Doomed, deleted: boolean): void {
  const stamp = ctx.now.toISOString();
  for (const [obj, ids] of records) {
    const audit = auditColumns(obj, {
      IsDeleted: deleted ? 1 : 0,
      LastModifiedDate: stamp,
      LastModifiedById: ctx.userId,
      SystemModstamp: stamp,
    });
    const set = Object.keys(audit)
      .map((column) => `${quoteIdent(column)} = ?`)
      .join(', ');
    for (const chunk of chunks([...ids])) {
      const where = `"IsDeleted" = ${deleted ? 0 : 1} AND "Id" IN (${chunk.map(() => '?').join(', ')})`;
      storage
        .statement(`UPDATE ${quoteIdent(obj.table)} SET ${set} WHERE ${where}`)
        .run(...Object.values(audit), ...chunk);
    }
  }
}

/** Marks every doomed record deleted, then clears the lookups that pointed at them; returns those lookups. */
export function deleteCascade(storage: Storage, ctx: RequestContext, doomed: Doomed): ClearedLookup[] {
  const stamp = ctx.now.toISOString();
  setDeleted(storage, ctx, doomed, true);
  const cleared: ClearedLookup[] = [];
  for (const [target, ids] of doomed) cleared.push(...clearLookups(storage, target, [...ids], stamp));
  return cleared;
}

function clearLookups(storage: Storage, target: ObjectSchema, ids: string[], stamp: string): ClearedLookup[] {
  const cleared: ClearedLookup[] = [];
  for (const { obj, field } of lookupsTo(storage.schema, target, 'SetNull')) {
    const column = quoteIdent(field.column);
    for (const chunk of chunks(ids)) {
      const where = `${column} IN (${chunk.map(() => '?').join(', ')}) AND "IsDeleted" = 0`;
      const holders = storage
        .statement(`SELECT "Id", ${column} AS target FROM ${quoteIdent(obj.table)} WHERE ${where}`)
        .all(...chunk) as { Id: string; target: string }[];
      if (holders.length === 0) continue;
      for (const h of holders) cleared.push({ holder: obj, id: h.Id, column: field.column, target: h.target });
      const sql = `UPDATE ${quoteIdent(obj.table)} SET ${column} = NULL, "SystemModstamp" = ? WHERE ${where}`;
      storage.statement(sql).run(stamp, ...chunk);
    }
  }
  return cleared;
}
