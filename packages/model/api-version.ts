/**
 * The project's Salesforce API version, read once from sfdx-project.json (`sourceApiVersion`): the one
 * source for the version the scripts, the local org, the app and the tests use. The *-meta.xml files carry
 * it too because Salesforce requires them to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './load';

/** `sourceApiVersion` of the sfdx-project.json in `root`: "NN.0", or an Error that says what is wrong. */
export function readApiVersion(root: string = REPO_ROOT): string {
  const file = join(root, 'sfdx-project.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: it holds the project's API version (sourceApiVersion)`);
  let project: unknown;
  try {
    project = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const version =
    typeof project === 'object' && project !== null && 'sourceApiVersion' in project
      ? project.sourceApiVersion
      : undefined;
  if (typeof version !== 'string' || !/^[1-9]\d*\.0$/.test(version)) {
    throw new Error(`${file}: sourceApiVersion must be a string like "60.0", not ${JSON.stringify(version)}`);
  }
  return version;
}

/** The project's API version, e.g. "60.0" (never a "v" prefix). */
export const API_VERSION = readApiVersion();
/** Its major number, e.g. 60. */
export const API_VERSION_MAJOR = Number(API_VERSION.slice(0, -'.0'.length));
