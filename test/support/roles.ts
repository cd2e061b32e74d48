/**
 * Role hierarchies for the local org's sharing tests: roles created by the admin through the REST API,
 * each under its parent, as an admin builds them in Setup.
 */
import type { TestOrg } from './localorg';

/** Creates a role (under `parentId` when given) and returns its Id. */
export async function createRole(t: TestOrg, name: string, parentId?: string): Promise<string> {
  const created = await t.conn
    .sobject('UserRole')
    .create({ Name: name, ...(parentId ? { ParentRoleId: parentId } : {}) });
  if (!created.success) throw new Error(`could not create role ${name}`);
  return created.id;
}
