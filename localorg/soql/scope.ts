/**
 * One FROM level of a query: its object, its table alias, and a LEFT JOIN per distinct child-to-parent
 * path it uses (`Account.Owner.Name` joins Account, then User). Field paths resolve case-insensitively
 * against the compiled schema; identifiers in SQL come only from the schema, quoted.
 */
import {
  findFieldSchema,
  type FieldSchema,
  type ObjectSchema,
  type OrgSchema,
  type ParentRelationship,
} from '../schema';
import { quoteIdent } from '../storage';
import { noSuchColumn, unknownRelationship, type QueryText } from './errors';
import { kindOf, type Kind } from './fields';

export interface CompileOptions {
  includeDeleted: boolean;
  now: Date;
  fiscalStartMonth: number;
}

/** State shared by every level of one query: named parameters and table aliases. */
export class Env {
  readonly params: Record<string, unknown> = {};
  private paramCount = 0;
  private aliasCount = 0;

  constructor(
    readonly schema: OrgSchema,
    readonly text: QueryText,
    readonly options: CompileOptions,
  ) {}

  /** Binds a value and returns its placeholder: user values never enter the SQL text. */
  param(value: unknown): string {
    const name = `p${this.paramCount++}`;
    this.params[name] = value;
    return `@${name}`;
  }

  alias(): string {
    return `t${this.aliasCount++}`;
  }
}

export interface FieldRef {
  field: FieldSchema;
  kind: Kind;
  /** Column expression, e.g. `t1."Name"`. */
  sql: string;
  /** Relationships crossed from the scope's object, with the alias of the table each one joins. */
  rels: { rel: ParentRelationship; alias: string }[];
  /** Lower-cased canonical path, to compare references. */
  key: string;
}

/** Salesforce allows five levels of child-to-parent relationships. */
const MAX_PARENT_DEPTH = 5;

export class Scope {
  readonly alias: string;
  private readonly joinAliases = new Map<string, string>();
  /** LEFT JOIN clauses in creation order: a join only depends on earlier ones. */
  readonly joins: string[] = [];

  constructor(
    readonly env: Env,
    readonly obj: ObjectSchema,
    private readonly soqlAlias?: string,
  ) {
    this.alias = env.alias();
  }

  /** Resolves `Field`, `Rel.Field` or `Alias.Rel.Field`, joining the parents it crosses. */
  field(expr: { path: string[]; text: string }): FieldRef {
    const { schema, text } = this.env;
    let path = expr.path;
    const first = path[0].toLowerCase();
    // A path may start with the query's alias or, when no relationship has that name, the object's name.
    if (
      path.length > 1 &&
      (first === this.soqlAlias?.toLowerCase() ||
        (first === this.obj.name.toLowerCase() && !this.obj.parents.has(first)))
    ) {
      path = path.slice(1);
    }
    if (path.length - 1 > MAX_PARENT_DEPTH) {
      throw text.malformed(
        `SOQL statements cannot query more than ${MAX_PARENT_DEPTH} levels of parent relationships`,
        expr.text,
      );
    }
    let obj = this.obj;
    let alias = this.alias;
    let key = '';
    const rels: FieldRef['rels'] = [];
    for (const segment of path.slice(0, -1)) {
      const rel = obj.parents.get(segment.toLowerCase());
      const target = rel && schema.objects.get(rel.target);
      if (!rel || !target) throw unknownRelationship(text, segment, expr.text);
      key += `${rel.name.toLowerCase()}.`;
      let joined = this.joinAliases.get(key);
      if (!joined) {
        joined = this.env.alias();
        this.joinAliases.set(key, joined);
        this.joins.push(
          `LEFT JOIN ${quoteIdent(target.table)} AS ${joined} ON ${joined}."Id" = ${alias}.${quoteIdent(rel.field.column)}`,
        );
      }
      rels.push({ rel, alias: joined });
      obj = target;
      alias = joined;
    }
    const name = path[path.length - 1];
    const field = findFieldSchema(obj, name);
    if (!field) throw noSuchColumn(text, name, obj.name, expr.text);
    if (field.model.formula !== undefined) {
      throw text.invalidField(`field '${field.name}' is a formula field, which the local org cannot query`, expr.text);
    }
    return {
      field,
      kind: kindOf(field),
      sql: `${alias}.${quoteIdent(field.column)}`,
      rels,
      key: key + field.name.toLowerCase(),
    };
  }

  /** The FROM clause with the first `joinCount` joins (all by default). */
  from(joinCount = this.joins.length): string {
    return [`${quoteIdent(this.obj.table)} AS ${this.alias}`, ...this.joins.slice(0, joinCount)].join(' ');
  }

  /** The recycle-bin filter: `query` skips deleted records, `queryAll` keeps them. */
  notDeleted(): string | undefined {
    return this.env.options.includeDeleted ? undefined : `${this.alias}."IsDeleted" = 0`;
  }
}

/** ` WHERE a AND b` from the conditions that are present, or ''. */
export function whereClause(conditions: (string | undefined)[]): string {
  const present = conditions.filter((c): c is string => c !== undefined);
  return present.length ? ` WHERE ${present.join(' AND ')}` : '';
}
