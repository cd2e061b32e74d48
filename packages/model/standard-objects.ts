/**
 * The platform's standard objects and fields that this project uses. These are Salesforce's, not ours,
 * so they are not in force-app; the custom fields that force-app adds to them are merged in by the loader.
 */
import type { FieldModel, FieldType, ObjectModel, PicklistValue, StageValue } from './types';

type FieldSpec = Partial<FieldModel> & { type: FieldType; label: string };

function field(objectApiName: string, apiName: string, spec: FieldSpec): FieldModel {
  return {
    objectApiName,
    apiName,
    custom: false,
    required: false,
    unique: false,
    externalId: false,
    caseSensitive: false,
    systemManaged: false,
    ...spec,
  };
}

function picklist(values: string[], restricted = false): { restricted: boolean; values: PicklistValue[] } {
  return { restricted, values: values.map((value) => ({ value, label: value, isDefault: false })) };
}

/** Fields every object has. `withOwner` is false for master-detail children and custom metadata. */
export function auditFields(objectApiName: string, withOwner: boolean): FieldModel[] {
  const user = (apiName: string, label: string, relationshipName: string, systemManaged: boolean): FieldModel =>
    field(objectApiName, apiName, {
      type: 'Lookup',
      label,
      referenceTo: ['User'],
      relationshipName,
      systemManaged,
      required: true,
    });
  const fields = [
    field(objectApiName, 'Id', { type: 'Id', label: 'Record ID', systemManaged: true, required: true, length: 18 }),
    field(objectApiName, 'IsDeleted', { type: 'Checkbox', label: 'Deleted', systemManaged: true, required: true }),
    field(objectApiName, 'CreatedDate', {
      type: 'DateTime',
      label: 'Created Date',
      systemManaged: true,
      required: true,
    }),
    user('CreatedById', 'Created By ID', 'CreatedBy', true),
    field(objectApiName, 'LastModifiedDate', {
      type: 'DateTime',
      label: 'Last Modified Date',
      systemManaged: true,
      required: true,
    }),
    user('LastModifiedById', 'Last Modified By ID', 'LastModifiedBy', true),
    field(objectApiName, 'SystemModstamp', {
      type: 'DateTime',
      label: 'System Modstamp',
      systemManaged: true,
      required: true,
    }),
  ];
  // OwnerId is defaulted to the running user on create, so it is required but not systemManaged.
  if (withOwner) fields.push(user('OwnerId', 'Owner ID', 'Owner', false));
  return fields;
}

function standardObject(
  apiName: string,
  label: string,
  pluralLabel: string,
  keyPrefix: string,
  sharingModel: ObjectModel['sharingModel'],
  withOwner: boolean,
  specs: Record<string, FieldSpec>,
  readOnly = false,
): ObjectModel {
  const fields = new Map<string, FieldModel>();
  for (const f of auditFields(apiName, withOwner)) fields.set(f.apiName, f);
  for (const [name, spec] of Object.entries(specs)) fields.set(name, field(apiName, name, spec));
  return {
    apiName,
    label,
    pluralLabel,
    kind: 'standard',
    sharingModel,
    keyPrefix,
    nameIsAutoNumber: false,
    readOnly,
    fields,
    validationRules: [],
    listViews: [],
  };
}

/** Salesforce's default sales process stages with their closed/won semantics. */
export const OPPORTUNITY_STAGES: StageValue[] = [
  ['Prospecting', 10, false, false, 'Pipeline'],
  ['Qualification', 10, false, false, 'Pipeline'],
  ['Needs Analysis', 20, false, false, 'Pipeline'],
  ['Value Proposition', 50, false, false, 'Pipeline'],
  ['Id. Decision Makers', 60, false, false, 'Pipeline'],
  ['Perception Analysis', 70, false, false, 'Pipeline'],
  ['Proposal/Price Quote', 75, false, false, 'Pipeline'],
  ['Negotiation/Review', 90, false, false, 'Pipeline'],
  ['Closed Won', 100, true, true, 'Closed'],
  ['Closed Lost', 0, true, false, 'Omitted'],
].map(([value, probability, closed, won, forecastCategory]) => ({
  value: value as string,
  label: value as string,
  isDefault: false,
  probability: probability as number,
  closed: closed as boolean,
  won: won as boolean,
  forecastCategory: forecastCategory as string,
}));

