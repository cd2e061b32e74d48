/**
 * The sales objects: accounts, contacts, opportunities (with Salesforce's default sales process) and leads
 * (with the partner and conversion fields a partner program measures).
 */
import type { ObjectModel, StageValue } from '../types';
import {
  checkbox,
  computedName,
  currency,
  lookup,
  longText,
  nameField,
  picklistField,
  standardObject,
  text,
} from './common';
import { addressFields, cleanStatus, INDUSTRIES, jigsaw, OWNERSHIPS, RATINGS, SALUTATIONS } from './addresses';

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

/** The default lead process's statuses; `Closed - Converted` is the converted status. */
export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
];

export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];

export function salesObjects(): ObjectModel[] {
  return [
    standardObject('Account', 'Account', 'Accounts', '001', 'ReadWrite', true, {
      Name: nameField('Account Name', 255),
      Type: picklistField(
        'Account Type',
        [
          'Prospect',
          'Customer - Direct',
          'Customer - Channel',
          'Channel Partner / Reseller',
          'Installation Partner',
          'Technology Partner',
          'Other',
        ],
        { length: 255 },
      ),
      Industry: picklistField('Industry', INDUSTRIES, { length: 255 }),
      ParentId: lookup('Parent Account ID', 'Account', 'Parent'),
      ...addressFields('Billing', 'Billing'),
      ...addressFields('Shipping', 'Shipping'),
      Phone: { type: 'Phone', label: 'Account Phone', length: 40 },
      Fax: { type: 'Phone', label: 'Account Fax', length: 40 },
      AccountNumber: text('Account Number', 40),
      Website: { type: 'Url', label: 'Website', length: 255 },
      PhotoUrl: { type: 'Url', label: 'Photo URL', length: 255, systemManaged: true },
      Sic: text('SIC Code', 20),
      SicDesc: text('SIC Description', 80),
      AnnualRevenue: { type: 'Currency', label: 'Annual Revenue', precision: 18, scale: 0 },
      NumberOfEmployees: { type: 'Number', label: 'Employees', precision: 8, scale: 0 },
      Ownership: picklistField('Ownership', OWNERSHIPS, { length: 255 }),
      TickerSymbol: text('Ticker Symbol', 20),
      Description: { type: 'LongTextArea', label: 'Account Description', length: 32000 },
      Rating: picklistField('Account Rating', RATINGS, { length: 255 }),
      Site: text('Account Site', 80),
      AccountSource: picklistField('Account Source', LEAD_SOURCES, { length: 255 }),
      NaicsCode: text('NAICS Code', 8),
      NaicsDesc: text('NAICS Description', 120),
      YearStarted: text('Year Started', 4),
      Tradestyle: text('Tradestyle', 255),
      DunsNumber: text('D-U-N-S Number', 9),
      // Maintained from closed activities in an org; the local org leaves it empty.
      LastActivityDate: { type: 'Date', label: 'Last Activity', systemManaged: true },
      Jigsaw: jigsaw(),
      JigsawCompanyId: text('Jigsaw Company ID', 20, { systemManaged: true }),
      CleanStatus: cleanStatus(),
      // Enabled as a partner account: its contacts may become partner users (Partner Community licence).
      IsPartner: checkbox('Partner Account'),
    }),
    standardObject('Contact', 'Contact', 'Contacts', '003', 'ReadWrite', true, {
      Salutation: picklistField('Salutation', SALUTATIONS, { compoundFieldName: 'Name' }),
      FirstName: text('First Name', 40, { compoundFieldName: 'Name' }),
      LastName: text('Last Name', 80, { required: true, compoundFieldName: 'Name' }),
      Name: computedName,
      AccountId: lookup('Account ID', 'Account', 'Account'),
      ...addressFields('Other', 'Other'),
      ...addressFields('Mailing', 'Mailing'),
      Email: { type: 'Email', label: 'Email', length: 80 },
      Phone: { type: 'Phone', label: 'Business Phone', length: 40 },
      Fax: { type: 'Phone', label: 'Business Fax', length: 40 },
      MobilePhone: { type: 'Phone', label: 'Mobile Phone', length: 40 },
      HomePhone: { type: 'Phone', label: 'Home Phone', length: 40 },
      OtherPhone: { type: 'Phone', label: 'Other Phone', length: 40 },
      AssistantPhone: { type: 'Phone', label: 'Asst. Phone', length: 40 },
      ReportsToId: lookup('Reports To ID', 'Contact', 'ReportsTo'),
      Title: text('Title', 128),
      Department: text('Department', 80),
      AssistantName: text("Assistant's Name", 40),
      LeadSource: picklistField('Lead Source', LEAD_SOURCES, { length: 255 }),
      Birthdate: { type: 'Date', label: 'Birthdate' },
      Description: longText('Contact Description'),
      HasOptedOutOfEmail: checkbox('Email Opt Out'),
      HasOptedOutOfFax: checkbox('Fax Opt Out'),
      DoNotCall: checkbox('Do Not Call'),
      // Maintained from closed activities in an org; the local org leaves it empty.
      LastActivityDate: { type: 'Date', label: 'Last Activity', systemManaged: true },
      EmailBouncedReason: text('Email Bounced Reason', 255),
      EmailBouncedDate: { type: 'DateTime', label: 'Email Bounced Date' },
      IsEmailBounced: checkbox('Is Email Bounced', { systemManaged: true }),
      PhotoUrl: { type: 'Url', label: 'Photo URL', length: 255, systemManaged: true },
      Jigsaw: jigsaw(),
      JigsawContactId: text('Jigsaw Contact ID', 20, { systemManaged: true }),
      CleanStatus: cleanStatus(),
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
      Amount: currency('Amount'),
      CloseDate: { type: 'Date', label: 'Close Date', required: true },
      Probability: { type: 'Percent', label: 'Probability (%)', precision: 3, scale: 0 },
      IsClosed: { type: 'Checkbox', label: 'Closed', systemManaged: true, required: true },
      IsWon: { type: 'Checkbox', label: 'Won', systemManaged: true, required: true },
      ForecastCategoryName: picklistField(
        'Forecast Category',
        ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'],
        {
          systemManaged: true,
          restricted: true,
        },
      ),
      Type: picklistField(
        'Opportunity Type',
        [
          'Existing Customer - Upgrade',
          'Existing Customer - Replacement',
          'Existing Customer - Downgrade',
          'New Customer',
        ],
        { length: 255 },
      ),
      LeadSource: picklistField('Lead Source', LEAD_SOURCES, { length: 255 }),
      NextStep: text('Next Step', 255),
      Description: longText('Description'),
      FiscalYear: { type: 'Number', label: 'Fiscal Year', precision: 4, scale: 0, systemManaged: true },
      FiscalQuarter: { type: 'Number', label: 'Fiscal Quarter', precision: 1, scale: 0, systemManaged: true },
      // The price book whose entries the opportunity's products come from.
      Pricebook2Id: lookup('Price Book ID', 'Pricebook2', 'Pricebook2', { deleteConstraint: 'Restrict' }),
      // The campaign that generated the opportunity (primary campaign source).
      CampaignId: lookup('Campaign ID', 'Campaign', 'Campaign'),
      IsPrivate: checkbox('Private'),
      TotalOpportunityQuantity: { type: 'Number', label: 'Quantity', precision: 18, scale: 2 },
      // The contact the opportunity was created from (contact roles hold the rest).
      ContactId: lookup('Contact ID', 'Contact', 'Contact'),
      // Maintained from closed activities in an org; the local org leaves it empty.
      LastActivityDate: { type: 'Date', label: 'Last Activity', systemManaged: true },
    }),
    // Sharing "Public Read/Write/Transfer": the local org has no transfer right, so it is Read/Write.
    standardObject('Lead', 'Lead', 'Leads', '00Q', 'ReadWrite', true, {
      Salutation: picklistField('Salutation', SALUTATIONS, { compoundFieldName: 'Name' }),
      FirstName: text('First Name', 40, { compoundFieldName: 'Name' }),
      LastName: text('Last Name', 80, { required: true, compoundFieldName: 'Name' }),
      Name: computedName,
      Company: text('Company', 255, { required: true }),
      Title: text('Title', 128),
      ...addressFields('', ''),
      Email: { type: 'Email', label: 'Email', length: 80 },
      Phone: { type: 'Phone', label: 'Phone', length: 40 },
      MobilePhone: { type: 'Phone', label: 'Mobile Phone', length: 40 },
      Fax: { type: 'Phone', label: 'Fax', length: 40 },
      Website: { type: 'Url', label: 'Website', length: 255 },
      HasOptedOutOfEmail: checkbox('Email Opt Out'),
      HasOptedOutOfFax: checkbox('Fax Opt Out'),
      DoNotCall: checkbox('Do Not Call'),
      EmailBouncedReason: text('Email Bounced Reason', 255),
      EmailBouncedDate: { type: 'DateTime', label: 'Email Bounced Date' },
      // Maintained from closed activities in an org; the local org leaves it empty.
      LastActivityDate: { type: 'Date', label: 'Last Activity', systemManaged: true },
      Jigsaw: jigsaw(),
      CleanStatus: cleanStatus(),
      CompanyDunsNumber: text('Company D-U-N-S Number', 9),
      Status: picklistField('Lead Status', LEAD_STATUSES, {
        length: 255,
        required: true,
        defaultValue: 'Open - Not Contacted',
      }),
      LeadSource: picklistField('Lead Source', LEAD_SOURCES, { length: 255 }),
      Rating: picklistField('Rating', RATINGS, { length: 255 }),
      Industry: picklistField('Industry', INDUSTRIES, { length: 255 }),
      AnnualRevenue: { type: 'Currency', label: 'Annual Revenue', precision: 18, scale: 0 },
      NumberOfEmployees: { type: 'Number', label: 'Employees', precision: 8, scale: 0 },
      Description: longText('Description'),
      // The partner account that owns or works the lead (partner relationship management).
      PartnerAccountId: lookup('Partner Account ID', 'Account', 'PartnerAccount'),
      // Set on create (data loads of converted leads); afterwards only lead conversion changes it.
      IsConverted: checkbox('Converted', { createOnly: true }),
      // Lead conversion (the partner API's convertLead) fills these.
      ConvertedDate: { type: 'Date', label: 'Converted Date', systemManaged: true },
      ConvertedAccountId: lookup('Converted Account ID', 'Account', 'ConvertedAccount', { systemManaged: true }),
      ConvertedContactId: lookup('Converted Contact ID', 'Contact', 'ConvertedContact', { systemManaged: true }),
      ConvertedOpportunityId: lookup('Converted Opportunity ID', 'Opportunity', 'ConvertedOpportunity', {
        systemManaged: true,
      }),
      IsUnreadByOwner: checkbox('Unread By Owner'),
    }),
  ];
}
