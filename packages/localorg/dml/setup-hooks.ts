/**
 * What the platform does around writes to its setup records and partner accounts, beyond deriving fields:
 * a role's groups follow the role (role-groups.ts), licences are counted again after a user's save, a partner
 * account's roles follow its name, owner and owner's role (partner-users.ts), and the platform's groups and
 * accounts with partner users cannot be deleted.
 */
import { assertAccountDeletable, followOwnerRole, followPartnerAccount, refreshUsedLicenses } from '../partner-users';
import { assertGroupDeletable, removeRoleGroups, syncRoleGroups } from '../role-groups';
import type { RequestContext } from '../context';
import type { ObjectSchema } from '../schema';
import type { Row } from '../sql';
import type { Storage } from '../storage';

/** After a record was inserted (`previous` undefined), updated or undeleted. */
export function afterSetupSave(
  storage: Storage,
  ctx: RequestContext,
  obj: ObjectSchema,
  previous: Row | undefined,
  row: Row,
): void {
  if (obj.model.kind !== 'standard') return;
  switch (obj.name) {
    case 'UserRole':
      syncRoleGroups(storage, row, ctx.now, ctx.userId);
      return;
    case 'User':
      // Only a new user, or a change of activity or profile, changes the licences used.
      if (!previous || previous.IsActive !== row.IsActive || previous.ProfileId !== row.ProfileId) {
        refreshUsedLicenses(storage);
      }
      if (previous) followOwnerRole(storage, row, previous, ctx.now, ctx.userId);
      return;
    case 'Account':
      if (previous) followPartnerAccount(storage, row, previous, ctx.now, ctx.userId);
      return;
  }
}

/** Before a record is deleted: refuses deleting the platform's groups, and accounts with partner users. */
export function beforeSetupDelete(storage: Storage, obj: ObjectSchema, row: Row): void {
  if (obj.model.kind !== 'standard') return;
  if (obj.name === 'Group') assertGroupDeletable(row);
  if (obj.name === 'Account') assertAccountDeletable(storage, row);
}

/** After a record was deleted: a role's groups go with it. */
export function afterSetupDelete(storage: Storage, obj: ObjectSchema, row: Row): void {
  if (obj.model.kind === 'standard' && obj.name === 'UserRole') removeRoleGroups(storage, row.Id as string);
}
