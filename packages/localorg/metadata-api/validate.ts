/**
 * A deploy's validation, as Salesforce validates one: the project as it would be after the deploy is read
 * by the model (a malformed or inconsistent file fails its component), then every reference the model
 * collects from layouts, list views, quick actions, roll-up summaries, Lightning pages and permission sets
 * must name an existing object and field, an Experience Cloud site's components must name what they use
 * (sites.ts), restriction rules must name real objects and fields, report types, reports and dashboards
 * must name real objects, fields, report type columns, folders and reports, every formula field and validation rule must compile, and the schema must compile as the org
 * would run it. Each problem fails the component whose file holds it, with
 * Salesforce's problem text and, where the file shows it, the line and column.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import {
  checkReporting,
  checkRestrictionRules,
  findField,
  findObject,
  MetadataError,
  type ForceAppModel,
} from '@partner-planning/model';
import { compileFormula } from '../formula/compile';
import { formulasOf } from '../formula';
import { compileSchema, type OrgSchema } from '../schema';
import { siteProblems } from './sites';

/** A problem in one file of the project being validated (paths relative to its root). */
export interface Problem {
  file: string;
  /** The component a problem belongs to when the file alone does not say (a validation rule, a field). */
  component?: { type: string; fullName: string };
  problem: string;
  lineNumber?: number;
  columnNumber?: number;
}

/** Where `text` first appears as an element's value (`>text<`) in a file: 1-based line and column. */
function locate(root: string, file: string, values: string[]): { lineNumber?: number; columnNumber?: number } {
  let lines: string[];
  try {
    lines = readFileSync(join(root, file), 'utf8').split('\n');
  } catch {
    return {};
  }
  for (const value of values) {
    for (let i = 0; i < lines.length; i++) {
      const at = lines[i].indexOf(`>${value}<`);
      if (at >= 0) return { lineNumber: i + 1, columnNumber: at + 2 };
    }
  }
  return {};
}

function lineOf(root: string, file: string, value: string): string {
  try {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    return lines.find((l) => l.includes(`>${value}<`)) ?? '';
  } catch {
    return '';
  }
}

/** Problems with the references the model collected (layouts, list views, quick actions, permission sets). */
function referenceProblems(model: ForceAppModel): Problem[] {
  const problems: Problem[] = [];
  for (const ref of model.fieldReferences) {
    const obj = findObject(model, ref.object);
    const qualified = `${ref.object}.${ref.field}`;
    const where = locate(model.root, ref.sourcePath, [qualified, ref.field]);
    if (!obj) {
      problems.push({
        file: ref.sourcePath,
        problem: `In field: field - no CustomObject named ${ref.object} found`,
        ...where,
      });
    } else if (!findField(obj, ref.field)) {
      const inListView = ref.sourcePath.endsWith('.listView-meta.xml');
      const column = inListView && lineOf(model.root, ref.sourcePath, ref.field).includes('<columns>');
      problems.push({
        file: ref.sourcePath,
        problem: column
          ? `Could not resolve list view column: ${ref.field}`
          : `In field: field - no CustomField named ${qualified} found`,
        ...where,
      });
    }
  }
  for (const page of model.flexiPages) {
    if (!page.sobjectType || findObject(model, page.sobjectType)) continue;
    const file = relative(model.root, page.sourcePath);
    problems.push({
      file,
      problem: `In field: sobjectType - no CustomObject named ${page.sobjectType} found`,
      ...locate(model.root, file, [page.sobjectType]),
    });
  }
  for (const ps of model.permissionSets.values()) {
    const file = relative(model.root, ps.sourcePath);
    for (const object of ps.objectPermissions.keys()) {
      if (findObject(model, object)) continue;
      problems.push({
        file,
        problem: `In field: object - no CustomObject named ${object} found`,
        ...locate(model.root, file, [object]),
      });
    }
  }
  return problems;
}

