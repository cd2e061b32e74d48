/**
 * The org's setup objects: the organization, profiles, permission sets and their assignments, users, the
 * role hierarchy (UserRole, User.UserRoleId), public groups and their members, and record types.
 */
import type { ObjectModel } from '../types';
import {
  type FieldSpec,
  checkbox,
  computedName,
  lookup,
  picklist,
  picklistField,
  polymorphicLookup,
  standardObject,
  text,
} from './common';
import { addressFields } from './addresses';

/** Profile names the local org provides; every user has one. */
export const PROFILES = ['System Administrator', 'Standard User', 'Partner Community User'];

/** The profile of partner users (Partner Community licence, UserType PowerPartner). */
export const PARTNER_PROFILE = 'Partner Community User';

/**
 * Group types the local org stores. Queues are left out: the local org has no queues, so every OwnerId
 * is a user (Salesforce's Lead.OwnerId may also name a queue). Role, RoleAndSubordinates and
 * RoleAndSubordinatesInternal groups are the platform's, one set per role.
 */
export const GROUP_TYPES = ['Regular', 'Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal', 'Organization'];

/**
 * User.UserType, the category of the user's licence (the User object reference's values, with their labels):
 * internal users are Standard, partner community users PowerPartner.
 */
export const USER_TYPES: [value: string, label: string][] = [
  ['Standard', 'Standard'],
  ['PowerPartner', 'Partner'],
  ['CSPLitePortal', 'High Volume Portal'],
  ['CustomerSuccess', 'Customer Portal User'],
  ['PowerCustomerSuccess', 'Customer Portal Manager'],
  ['CsnOnly', 'Chatter Free'],
  ['Guest', 'Guest'],
];

/** UserRole.PortalRole values: a partner account's three roles (Worker is labelled User) and person accounts'. */
export const PORTAL_ROLES: [value: string, label: string][] = [
  ['Executive', 'Executive'],
  ['Manager', 'Manager'],
  ['Worker', 'User'],
  ['PersonAccount', 'Person Account'],
];

/** A restricted picklist whose values have labels of their own. */
const labelledPicklist = (label: string, values: [string, string][], defaultValue?: string): FieldSpec => ({
  type: 'Picklist',
  label,
  length: 40,
  picklist: {
    restricted: true,
    values: values.map(([value, text]) => ({ value, label: text, isDefault: value === defaultValue })),
  },
});

/** Objects whose records a record type can classify, for RecordType.SobjectType. */
const RECORD_TYPE_OBJECTS = [
  'Account',
  'Campaign',
  'CampaignMember',
  'Contact',
  'Event',
  'Lead',
  'Opportunity',
  'Product2',
  'Task',
];

