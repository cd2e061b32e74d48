/**
 * Role groups, as the platform keeps them: every UserRole has a `Role` group (the users in the role) and a
 * `RoleAndSubordinates` group (the users in the role and in every role below it), and an internal role also
 * has a `RoleAndSubordinatesInternal` group (the same, without partner and portal users: Setup's "Roles and
 * Internal Subordinates"). Their RelatedId is the role, their DeveloperName the role's, and they have no Name,
 * as in an org. They are made with the role, follow its DeveloperName, and go with it; an org's groups of these
 * types cannot be created, edited or deleted through the API.
 *
 * Shares may name one of these groups (UserOrGroupId); `principalGroupIds` says which groups' shares reach a
 * user, for the sharing checks.
 */
import { SalesforceError } from './errors';
import type { ObjectSchema } from './schema';
import { quoteIdent, type Row } from './sql';
import type { Storage } from './storage';

/** The group types the platform keeps for each role. */
export const ROLE_GROUP_TYPES: readonly string[] = ['Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal'];
/** Groups of these types are the platform's: the API cannot create, edit or delete them. */
const PLATFORM_GROUP_TYPES = new Set([...ROLE_GROUP_TYPES, 'Organization']);

const objectOf = (storage: Storage, name: string): ObjectSchema => {
  const obj = storage.schema.objects.get(name);
  if (!obj) throw new Error(`the model has no ${name} object`);
  return obj;
};

/** A partner or customer portal role is external: it has no RoleAndSubordinatesInternal group. */
const isInternalRole = (role: Row): boolean =>
  role.PortalType === null || role.PortalType === undefined || role.PortalType === 'None';

/** The group types `role` has. */
const groupTypesOf = (role: Row): string[] =>
  isInternalRole(role) ? [...ROLE_GROUP_TYPES] : ROLE_GROUP_TYPES.filter((t) => t !== 'RoleAndSubordinatesInternal');

/**
 * Makes the missing groups of a live role and keeps their DeveloperName the role's; `userId` is recorded as
 * their creator and modifier (the platform's own writes pass the role's creator).
 */
export function syncRoleGroups(storage: Storage, role: Row, now: Date, userId: string): void {
  const groups = objectOf(storage, 'Group');
  const roleId = role.Id as string;
  const existing = storage
    .statement(`SELECT "Id", "Type", "DeveloperName" FROM ${quoteIdent(groups.table)} WHERE "RelatedId" = ?`)
    .all(roleId) as { Id: string; Type: string; DeveloperName: string | null }[];
  const stamp = now.toISOString();
  const developerName = (role.DeveloperName as string | null) ?? null;
  for (const type of groupTypesOf(role)) {
    const found = existing.find((g) => g.Type === type);
    if (found) {
      if (found.DeveloperName !== developerName) {
        storage.updateRow(groups, found.Id, {
          DeveloperName: developerName,
          LastModifiedDate: stamp,
          LastModifiedById: userId,
          SystemModstamp: stamp,
        });
      }
      continue;
    }
    storage.insertRow(groups, {
      Id: storage.nextId(groups),
      Name: null,
      DeveloperName: developerName,
      Type: type,
      RelatedId: roleId,
      Email: null,
      // Role groups reach the roles above through the hierarchy: their DoesIncludeBosses is true.
      DoesIncludeBosses: 1,
      DoesSendEmailToMembers: 0,
      OwnerId: userId,
      IsDeleted: 0,
      CreatedDate: stamp,
      CreatedById: userId,
      LastModifiedDate: stamp,
      LastModifiedById: userId,
      SystemModstamp: stamp,
    });
  }
}

/** Deletes a role's groups (the role was deleted). */
export function removeRoleGroups(storage: Storage, roleId: string): void {
  const groups = objectOf(storage, 'Group');
  const types = ROLE_GROUP_TYPES.map((t) => `'${t}'`).join(', ');
  storage
    .statement(`DELETE FROM ${quoteIdent(groups.table)} WHERE "RelatedId" = ? AND "Type" IN (${types})`)
    .run(roleId);
}

/**
 * Makes the groups of roles that have none (data folders from before role groups existed), and marks roles
 * without a PortalType internal. Two statements when there is nothing to do.
 */
export function backfillRoleGroups(storage: Storage, now: Date): void {
  const roles = objectOf(storage, 'UserRole');
  const groups = objectOf(storage, 'Group');
  // Roles from before PortalType existed are internal ones.
  storage.db.prepare(`UPDATE ${quoteIdent(roles.table)} SET "PortalType" = 'None' WHERE "PortalType" IS NULL`).run();
  const missing = storage
    .statement(
      `SELECT * FROM ${quoteIdent(roles.table)} AS r WHERE r."IsDeleted" = 0 AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(groups.table)} AS g WHERE g."RelatedId" = r."Id" AND g."Type" = 'RoleAndSubordinates')`,
    )
    .all() as Row[];
  for (const role of missing) syncRoleGroups(storage, role, now, role.CreatedById as string);
}

