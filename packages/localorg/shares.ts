/**
 * Sharing rules for share objects (`Foo__Share`), checked on create and update after the ordinary field
 * validation. Who may share is decided in security.ts (the ParentId reference and record access).
 *
 * - AccessLevel must be more permissive than the object's organization-wide default (the Apex guide's
 *   FIELD_FILTER_VALIDATION_EXCEPTION naming AccessLevel); All is the owner's and cannot be granted.
 * - RowCause is Manual (the default) or one of the object's Apex sharing reasons (`Reason__c`, from its
 *   metadata; any other value is not in the restricted picklist). Owner is the platform's own and reserved.
 *   Only users with Modify All Data add, change or remove shares of a sharing reason, as the Metadata API's
 *   SharingReason documents.
 * - A new owner decides who else sees a record: changing the owner deletes its Manual shares, while shares
 *   of a sharing reason stay, as in an org.
 * - The owner cannot be given a share, nor a user who cannot read the object
 *   (INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY, as orgs answer). A share may name a live group (a role's
 *   groups, role-groups.ts); an Id that is no live user or group is refused the same way.
 * - Sharing a record again with the same user for the same reason updates the existing share's AccessLevel;
 *   a record may be shared with one user for several reasons, one share each.
 */
import type { RequestContext } from './context';
import { SalesforceError } from './errors';
import type { ObjectSchema } from './schema';
import { insufficientAccess, isSharingReason, type Security, type UserAccess } from './security';
import { quoteIdent, type Row } from './sql';
import type { Storage } from './storage';

const recordError = (code: string, message: string, fields: string[]): SalesforceError =>
  new SalesforceError(400, code, message, fields);

const crossReference = (id: string, field: string): Error =>
  recordError(
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    `insufficient access rights on cross-reference id: ${id}`,
    [field],
  );

/** AccessLevel is a level this object's shares can grant. */
export function assertShareLevel(storage: Storage, share: ObjectSchema, row: Row): void {
  if (row.AccessLevel === 'All') {
    throw recordError('INVALID_ACCESS_LEVEL', "AccessLevel: All is the owner's access and cannot be granted", [
      'AccessLevel',
    ]);
  }
  const sharingModel = storage.schema.objects.get(share.model.shareOf ?? '')?.model.sharingModel;
  if (sharingModel === 'Read' && row.AccessLevel === 'Read') {
    throw recordError(
      'FIELD_FILTER_VALIDATION_EXCEPTION',
      'AccessLevel: the access level must be more permissive than the organization-wide default (Read)',
      ['AccessLevel'],
    );
  }
}

/**
 * Checks a new share made by `creator`; returns the Id of the live share that already gives the record to the
 * same user for the same reason (the caller updates it instead of inserting), or undefined.
 */
export function checkNewShare(
  storage: Storage,
  security: Security,
  share: ObjectSchema,
  row: Row,
  creator: UserAccess,
): string | undefined {
  assertShareLevel(storage, share, row);
  if (isSharingReason(row.RowCause)) {
    if (!creator.allData) throw insufficientAccess();
  } else if (row.RowCause !== 'Manual') {
    // The platform's message for a row cause it keeps for itself (Owner).
    throw recordError(
      'FIELD_INTEGRITY_EXCEPTION',
      'field integrity exception: RowCause (Specified value is reserved and cannot be used)',
      ['RowCause'],
    );
  }
  const shared = storage.schema.objects.get(share.model.shareOf ?? '');
  const parentId = String(row.ParentId);
  const userId = String(row.UserOrGroupId);
  const parent = shared ? storage.getRow(shared, parentId) : undefined;
  if (!shared || !parent) throw crossReference(parentId, 'ParentId');
  const group = storage.schema.objects.get('Group');
  if (group && userId.startsWith(group.keyPrefix)) {
    if (storage.getRow(group, userId)?.IsDeleted !== 0) throw crossReference(userId, 'UserOrGroupId');
  } else if (parent.OwnerId === userId || !security.forUser(userId).object(shared).allowRead) {
    throw crossReference(userId, 'UserOrGroupId');
  }
  const existing = storage
    .statement(
      `SELECT "Id" FROM ${quoteIdent(share.table)} WHERE "ParentId" = ? AND "UserOrGroupId" = ? AND "RowCause" = ? AND "IsDeleted" = 0 LIMIT 1`,
    )
    .pluck(true)
    .get(parentId, userId, row.RowCause) as string | undefined;
  return existing;
}

/** The record changed owner: its Manual shares go, those of sharing reasons stay. */
export function dropManualShares(storage: Storage, ctx: RequestContext, obj: ObjectSchema, id: string): void {
  for (const candidate of storage.schema.objects.values()) {
    if (candidate.model.shareOf !== obj.name) continue;
    storage
      .statement(
        `UPDATE ${quoteIdent(candidate.table)} SET "IsDeleted" = 1, "LastModifiedDate" = ?, "LastModifiedById" = ? WHERE "ParentId" = ? AND "RowCause" = 'Manual' AND "IsDeleted" = 0`,
      )
      .run(ctx.now.toISOString(), ctx.userId, id);
  }
}
