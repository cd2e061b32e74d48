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
import type { QueryAccess } from '../security';
import { quoteIdent } from '../sql';
import { formulaOf, formulaSql } from '../formula';
import type { CurrencyInfo } from '../currency/sql';
import type { FiscalCalendar } from '../fiscal';
import { noSuchColumn, unknownRelationship, type QueryText } from './errors';
import { kindOf, type Kind } from './fields';
import { polymorphicField } from './polymorphic';

export interface CompileOptions {
  includeDeleted: boolean;
  now: Date;
  fiscalStartMonth: number;
  /** The org's fiscal year naming and custom fiscal years; absent: standard years named by their end. */
  fiscal?: FiscalCalendar;
  /** The running user's object, field and record access; absent for View All Data (nothing is checked). */
  access?: QueryAccess;
  /** An extra condition on the root rows (SOSL's search matches); see SoqlOptions.restrict. */
  restrict?: (alias: string, bind: (value: unknown) => string) => string;
  /** A multi-currency org's currencies (FORMAT() and currency-prefixed literals); absent with one currency. */
  currencies?: Map<string, CurrencyInfo>;
  /** The running user's currency (User.DefaultCurrencyIsoCode), for convertCurrency(); the corporate one if absent. */
  userCurrency?: CurrencyInfo;
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

  /** The object exists and the running user can read it (else it does not exist for them). */
  readable(obj: ObjectSchema | undefined): obj is ObjectSchema {
    return obj !== undefined && (this.options.access?.canReadObject(obj) ?? true);
  }

  /** The field exists and the running user can read it and its object. */
  readableField(field: FieldSchema | undefined): field is FieldSchema {
    return field !== undefined && (this.options.access?.canReadField(field) ?? true);
  }
}

/** A compound field's value, built from its component columns as one JSON object (values.ts reads it). */
function compoundSql(components: Record<string, string>, alias: string): string {
  const pairs = Object.entries(components).map(([key, column]) => `'${key}', ${alias}.${quoteIdent(column)}`);
  return `json_object(${pairs.join(', ')})`;
}

export interface FieldRef {
  field: FieldSchema;
  kind: Kind;
  /** Column expression, e.g. `t1."Name"`. */
  sql: string;
  /**
   * Relationships crossed from the scope's object, with the alias of the table each one joins. A polymorphic
   * parent (the Name object, polymorphic.ts) has no table: `poly` gives its Id and its record's type in SQL.
   */
  rels: { rel: ParentRelationship; alias: string; poly?: { idSql: string; typeSql: string } }[];
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

  /**
   * Resolves `Field`, `Rel.Field` or `Alias.Rel.Field`, joining the parents it crosses. A formula's own
   * inputs may reach further than a query may (`limitDepth` false).
   */
  field(expr: { path: string[]; text: string }, limitDepth = true): FieldRef {
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
    if (limitDepth && path.length - 1 > MAX_PARENT_DEPTH) {
      throw text.malformed(
        `SOQL statements cannot query more than ${MAX_PARENT_DEPTH} levels of parent relationships`,
        expr.text,
      );
    }
    let obj = this.obj;
    let alias = this.alias;
    let key = '';
    // The running user's access applies to what the query names, not to a formula's own inputs.
    const access = limitDepth ? this.env.options.access : undefined;
    // Joins that hide the parents the user cannot see are kept apart from a formula's unrestricted ones.
    let joinKey = '';
    let hidden = false;
    let hiddenOnPath = false;
    const rels: FieldRef['rels'] = [];
    for (const [index, segment] of path.slice(0, -1).entries()) {
      const poly = obj.parents.has(segment.toLowerCase()) ? undefined : obj.polymorphic.get(segment.toLowerCase());
      if (poly && (!access || access.canReadField(poly.field))) {
        // `What.Name`: a field of the Name object, which has no relationships to go further.
        if (index !== path.length - 2) throw unknownRelationship(text, path[index + 1], expr.text);
        const name = path[path.length - 1];
        return polymorphicField(this, { poly, fromAlias: alias, keyPrefix: key, rels, name, text: expr.text });
      }
      const rel = obj.parents.get(segment.toLowerCase());
      const target = rel && schema.objects.get(rel.target);
      if (!rel || !target || (access && !(access.canReadField(rel.field) && access.canReadObject(target)))) {
        throw unknownRelationship(text, segment, expr.text);
      }
      key += `${rel.name.toLowerCase()}.`;
      hidden = access?.sharingHides(target) ?? false;
      hiddenOnPath ||= hidden;
      joinKey += `${rel.name.toLowerCase()}${hidden ? '!' : ''}.`;
      let joined = this.joinAliases.get(joinKey);
      if (!joined) {
        joined = this.env.alias();
        this.joinAliases.set(joinKey, joined);
        // A parent the user cannot see comes back as null, and matches no filter on its fields.
        const visible = access?.rowFilter(target, joined, (value) => this.env.param(value));
        this.joins.push(
          `LEFT JOIN ${quoteIdent(target.table)} AS ${joined} ON ${joined}."Id" = ${alias}.${quoteIdent(rel.field.column)}${visible ? ` AND ${visible}` : ''}`,
        );
      }
      rels.push({ rel, alias: joined });
      obj = target;
      alias = joined;
    }
    const name = path[path.length - 1];
    const field = findFieldSchema(obj, name);
    if (!field || (access && !access.canReadField(field))) throw noSuchColumn(text, name, obj.name, expr.text);
    return {
      field,
      kind: kindOf(field),
      sql: field.model.compoundComponents
        ? compoundSql(field.model.compoundComponents, alias)
        : field.model.formula === undefined
          ? `${alias}.${quoteIdent(field.column)}`
          : // Computed over unrestricted joins: null it with the parent when the user cannot see the parent.
            hiddenOnPath
            ? `CASE WHEN ${alias}."Id" IS NOT NULL THEN ${this.formula(field, rels)} END`
            : this.formula(field, rels),
      rels,
      key: key + field.name.toLowerCase(),
    };
  }

