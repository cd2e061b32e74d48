/** Shared access to the project's own force-app model and to the test fixtures. */
import { join } from 'node:path';
import {
  loadForceApp,
  REPO_ROOT,
  type FieldModel,
  type ForceAppModel,
  type ObjectModel,
  type PermissionSetModel,
} from '../../packages/model';

let cached: ForceAppModel | undefined;

/** The model of this repository's force-app, read once per test file. */
export function projectModel(): ForceAppModel {
  cached ??= loadForceApp();
  return cached;
}

/** Folders whose code may name this project's objects and fields (the local org is generic: it names none). */
export const CODE_DIRS = ['scripts', 'app', 'bench', 'force-app/main/default/lwc'];

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

/** An object of this project's model; throws when force-app has none of that name. */
export function projectObject(name: string): ObjectModel {
  const obj = projectModel().objects.get(name);
  if (!obj) throw new Error(`${name} is not in force-app`);
  return obj;
}

/** A field of this project's model; throws when force-app has none of that name. */
export function projectField(objectName: string, fieldName: string): FieldModel {
  const f = projectObject(objectName).fields.get(fieldName);
  if (!f) throw new Error(`${objectName}.${fieldName} is not in force-app`);
  return f;
}

/** A permission set of this project's model; throws when force-app has none of that name. */
export function projectPermissionSet(name: string): PermissionSetModel {
  const ps = projectModel().permissionSets.get(name);
  if (!ps) throw new Error(`permission set ${name} is not in force-app`);
  return ps;
}

/** A picklist field's values, in order. */
export const picklistValues = (f: FieldModel): string[] => f.picklist?.values.map((v) => v.value) ?? [];
