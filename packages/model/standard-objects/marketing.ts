/**
 * Marketing objects: campaigns (partner marketing programmes, webinars, MDF events) and their members,
 * the leads and contacts a campaign reached, with whether they responded.
 */
import type { ObjectModel } from '../types';
import { checkbox, currency, lookup, longText, nameField, picklistField, standardObject } from './common';

export const CAMPAIGN_TYPES = [
  'Conference',
  'Webinar',
  'Trade Show',
  'Public Relations',
  'Partners',
  'Referral Program',
  'Advertisement',
  'Banner Ads',
  'Direct Mail',
  'Email',
  'Telemarketing',
  'Other',
];
export const CAMPAIGN_STATUSES = ['Planned', 'In Progress', 'Completed', 'Aborted'];
/** A new campaign's member statuses: Responded is the one that counts as a response. */
export const CAMPAIGN_MEMBER_STATUSES = ['Sent', 'Responded'];
export const RESPONDED_MEMBER_STATUSES = ['Responded'];

export function marketingObjects(): ObjectModel[] {
  return [
    // Organization-wide default "Public Full Access", Salesforce's default for campaigns.
    standardObject('Campaign', 'Campaign', 'Campaigns', '701', 'FullAccess', true, {
      Name: nameField('Campaign Name'),
      Type: picklistField('Type', CAMPAIGN_TYPES),
      Status: picklistField('Status', CAMPAIGN_STATUSES, { defaultValue: 'Planned' }),
      StartDate: { type: 'Date', label: 'Start Date' },
      EndDate: { type: 'Date', label: 'End Date' },
      IsActive: checkbox('Active'),
      ParentId: lookup('Parent Campaign ID', 'Campaign', 'Parent'),
      BudgetedCost: currency('Budgeted Cost in Campaign'),
      ActualCost: currency('Actual Cost in Campaign'),
      ExpectedRevenue: currency('Expected Revenue in Campaign'),
      ExpectedResponse: { type: 'Percent', label: 'Expected Response (%)', precision: 10, scale: 2 },
      NumberSent: { type: 'Number', label: 'Num Sent in Campaign', precision: 18, scale: 0 },
      Description: longText('Description'),
    }),
    // Members follow their campaign: whoever sees (or edits) the campaign sees (or edits) its members.
    standardObject('CampaignMember', 'Campaign Member', 'Campaign Members', '00v', 'ControlledByParent', false, {
      CampaignId: {
        type: 'MasterDetail',
        label: 'Campaign ID',
        referenceTo: ['Campaign'],
        relationshipName: 'Campaign',
        required: true,
        createOnly: true,
      },
      LeadId: lookup('Lead ID', 'Lead', 'Lead', { createOnly: true, deleteConstraint: 'Cascade' }),
      ContactId: lookup('Contact ID', 'Contact', 'Contact', { createOnly: true, deleteConstraint: 'Cascade' }),
      Status: picklistField('Status', CAMPAIGN_MEMBER_STATUSES, { defaultValue: 'Sent' }),
      // Derived from Status: true when the status counts as a response.
      HasResponded: checkbox('Responded', { systemManaged: true }),
      // Set the first time the member becomes responded; never cleared afterwards.
      FirstRespondedDate: { type: 'Date', label: 'First Responded Date', systemManaged: true },
    }),
  ];
}
