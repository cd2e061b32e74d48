/**
 * Applies a deploy to the running org, with no restart: the changed files are written into the org's
 * project, the model is read again and the schema recompiled, the database gets the new tables and columns
 * (existing data is kept), and every request after this one sees the new schema. It runs synchronously, so
 * no request is served half way through. If the project no longer compiles (a partial deploy without
 * rollbackOnError left something out), the files are put back and nothing changes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ForceAppModel } from '@partner-planning/model';
import { formulasOf, registerFormulaFunction } from '../formula';
import type { OrgRuntime } from '../rest/context';
import { compileSchema, type OrgSchema } from '../schema';
import { ensureAnalyticsRecords } from '../analytics/records';
import type { ChangedFile } from './deploy';

/** Writes `changes` into the project at `root`; answers how to undo it. */
function writeFiles(root: string, changes: ChangedFile[]): () => void {
  const before = changes.map((c) => {
    const path = join(root, c.path);
    return { path, text: existsSync(path) ? readFileSync(path) : undefined };
  });
  for (const change of changes) {
    const path = join(root, change.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, change.text);
  }
  return () => {
    for (const { path, text } of before) {
      if (text === undefined) rmSync(path, { force: true });
      else writeFileSync(path, text);
    }
  };
}

/**
 * Writes the deploy's files and moves the org to the project's new schema. `compiled` is the validated
 * model and schema when the whole deploy passed (they are then not computed twice).
 */
export function applyDeploy(
  org: OrgRuntime,
  root: string,
  changes: ChangedFile[],
  loadModel: (root: string) => ForceAppModel,
  compiled?: { model: ForceAppModel; schema: OrgSchema },
): void {
  if (changes.length === 0) return;
  const undo = writeFiles(root, changes);
  let schema: OrgSchema;
  try {
    schema = compiled?.schema ?? compileSchema(loadModel(root));
    formulasOf(schema);
  } catch (error) {
    undo();
    throw error;
  }
  org.storage.applySchema(schema, registerFormulaFunction);
  org.schema = schema;
  ensureAnalyticsRecords(org.storage, org.now());
  org.schemaLoadedAt = org.now();
  org.dml.schemaChanged();
}
