/**
 * Who may see and change what, decided per user as a Salesforce org decides it.
 *
 * - Object permissions (create, read, edit, delete, View All, Modify All) and field-level security come
 *   from the user's profile plus the force-app permission sets assigned to them (PermissionSetAssignment).
 * - System Administrator has "Modify All Data" (and so "View All Data"): no object, field or sharing check.
 * - Standard User reads, creates, edits and deletes Account, Contact, Opportunity (and its products), Lead,
 *   Task and Event, and reads User, Campaign (and its members, without Marketing User), products, Report and
 *   Dashboard. It has no access to custom objects and no field-level security on custom fields, as in a
 *   scratch org after a deploy that gives profiles no field access: custom fields are visible only through
 *   permission sets.
 *   Fields that are universally required (required custom fields, master-detail fields) have no field-level
 *   security: whoever can access the object reads and edits them, as in an org.
 * - Every user reads the platform's records (Organization, Profile, PermissionSet, PermissionSetAssignment,
 *   UserRole, Group, GroupMember, RecordType) and custom metadata records.
 * - Record sharing follows each object's organization-wide default (sharingModel): Private shows a record to
 *   its owner, Read shows every record and lets the owner edit, ReadWrite lets everyone edit; deleting needs
 *   full access (the owner). View All / Modify All on an object bypass sharing for reading / for everything.
 *   Master-detail children (ControlledByParent) follow their master: read access to the master gives read
 *   access to the child, edit access gives edit and delete access.
 * - Activities (Task, Event) are Controlled by Parent: the owner and the roles above have full access; anyone
 *   else may do to an activity what they may do to its WhoId and WhatId records (activity-access.ts).
 * - The role hierarchy (UserRole.ParentRoleId, User.UserRoleId): a user has the owner's access to every
 *   record owned by a user whose role is below theirs (any depth), as "Grant Access Using Hierarchies",
 *   which standard objects always have and custom objects have by default. Users in the same role (peers),
 *   and users without a role, see only their own. User.ManagerId plays no part in sharing, as in Salesforce.
 * - Manual sharing: a Private or Read object has a share object (`Foo__Share`). A share to a user gives them,
 *   and everyone above them in the role hierarchy, read access (any level) or edit access (Edit); never
 *   delete. A share to a group (a role's Role or RoleAndSubordinates group) gives the same to the users the
 *   group reaches and those above them (role-groups.ts principalGroupIds). The owner, those above the owner,
 *   Modify All on the object and Modify All Data may share a record (create, change or remove its Manual
 *   shares); only Modify All Data adds, changes or removes shares of an Apex sharing reason (RowCause
 *   `Reason__c`), which grant access as any share does. Whoever reads a record reads its shares.
 * - Master-detail fields with writeRequiresMasterRead ("Read Only" sharing setting): read access to the
 *   master is enough to create, edit and delete the detail.
 * - Partner users (UserType PowerPartner) follow each object's external default and read their own account
 *   and contact (partner-access.ts).
 * - Restriction rules that apply to the user further limit the records of their object the user sees and
 *   changes (restriction-rules.ts); a restricted record does not exist for them.
 *
 * - System permissions (Modify All Data, Manage Data Integrations, Bulk API Hard Delete...) come from the
 *   profile (System Administrator has every one the local org checks) plus the `<userPermissions>` of the
 *   assigned permission sets; a permission set granting Modify All Data gives all data access.
 *
 * Access is computed once per request; a user with View All Data pays nothing on queries.
 */
import type { FieldPermission, ObjectPermission, PermissionSetModel } from '@partner-planning/model';
import { activityRowFilter, activityShares, isActivity, type ActivityAccessHost } from './activity-access';
import { externalSharingModel, implicitRecordId, isPartnerUser, PARTNER_USER_OBJECTS } from './partner-access';
import { passesRestriction, restrictionCondition, restrictionFor, type Restriction } from './restriction-rules';
import { principalGroupIds } from './role-groups';
import type { RequestContext } from './context';
import { SalesforceError } from './errors';
import type { FieldSchema, ObjectSchema } from './schema';
import { quoteIdent, type Row, type SqlValue } from './sql';
import type { Storage } from './storage';