const nameField = (label: string, length = 80): FieldSpec => ({ type: 'Text', label, length, required: true });
const computedName: FieldSpec = { type: 'Text', label: 'Full Name', length: 121, systemManaged: true };
const text = (label: string, length: number, extra: Partial<FieldModel> = {}): FieldSpec => ({
  type: 'Text',
  label,
  length,
  ...extra,
});
const lookup = (
  label: string,
  target: string,
  relationshipName: string,
  extra: Partial<FieldModel> = {},
): FieldSpec => ({
  type: 'Lookup',
  label,
  referenceTo: [target],
  relationshipName,
  deleteConstraint: 'SetNull',
  ...extra,
});

/** Profile names the local org provides; every user has one. */
export const PROFILES = ['System Administrator', 'Standard User'];

export function standardObjects(): ObjectModel[] {
  return [
    // One row, describing the org itself: its fiscal year start month is what FISCAL_* periods use.
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
      FirstName: text('First Name', 40),
      LastName: text('Last Name', 80, { required: true }),
      Name: computedName,
      Email: { type: 'Email', label: 'Email', length: 128, required: true },
      Alias: text('Alias', 8, { required: true }),
      Title: text('Title', 80),
      IsActive: { type: 'Checkbox', label: 'Active', defaultChecked: true, required: true },
      ManagerId: lookup('Manager ID', 'User', 'Manager'),
      ProfileId: {
        type: 'Lookup',
        label: 'Profile ID',
        referenceTo: ['Profile'],
        relationshipName: 'Profile',
        required: true,
      },
      TimeZoneSidKey: {
        type: 'Picklist',
        label: 'Time Zone',
        length: 40,
        required: true,
        picklist: picklist(['GMT', 'America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Paris'], false),
      },
      LocaleSidKey: {
        type: 'Picklist',
        label: 'Locale',
        length: 40,
        required: true,
        picklist: picklist(['en_US', 'en_GB', 'fr_FR', 'de_DE'], false),
      },
      LanguageLocaleKey: {
        type: 'Picklist',
        label: 'Language',
        length: 40,
        required: true,
        picklist: picklist(['en_US', 'fr', 'de'], false),
      },
      EmailEncodingKey: {
        type: 'Picklist',
        label: 'Email Encoding',
        length: 40,
        required: true,
        picklist: picklist(['UTF-8', 'ISO-8859-1'], false),
      },
    }),
    standardObject('Account', 'Account', 'Accounts', '001', 'ReadWrite', true, {
      Name: nameField('Account Name', 255),
      Type: {
        type: 'Picklist',
        label: 'Account Type',
        length: 255,
        picklist: picklist([
          'Prospect',
          'Customer - Direct',
          'Customer - Channel',
          'Channel Partner / Reseller',
          'Installation Partner',
          'Technology Partner',
          'Other',
        ]),
      },
      Industry: {
        type: 'Picklist',
        label: 'Industry',
        length: 255,
        picklist: picklist([
          'Banking',
          'Communications',
          'Education',
          'Energy',
          'Government',
          'Healthcare',
          'Insurance',
          'Manufacturing',
          'Media',
          'Retail',
          'Technology',
          'Transportation',
          'Other',
        ]),
      },
      ParentId: lookup('Parent Account ID', 'Account', 'Parent'),
      BillingCity: text('Billing City', 40),
      BillingCountry: text('Billing Country', 80),
      Phone: { type: 'Phone', label: 'Account Phone', length: 40 },
      Website: { type: 'Url', label: 'Website', length: 255 },
      AnnualRevenue: { type: 'Currency', label: 'Annual Revenue', precision: 18, scale: 0 },
      NumberOfEmployees: { type: 'Number', label: 'Employees', precision: 8, scale: 0 },
      Description: { type: 'LongTextArea', label: 'Account Description', length: 32000 },
    }),
    standardObject('Contact', 'Contact', 'Contacts', '003', 'ReadWrite', true, {
      FirstName: text('First Name', 40),
      LastName: text('Last Name', 80, { required: true }),
      Name: computedName,
      AccountId: lookup('Account ID', 'Account', 'Account'),
      Email: { type: 'Email', label: 'Email', length: 80 },
      Phone: { type: 'Phone', label: 'Business Phone', length: 40 },
      Title: text('Title', 128),
    }),
    standardObject('Opportunity', 'Opportunity', 'Opportunities', '006', 'ReadWrite', true, {
      Name: nameField('Opportunity Name', 120),
      AccountId: lookup('Account ID', 'Account', 'Account'),
      StageName: {
        type: 'Picklist',
        label: 'Stage',
        length: 255,
        required: true,
        picklist: { restricted: true, values: OPPORTUNITY_STAGES },
        stages: OPPORTUNITY_STAGES,
      },
      Amount: { type: 'Currency', label: 'Amount', precision: 18, scale: 2 },
      CloseDate: { type: 'Date', label: 'Close Date', required: true },
      Probability: { type: 'Percent', label: 'Probability (%)', precision: 3, scale: 0 },
      IsClosed: { type: 'Checkbox', label: 'Closed', systemManaged: true, required: true },
      IsWon: { type: 'Checkbox', label: 'Won', systemManaged: true, required: true },
      ForecastCategoryName: {
        type: 'Picklist',
        label: 'Forecast Category',
        length: 40,
        systemManaged: true,
        picklist: picklist(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'], true),
      },
      Type: {
        type: 'Picklist',
        label: 'Opportunity Type',
        length: 255,
        picklist: picklist([
          'Existing Customer - Upgrade',
          'Existing Customer - Replacement',
          'Existing Customer - Downgrade',
          'New Customer',
        ]),
      },
      LeadSource: {
        type: 'Picklist',
        label: 'Lead Source',
        length: 255,
        picklist: picklist(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
      },
      NextStep: text('Next Step', 255),
      Description: { type: 'LongTextArea', label: 'Description', length: 32000 },
      FiscalYear: { type: 'Number', label: 'Fiscal Year', precision: 4, scale: 0, systemManaged: true },
      FiscalQuarter: { type: 'Number', label: 'Fiscal Quarter', precision: 1, scale: 0, systemManaged: true },
    }),
  ];
}

