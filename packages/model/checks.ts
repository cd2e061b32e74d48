/**
 * Integrity checks over force-app and the code that uses it: malformed XML, undocumented custom fields,
 * metadata and code that name fields which do not exist, and metric definitions that point nowhere.
 * `npm test` runs them on the real tree; the tests also run them on broken fixtures to prove they catch.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { asJsonMap, getJsonArray, getString, isAnyJson, type JsonArray } from '@salesforce/ts-types';
import { XMLValidator } from 'fast-xml-parser';
import { readApiVersion } from './api-version';
import { findField, findObject } from './load';
import { resolveFieldPath } from './objects';
import { checkReporting } from './report-checks';
import { checkPlanTemplates } from './plan-templates';
import { expandValueLists, overLimitObjects, restrictionRuleProblems, USER_REFERENCE } from './restriction-rules';
import type { ForceAppModel, ObjectModel } from './types';

export { checkPlanTemplates } from './plan-templates';
export { resolveFieldPath } from './objects';
export { checkReporting } from './report-checks';

export interface Problem {
  /** Path relative to the project root. */
  file: string;
  message: string;
}

function walk(dir: string, accept: (path: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, accept, out);
    else if (accept(path)) out.push(path);
  }
  return out;
}

/** Every metadata XML file in the package directory must be well-formed. */
export function checkXmlWellFormed(root: string, packageDir = 'force-app'): Problem[] {
  const problems: Problem[] = [];
  for (const path of walk(join(root, packageDir), (p) => p.endsWith('.xml'))) {
    const result = XMLValidator.validate(readFileSync(path, 'utf8'));
    if (result !== true) {
      problems.push({
        file: relative(root, path),
        message: `malformed XML at line ${result.err.line}: ${result.err.msg}`,
      });
    }
  }
  return problems;
}

/** Every custom field needs a description and inline help text (custom metadata fields included). */
export function checkFieldDocumentation(model: ForceAppModel): Problem[] {
  const problems: Problem[] = [];
  for (const obj of model.objects.values()) {
    for (const field of obj.fields.values()) {
      if (!field.custom) continue;
      const file = relative(model.root, field.sourcePath ?? obj.apiName);
      if (!field.description) problems.push({ file, message: `${obj.apiName}.${field.apiName} has no <description>` });
      if (!field.inlineHelpText)
        problems.push({ file, message: `${obj.apiName}.${field.apiName} has no <inlineHelpText>` });
    }
  }
  return problems;
}

/** Layouts, list views, quick actions, permission sets and roll-up summaries name only existing fields. */
export function checkMetadataFieldReferences(model: ForceAppModel): Problem[] {
  const problems: Problem[] = [];
  for (const ref of model.fieldReferences) {
    const obj = findObject(model, ref.object);
    if (!obj) problems.push({ file: ref.sourcePath, message: `names object ${ref.object}, which does not exist` });
    else if (!findField(obj, ref.field)) {
      problems.push({ file: ref.sourcePath, message: `names field ${ref.object}.${ref.field}, which does not exist` });
    }
  }
  for (const ps of model.permissionSets.values()) {
    for (const object of ps.objectPermissions.keys()) {
      if (!findObject(model, object)) {
        problems.push({
          file: relative(model.root, ps.sourcePath),
          message: `grants object ${object}, which does not exist`,
        });
      }
    }
  }
  return problems;
}