export const SYSTEM_ADMINISTRATOR = 'System Administrator';
export const STANDARD_USER = 'Standard User';
export const PARTNER_COMMUNITY_USER = 'Partner Community User';

const NO_ACCESS: ObjectPermission = {
  allowCreate: false,
  allowRead: false,
  allowEdit: false,
  allowDelete: false,
  viewAllRecords: false,
  modifyAllRecords: false,
};
const READ: ObjectPermission = { ...NO_ACCESS, allowRead: true };
const CRED: ObjectPermission = { ...READ, allowCreate: true, allowEdit: true, allowDelete: true };
const ALL: ObjectPermission = { ...CRED, viewAllRecords: true, modifyAllRecords: true };
const FULL_FIELD: FieldPermission = { readable: true, editable: true };

/** The system permissions the local org checks, named as in `<userPermissions>` (API field `Permissions<Name>`). */
export type SystemPermission =
  'ModifyAllData' | 'ViewAllData' | 'ManageDataIntegrations' | 'BulkApiHardDelete' | 'CreateAuditFields';

/** The audit fields "Set Audit Fields upon Record Creation" lets a user give on insert (never on update). */
export const AUDIT_FIELDS: ReadonlySet<string> = new Set([
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
]);

/**
 * System Administrator's system permissions. Salesforce ships Bulk API Hard Delete disabled on the profile;
 * the local org's admin has it, as an admin who enabled it, so a developer can purge test data.
 */
const ADMIN_PERMISSIONS: ReadonlySet<string> = new Set<SystemPermission>([
  'ModifyAllData',
  'ViewAllData',
  'ManageDataIntegrations',
  'BulkApiHardDelete',
]);
const NO_PERMISSIONS: ReadonlySet<string> = new Set();

/** Object permissions of the Standard User profile; it has none on other objects. */
const STANDARD_USER_OBJECTS: Record<string, ObjectPermission> = {
  Account: CRED,
  Contact: CRED,
  Opportunity: CRED,
  OpportunityLineItem: CRED,
  Lead: CRED,
  Task: CRED,
  Event: CRED,
  User: READ,
  Campaign: READ,
  CampaignMember: READ,
  Product2: READ,
  Pricebook2: READ,
  PricebookEntry: READ,
  // The org's reports and dashboards as records (what the user may run is decided by their folders).
  Report: READ,
  Dashboard: READ,
};

/** Platform records that every user reads. */
const READ_BY_EVERYONE = new Set([
  'Organization',
  'Profile',
  'PermissionSet',
  'PermissionSetAssignment',
  'UserRole',
  'Group',
  'GroupMember',
  'RecordType',
  // The fiscal calendar.
  'FiscalYearSettings',
  'Period',
  // Multi-currency orgs: everyone reads the currencies and their rates.
  'CurrencyType',
  'DatedConversionRate',
]);

function union(a: ObjectPermission, b: ObjectPermission): ObjectPermission {
  return {
    allowCreate: a.allowCreate || b.allowCreate,
    allowRead: a.allowRead || b.allowRead,
    allowEdit: a.allowEdit || b.allowEdit,
    allowDelete: a.allowDelete || b.allowDelete,
    viewAllRecords: a.viewAllRecords || b.viewAllRecords,
    modifyAllRecords: a.modifyAllRecords || b.modifyAllRecords,
  };
}

/** A create, edit or delete that object permissions or sharing refuse (also for records the user cannot see). */
export const insufficientAccess = (): SalesforceError =>
  new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');

/** Salesforce's message for fields a write may not set (system fields, or no edit access through FLS). */
export const uneditableFields = (names: string[]): SalesforceError =>
  new SalesforceError(
    400,
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    names,
  );

/** An Apex sharing reason (a custom row cause, `Reason__c`), as opposed to the platform's Manual and Owner. */
export const isSharingReason = (rowCause: unknown): boolean => typeof rowCause === 'string' && rowCause.endsWith('__c');

/** Binds a value into a SQL statement and returns its placeholder. */
export type Bind = (value: unknown) => string;