/** Every formula field and active validation rule compiled on its own, so that each failure is reported. */
function formulaProblems(model: ForceAppModel, schema: OrgSchema): Problem[] {
  const problems: Problem[] = [];
  const fileOf = (path: string | undefined): string => (path ? relative(model.root, path) : '');
  for (const obj of schema.objects.values()) {
    for (const field of obj.fields.values()) {
      if (field.model.formula === undefined || !field.model.custom) continue;
      try {
        compileFormula(schema, obj, field.model.formula, {
          context: 'field',
          blankAsZero: field.model.formulaTreatBlanksAs !== 'BlankAsBlank',
          requireFormula: () => undefined,
        });
      } catch (error) {
        problems.push({
          file: fileOf(field.model.sourcePath),
          component: { type: 'CustomField', fullName: `${obj.name}.${field.name}` },
          problem: (error as Error).message,
        });
      }
    }
    for (const rule of obj.model.validationRules) {
      try {
        compileFormula(schema, obj, rule.formula, {
          context: 'validation',
          blankAsZero: false,
          requireFormula: () => undefined,
        });
        if (rule.errorDisplayField && !obj.fieldsByLower.has(rule.errorDisplayField.toLowerCase())) {
          throw new Error(`Field ${rule.errorDisplayField} does not exist. Check spelling.`);
        }
      } catch (error) {
        problems.push({
          file: fileOf(rule.sourcePath),
          component: { type: 'ValidationRule', fullName: `${obj.name}.${rule.name}` },
          problem: (error as Error).message,
        });
      }
    }
  }
  return problems;
}

/** The name a reporting problem is about (`Invalid field name: X`, `... named X found`), and its last part. */
function namedIn(message: string): string[] {
  const name =
    /(?:Invalid field name: |Invalid report type: |Invalid dashboardType: |Cannot summarize | named )(\S+)/.exec(
      message,
    )?.[1];
  return name ? [name, name.split('.').pop() ?? name] : [];
}

export type Validation = { problems: Problem[]; model?: ForceAppModel; schema?: OrgSchema };

/**
 * Validates the project at `root` (after the deploy's files were merged into it): its problems, and when
 * there are none, its model and compiled schema.
 */
export function validateProject(root: string, loadModel: (root: string) => ForceAppModel): Validation {
  let model: ForceAppModel;
  try {
    model = loadModel(root);
  } catch (error) {
    if (!(error instanceof MetadataError)) throw error;
    const file = isAbsolute(error.sourcePath) ? relative(root, error.sourcePath) : error.sourcePath;
    const problem = error.message.startsWith(`${error.sourcePath}: `)
      ? error.message.slice(error.sourcePath.length + 2)
      : error.message;
    return { problems: [{ file, problem }] };
  }
  const problems = [
    ...referenceProblems(model),
    ...siteProblems(root, model),
    // Restriction rules: their object, user criteria and record filter (model checks).
    ...checkRestrictionRules(model).map((p) => ({ file: p.file, problem: p.message })),
    // Report types, reports and dashboards: every object, field, column, folder and report they name (model checks).
    ...checkReporting(model).map((p) => ({
      file: p.file,
      problem: p.message,
      ...locate(root, p.file, namedIn(p.message)),
    })),
  ];
  let schema: OrgSchema;
  try {
    schema = compileSchema(model);
  } catch (error) {
    return { problems: [...problems, { file: '', problem: (error as Error).message }], model };
  }
  problems.push(...formulaProblems(model, schema));
  if (problems.length === 0) {
    // The org's own compile, dependencies between formula fields included: what the org would refuse to run.
    try {
      formulasOf(schema);
    } catch (error) {
      const message = (error as Error).message;
      const path = /\(([^()]+)\)/.exec(message)?.[1];
      problems.push({ file: path ? relative(root, path) : '', problem: message });
    }
  }
  return { problems, model, schema };
}
