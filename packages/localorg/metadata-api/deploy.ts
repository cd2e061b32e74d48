/**
 * A deploy, from the zip the client sent to the outcome of each component. The zip (Metadata API format)
 * is extracted, converted back to source format with the sf CLI's own converter and merged into a copy of
 * the org's project, which is then validated as Salesforce would (validate.ts). Each component of the
 * deploy is reported as created, changed or unchanged, or failed with its problem. What is applied is the
 * set of files that differ from the org's project; with rollbackOnError (the default) any failure applies
 * nothing, without it the failing components' files are left out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ForceAppModel } from '@partner-planning/model';
import type { OrgSchema } from '../schema';
import {
  BadZipError,
  componentFiles,
  componentKey,
  copyProject,
  extractZip,
  loadSdr,
  PACKAGE_DIR,
  readIfExists,
  sameMetadata,
  type SourceComponent,
} from './project';
import type { DeployMessage } from './results';
import { validateProject, type Problem } from './validate';

export interface DeployRequestOptions {
  checkOnly: boolean;
  rollbackOnError: boolean;
  ignoreWarnings: boolean;
  /** A test level other than NoTestRun, or tests named: the org runs no Apex, so no test runs. */
  runTests: boolean;
}

/** A file to write into the org's project: its path relative to the project root, and its new text. */
export interface ChangedFile {
  path: string;
  text: Buffer;
}

export interface DeployOutcome {
  successes: DeployMessage[];
  failures: DeployMessage[];
  /** The files to write to apply the deploy (none when it fails as a whole or is checkOnly). */
  changes: ChangedFile[];
  /** The model and schema of the project after the deploy, when every component passed. */
  model?: ForceAppModel;
  schema?: OrgSchema;
}

interface Deployed {
  component: SourceComponent;
  /** Its path in the zip, for the messages' fileName. */
  fileName: string;
  message: DeployMessage;
  files: ChangedFile[];
}

/** The converted (source format) components, each with its state against the org's project. */
function describeConverted(
  converted: SourceComponent[],
  staging: string,
  orgRoot: string,
  zipPaths: Map<string, string>,
): Deployed[] {
  return converted.map((component) => {
    const parentKey = component.parent ? componentKey(component.parent.type.name, component.parent.fullName) : '';
    const key = componentKey(component.type.name, component.fullName);
    const fileName = zipPaths.get(key) ?? zipPaths.get(parentKey) ?? '';
    const files: ChangedFile[] = [];
    let existed = false;
    for (const file of componentFiles(component)) {
      const path = relative(staging, file);
      const text = readFileSync(file);
      const before = readIfExists(join(orgRoot, path));
      if (before !== undefined) existed = true;
      if (before === undefined || !sameMetadata(path, before, text.toString('utf8'))) files.push({ path, text });
    }
    const message: DeployMessage = {
      componentType: component.type.name,
      fullName: component.fullName,
      fileName,
      success: true,
      created: !existed,
      changed: existed && files.length > 0,
      deleted: false,
    };
    return { component, fileName, message, files };
  });
}

/** The component a problem belongs to: named by the problem, else the one whose file holds it. */
function ownerOf(problem: Problem, deployed: Deployed[], byFile: Map<string, Deployed>): Deployed | undefined {
  if (problem.component) {
    const named = deployed.find(
      (d) => d.message.componentType === problem.component?.type && d.message.fullName === problem.component.fullName,
    );
    if (named) return named;
  }
  return byFile.get(problem.file);
}

function failure(d: Deployed | undefined, problem: Problem): DeployMessage {
  const base = d?.message ?? {
    componentType: problem.component?.type ?? '',
    fullName: problem.component?.fullName ?? problem.file,
    fileName: problem.file,
    success: false,
    created: false,
    changed: false,
    deleted: false,
  };
  return {
    ...base,
    success: false,
    created: false,
    changed: false,
    problem: problem.problem,
    problemType: 'Error',
    lineNumber: problem.lineNumber,
    columnNumber: problem.columnNumber,
  };
}

/**
 * Runs a deploy's conversion and validation against the org's project at `orgRoot`, without touching it.
 * `loadModel` reads a project as the org does (with its org-level additions, such as multiple currencies).
 */
export async function prepareDeploy(
  zip: Buffer,
  options: DeployRequestOptions,
  orgRoot: string,
  loadModel: (root: string) => ForceAppModel,
): Promise<DeployOutcome> {
  const work = mkdtempSync(join(tmpdir(), 'localorg-deploy-'));
  try {
    let mdapi: string;
    try {
      mdapi = await extractZip(zip, join(work, 'zip'));
    } catch (error) {
      if (!(error instanceof BadZipError)) throw error;
      return { successes: [], failures: [packageFailure(error.message)], changes: [] };
    }
    if (
      readIfExists(join(mdapi, 'destructiveChanges.xml')) ??
      readIfExists(join(mdapi, 'destructiveChangesPost.xml'))
    ) {
      return {
        successes: [],
        failures: [packageFailure('Deleting components (destructiveChanges) is not supported by the local org.')],
        changes: [],
      };
    }
    const sdr = await loadSdr();
    const staging = join(work, 'project');
    copyProject(orgRoot, staging);
    let incoming;
    try {
      incoming = sdr.ComponentSet.fromSource(mdapi);
    } catch (error) {
      return { successes: [], failures: [packageFailure((error as Error).message)], changes: [] };
    }
    const zipPaths = new Map<string, string>();
    for (const c of incoming.getSourceComponents()) {
      zipPaths.set(componentKey(c.type.name, c.fullName), relative(mdapi, c.xml ?? c.content ?? ''));
    }
    const existing = sdr.ComponentSet.fromSource(join(staging, PACKAGE_DIR));
    const { converted = [] } = await new sdr.MetadataConverter().convert(incoming, 'source', {
      type: 'merge',
      mergeWith: existing.getSourceComponents(),
      defaultDirectory: join(staging, PACKAGE_DIR),
    });
    const deployed = describeConverted(converted, staging, orgRoot, zipPaths);
    const byFile = new Map<string, Deployed>();
    for (const d of deployed) for (const file of componentFiles(d.component)) byFile.set(relative(staging, file), d);
    const validation = validateProject(staging, loadModel);
    const failed = new Map<Deployed | undefined, DeployMessage[]>();
    const failures: DeployMessage[] = [];
    for (const problem of validation.problems) {
      const owner = ownerOf(problem, deployed, byFile);
      const message = failure(owner, problem);
      failures.push(message);
      failed.set(owner, [...(failed.get(owner) ?? []), message]);
    }
    const succeeded = deployed.filter((d) => !failed.has(d));
    const successes = succeeded.map((d) => d.message);
    const allPassed = failures.length === 0;
    const apply = !options.checkOnly && (allPassed || !options.rollbackOnError);
    return {
      successes,
      failures,
      changes: apply ? succeeded.flatMap((d) => d.files) : [],
      model: allPassed ? validation.model : undefined,
      schema: allPassed ? validation.schema : undefined,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A failure of the package as a whole, reported on package.xml as Salesforce does. */
function packageFailure(problem: string): DeployMessage {
  return {
    componentType: '',
    fullName: 'package.xml',
    fileName: 'package.xml',
    success: false,
    created: false,
    changed: false,
    deleted: false,
    problem,
    problemType: 'Error',
  };
}
