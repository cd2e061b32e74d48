/**
 * Restriction rules (`force-app/main/default/restrictionRules/<Name>.rule-meta.xml`): read into the model and
 * checked as a deploy would check them. A rule names its object (targetEntity), the users it applies to
 * (userCriteria, `$User.<Field> = value`) and the records those users may still see (recordFilter, a SOQL-like
 * condition whose values may be `$User.<Field>`).
 */
import { basename, join, relative } from 'node:path';
import { findField, findObject } from './objects';
import type { ForceAppModel, RestrictionRuleModel } from './types';
import { bool, listFiles, MetadataError, num, readMetadataXml, str } from './xml';

/** Standard objects that support restriction rules, besides custom objects (the Restriction Rules guide). */
export const RESTRICTABLE_STANDARD_OBJECTS: ReadonlySet<string> = new Set([
  'Contract',
  'Event',
  'Task',
  'TimeSheet',
  'TimeSheetEntry',
]);

/** Developer Edition allows two active restriction rules per object. */
export const MAX_ACTIVE_RULES_PER_OBJECT = 2;

const ENFORCEMENT_TYPES = new Set(['Restrict', 'Scoping']);

/** One `$User.<Field> <op> <value>` comparison of a rule's userCriteria. */
export interface UserCriterion {
  field: string;
  op: '=' | '!=';
  /** The value as written: a quoted string, true/false, null or a bare Id. */
  value: string | boolean | null;
}

/**
 * Parses userCriteria: one or more `$User.<Field> = value` (or `!=`) comparisons joined by AND, as the guide's
 * examples write them (`$User.IsActive = true`, `$User.ProfileId = '00e...'`). Returns an error text when
 * the criteria do not parse.
 */
export function parseUserCriteria(text: string): UserCriterion[] | string {
  const parts = text.split(/\s+AND\s+/i);
  const out: UserCriterion[] = [];
  for (const part of parts) {
    const m =
      /^\s*\$User\.([A-Za-z_][A-Za-z0-9_]*)\s*(!=|=)\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[A-Za-z0-9_]+)\s*$/.exec(
        part,
      );
    if (!m) return `userCriteria must compare $User fields with values (field = value), not: ${part.trim()}`;
    const raw = m[3];
    const lower = raw.toLowerCase();
    const value: UserCriterion['value'] = /^['"]/.test(raw)
      ? raw.slice(1, -1).replace(/\\(.)/g, '$1')
      : lower === 'true'
        ? true
        : lower === 'false'
          ? false
          : lower === 'null'
            ? null
            : raw;
    out.push({ field: m[1], op: m[2] as '=' | '!=', value });
  }
  return out;
}

/** The `$User.<Field>` names a recordFilter uses, for substitution and checks. */
export const USER_REFERENCE = /\$User\.([A-Za-z_][A-Za-z0-9_]*)/g;

/** Splits a value list on commas, keeping double-quoted parts (straight or curly quotes) whole. */
function splitValues(text: string): string[] {
  const values: string[] = [];
  const re = /\s*(?:["\u201c]([^"\u201d]*)["\u201d]|([^,]*))\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    values.push((m[1] ?? m[2] ?? '').trim());
    if (m[0] === '') break;
  }
  return values;
}

/**
 * A recordFilter with its value lists written out: in a restriction rule, `Name__c = 'Tom, Anita, "Torres, Jia"'`
 * matches any of the comma-separated values (a double-quoted value keeps its commas), so it reads as SOQL's
 * `Name__c IN ('Tom', 'Anita', 'Torres, Jia')` (and `!=` as NOT IN).
 */
export function expandValueLists(recordFilter: string): string {
  return recordFilter.replace(
    /([A-Za-z_][A-Za-z0-9_.]*)\s*(!=|=)\s*'((?:[^'\\]|\\.)*)'/g,
    (whole: string, field: string, op: string, text: string) => {
      if (!text.includes(',')) return whole;
      const raw = text.replace(/\\(.)/g, '$1');
      const quoted = splitValues(raw).map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
      return `${field} ${op === '=' ? 'IN' : 'NOT IN'} (${quoted.join(', ')})`;
    },
  );
}

export function readRestrictionRule(path: string): RestrictionRuleModel {
  const x = readMetadataXml(path, 'RestrictionRule');
  const name = basename(path, '.rule-meta.xml');
  const required = (field: string): string => {
    const value = str(x[field]);
    if (!value) throw new MetadataError(path, `restriction rule needs <${field}>`);
    return value;
  };
  return {
    name,
    active: bool(x.active),
    description: str(x.description),
    enforcementType: required('enforcementType'),
    masterLabel: required('masterLabel'),
    recordFilter: required('recordFilter'),
    targetEntity: required('targetEntity'),
    userCriteria: required('userCriteria'),
    version: num(x.version) ?? 1,
    sourcePath: path,
  };
}

export function readRestrictionRules(defaultDir: string): RestrictionRuleModel[] {
  return listFiles(join(defaultDir, 'restrictionRules'), '.rule-meta.xml').map(readRestrictionRule);
}

/**
 * A deploy's checks: the target is a custom object (or a standard object that supports rules), the enforcement
 * type is known, userCriteria names real User fields, at most two active rules per object. The recordFilter's
 * fields are checked as SOQL by `checkRecordFilter` (checks.ts, which owns the SOQL checks).
 */
export function restrictionRuleProblems(model: ForceAppModel, rule: RestrictionRuleModel): string[] {
  const problems: string[] = [];
  const target = findObject(model, rule.targetEntity);
  if (!target) problems.push(`targetEntity ${rule.targetEntity} does not exist`);
  else if (target.kind !== 'custom' && !RESTRICTABLE_STANDARD_OBJECTS.has(target.apiName)) {
    problems.push(`targetEntity ${rule.targetEntity} does not support restriction rules`);
  }
  if (!ENFORCEMENT_TYPES.has(rule.enforcementType)) {
    problems.push(`enforcementType ${rule.enforcementType} is not Restrict or Scoping`);
  }
  const user = findObject(model, 'User');
  const criteria = parseUserCriteria(rule.userCriteria);
  if (typeof criteria === 'string') problems.push(criteria);
  else {
    for (const c of criteria)
      if (user && !findField(user, c.field)) problems.push(`userCriteria: User.${c.field} does not exist`);
  }
  for (const m of rule.recordFilter.matchAll(USER_REFERENCE)) {
    if (user && !findField(user, m[1])) problems.push(`recordFilter: User.${m[1]} does not exist`);
  }
  return problems;
}

/** Objects with more active rules than the edition allows, with the rules' files. */
export function overLimitObjects(model: ForceAppModel): { object: string; files: string[] }[] {
  const byObject = new Map<string, { object: string; files: string[] }>();
  for (const rule of model.restrictionRules) {
    if (!rule.active) continue;
    const key = rule.targetEntity.toLowerCase();
    const entry = byObject.get(key) ?? { object: rule.targetEntity, files: [] };
    entry.files.push(relative(model.root, rule.sourcePath));
    byObject.set(key, entry);
  }
  return [...byObject.values()].filter((entry) => entry.files.length > MAX_ACTIVE_RULES_PER_OBJECT);
}