export function setupObjects(): ObjectModel[] {
  return [
    // One row, describing the org itself: its fiscal year start month and naming are what FISCAL_* periods use.
    standardObject(
      'Organization',
      'Organization',
      'Organizations',
      '00D',
      'Read',
      false,
      {
        Name: text('Name', 80, { required: true }),
        FiscalYearStartMonth: { type: 'Number', label: 'Fiscal Year Starts In', precision: 2, scale: 0 },
        // False (the default): a fiscal year is named after the calendar year it ends in; true: it starts in.
        UsesStartDateAsFiscalYearName: { type: 'Checkbox', label: 'Fiscal Year Name by Start', required: true },
        DefaultLocaleSidKey: text('Locale', 40),
        TimeZoneSidKey: text('Default Time Zone', 40),
        OrganizationType: text('Edition', 40),
        IsSandbox: { type: 'Checkbox', label: 'Is Sandbox', required: true },
        // Read by `sf org login` to describe the org it connects to.
        InstanceName: text('Instance Name', 5),
        NamespacePrefix: text('Namespace Prefix', 15),
        TrialExpirationDate: { type: 'DateTime', label: 'Trial Expiration Date' },
      },
      true,
    ),
    standardObject(
      'Profile',
      'Profile',
      'Profiles',
      '00e',
      'Read',
      false,
      {
        Name: text('Name', 255, { required: true }),
        // The licence the profile's users take (Partner Community for partner users).
        UserLicenseId: lookup('User License ID', 'UserLicense', 'UserLicense', { systemManaged: true }),
      },
      true,
    ),
    // The org's licences, kept by the platform: UsedLicenses counts the active users of profiles on the licence.
    standardObject(
      'UserLicense',
      'User License',
      'User Licenses',
      '100',
      'Read',
      false,
      {
        Name: text('Name', 40, { required: true, systemManaged: true }),
        LicenseDefinitionKey: text('License Definition Key', 40, { required: true, systemManaged: true }),
        MasterLabel: text('Master Label', 40, { required: true, systemManaged: true }),
        TotalLicenses: { type: 'Number', label: 'Total Licenses', precision: 9, scale: 0, systemManaged: true },
        UsedLicenses: { type: 'Number', label: 'Used Licenses', precision: 9, scale: 0, systemManaged: true },
        Status: picklistField('Status', ['Active', 'Disabled'], { restricted: true, systemManaged: true }),
      },
      true,
    ),
    // force-app's permission sets, written by the platform at start; assigned to users by admins.
    standardObject(
      'PermissionSet',
      'Permission Set',
      'Permission Sets',
      '0PS',
      'Read',
      false,
      {
        Name: text('Name', 80, { required: true }),
        Label: text('Label', 80, { required: true }),
        Description: { type: 'TextArea', label: 'Description', length: 255 },
        IsOwnedByProfile: { type: 'Checkbox', label: 'Is Owned By Profile', required: true },
      },
      true,
    ),
    standardObject(
      'PermissionSetAssignment',
      'Permission Set Assignment',
      'Permission Set Assignments',
      '0Pa',
      'Read',
      false,
      {
        AssigneeId: lookup('Assignee ID', 'User', 'Assignee', { required: true, createOnly: true }),
        PermissionSetId: lookup('Permission Set ID', 'PermissionSet', 'PermissionSet', {
          required: true,
          createOnly: true,
        }),
      },
    ),
    standardObject('User', 'User', 'Users', '005', 'Read', false, {
      Username: text('Username', 80, { required: true, unique: true }),
      FirstName: text('First Name', 40, { compoundFieldName: 'Name' }),
      LastName: text('Last Name', 80, { required: true, compoundFieldName: 'Name' }),
      Name: computedName,
      Email: { type: 'Email', label: 'Email', length: 128, required: true },
      Alias: text('Alias', 8, { required: true }),
      Title: text('Title', 80),
      CompanyName: text('Company Name', 80),
      Division: text('Division', 80),
      Department: text('Department', 80),
      ...addressFields('', ''),
      Phone: { type: 'Phone', label: 'Phone', length: 40 },
      Fax: { type: 'Phone', label: 'Fax', length: 40 },
      MobilePhone: { type: 'Phone', label: 'Mobile', length: 40 },
      Extension: text('Extension', 40),
      EmployeeNumber: text('Employee Number', 20),
      AboutMe: { type: 'TextArea', label: 'About Me', length: 1000 },
      IsActive: { type: 'Checkbox', label: 'Active', defaultChecked: true, required: true },
      // The Marketing User checkbox: in an org, creating campaigns needs it (setup:scratch turns it on for the admin).
      UserPermissionsMarketingUser: { type: 'Checkbox', label: 'Marketing User', defaultChecked: false },
      // The user's manager, for approvals and the org chart; sharing follows the role hierarchy, not this.
      ManagerId: lookup('Manager ID', 'User', 'Manager'),
      // The user's place in the role hierarchy: users in roles above see what this user owns.
      UserRoleId: lookup('Role ID', 'UserRole', 'UserRole', { deleteConstraint: 'Restrict' }),
      ProfileId: {
        type: 'Lookup',
        label: 'Profile ID',
        referenceTo: ['Profile'],
        relationshipName: 'Profile',
        required: true,
      },
      // A partner user's contact (required with the partner profile, set at creation only) and its account.
      ContactId: lookup('Contact ID', 'Contact', 'Contact', { createOnly: true, deleteConstraint: 'Restrict' }),
      AccountId: lookup('Account ID', 'Account', 'Account', { systemManaged: true }),
      // Derived from the profile's licence: Standard (internal) or PowerPartner (partner community).
      UserType: { ...labelledPicklist('User Type', USER_TYPES), systemManaged: true },
      IsPortalEnabled: checkbox('Is Portal Enabled', { systemManaged: true }),
      TimeZoneSidKey: picklistField(
        'Time Zone',
        ['GMT', 'America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Paris'],
        { required: true },
      ),
      LocaleSidKey: picklistField('Locale', ['en_US', 'en_GB', 'fr_FR', 'de_DE'], { required: true }),
      LanguageLocaleKey: picklistField('Language', ['en_US', 'fr', 'de'], { required: true }),
      EmailEncodingKey: picklistField('Email Encoding', ['UTF-8', 'ISO-8859-1'], { required: true }),
    }),
    standardObject('UserRole', 'Role', 'Roles', '00E', 'Read', false, {
      Name: text('Name', 80, { required: true }),
      // Defaulted from Name when not given, as Setup does; unique in the org.
      DeveloperName: text('Developer Name', 80, { unique: true }),
      // The role above this one; a role without a parent sits at the top of the hierarchy.
      ParentRoleId: {
        type: 'Lookup',
        label: 'Parent Role ID',
        referenceTo: ['UserRole'],
        deleteConstraint: 'Restrict',
      },
      RollupDescription: text('Description', 80),
      OpportunityAccessForAccountOwner: picklistField(
        'Opportunity Access for Account Owner',
        ['None', 'Read', 'Edit'],
        {
          defaultValue: 'None',
          restricted: true,
        },
      ),
      ContactAccessForAccountOwner: picklistField('Contact Access for Account Owner', ['None', 'Read', 'Edit'], {
        defaultValue: 'None',
        restricted: true,
      }),
      MayForecastManagerShare: checkbox('May Forecast Manager Share'),
      // Partner roles: the platform makes an account's three when its first partner user is created.
      PortalType: {
        ...labelledPicklist(
          'Portal Type',
          [
            ['None', 'Salesforce Application'],
            ['CustomerPortal', 'Customer Portal'],
            ['Partner', 'Partner Portal'],
          ],
          'None',
        ),
        systemManaged: true,
      },
      PortalAccountId: lookup('Account ID', 'Account', 'PortalAccount', { systemManaged: true }),
      PortalRole: { ...labelledPicklist('Portal Role', PORTAL_ROLES), systemManaged: true },
    }),
    standardObject('Group', 'Group', 'Groups', '00G', 'Read', true, {
      Name: text('Name', 40, { required: true }),
      // Unique by group type (a role's Role and RoleAndSubordinates groups share the role's DeveloperName).
      DeveloperName: text('Developer Name', 80),
      Type: picklistField('Type', GROUP_TYPES, {
        required: true,
        restricted: true,
        createOnly: true,
        defaultValue: 'Regular',
      }),
      // Role groups name their role (Type Role, RoleAndSubordinates or RoleAndSubordinatesInternal); the platform keeps them.
      RelatedId: polymorphicLookup('Related ID', ['User', 'UserRole'], 'Related', { systemManaged: true }),
      Email: { type: 'Email', label: 'Email', length: 255 },
      DoesIncludeBosses: checkbox('Grant Access Using Hierarchies', { defaultChecked: true }),
      DoesSendEmailToMembers: checkbox('Send Email to Members'),
    }),
    standardObject('GroupMember', 'Group Member', 'Group Members', '011', 'Read', false, {
      GroupId: lookup('Group ID', 'Group', 'Group', { required: true, createOnly: true, deleteConstraint: 'Restrict' }),
      // A member is a user or another group.
      UserOrGroupId: polymorphicLookup('User/Group ID', ['Group', 'User'], 'UserOrGroup', {
        required: true,
        createOnly: true,
        deleteConstraint: 'Restrict',
      }),
    }),
    // Record types come from metadata (force-app has none today), never from API writes.
    standardObject(
      'RecordType',
      'Record Type',
      'Record Types',
      '012',
      'Read',
      false,
      {
        Name: text('Record Type Name', 80, { required: true }),
        DeveloperName: text('Record Type Name', 80, { required: true }),
        SobjectType: {
          type: 'Picklist',
          label: 'SObject Type Name',
          length: 40,
          required: true,
          picklist: picklist(RECORD_TYPE_OBJECTS),
        },
        IsActive: checkbox('Active', { defaultChecked: true }),
        Description: text('Description', 255),
        NamespacePrefix: text('Namespace Prefix', 15),
      },
      true,
    ),
  ];
}