  /**
   * A formula field computed in SQL from its inputs, each resolved (and joined) like a selected field on
   * the path to the formula's object; inputs that are formulas nest. So formulas work in every clause.
   */
  private formula(field: FieldSchema, rels: FieldRef['rels']): string {
    const prefix = rels.map((r) => r.rel.name);
    const inputs = formulaOf(this.env.schema, field).inputs.map((input) => {
      const path = [...prefix, ...input.path];
      return this.field({ path, text: path.join('.') }, false).sql;
    });
    return formulaSql(field, this.env.param(this.env.options.now.toISOString()), inputs);
  }

  /**
   * Joins the parent of `rel` as `target`, one of the types a polymorphic reference may point to (TYPEOF):
   * rows whose reference holds an Id of another type, or of a record the user cannot see, get nulls.
   */
  typedJoin(
    rel: { name: string; field: FieldSchema },
    target: ObjectSchema,
    fromAlias = this.alias,
    keyPrefix = '',
  ): string {
    const key = `${keyPrefix}${rel.name.toLowerCase()}@${target.name}`;
    let joined = this.joinAliases.get(key);
    if (!joined) {
      joined = this.env.alias();
      this.joinAliases.set(key, joined);
      const visible = this.env.options.access?.rowFilter(target, joined, (value) => this.env.param(value));
      this.joins.push(
        `LEFT JOIN ${quoteIdent(target.table)} AS ${joined} ON ${joined}."Id" = ${fromAlias}.${quoteIdent(rel.field.column)}${visible ? ` AND ${visible}` : ''}`,
      );
    }
    return joined;
  }

  /** A formula field of the record joined as `joined` (a `target`), computed in a correlated subquery. */
  relatedFormula(target: ObjectSchema, joined: string, field: FieldSchema): string {
    const own = new Scope(this.env, target);
    const ref = own.field({ path: [field.name], text: field.name }, false);
    return `(SELECT ${ref.sql} FROM ${own.from()} WHERE ${own.alias}."Id" = ${joined}."Id")`;
  }

  /** The FROM clause with the first `joinCount` joins (all by default). */
  from(joinCount = this.joins.length): string {
    return [`${quoteIdent(this.obj.table)} AS ${this.alias}`, ...this.joins.slice(0, joinCount)].join(' ');
  }

  /** The recycle-bin filter: `query` skips deleted records, `queryAll` keeps them. */
  notDeleted(): string | undefined {
    return this.env.options.includeDeleted ? undefined : `${this.alias}."IsDeleted" = 0`;
  }

  /** Sharing: the rows of this level the running user can see, or undefined when they see all. */
  visible(): string | undefined {
    return this.env.options.access?.rowFilter(this.obj, this.alias, (value) => this.env.param(value));
  }
}

/** ` WHERE a AND b` from the conditions that are present, or ''. */
export function whereClause(conditions: (string | undefined)[]): string {
  const present = conditions.filter((c): c is string => c !== undefined);
  return present.length ? ` WHERE ${present.join(' AND ')}` : '';
}