/** What the running user may see, as the SOQL engine asks it (see soql/scope.ts). */
export interface QueryAccess {
  canReadObject(obj: ObjectSchema): boolean;
  canReadField(field: FieldSchema): boolean;
  /** Sharing hides some records of `obj` from the user: `rowFilter` gives a condition. */
  sharingHides(obj: ObjectSchema): boolean;
  rowFilter(obj: ObjectSchema, alias: string, bind: Bind): string | undefined;
}

type Level = 'read' | 'edit' | 'delete';

/** One user's permissions and sharing. */
export class UserAccess implements QueryAccess {
  private readonly objects = new Map<string, ObjectPermission>();
  private readonly fields = new Map<FieldSchema, FieldPermission>();
  private owners?: Set<string>;
  private shareTargets?: string;
  private readonly restrictions = new Map<string, Restriction | null>();

  constructor(
    private readonly storage: Storage,
    readonly userId: string,
    /** Modify All Data: the System Administrator, and the platform's own writes (no user). */
    readonly allData: boolean,
    profileObjects: Record<string, ObjectPermission>,
    private readonly permissionSets: PermissionSetModel[],
    /** Enabled system permissions (profile and permission sets), by `<userPermissions>` name. */
    private readonly systemPermissions: ReadonlySet<string> = NO_PERMISSIONS,
    /** The org setting that makes the Set Audit Fields upon Record Creation permission available. */
    private readonly auditFieldsEnabled = false,
    /** The user's own User row (absent for the platform): user type, account and contact, rules' $User. */
    private readonly user?: Row,
  ) {
    for (const obj of storage.schema.objects.values()) {
      let perms = allData ? ALL : (profileObjects[obj.name] ?? NO_ACCESS);
      if (READ_BY_EVERYONE.has(obj.name) || obj.model.kind === 'customMetadata') perms = union(perms, READ);
      for (const set of permissionSets) {
        const granted = set.objectPermissions.get(obj.name);
        if (granted) perms = union(perms, granted);
      }
      this.objects.set(obj.name, perms);
    }
    for (const obj of storage.schema.objects.values()) {
      const parent = obj.model.shareOf ? this.objects.get(obj.model.shareOf) : undefined;
      if (!obj.model.shareOf || allData) continue;
      // Share objects have no permissions of their own: whoever reads the object may try to share its
      // records, and the record-level check (shares()) decides who may.
      this.objects.set(
        obj.name,
        parent?.allowRead
          ? { ...CRED, viewAllRecords: parent.viewAllRecords, modifyAllRecords: parent.modifyAllRecords }
          : NO_ACCESS,
      );
    }
  }

  /** The user holds the system permission through their profile or an assigned permission set. */
  hasSystemPermission(permission: SystemPermission): boolean {
    return this.systemPermissions.has(permission);
  }

  /**
   * The user may give CreatedDate, CreatedById, LastModifiedDate and LastModifiedById on insert: the org
   * setting is on and the user holds Set Audit Fields upon Record Creation (CreateAuditFields) and, as
   * Salesforce's considerations for the feature say, Modify All Data.
   */
  get setsAuditFields(): boolean {
    return this.auditFieldsEnabled && this.allData && this.systemPermissions.has('CreateAuditFields');
  }

  /** What a query run by this user must check; nothing (no cost at all) with View All Data. */
  forQuery(): QueryAccess | undefined {
    return this.allData ? undefined : this;
  }

  object(obj: ObjectSchema): ObjectPermission {
    return this.objects.get(obj.name) ?? NO_ACCESS;
  }

  canReadObject(obj: ObjectSchema): boolean {
    return this.object(obj).allowRead;
  }

  /** Field-level security alone (object permissions aside). */
  fieldPermission(field: FieldSchema): FieldPermission {
    if (this.allData) return FULL_FIELD;
    let perm = this.fields.get(field);
    if (!perm) {
      const m = field.model;
      const owner = this.storage.schema.objects.get(m.objectApiName);
      if (!m.custom || m.required || owner?.model.kind === 'customMetadata') {
        perm = FULL_FIELD;
      } else {
        const key = `${m.objectApiName}.${m.apiName}`;
        const granted = this.permissionSets.map((set) => set.fieldPermissions.get(key));
        perm = {
          readable: granted.some((g) => g?.readable === true || g?.editable === true),
          editable: granted.some((g) => g?.editable === true),
        };
      }
      this.fields.set(field, perm);
    }
    return perm;
  }

