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

const INDUSTRIES = [
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
];

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
    }),
    // Sharing "Public Read/Write/Transfer": the local org has no transfer right, so it is Read/Write.
    standardObject('Lead', 'Lead', 'Leads', '00Q', 'ReadWrite', true, {
      FirstName: text('First Name', 40),
      LastName: text('Last Name', 80, { required: true }),
      Name: computedName,
      Company: text('Company', 255, { required: true }),
      Title: text('Title', 128),
      Email: { type: 'Email', label: 'Email', length: 80 },
      Phone: { type: 'Phone', label: 'Phone', length: 40 },
      City: text('City', 40),
      Country: text('Country', 80),
      Status: picklistField('Lead Status', LEAD_STATUSES, {
        length: 255,
        required: true,
        defaultValue: 'Open - Not Contacted',
      }),
      LeadSource: picklistField('Lead Source', LEAD_SOURCES, { length: 255 }),
      Rating: picklistField('Rating', ['Hot', 'Warm', 'Cold'], { length: 255 }),
      Industry: picklistField('Industry', INDUSTRIES, { length: 255 }),
      AnnualRevenue: { type: 'Currency', label: 'Annual Revenue', precision: 18, scale: 0 },
      NumberOfEmployees: { type: 'Number', label: 'Employees', precision: 8, scale: 0 },
      Description: longText('Description'),
      // The partner account that owns or works the lead (partner relationship management).
      PartnerAccountId: lookup('Partner Account ID', 'Account', 'PartnerAccount'),
      // Set on create (data loads of converted leads); afterwards only lead conversion changes it.
      IsConverted: checkbox('Converted', { createOnly: true }),
      // Lead conversion fills these; the local org does not convert leads, so they stay as loaded (null).
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
