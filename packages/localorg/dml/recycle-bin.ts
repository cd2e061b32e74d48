/**
 * The recycle bin: what a delete did, kept so that `undelete()` can put it back as Salesforce does. A delete
 * records, under the record it was asked for, every record its cascade deleted and every lookup it cleared;
 * undeleting that record restores them all (a cascade-deleted child is restored with its master, not alone),
 * and the lookups that still point nowhere get their value back.
 */
import type { RequestContext } from '../context';
import type { ObjectSchema } from '../schema';
import { quoteIdent, type Row } from '../sql';
import type { Storage } from '../storage';
import { recordError } from './common';
import { setDeleted, type Doomed } from './cascade';

/** A lookup a delete cleared: `holder`'s record `id` pointed at a deleted record through `column`. */
export interface ClearedLookup {
  holder: ObjectSchema;
  id: string;
  column: string;
  target: string;
}

const TABLE = '_localorg_recycle_bin';

function ensureTable(storage: Storage): void {
  storage.db.exec(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (root_id TEXT NOT NULL, object TEXT NOT NULL, id TEXT NOT NULL, column_name TEXT, target TEXT)`,
  );
  storage.db.exec(`CREATE INDEX IF NOT EXISTS ${TABLE}__root ON ${TABLE} (root_id)`);
  storage.db.exec(`CREATE INDEX IF NOT EXISTS ${TABLE}__id ON ${TABLE} (id)`);
}

/** Records what deleting `rootId` deleted (`doomed`) and cleared (`cleared`). */
export function recordDeletion(storage: Storage, rootId: string, doomed: Doomed, cleared: ClearedLookup[]): void {
  ensureTable(storage);
  const insert = storage.db.prepare(
    `INSERT INTO ${TABLE} (root_id, object, id, column_name, target) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const [obj, ids] of doomed) for (const id of ids) insert.run(rootId, obj.name, id, null, null);
  for (const c of cleared) insert.run(rootId, c.holder.name, c.id, c.column, c.target);
}

/** Why a record cannot be undeleted, or undefined when it can (it is the root of a delete in the bin). */
export function undeleteRefusal(storage: Storage, row: Row | undefined): Error | undefined {
  if (!row) return recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  if (row.IsDeleted !== 1) return recordError('UNDELETE_FAILED', 'Entity is not in the recycle bin');
  ensureTable(storage);
  const id = row.Id as string;
  const entry = storage.db.prepare(`SELECT root_id FROM ${TABLE} WHERE id = ? AND column_name IS NULL`).get(id) as
    { root_id: string } | undefined;
  // A child deleted with its master comes back with the master only.
  if (entry && entry.root_id !== id) {
    return recordError('UNDELETE_FAILED', 'Entity was deleted with its master record: undelete the master record');
  }
  return undefined;
}

/**
 * Restores the records deleting `root` deleted and the lookups it cleared (those still empty). Returns the
 * restored records by object, for roll-up summaries.
 */
export function restoreDeletion(storage: Storage, ctx: RequestContext, root: ObjectSchema, rootId: string): Doomed {
  ensureTable(storage);
  const entries = storage.db
    .prepare(`SELECT object, id, column_name, target FROM ${TABLE} WHERE root_id = ?`)
    .all(rootId) as { object: string; id: string; column_name: string | null; target: string | null }[];
  const restored: Doomed = new Map([[root, new Set([rootId])]]);
  for (const e of entries) {
    const obj = storage.schema.objects.get(e.object);
    if (!obj || e.column_name !== null) continue;
    const set = restored.get(obj) ?? new Set<string>();
    set.add(e.id);
    restored.set(obj, set);
  }
  setDeleted(storage, ctx, restored, false);
  const stamp = ctx.now.toISOString();
  for (const e of entries) {
    const holder = storage.schema.objects.get(e.object);
    if (!holder || e.column_name === null) continue;
    // A lookup someone has set since keeps its new value.
    storage
      .statement(
        `UPDATE ${quoteIdent(holder.table)} SET ${quoteIdent(e.column_name)} = ?, "SystemModstamp" = ? WHERE "Id" = ? AND ${quoteIdent(e.column_name)} IS NULL`,
      )
      .run(e.target, stamp, e.id);
  }
  storage.db.prepare(`DELETE FROM ${TABLE} WHERE root_id = ?`).run(rootId);
  return restored;
}
