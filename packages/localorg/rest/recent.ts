/**
 * Recently viewed records: `GET /recent?limit=` and the `recentItems` of `GET sobjects/{Type}`. Salesforce
 * fills this list from record views in its UI and from SOQL's `FOR VIEW` and `FOR REFERENCE` clauses; in the
 * local org, the records a user's `FOR VIEW` / `FOR REFERENCE` queries return, and the records they read through
 * the UI API with `updateMru=true` (`ui-api/records/{id}`, `ui-api/record-ui/{ids}`), are what they viewed. Each user keeps their 200 latest, newest first; a record deleted since, or one the user
 * can no longer see, is left out, and each item has `attributes`, `Id` and `Name` (when the user can read it).
 */
import { findObjectSchema, type ObjectSchema } from '../schema';
import type { Storage } from '../storage';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from './context';
import { accessOf } from './sobjects';

const TABLE = '_localorg_recent';
/** How many recent items Salesforce keeps and returns at most. */
const MAX_ITEMS = 200;
const ready = new WeakSet<Storage>();

function ensureTable(storage: Storage): void {
  if (ready.has(storage)) return;
  storage.db.exec(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (user_id TEXT NOT NULL, record_id TEXT NOT NULL, object TEXT NOT NULL, viewed_at TEXT NOT NULL, PRIMARY KEY (user_id, record_id)) WITHOUT ROWID`,
  );
  storage.db.exec(`CREATE INDEX IF NOT EXISTS ${TABLE}_latest ON ${TABLE} (user_id, viewed_at)`);
  ready.add(storage);
}

/** `SOQL ... FOR VIEW` or `FOR REFERENCE` (the clause ends the statement). */
export const marksViewed = (soql: string): boolean => /\bFOR\s+(VIEW|REFERENCE)\s*$/i.test(soql);

/** Notes the records a query returned as viewed by the caller now. */
export function noteViewed(org: OrgRuntime, req: ApiRequest, records: Record<string, unknown>[]): void {
  const views: { id: string; type: string }[] = [];
  for (const record of records) {
    const type = (record.attributes as { type?: unknown } | undefined)?.type;
    if (typeof record.Id !== 'string' || typeof type !== 'string' || type === 'AggregateResult') continue;
    views.push({ id: record.Id, type });
  }
  noteViews(org, req, views);
}

/**
 * Notes the records of `ids` (18-character Ids the caller just read) as viewed now: a UI API record read with
 * `updateMru=true` (what a Lightning record page asks for) puts the record on the user's recent list.
 */
export function noteViewedIds(org: OrgRuntime, req: ApiRequest, ids: string[]): void {
  noteViews(
    org,
    req,
    ids.flatMap((id) => {
      const obj = org.schema.byKeyPrefix.get(id.slice(0, 3));
      return obj ? [{ id, type: obj.name }] : [];
    }),
  );
}

function noteViews(org: OrgRuntime, req: ApiRequest, views: { id: string; type: string }[]): void {
  if (views.length === 0) return;
  ensureTable(org.storage);
  const upsert = org.storage.statement(
    `INSERT INTO ${TABLE} (user_id, record_id, object, viewed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, record_id) DO UPDATE SET viewed_at = excluded.viewed_at, object = excluded.object`,
  );
  const stamp = req.ctx.now.toISOString();
  for (const { id, type } of views) upsert.run(req.ctx.userId, id, type, stamp);
  // Only the latest MAX_ITEMS per user are kept.
  org.storage
    .statement(
      `DELETE FROM ${TABLE} WHERE user_id = ? AND record_id NOT IN (SELECT record_id FROM ${TABLE} WHERE user_id = ? ORDER BY viewed_at DESC, record_id LIMIT ${MAX_ITEMS})`,
    )
    .run(req.ctx.userId, req.ctx.userId);
}

/** The caller's recent items, newest first, optionally of one object, at most `limit`. */
export function recentItems(
  org: OrgRuntime,
  req: ApiRequest,
  limit: number,
  only?: ObjectSchema,
): Record<string, unknown>[] {
  ensureTable(org.storage);
  const access = accessOf(org, req);
  const rows = org.storage
    .statement(
      `SELECT record_id AS id, object FROM ${TABLE} WHERE user_id = ?${only ? ' AND object = ?' : ''} ORDER BY viewed_at DESC, record_id`,
    )
    .all(...(only ? [req.ctx.userId, only.name] : [req.ctx.userId])) as { id: string; object: string }[];
  const items: Record<string, unknown>[] = [];
  for (const { id, object } of rows) {
    if (items.length >= limit) break;
    const obj = findObjectSchema(org.schema, object);
    if (!obj || !access.canReadObject(obj)) continue;
    const row = org.storage.getRow(obj, id);
    if (!row || row.IsDeleted === 1 || !access.canReadRow(obj, row)) continue;
    const name = obj.fields.get('Name');
    items.push({
      attributes: { type: obj.name, url: `/services/data/v${req.ctx.apiVersion}/sobjects/${obj.name}/${id}` },
      Id: id,
      ...(name && access.canReadField(name) ? { Name: row.Name ?? null } : {}),
    });
  }
  return items;
}

/** `GET /recent?limit=n` (at most 200). */
export function recent(org: OrgRuntime, req: ApiRequest): Reply {
  const asked = Number(req.query.get('limit') ?? MAX_ITEMS);
  const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_ITEMS) : MAX_ITEMS;
  return ok(recentItems(org, req, limit));
}

/** `GET sobjects/{Type}`'s answer with the caller's recent items of that type. */
export function withRecentItems(org: OrgRuntime, req: ApiRequest, reply: Reply): Reply {
  const obj = findObjectSchema(org.schema, req.params[0]);
  if (req.method !== 'GET' || reply.status !== 200 || !obj) return reply;
  return { ...reply, body: { ...(reply.body as object), recentItems: recentItems(org, req, MAX_ITEMS, obj) } };
}
