/**
 * The org's setup objects: the organization, profiles, permission sets and their assignments, users, the
 * role hierarchy (UserRole, User.UserRoleId), public groups and their members, and record types.
 */
import type { ObjectModel } from '../types';
import {
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
export const PROFILES = ['System Administrator', 'Standard User'];

/**
 * Group types the local org stores. Queues are left out: the local org has no queues, so every OwnerId
 * is a user (Salesforce's Lead.OwnerId may also name a queue).
 */
export const GROUP_TYPES = ['Regular', 'Role', 'RoleAndSubordinates', 'Organization'];

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
      { Name: text('Name', 255, { required: true }) },
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
    }),
    standardObject('Group', 'Group', 'Groups', '00G', 'Read', true, {
      Name: text('Name', 40, { required: true }),
      DeveloperName: text('Developer Name', 80, { unique: true }),
      Type: picklistField('Type', GROUP_TYPES, {
        required: true,
        restricted: true,
        createOnly: true,
        defaultValue: 'Regular',
      }),
      // Role groups name their role (Type Role or RoleAndSubordinates); the platform keeps them.
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
