/**
 * TYPEOF on a polymorphic reference (`TYPEOF Owner WHEN User THEN Name, Email ELSE Name END`): one LEFT
 * JOIN per type the reference may point to, each reading its own field list; a row takes the variant
 * whose join matched (the Id's type), so the parent comes back as that type's record, or null.
 * WHEN types must be types of the reference; ELSE covers its other types. Fields are names on the type
 * (formula fields included); FLS and sharing apply to each type as to any parent.
 */
import { findObjectSchema, type ObjectSchema } from '../schema';
import { quoteIdent } from '../sql';
import { unknownRelationship } from './errors';
import type { TypeofItem } from './parse';
import type { RecordShape, ShapeEntry } from './plan';
import { Scope } from './scope';

/** Adds a column to the query's SELECT and returns its result name. */
export type AddColumn = (sql: string) => string;

/** The fields of `target` named in `names`, read through `joined`, the join of `target`. */
function variant(scope: Scope, target: ObjectSchema, joined: string, names: string[], add: AddColumn): RecordShape {
  const { env } = scope;
  const shape: RecordShape = { type: target.name, idColumn: add(`${joined}."Id"`), entries: [] };
  const seen = new Set<string>();
  for (const name of names) {
    if (name.includes('.')) {
      throw env.text.malformed(`TYPEOF field lists take field names of the type: ${name}`, name);
    }
    // Resolved in a scope of its own on the type: formula inputs join there, and run as a correlated subquery.
    const own = new Scope(env, target);
    const ref = own.field({ path: [name], text: name });
    if (seen.has(ref.key)) throw env.text.malformed(`duplicate field selected: ${name}`, name);
    seen.add(ref.key);
    const sql =
      own.joins.length === 0 && ref.field.model.formula === undefined
        ? `${joined}.${quoteIdent(ref.field.column)}`
        : `(SELECT ${ref.sql} FROM ${own.from()} WHERE ${own.alias}."Id" = ${joined}."Id")`;
    shape.entries.push({ kind: 'field', name: ref.field.name, column: add(sql), field: ref.field });
  }
  return shape;
}

/** The shape entry of a TYPEOF item: its variants, WHEN types first, then the other types for ELSE. */
export function typeofEntry(scope: Scope, item: TypeofItem, add: AddColumn): Extract<ShapeEntry, { kind: 'typeof' }> {
  const { env } = scope;
  const { text, schema } = env;
  // A polymorphic reference (Task.What) or one with a single type (Account.Owner).
  const key = item.relationship.toLowerCase();
  const single = scope.obj.parents.get(key);
  const poly = scope.obj.polymorphic.get(key);
  const rel = single ?? poly;
  if (!rel || !env.readableField(rel.field)) throw unknownRelationship(text, item.relationship, item.relationship);
  const types = (poly ? poly.targets : [single!.target]).flatMap((name) => {
    const obj = schema.objects.get(name);
    return env.readable(obj) ? [obj] : [];
  });
  const variants: RecordShape[] = [];
  const covered = new Set<string>();
  for (const when of item.whens) {
    const target = findObjectSchema(schema, when.type);
    if (!target || !types.includes(target)) {
      throw text.malformed(`Invalid type '${when.type}' in TYPEOF: ${rel.name} does not reference it`, when.type);
    }
    if (covered.has(target.name)) throw text.malformed(`duplicate WHEN type in TYPEOF: ${when.type}`, when.type);
    covered.add(target.name);
    variants.push(variant(scope, target, scope.typedJoin(rel, target), when.fields, add));
  }
  if (item.elseFields) {
    for (const target of types) {
      if (!covered.has(target.name)) {
        variants.push(variant(scope, target, scope.typedJoin(rel, target), item.elseFields, add));
      }
    }
  }
  return { kind: 'typeof', name: rel.name, variants };
}