/** Manual sharing: the only row cause the API creates (Owner access is implicit and not stored). */
export const SHARE_ROW_CAUSES = ['Owner', 'Manual'];
/** Share access levels; All is the owner's and is never granted through the API. */
export const SHARE_ACCESS_LEVELS = ['Read', 'Edit', 'All'];

/** The platform's share object name for a custom object: `Foo__c` is shared through `Foo__Share`. */
export const shareObjectName = (apiName: string): string => apiName.replace(/__c$/, '__Share');

/**
 * The share object the platform gives a custom object whose organization-wide default is Private or Read
 * (other defaults, and master-detail children, have none). Only manual shares to users are stored.
 */
export function shareObject(parent: ObjectModel, keyPrefix: string): ObjectModel {
  const apiName = shareObjectName(parent.apiName);
  const fields = new Map<string, FieldModel>();
  const specs: Record<string, FieldSpec> = {
    Id: { type: 'Id', label: `${parent.label} Share ID`, systemManaged: true, required: true, length: 18 },
    // MasterDetail: the share goes with its record, cannot move to another, and is seen with it.
    ParentId: {
      type: 'MasterDetail',
      label: 'Parent ID',
      referenceTo: [parent.apiName],
      relationshipName: 'Parent',
      required: true,
    },
    UserOrGroupId: lookup('User or Group ID', 'User', 'UserOrGroup', {
      required: true,
      createOnly: true,
      deleteConstraint: 'Restrict',
    }),
    AccessLevel: {
      type: 'Picklist',
      label: 'Access Level',
      length: 40,
      required: true,
      picklist: picklist(SHARE_ACCESS_LEVELS, true),
    },
    RowCause: {
      type: 'Picklist',
      label: 'Sharing Reason',
      length: 40,
      createOnly: true,
      picklist: {
        restricted: true,
        values: SHARE_ROW_CAUSES.map((value) => ({ value, label: value, isDefault: value === 'Manual' })),
      },
    },
    LastModifiedDate: { type: 'DateTime', label: 'Last Modified Date', systemManaged: true, required: true },
    LastModifiedById: {
      type: 'Lookup',
      label: 'Last Modified By ID',
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
      systemManaged: true,
      required: true,
    },
    IsDeleted: { type: 'Checkbox', label: 'Deleted', systemManaged: true, required: true },
  };
  for (const [name, spec] of Object.entries(specs)) fields.set(name, field(apiName, name, spec));
  return {
    apiName,
    label: `${parent.label} Share`,
    pluralLabel: `${parent.label} Share`,
    kind: 'standard',
    sharingModel: 'ControlledByParent',
    keyPrefix,
    nameIsAutoNumber: false,
    readOnly: false,
    fields,
    validationRules: [],
    listViews: [],
    shareOf: parent.apiName,
  };
}
