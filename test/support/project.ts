/** Shared access to the project's own force-app model and to the test fixtures. */
import { join } from 'node:path';
import { loadForceApp, REPO_ROOT, type ForceAppModel } from '../../packages/model';

let cached: ForceAppModel | undefined;

/** The model of this repository's force-app, read once per test file. */
export function projectModel(): ForceAppModel {
  cached ??= loadForceApp();
  return cached;
}

/** Folders whose code may name this project's objects and fields (the local org is generic: it names none). */
export const CODE_DIRS = ['scripts', 'app', 'bench', 'force-app/main/default/lwc'];

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