  /** The user reads the field's object and the field itself. */
  canReadField(field: FieldSchema): boolean {
    const owner = this.storage.schema.objects.get(field.model.objectApiName);
    return owner !== undefined && this.canReadObject(owner) && this.fieldPermission(field).readable;
  }

  canEditField(field: FieldSchema): boolean {
    return this.fieldPermission(field).editable;
  }

  /**
   * The user and every user whose role is below the user's role: the owners whose records they fully
   * access. UNION (not UNION ALL) stops at a role already seen, so even a cycle of roles terminates.
   */
  ownerIds(): Set<string> {
    if (!this.owners) {
      const users = quoteIdent(this.table('User'));
      const roles = quoteIdent(this.table('UserRole'));
      const sql = `WITH RECURSIVE below(id) AS (SELECT r."Id" FROM ${roles} AS r WHERE r."IsDeleted" = 0 AND r."ParentRoleId" = (SELECT "UserRoleId" FROM ${users} WHERE "Id" = @user) UNION SELECT r."Id" FROM ${roles} AS r JOIN below ON r."ParentRoleId" = below.id WHERE r."IsDeleted" = 0) SELECT @user UNION SELECT u."Id" FROM ${users} AS u WHERE u."UserRoleId" IN (SELECT id FROM below)`;
      this.owners = new Set(this.storage.statement(sql).pluck(true).all({ user: this.userId }) as string[]);
    }
    return this.owners;
  }

  /**
   * Who a share must name to reach the user, as a JSON array: the user and those below them (ownerIds) and
   * the groups whose shares reach them. Computed once per request.
   */
  private shareTargetIds(): string {
    if (this.shareTargets === undefined) {
      const groups = this.userId === '' ? [] : principalGroupIds(this.storage, this.userId);
      this.shareTargets = JSON.stringify([...this.ownerIds(), ...groups]);
    }
    return this.shareTargets;
  }

  /** A partner user: external defaults and implicit sharing apply. */
  get isPartner(): boolean {
    return isPartnerUser(this.user);
  }

  /** The organization-wide default that applies to this user: the external one for a partner user. */
  sharingModel(obj: ObjectSchema): ObjectSchema['model']['sharingModel'] {
    return this.isPartner ? externalSharingModel(obj) : obj.model.sharingModel;
  }

  /** The restriction rules of `obj` that apply to this user, compiled once per request; undefined if none. */
  private restriction(obj: ObjectSchema): Restriction | undefined {
    if (this.allData || !this.user || this.storage.schema.model.restrictionRules.length === 0) return undefined;
    let found = this.restrictions.get(obj.name);
    if (found === undefined) {
      found = restrictionFor(this.storage, obj, this.user) ?? null;
      this.restrictions.set(obj.name, found);
    }
    return found ?? undefined;
  }

  /** The record is one a restriction rule lets the user see (or no rule applies). */
  private unrestricted(obj: ObjectSchema, row: Row): boolean {
    const restriction = this.restriction(obj);
    return !restriction || (typeof row.Id === 'string' && passesRestriction(this.storage, restriction, row.Id));
  }

  sharingHides(obj: ObjectSchema): boolean {
    return this.hidesBySharing(obj) || this.restriction(obj) !== undefined;
  }

  /** Sharing alone (no restriction rule) hides some records of `obj`. */
  private hidesBySharing(obj: ObjectSchema): boolean {
    if (this.allData) return false;
    const perms = this.object(obj);
    if (perms.viewAllRecords || perms.modifyAllRecords) return false;
    // Activities always hide some rows: those of other owners with no related record the user may see.
    if (isActivity(obj)) return true;
    const model = this.sharingModel(obj);
    if (model === 'Private') return obj.fields.has('OwnerId');
    return model === 'ControlledByParent' && this.masters(obj).some(({ master }) => this.hidesBySharing(master));
  }

