/**
 * What sets a partner user's (UserType PowerPartner) sharing apart from an internal user's:
 *
 * - Their organization-wide default for an object is its external one (`<externalSharingModel>`). Without it,
 *   Salesforce's defaults: Private for custom objects and for Account, Contact, Opportunity, Lead and Campaign,
 *   Controlled by Parent where the internal default is; other objects keep their internal default. The external
 *   default is never more open than the internal one (Setup refuses that).
 * - Their profile, Partner Community User, gives the object permissions below; custom objects come only from
 *   permission sets.
 * - They read their own account (User.AccountId) and their own contact (User.ContactId), whatever the default:
 *   Salesforce's implicit sharing for portal users.
 */
import type { ObjectPermission, SharingModel } from '@partner-planning/model';
import type { ObjectSchema } from './schema';
import type { Row } from './sql';

/** The user type of partner users, as User.UserType stores it. */
export const PARTNER_USER_TYPE = 'PowerPartner';

const READ: ObjectPermission = {
  allowCreate: false,
  allowRead: true,
  allowEdit: false,
  allowDelete: false,
  viewAllRecords: false,
  modifyAllRecords: false,
};
const READ_CREATE_EDIT: ObjectPermission = { ...READ, allowCreate: true, allowEdit: true };

/** Object permissions of the Partner Community User profile; custom objects come from permission sets. */
export const PARTNER_USER_OBJECTS: Record<string, ObjectPermission> = {
  Account: READ,
  Contact: READ_CREATE_EDIT,
  Opportunity: READ_CREATE_EDIT,
  Lead: READ_CREATE_EDIT,
  Task: { ...READ_CREATE_EDIT, allowDelete: true },
  Event: { ...READ_CREATE_EDIT, allowDelete: true },
  Campaign: READ,
  CampaignMember: READ,
  Product2: READ,
  Pricebook2: READ,
  PricebookEntry: READ,
  User: READ,
};

/** Standard objects whose external default is Private in a new org. */
const PRIVATE_EXTERNALLY: ReadonlySet<string> = new Set(['Account', 'Contact', 'Opportunity', 'Lead', 'Campaign']);

/** How open a default is: external defaults may not go above the internal one. */
const OPENNESS: Record<string, number> = { Private: 0, Read: 1, ReadWrite: 2, Public: 2, FullAccess: 3 };

export function isPartnerUser(user: Row | undefined): boolean {
  return user?.UserType === PARTNER_USER_TYPE;
}

/** The object's organization-wide default for external users. */
export function externalSharingModel(obj: ObjectSchema): SharingModel {
  const internal = obj.model.sharingModel;
  if (internal === 'ControlledByParent') return internal;
  const external =
    obj.model.externalSharingModel ??
    (obj.model.kind === 'custom' || PRIVATE_EXTERNALLY.has(obj.name) ? 'Private' : internal);
  if (external === 'ControlledByParent') return internal;
  return (OPENNESS[external] ?? 0) <= (OPENNESS[internal] ?? 0) ? external : internal;
}

/** The record a partner user reads through implicit sharing on `obj`: their account or their contact. */
export function implicitRecordId(obj: ObjectSchema, user: Row | undefined): string | undefined {
  const column = obj.name === 'Account' ? 'AccountId' : obj.name === 'Contact' ? 'ContactId' : undefined;
  const id = column ? user?.[column] : undefined;
  return typeof id === 'string' ? id : undefined;
}
