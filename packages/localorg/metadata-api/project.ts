/**
 * The org's project on disk, as the Metadata API sees it: the Salesforce DX project whose force-app the org
 * compiles its schema from. Metadata converts between Metadata API format (what deploy and retrieve carry)
 * and source format (what the project holds) with @salesforce/source-deploy-retrieve, the sf CLI's own
 * converter, loaded on first use so that starting the org does not pay for it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

export type Sdr = typeof import('@salesforce/source-deploy-retrieve');
export type SourceComponent = InstanceType<Sdr['SourceComponent']>;

let sdr: Promise<Sdr> | undefined;

/** source-deploy-retrieve, imported once. */
export function loadSdr(): Promise<Sdr> {
  sdr ??= import('@salesforce/source-deploy-retrieve');
  return sdr;
}

/** The package directory the model reads (`<root>/force-app/main/default`). */
export const PACKAGE_DIR = 'force-app';

export interface OrgProject {
  /** The project root (holds sfdx-project.json and force-app). */
  root: string;
}

/** Copies what the model reads of a project (sfdx-project.json and force-app) into `to`. */
export function copyProject(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of ['sfdx-project.json', '.forceignore']) {
    if (existsSync(join(from, name))) cpSync(join(from, name), join(to, name));
  }
  cpSync(join(from, PACKAGE_DIR), join(to, PACKAGE_DIR), { recursive: true });
}

/** A zip entry's name that stays inside the folder it is extracted to (no `..`, no absolute path). */
function safeEntryName(name: string): string | undefined {
  const normal = normalize(name);
  if (isAbsolute(normal) || normal.startsWith(`..${sep}`) || normal === '..') return undefined;
  return normal;
}

export class BadZipError extends Error {
  override name = 'BadZipError';
}

/**
 * Extracts a deploy's zip into `dir` and answers the folder that holds its package.xml (the zip's root, or
 * its one top folder, as Salesforce accepts both).
 */
export async function extractZip(zip: Buffer, dir: string): Promise<string> {
  let archive: JSZip;
  try {
    archive = await JSZip.loadAsync(zip);
  } catch (error) {
    throw new BadZipError(`The deploy's zip file cannot be read: ${(error as Error).message}`);
  }
  for (const entry of Object.values(archive.files)) {
    if (entry.dir) continue;
    const name = safeEntryName(entry.name);
    if (!name) throw new BadZipError(`The zip entry ${entry.name} points outside the package.`);
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await entry.async('nodebuffer'));
  }
  if (existsSync(join(dir, 'package.xml'))) return dir;
  const tops = Object.keys(archive.files).filter((n) => /^[^/]+\/package\.xml$/.test(n));
  if (tops.length === 1) return join(dir, dirname(tops[0]));
  throw new BadZipError('No package.xml found');
}

/** Reads a text file, or undefined when it does not exist. */
export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

const metadataParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

/**
 * Two files' texts compared as metadata: XML by its parsed content, so that what the converter rewrites
 * without changing anything (the declaration's spelling, entity escapes, indentation) is not a change.
 */
export function sameMetadata(path: string, a: string, b: string): boolean {
  if (a === b) return true;
  if (!path.endsWith('.xml')) return false;
  try {
    return JSON.stringify(metadataParser.parse(a)) === JSON.stringify(metadataParser.parse(b));
  } catch {
    return false;
  }
}

/** Every file of a source component: its -meta.xml and its content files. */
export function componentFiles(component: SourceComponent): string[] {
  const files = component.xml ? [component.xml] : [];
  if (typeof component.content === 'string') {
    const content = component.walkContent();
    for (const file of content) if (!files.includes(file)) files.push(file);
  }
  return files;
}

/** `type#fullName`, how deploy messages are matched to components (as source-deploy-retrieve does). */
export const componentKey = (type: string, fullName: string): string => `${type}#${fullName}`;
