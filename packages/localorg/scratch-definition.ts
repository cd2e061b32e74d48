/**
 * Org settings the local org takes from the project's scratch definition (config/project-scratch-def.json),
 * as `sf org create scratch` would apply them to a new scratch org.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The definition's JSON, or undefined when it is missing or not JSON (the CLI reports that when it creates one). */
function readDefinition(projectRoot: string): unknown {
  const path = join(projectRoot, 'config', 'project-scratch-def.json');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null && name in value ? (value as Record<string, unknown>)[name] : undefined;

/**
 * Whether the definition turns on "Enable 'Set Audit Fields upon Record Creation' and 'Update Records with
 * Inactive Owners' User Permissions" (`settings.securitySettings.enableAuditFieldsInactiveOwner`).
 */
export function projectEnablesAuditFields(projectRoot: string): boolean {
  const settings = field(field(readDefinition(projectRoot), 'settings'), 'securitySettings');
  return field(settings, 'enableAuditFieldsInactiveOwner') === true;
}