/** Metric definitions (Plan_Metric__mdt records) must point at real objects, fields and metrics. */
export function checkMetricCatalog(model: ForceAppModel): Problem[] {
  const problems: Problem[] = [];
  const metrics = model.customMetadataRecords.filter((r) => r.type === 'Plan_Metric__mdt');
  const byName = new Map(metrics.map((m) => [m.developerName, m]));
  for (const metric of metrics) {
    const file = relative(model.root, metric.sourcePath);
    const v = metric.values;
    const say = (message: string): void => void problems.push({ file, message: `${metric.developerName}: ${message}` });
    problems.push(...checkMetricSemantics(metric.developerName, v).map((message) => ({ file, message })));
    // People choosing and reading targets see these two texts; an active metric without them is unexplained.
    if (v.Active__c === true) {
      for (const key of ['Description__c', 'Help_Text__c']) {
        const text = v[key];
        if (typeof text !== 'string' || text.trim() === '') say(`${key} is required on an active metric`);
      }
      if (typeof v.Help_Text__c === 'string' && v.Help_Text__c.length > 255)
        say(`Help_Text__c is longer than 255 characters (${v.Help_Text__c.length})`);
    }
    if (v.Aggregate__c === 'RATIO') {
      for (const key of ['Numerator_Metric__c', 'Denominator_Metric__c']) {
        const part = typeof v[key] === 'string' ? byName.get(v[key] as string) : undefined;
        if (!part) say(`${key} names no metric`);
        else if (part.values.Aggregate__c === 'RATIO') say(`${key} ${part.developerName} is itself a ratio`);
      }
      continue;
    }
    const source = typeof v.Source_Object__c === 'string' ? findObject(model, v.Source_Object__c) : undefined;
    if (!source) {
      say(`Source_Object__c ${String(v.Source_Object__c)} does not exist`);
      continue;
    }
    for (const key of ['Value_Field__c', 'Date_Field__c', 'Partner_Path__c', 'Person_Path__c', 'Customer_Path__c']) {
      const path = v[key];
      if (typeof path !== 'string' || path === '') continue;
      const error = resolveFieldPath(model, source, path);
      if (error) say(`${key}: ${error}`);
    }
    if (v.Aggregate__c !== 'COUNT' && !v.Value_Field__c) say(`${String(v.Aggregate__c)} needs Value_Field__c`);
    // Only a snapshot (the current value) can do without a date that places records in a period.
    if (!v.Date_Field__c && v.Shape__c !== 'Snapshot') say('Date_Field__c is required unless Shape__c is Snapshot');
    if (typeof v.Filter__c === 'string' && v.Filter__c.trim() !== '') {
      problems.push(
        ...checkSoql(model, `SELECT Id FROM ${source.apiName} WHERE ${v.Filter__c}`, file).map((p) => ({
          ...p,
          message: `${metric.developerName}: Filter__c: ${p.message}`,
        })),
      );
    }
  }
  return problems;
}

const DIRECTIONS = ['Higher is better', 'Lower is better', 'Stay within budget'];
const SHAPES = ['Cumulative', 'Rate', 'Snapshot'];

/**
 * A metric's reading rules: Direction__c and Shape__c set to known values (every record says them, so none
 * relies on a default by accident) and thresholds, when set, with ahead above behind above 0.
 */
function checkMetricSemantics(name: string, v: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof v.Direction__c !== 'string' || !DIRECTIONS.includes(v.Direction__c))
    problems.push(`${name}: Direction__c must be one of ${DIRECTIONS.join(', ')} (got ${String(v.Direction__c)})`);
  if (typeof v.Shape__c !== 'string' || !SHAPES.includes(v.Shape__c))
    problems.push(`${name}: Shape__c must be one of ${SHAPES.join(', ')} (got ${String(v.Shape__c)})`);
  const ahead = typeof v.Ahead_Threshold__c === 'number' ? v.Ahead_Threshold__c : 110;
  const behind = typeof v.Behind_Threshold__c === 'number' ? v.Behind_Threshold__c : 90;
  if (!(behind > 0 && ahead > behind))
    problems.push(
      `${name}: thresholds must be Ahead_Threshold__c > Behind_Threshold__c > 0 (got ${ahead} and ${behind})`,
    );
  return problems;
}

/** Checks the objects and fields of a SOQL statement, including subqueries and semi-joins. */
export function checkSoql(model: ForceAppModel, soql: string, file: string): Problem[] {
  let query: Query;
  try {
    query = parseQuery(soql, { allowApexBindVariables: true, ignoreParseErrors: false });
  } catch (error) {
    return [{ file, message: `SOQL does not parse: ${(error as Error).message.split('\n')[0]}` }];
  }
  const problems: Problem[] = [];
  const visit = (q: Query, parent?: ObjectModel): void => {
    const objName = q.sObject ?? '';
    let obj = findObject(model, objName);
    if (!obj && parent) {
      // A child subquery names a child relationship of the parent object.
      const child = [...model.objects.values()].flatMap((o) =>
        [...o.fields.values()]
          .filter(
            (f) =>
              f.referenceTo?.includes(parent.apiName) &&
              f.relationshipName &&
              `${f.relationshipName}__r`.toLowerCase() === objName.toLowerCase(),
          )
          .map(() => o),
      )[0];
      obj = child;
    }
    if (!obj) {
      if (!parent || /__r$/i.test(objName))
        problems.push({ file, message: `SOQL names object ${objName}, which does not exist` });
      return;
    }
    const check = (path: string | undefined): void => {
      if (!path || path === '*' || !obj) return;
      const error = resolveFieldPath(model, obj, path);
      if (error) problems.push({ file, message: `SOQL field ${path}: ${error}` });
    };
    for (const field of q.fields ?? []) {
      if (field.type === 'Field') check(field.field);
      else if (field.type === 'FieldRelationship') check([...field.relationships, field.field].join('.'));
      else if (field.type === 'FieldFunctionExpression') {
        for (const p of field.parameters ?? []) if (typeof p === 'string') check(p);
      } else if (field.type === 'FieldSubquery') visit(field.subquery as Query, obj);
    }
    // The parser gives WHERE as a right-nested chain: { left: condition, operator, right: rest }.
    type Chain = { left?: { field?: string; fn?: { parameters?: unknown[] }; valueQuery?: Query }; right?: Chain };
    let where = q.where as Chain | undefined;
    while (where) {
      const left = where.left;
      if (left?.field) check(left.field);
      for (const p of left?.fn?.parameters ?? []) if (typeof p === 'string') check(p);
      if (left?.valueQuery) visit(left.valueQuery);
      where = where.right;
    }
  };
  visit(query);
  return problems;
}