  /**
   * A SQL condition on `alias` that keeps the rows of `obj` the user may read, or undefined when neither
   * sharing nor a restriction rule hides any (View All Data, View All or Modify All on the object, a public
   * organization-wide default, no rule).
   */
  rowFilter(obj: ObjectSchema, alias: string, bind: Bind, depth = 0): string | undefined {
    const shared = this.sharingFilter(obj, alias, bind, depth);
    const restriction = this.restriction(obj);
    if (!restriction) return shared;
    const restricted = restrictionCondition(restriction, alias, bind);
    return shared ? `(${shared}) AND ${restricted}` : restricted;
  }

  /** rowFilter's sharing part: a master's or a related record's restriction rules do not reach its children. */
  private sharingFilter(obj: ObjectSchema, alias: string, bind: Bind, depth: number): string | undefined {
    if (!this.hidesBySharing(obj)) return undefined;
    if (isActivity(obj)) return activityRowFilter(this.activityHost(), this.storage, obj, alias, bind, depth);
    if (this.sharingModel(obj) === 'Private') {
      const owners = bind(JSON.stringify([...this.ownerIds()]));
      const implicit = implicitRecordId(obj, this.user);
      const owned = `(${alias}."OwnerId" IN (SELECT value FROM json_each(${owners}))${implicit ? ` OR ${alias}."Id" = ${bind(implicit)}` : ''})`;
      const share = this.shareObject(obj);
      if (!share) return owned;
      // Uncorrelated: the shared Ids are computed once per statement, from the UserOrGroupId index.
      const s = `shr${depth}`;
      const targets = bind(this.shareTargetIds());
      return `(${owned} OR ${alias}."Id" IN (SELECT ${s}."ParentId" FROM ${quoteIdent(share.table)} AS ${s} WHERE ${s}."UserOrGroupId" IN (SELECT value FROM json_each(${targets})) AND ${s}."IsDeleted" = 0))`;
    }
    const conditions: string[] = [];
    for (const { field, master } of this.masters(obj)) {
      // Uncorrelated subqueries: SQLite computes each master's visible Ids once per statement.
      const inner = `sec${depth}`;
      const filter = this.sharingFilter(master, inner, bind, depth + 1);
      if (filter) {
        conditions.push(
          `${alias}.${quoteIdent(field.column)} IN (SELECT ${inner}."Id" FROM ${quoteIdent(master.table)} AS ${inner} WHERE ${filter})`,
        );
      }
    }
    return conditions.join(' AND ');
  }

  canReadRow(obj: ObjectSchema, row: Row): boolean {
    return this.allData || (this.object(obj).allowRead && this.shares(obj, row, 'read') && this.unrestricted(obj, row));
  }

  canEditRow(obj: ObjectSchema, row: Row): boolean {
    return this.allData || (this.object(obj).allowEdit && this.shares(obj, row, 'edit') && this.unrestricted(obj, row));
  }

  canDeleteRow(obj: ObjectSchema, row: Row): boolean {
    return (
      this.allData || (this.object(obj).allowDelete && this.shares(obj, row, 'delete') && this.unrestricted(obj, row))
    );
  }

  assertCanCreate(obj: ObjectSchema): void {
    if (!this.allData && !this.object(obj).allowCreate) throw insufficientAccess();
  }

  assertCanEdit(obj: ObjectSchema, row: Row): void {
    if (!this.canEditRow(obj, row)) throw insufficientAccess();
  }

  assertCanDelete(obj: ObjectSchema, row: Row): void {
    if (!this.canDeleteRow(obj, row)) throw insufficientAccess();
  }

