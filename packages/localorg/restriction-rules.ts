/**
 * Restriction rules (force-app `restrictionRules/`): when a rule's userCriteria matches the running user, the
 * records of its object that user may see must also match its recordFilter, on top of sharing, everywhere a
 * record is read (SOQL, SOSL, REST, UI API, GraphQL, Bulk). Only active rules of enforcementType Restrict
 * restrict; a scoping rule changes no access. Where several rules of one object apply to the user, the local
 * org shows a record that matches any of them.
 *
 * The recordFilter is compiled by the SOQL engine as the WHERE of `SELECT Id FROM <object>`, so relationship
 * paths (`Plan_Section__r.Visible_To_Partner__c = true`), `=`/`!=`, booleans and strings mean what they mean in
 * a query; a string of comma-separated values matches any of them (expandValueLists); `$User.<Field>` values
 * are the running user's, put in as literals before parsing.
 */
import {
  expandValueLists,
  parseUserCriteria,
  USER_REFERENCE,
  type RestrictionRuleModel,
  type UserCriterion,
} from '@partner-planning/model';
import { findFieldSchema, type ObjectSchema } from './schema';
import { whereOf } from './soql/expressions';
import { QueryText } from './soql/errors';
import { parseSoql } from './soql/parse';
import { Env, Scope } from './soql/scope';
import type { Row } from './sql';
import type { Storage } from './storage';

/** A compiled restriction: the Ids of the records the user may see, as an uncorrelated SQL subquery. */
export interface Restriction {
  /** `SELECT t0."Id" FROM ... WHERE ...` with `@pN` placeholders for `params`. */
  sql: string;
  params: Record<string, unknown>;
}

/** A User field's value as the rules compare it: checkboxes as booleans, the rest as stored. */
function userValue(user: ObjectSchema, row: Row, name: string): string | number | boolean | null {
  const field = findFieldSchema(user, name);
  if (!field) return null;
  const value = row[field.column];
  if (field.model.type === 'Checkbox') return value === 1;
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

function criterionMatches(user: ObjectSchema, row: Row, c: UserCriterion): boolean {
  const actual = userValue(user, row, c.field);
  const equal =
    typeof c.value === 'string' && typeof actual === 'string'
      ? // Ids compare on their 15-character form, as an 18-character Id names the same record.
        /Id$/.test(c.field)
        ? actual.slice(0, 15) === c.value.slice(0, 15)
        : actual === c.value
      : actual === c.value;
  return c.op === '=' ? equal : !equal;
}

/** The rule applies to the user: every comparison of its userCriteria holds. */
export function appliesTo(storage: Storage, rule: RestrictionRuleModel, userRow: Row): boolean {
  const user = storage.schema.objects.get('User');
  const criteria = parseUserCriteria(rule.userCriteria);
  if (!user || typeof criteria === 'string') return false;
  return criteria.every((c) => criterionMatches(user, userRow, c));
}

/** A value as a SOQL literal. */
function literal(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}

/** Compiles one rule's recordFilter for the user into a subquery over the object's visible Ids. */
function compileRule(storage: Storage, obj: ObjectSchema, rule: RestrictionRuleModel, userRow: Row): Restriction {
  const user = storage.schema.objects.get('User');
  const filter = expandValueLists(rule.recordFilter).replace(USER_REFERENCE, (_, name: string) =>
    literal(user ? userValue(user, userRow, name) : null),
  );
  const text = new QueryText(`SELECT Id FROM ${obj.name} WHERE ${filter}`);
  // The platform evaluates the rule: no access check on the filter's own fields and parents.
  const env = new Env(storage.schema, text, { includeDeleted: true, now: new Date(), fiscalStartMonth: 1 });
  const scope = new Scope(env, obj);
  const where = whereOf(scope, parseSoql(text), false);
  return { sql: `SELECT ${scope.alias}."Id" FROM ${scope.from()} WHERE ${where ?? '1'}`, params: env.params };
}

/** The active Restrict rules of `obj` that apply to the user, compiled; undefined when none applies. */
export function restrictionFor(storage: Storage, obj: ObjectSchema, userRow: Row): Restriction | undefined {
  const rules = storage.schema.model.restrictionRules.filter(
    (rule) =>
      rule.active &&
      rule.enforcementType === 'Restrict' &&
      rule.targetEntity.toLowerCase() === obj.name.toLowerCase() &&
      appliesTo(storage, rule, userRow),
  );
  if (rules.length === 0) return undefined;
  const compiled = rules.map((rule) => compileRule(storage, obj, rule, userRow));
  // Several rules: a record matching any of them is visible. Placeholders are renamed apart.
  const params: Record<string, unknown> = {};
  const parts = compiled.map((c, i) => {
    for (const [name, value] of Object.entries(c.params)) params[`r${i}_${name}`] = value;
    return c.sql.replace(/@(p\d+)\b/g, (_, name: string) => `@r${i}_${name}`);
  });
  return { sql: parts.join(' UNION '), params };
}

/** The restriction as a condition on `alias`, its values bound through the caller's query. */
export function restrictionCondition(
  restriction: Restriction,
  alias: string,
  bind: (value: unknown) => string,
): string {
  const sql = restriction.sql.replace(/@(r\d+_p\d+)\b/g, (_, name: string) => bind(restriction.params[name]));
  return `${alias}."Id" IN (${sql})`;
}

/** The record passes the restriction. */
export function passesRestriction(storage: Storage, restriction: Restriction, id: string): boolean {
  const sql = `SELECT 1 WHERE @__id IN (${restriction.sql})`;
  return storage.statement(sql).get({ ...restriction.params, __id: id }) !== undefined;
}
