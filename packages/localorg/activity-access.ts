/**
 * Sharing of activities (Task, Event), whose organization-wide default is Salesforce's "Controlled by Parent":
 * a user may do to an activity what they may do to the records it is associated with, its WhoId (a contact or
 * lead) and its WhatId (an account, opportunity, campaign, product or a custom object with activities). With
 * both set they need that access to both; with neither, only the owner and the roles above the owner (who
 * always have full access, whatever the parents) may see it. So a task on an opportunity is seen by whoever
 * sees the opportunity, and edited by whoever may edit it (object permission and sharing both count).
 */
import type { ObjectSchema, PolymorphicRelationship } from './schema';
import { quoteIdent, type Row } from './sql';
import type { Storage } from './storage';

/** The activity objects: their sharing is decided here, not by their own organization-wide default. */
export const ACTIVITY_OBJECTS: ReadonlySet<string> = new Set(['Task', 'Event']);

export const isActivity = (obj: ObjectSchema): boolean => ACTIVITY_OBJECTS.has(obj.name);

export type ActivityLevel = 'read' | 'edit' | 'delete';
type Bind = (value: unknown) => string;

/** What the rule needs of the user's access (security.ts UserAccess). */
export interface ActivityAccessHost {
  /** The user and the users below them in the role hierarchy. */
  ownerIds(): Set<string>;
  canReadObject(obj: ObjectSchema): boolean;
  rowFilter(obj: ObjectSchema, alias: string, bind: Bind, depth: number): string | undefined;
  /** The user may do `level` to the record (object permission and sharing). */
  canDo(obj: ObjectSchema, row: Row, level: ActivityLevel): boolean;
}

/** The WhoId and WhatId relationships of an activity. */
const parentsOf = (obj: ObjectSchema): PolymorphicRelationship[] =>
  ['who', 'what'].flatMap((name) => obj.polymorphic.get(name) ?? []);

/** Record-level access to one activity row: its owner (or above), or the same access to every related record. */
export function activityShares(
  storage: Storage,
  host: ActivityAccessHost,
  obj: ObjectSchema,
  row: Row,
  level: ActivityLevel,
): boolean {
  if (typeof row.OwnerId === 'string' && host.ownerIds().has(row.OwnerId)) return true;
  const related = parentsOf(obj).flatMap((rel) => {
    const id = row[rel.field.column];
    return typeof id === 'string' ? [id] : [];
  });
  if (related.length === 0) return false;
  return related.every((id) => {
    const target = storage.schema.byKeyPrefix.get(id.slice(0, 3));
    const parent = target && storage.getRow(target, id);
    return target !== undefined && parent !== undefined && host.canDo(target, parent, level);
  });
}

/**
 * The SQL condition keeping the activity rows of `alias` the user may read. Uncorrelated subqueries list the
 * visible records of each related type that sharing filters, once per statement; a type whose records are all
 * visible is matched by its key prefix alone.
 */
export function activityRowFilter(
  host: ActivityAccessHost,
  storage: Storage,
  obj: ObjectSchema,
  alias: string,
  bind: Bind,
  depth: number,
): string {
  const owners = bind(JSON.stringify([...host.ownerIds()]));
  const owned = `${alias}."OwnerId" IN (SELECT value FROM json_each(${owners}))`;
  const columns: string[] = [];
  const visible: string[] = [];
  parentsOf(obj).forEach((rel, r) => {
    const column = `${alias}.${quoteIdent(rel.field.column)}`;
    columns.push(column);
    const matches: string[] = [];
    rel.targets.forEach((name, i) => {
      const target = storage.schema.objects.get(name);
      if (!target || !host.canReadObject(target)) return;
      const inner = `act${depth}_${r}_${i}`;
      const filter = host.rowFilter(target, inner, bind, depth + 1);
      matches.push(
        !filter
          ? `substr(${column}, 1, 3) = ${bind(target.keyPrefix)}`
          : `${column} IN (SELECT ${inner}."Id" FROM ${quoteIdent(target.table)} AS ${inner} WHERE ${filter})`,
      );
    });
    visible.push(`(${column} IS NULL OR ${matches.length > 0 ? matches.join(' OR ') : '0'})`);
  });
  if (columns.length === 0) return owned;
  const associated = `(${columns.map((c) => `${c} IS NOT NULL`).join(' OR ')})`;
  return `(${owned} OR (${associated} AND ${visible.join(' AND ')}))`;
}