  /**
   * A reference a write sets must name a record the user can read; a master-detail field, a master the
   * user can edit (the Read/Write sharing setting), or read where the field has writeRequiresMasterRead.
   */
  assertReferences(fields: Iterable<FieldSchema>, row: Row): void {
    if (this.allData) return;
    for (const field of fields) {
      const type = field.model.type;
      const id: SqlValue | undefined = row[field.column];
      if ((type !== 'Lookup' && type !== 'MasterDetail') || typeof id !== 'string') continue;
      const target = this.storage.schema.byKeyPrefix.get(id.slice(0, 3));
      const parent = target ? this.storage.getRow(target, id) : undefined;
      if (!target || !parent) continue;
      const level = type === 'MasterDetail' && field.model.writeRequiresMasterRead !== true ? 'edit' : 'read';
      // A share names the record it shares: the caller must be allowed to share that record.
      const sharing =
        field.name === 'ParentId' && this.storage.schema.objects.get(field.model.objectApiName)?.model.shareOf;
      const allowed = sharing ? this.canShare(target, parent) : this.shares(target, parent, level);
      if (!this.object(target).allowRead || !allowed) {
        throw new SalesforceError(
          400,
          'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
          `insufficient access rights on cross-reference id: ${id}`,
          [field.name],
        );
      }
    }
  }

  /** The user may share the record: its owner or above, Modify All on the object, or Modify All Data. */
  canShare(obj: ObjectSchema, row: Row): boolean {
    if (this.allData || this.object(obj).modifyAllRecords) return true;
    return typeof row.OwnerId === 'string' && this.ownerIds().has(row.OwnerId);
  }

  /** Record-level access from sharing alone: View All and Modify All count, CRUD does not. */
  private shares(obj: ObjectSchema, row: Row, level: Level): boolean {
    if (this.allData) return true;
    const sharedObject = obj.model.shareOf ? this.storage.schema.objects.get(obj.model.shareOf) : undefined;
    if (sharedObject && level !== 'read') {
      // Shares of a sharing reason are changed only with Modify All Data (allData, answered above).
      if (isSharingReason(row.RowCause)) return false;
      const parent = typeof row.ParentId === 'string' ? this.storage.getRow(sharedObject, row.ParentId) : undefined;
      return parent !== undefined && this.canShare(sharedObject, parent);
    }
    const perms = this.object(obj);
    if (perms.modifyAllRecords || (level === 'read' && perms.viewAllRecords)) return true;
    if (isActivity(obj)) return activityShares(this.storage, this.activityHost(), obj, row, level);
    const model = this.sharingModel(obj);
    if (model === 'ControlledByParent') {
      return this.masters(obj).every(({ field, master }) => {
        const id = row[field.column];
        const parent = typeof id === 'string' ? this.storage.getRow(master, id) : undefined;
        // writeRequiresMasterRead: reading the master is enough to change the detail.
        const needed = level === 'read' || field.model.writeRequiresMasterRead === true ? 'read' : 'edit';
        return parent !== undefined && this.shares(master, parent, needed);
      });
    }
    if (model === 'Read' && level === 'read') return true;
    if ((model === 'ReadWrite' || model === 'Public' || model === 'FullAccess') && level !== 'delete') return true;
    // Private, or edit under Read, or delete: the owner (or someone above them), or a share for read or edit.
    if (typeof row.OwnerId === 'string' && this.ownerIds().has(row.OwnerId)) return true;
    if (level === 'read' && model === 'Private' && row.Id !== undefined && row.Id === implicitRecordId(obj, this.user))
      return true;
    return level !== 'delete' && typeof row.Id === 'string' && this.sharedWith(obj, row.Id, level);
  }

  /** This user's access as the activity rule (activity-access.ts) asks it: the same action on a related record. */
  private activityHost(): ActivityAccessHost {
    const allowed = { read: 'allowRead', edit: 'allowEdit', delete: 'allowDelete' } as const;
    return {
      ownerIds: () => this.ownerIds(),
      canReadObject: (obj) => this.canReadObject(obj),
      rowFilter: (obj, alias, bind, depth) => this.sharingFilter(obj, alias, bind, depth),
      canDo: (obj, row, level) => this.object(obj)[allowed[level]] && this.shares(obj, row, level),
    };
  }

  /** A live share of the record to the user, someone below them or a group that reaches them, at the level asked or above. */
  private sharedWith(obj: ObjectSchema, id: string, level: 'read' | 'edit'): boolean {
    const share = this.shareObject(obj);
    if (!share) return false;
    const levels = level === 'read' ? `'Read', 'Edit', 'All'` : `'Edit', 'All'`;
    const sql = `SELECT 1 FROM ${quoteIdent(share.table)} WHERE "ParentId" = ? AND "IsDeleted" = 0 AND "AccessLevel" IN (${levels}) AND "UserOrGroupId" IN (SELECT value FROM json_each(?)) LIMIT 1`;
    return this.storage.statement(sql).get(id, this.shareTargetIds()) !== undefined;
  }