/**
 * Refuses an API write to a group the platform keeps: a new group of a platform type, or any change to one.
 * (Salesforce creates only Regular groups and queues through the API.)
 */
export function assertGroupWritable(row: Row, previous: Row | undefined): void {
  if (previous && PLATFORM_GROUP_TYPES.has(String(previous.Type))) {
    throw new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
  }
  if (!previous && PLATFORM_GROUP_TYPES.has(String(row.Type))) {
    throw new SalesforceError(
      400,
      'FIELD_INTEGRITY_EXCEPTION',
      `field integrity exception: Type (groups of type ${String(row.Type)} are kept by the platform; create Regular groups)`,
      ['Type'],
    );
  }
}

/** A group's DeveloperName is unique among the live groups of its type (Salesforce: "unique by group type"). */
export function assertGroupNameUnique(storage: Storage, row: Row): void {
  const groups = objectOf(storage, 'Group');
  const clash = storage
    .statement(
      `SELECT "Id" FROM ${quoteIdent(groups.table)} WHERE "DeveloperName" = ? AND "Type" = ? AND "IsDeleted" = 0 AND "Id" IS NOT ? LIMIT 1`,
    )
    .pluck(true)
    .get(row.DeveloperName, row.Type, row.Id ?? null) as string | undefined;
  if (clash) {
    throw new SalesforceError(
      400,
      'DUPLICATE_VALUE',
      `duplicate value found: DeveloperName duplicates value on record with id: ${clash}`,
      ['DeveloperName'],
    );
  }
}

/** A group of a platform type cannot be deleted through the API. */
export function assertGroupDeletable(row: Row): void {
  if (PLATFORM_GROUP_TYPES.has(String(row.Type))) {
    throw new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
  }
}

/**
 * The Ids of the role groups whose shares reach `userId`, for the sharing checks:
 *
 * - `Role` groups of the user's role and of every role below it (a share to a role reaches its members and,
 *   through the hierarchy, the users above them);
 * - `RoleAndSubordinates` groups of the user's role, of every role above it (the user is one of its
 *   subordinates) and of every role below it (through the hierarchy);
 * - `RoleAndSubordinatesInternal` groups likewise, but only along internal paths: an internal user is a
 *   member of the group of their role and of every role above it, and reaches, through the hierarchy, the
 *   groups of the roles below; a partner user is a member of none (the group excludes partner and portal
 *   users) and reaches only those of the internal roles below their role, which partner roles never have.
 *
 * A user without a role is in no role group. Inactive users are in none either (they have no access).
 */
export function principalGroupIds(storage: Storage, userId: string): string[] {
  const users = quoteIdent(objectOf(storage, 'User').table);
  const roles = quoteIdent(objectOf(storage, 'UserRole').table);
  const groups = quoteIdent(objectOf(storage, 'Group').table);
  // UNION (not UNION ALL) stops at a role already seen: even a cycle of roles terminates.
  const sql = `WITH RECURSIVE
    me(role, userType) AS (SELECT "UserRoleId", "UserType" FROM ${users} WHERE "Id" = @user AND "IsActive" = 1 AND "UserRoleId" IS NOT NULL),
    below(id) AS (SELECT r."Id" FROM ${roles} AS r, me WHERE r."ParentRoleId" = me.role AND r."IsDeleted" = 0
      UNION SELECT r."Id" FROM ${roles} AS r JOIN below ON r."ParentRoleId" = below.id WHERE r."IsDeleted" = 0),
    above(id) AS (SELECT r."ParentRoleId" FROM ${roles} AS r, me WHERE r."Id" = me.role AND r."ParentRoleId" IS NOT NULL
      UNION SELECT r."ParentRoleId" FROM ${roles} AS r JOIN above ON r."Id" = above.id WHERE r."ParentRoleId" IS NOT NULL AND r."IsDeleted" = 0),
    mine(id) AS (SELECT role FROM me),
    internalBelow(id) AS (SELECT b.id FROM below AS b JOIN ${roles} AS r ON r."Id" = b.id WHERE COALESCE(r."PortalType", 'None') = 'None')
    SELECT g."Id" FROM ${groups} AS g WHERE g."IsDeleted" = 0 AND (
      (g."Type" = 'Role' AND (g."RelatedId" IN mine OR g."RelatedId" IN below))
      OR (g."Type" = 'RoleAndSubordinates' AND (g."RelatedId" IN mine OR g."RelatedId" IN above OR g."RelatedId" IN below))
      OR (g."Type" = 'RoleAndSubordinatesInternal' AND (g."RelatedId" IN internalBelow
        OR ((SELECT COALESCE(userType, 'Standard') FROM me) = 'Standard' AND (g."RelatedId" IN mine OR g."RelatedId" IN above))))
    ) ORDER BY g."Id"`;
  return storage.statement(sql).pluck(true).all({ user: userId }) as string[];
}