const CODE_FILE = /\.(ts|html)$/;

/**
 * Code (scripts, app, local-app modules, components, benchmarks) must not name custom objects or fields
 * that force-app lacks: qualified references (`Plan_Target__c.Actual_Value__c`, `@salesforce/schema/...`),
 * bare custom names (`Actual_Value__c`, `Plan_Sections__r`, `Partner_Account_Plan__Share`) and SOQL string
 * literals are all checked.
 */
export function checkCodeReferences(model: ForceAppModel, codeDirs: string[]): Problem[] {
  const problems: Problem[] = [];
  const knownNames = new Set<string>();
  for (const obj of model.objects.values()) {
    knownNames.add(obj.apiName.toLowerCase());
    for (const f of obj.fields.values()) {
      knownNames.add(f.apiName.toLowerCase());
      if (f.custom && f.referenceTo?.length) knownNames.add(f.apiName.replace(/__c$/, '__r').toLowerCase());
      if (f.custom && f.relationshipName) knownNames.add(`${f.relationshipName}__r`.toLowerCase());
    }
    // Apex sharing reasons (`Reason__c`) are the custom RowCause values of share objects.
    for (const v of obj.shareOf ? (obj.fields.get('RowCause')?.picklist?.values ?? []) : [])
      knownNames.add(v.value.toLowerCase());
  }
  for (const dir of codeDirs) {
    for (const path of walk(join(model.root, dir), (p) => CODE_FILE.test(p) && !p.includes('__fixtures__'))) {
      const file = relative(model.root, path);
      const text = readFileSync(path, 'utf8');
      // Share objects (`Foo__Share`) are the platform's, and in the model for the objects that have one.
      for (const match of text.matchAll(/\b[A-Za-z][A-Za-z0-9_]*__(?:c|r|mdt|[Ss]hare)\b/g)) {
        if (!knownNames.has(match[0].toLowerCase()))
          problems.push({ file, message: `names ${match[0]}, which is not in force-app` });
      }
      for (const match of text.matchAll(/\b([A-Za-z][A-Za-z0-9_]*(?:__c|__mdt)?)\.([A-Za-z][A-Za-z0-9_]*__c)\b/g)) {
        const obj = findObject(model, match[1]);
        if (obj && !findField(obj, match[2]))
          problems.push({ file, message: `names ${match[1]}.${match[2]}, which is not in force-app` });
      }
      for (const match of text.matchAll(/(['"`])\s*(SELECT\s[^'"`]*?\sFROM\s[^'"`]*?)\1/gis)) {
        if (match[2].includes('${')) continue; // built from parts at run time; its parts are checked above
        problems.push(...checkSoql(model, match[2], file));
      }
    }
  }
  return problems;
}

/** Sample data tree files (`sf data import tree`) name only existing objects and fields. */
export function checkDataTrees(model: ForceAppModel, dataDir = 'data'): Problem[] {
  const problems: Problem[] = [];
  for (const path of walk(join(model.root, dataDir), (p) => p.endsWith('.json'))) {
    const file = relative(model.root, path);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({ file, message: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const visit = (records: JsonArray): void => {
      for (const [i, entry] of records.entries()) {
        const record = asJsonMap(entry);
        if (!record) {
          problems.push({ file, message: `records[${i}] is not a record object` });
          continue;
        }
        const type = getString(record, 'attributes.type') ?? '';
        const obj = findObject(model, type);
        if (!obj) {
          problems.push({ file, message: `record of type ${type}, which does not exist` });
          continue;
        }
        for (const [key, value] of Object.entries(record)) {
          if (key === 'attributes') continue;
          const nested = getJsonArray(asJsonMap(value), 'records');
          if (nested) visit(nested);
          else if (!findField(obj, key)) problems.push({ file, message: `${type}.${key} does not exist` });
        }
      }
    };
    // A plan file (`sf data import tree --plan`) is an array with no records of its own: nothing to check here.
    const records = isAnyJson(json) ? getJsonArray(json, 'records') : undefined;
    if (records) visit(records);
  }
  return problems;
}

/**
 * Restriction rules: the target object, enforcement type and userCriteria as a deploy checks them
 * (restriction-rules.ts), the recordFilter's fields as SOQL on the target, at most two active rules per object.
 */
export function checkRestrictionRules(model: ForceAppModel): Problem[] {
  const problems: Problem[] = [];
  for (const rule of model.restrictionRules) {
    const file = relative(model.root, rule.sourcePath);
    for (const message of restrictionRuleProblems(model, rule)) problems.push({ file, message });
    if (!findObject(model, rule.targetEntity)) continue;
    // `$User.<Field>` values are the running user's; a null stands in for them when checking the fields.
    const filter = expandValueLists(rule.recordFilter).replace(USER_REFERENCE, 'null');
    for (const p of checkSoql(model, `SELECT Id FROM ${rule.targetEntity} WHERE ${filter}`, file)) {
      problems.push({ file, message: `recordFilter: ${p.message}` });
    }
  }
  for (const { object, files } of overLimitObjects(model)) {
    problems.push({
      file: files[0],
      message: `${object} has ${files.length} active restriction rules; Developer Edition allows 2 (${files.join(', ')})`,
    });
  }
  return problems;
}

/** All checks over a project. */
export function checkProject(model: ForceAppModel, codeDirs: string[]): Problem[] {
  return [
    ...checkXmlWellFormed(model.root),
    ...checkFieldDocumentation(model),
    ...checkMetadataFieldReferences(model),
    ...checkMetricCatalog(model),
    ...checkPlanTemplates(model),
    ...checkRestrictionRules(model),
    ...checkReporting(model),
    ...checkCodeReferences(model, codeDirs),
    ...checkDataTrees(model),
    ...checkApiVersionLiterals(model.root),
  ];
}

/** Folders (from the project root) whose .ts/.js files are built or generated, not written by hand. */
const GENERATED_DIRS = ['generated', join('packages', 'app', 'dist')];

/**
 * Whether a path is hand-written code: a .ts/.js file (or an LWC template with `templates`) outside
 * node_modules, dot folders, the generated and built folders, and force-app's compiled .js (the ones next to
 * their .ts source).
 */
function isHandWrittenCode(root: string, path: string, options: { templates?: boolean } = {}): boolean {
  if (GENERATED_DIRS.some((dir) => path.startsWith(join(root, dir) + sep))) return false;
  const extensions = options.templates ? /\.(ts|js|mjs|cjs|html)$/ : /\.(ts|js|mjs|cjs)$/;
  if (!extensions.test(path)) return false;
  const forceApp = join(root, 'force-app');
  return !(path.startsWith(forceApp + sep) && path.endsWith('.js') && existsSync(path.replace(/\.js$/, '.ts')));
}

/** The longest a hand-written source file may be: past it, a file does more than one job. */
export const MAX_SOURCE_LINES = 600;

/**
 * No hand-written source file (code, tests and LWC templates) is longer than MAX_SOURCE_LINES. Fixtures,
 * test results and benchmark results are data, not source, and are not read.
 */
export function checkSourceFileSizes(root: string, maxLines = MAX_SOURCE_LINES): Problem[] {
  const data = [join('test', 'fixtures'), 'test-results', 'coverage', join('bench', 'results')].map((dir) =>
    join(root, dir),
  );
  const isSource = (path: string): boolean =>
    !data.some((dir) => path.startsWith(dir + sep)) && isHandWrittenCode(root, path, { templates: true });
  const problems: Problem[] = [];
  for (const path of walk(root, isSource)) {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > maxLines) {
      problems.push({
        file: relative(root, path),
        message: `${lines} lines: split it by responsibility (at most ${maxLines})`,
      });
    }
  }
  return problems;
}

/**
 * No hand-written .ts/.js source may hard-code the project's API version ("NN.0" style, with or without
 * the "v"): sfdx-project.json is its one source (API_VERSION in model/api-version.ts). The *-meta.xml
 * files, which Salesforce requires to carry it, are not code and are not read. Skipped: node_modules,
 * dot folders, generated/, packages/app/dist, and force-app's compiled .js (the ones next to their .ts source).
 */
export function checkApiVersionLiterals(root: string, version: string = readApiVersion(root)): Problem[] {
  const isSource = (path: string): boolean => isHandWrittenCode(root, path) && !path.endsWith('.d.ts');
  // The version as a literal, never part of a longer number: "NN.0", "vNN.0", ".../vNN.0/...".
  const literal = new RegExp(`(?<![\\d.])v?${version.replace('.', '\\.')}(?!\\d)`);
  const problems: Problem[] = [];
  for (const path of walk(root, isSource)) {
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const found = literal.exec(line);
        if (found) {
          problems.push({
            file: relative(root, path),
            message: `line ${index + 1} hard-codes the API version "${found[0]}": use API_VERSION (from sfdx-project.json)`,
          });
        }
      });
  }
  return problems;
}