  /** The share object of `obj`, when its organization-wide default gives it one. */
  private shareObject(obj: ObjectSchema): ObjectSchema | undefined {
    for (const candidate of obj.children.values()) {
      const child = this.storage.schema.objects.get(candidate.childObject);
      if (child?.model.shareOf === obj.name) return child;
    }
    return undefined;
  }

  private masters(obj: ObjectSchema): { field: FieldSchema; master: ObjectSchema }[] {
    const out: { field: FieldSchema; master: ObjectSchema }[] = [];
    for (const field of obj.fields.values()) {
      const master =
        field.model.type === 'MasterDetail' ? this.storage.schema.objects.get(field.referenceTo ?? '') : undefined;
      if (master) out.push({ field, master });
    }
    return out;
  }

  private table(name: string): string {
    const obj = this.storage.schema.objects.get(name);
    if (!obj) throw new Error(`the model has no ${name} object`);
    return obj.table;
  }
}

/** Resolves users to their access, once per request. */
export class Security {
  private readonly byRequest = new WeakMap<RequestContext, UserAccess>();

  /**
   * The org setting "Enable 'Set Audit Fields upon Record Creation' and 'Update Records with Inactive Owners'
   * User Permissions" (securitySettings.enableAuditFieldsInactiveOwner): without it nobody sets audit fields.
   */
  auditFieldsEnabled = false;

  constructor(private readonly storage: Storage) {}

  /** The caller's access; computed on first use in a request, then reused by every check of that request. */
  forContext(ctx: RequestContext): UserAccess {
    let access = this.byRequest.get(ctx);
    if (!access) {
      access = this.forUser(ctx.userId);
      this.byRequest.set(ctx, access);
    }
    return access;
  }

  forUser(userId: string): UserAccess {
    const audit = this.auditFieldsEnabled;
    // No user: the platform's own writes, such as the first admin creating itself.
    if (userId === '') return new UserAccess(this.storage, userId, true, {}, [], ADMIN_PERMISSIONS, audit);
    const schema = this.storage.schema;
    const table = (name: string): string => quoteIdent(schema.objects.get(name)?.table ?? name);
    const user = this.storage.statement(`SELECT * FROM ${table('User')} WHERE "Id" = ?`).get(userId) as Row | undefined;
    const profile = this.storage
      .statement(`SELECT "Name" FROM ${table('Profile')} WHERE "Id" = ?`)
      .pluck(true)
      .get(user?.ProfileId ?? null) as string | undefined;
    const names = this.storage
      .statement(
        `SELECT ps."Name" FROM ${table('PermissionSetAssignment')} AS a JOIN ${table('PermissionSet')} AS ps ON ps."Id" = a."PermissionSetId" WHERE a."AssigneeId" = ? AND a."IsDeleted" = 0`,
      )
      .pluck(true)
      .all(userId) as string[];
    const sets = names.flatMap((name) => {
      const set = schema.model.permissionSets.get(name);
      return set ? [set] : [];
    });
    const permissions = new Set(sets.flatMap((set) => [...set.userPermissions]));
    // The System Administrator profile does not carry Set Audit Fields upon Record Creation: a permission set adds it.
    if (profile === SYSTEM_ADMINISTRATOR)
      return new UserAccess(
        this.storage,
        userId,
        true,
        {},
        [],
        new Set([...ADMIN_PERMISSIONS, ...permissions]),
        audit,
        user,
      );
    const objects =
      profile === STANDARD_USER
        ? STANDARD_USER_OBJECTS
        : profile === PARTNER_COMMUNITY_USER
          ? PARTNER_USER_OBJECTS
          : {};
    const allData = permissions.has('ModifyAllData');
    return new UserAccess(this.storage, userId, allData, objects, sets, permissions, audit, user);
  }
}
