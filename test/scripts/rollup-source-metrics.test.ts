/**
 * The rollup computes every metric over the CRM's own objects (opportunities, their products, leads,
 * campaigns and members, tasks and events) and over the partner credential and market development fund
 * objects: one target per metric on a hand-built first quarter, each actual worked out by hand below.
 * Records of another partner, of the next quarter, and of the wrong kind are there so that each query's
 * partner path, date field and filter have to be right for the figure to come out. The rollup runs as the
 * integration user (Partner_Planning_Rollup), so its permissions must reach everything the metrics read.
 */
import type { Connection } from 'jsforce';
import { runRollup, type RollupReport } from '../../packages/jobs/rollup/engine';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { scriptSession } from '../support/scripts';
import { createUser } from '../support/security';

const Q1 = { Period_Type__c: 'Quarter', Period_Start__c: '2026-01-01', Period_End__c: '2026-03-31' };

/** Each metric's actual over Q1 for the partner, as the fixture below makes it. */
const EXPECTED: Record<string, number> = {
  // Won o1 (30 days, New Customer, Partner Referral, 1000) and o2 (60 days, 3000); o3 lost; o4 another partner.
  Average_Sales_Cycle: 45,
  New_Logo_Wins: 1,
  Lost_Deals: 1,
  Partner_Sourced_Revenue: 1000,
  Largest_Deal: 3000,
  // o1: 2 x A at 100 and 1 x B at 800; o2: 5 x A at 600; the lost deal's 10 units do not count.
  Units_Sold: 8,
  Product_Revenue: 4000,
  Products_Sold: 2,
  Units_Per_Won_Deal: 4,
  // Three leads created in Q1, two converted in Q1 after 10 and 30 days; another partner's lead does not count.
  Partner_Sourced_Leads: 3,
  Leads_Converted: 2,
  Lead_Conversion_Rate: 66.67,
  Lead_To_Opportunity_Time: 20,
  // Two campaigns start in Q1 (1500 + 500); the May one does not count.
  Partner_Campaigns: 2,
  Campaign_Spend: 2000,
  // Three members added in Q1; one responded in Q1, another only in April.
  Campaign_Members: 3,
  Campaign_Responses: 1,
  Campaign_Response_Rate: 33.33,
  // A call by subtype and one by type; an email to the partner's contact; two completed tasks; one event.
  Partner_Calls: 2,
  Partner_Emails: 1,
  Partner_Meetings: 1,
  Completed_Tasks: 2,
  // A course and two certifications (two people) in Q1; one of them expires in March; two are valid today.
  Courses_Completed: 1,
  Certifications_Achieved: 2,
  Certified_People: 2,
  Active_Certifications: 2,
  Certifications_Expiring: 1,
  // 10000 allocated; requests of 4000 (3000 approved) and 2000 (rejected); claims of 1500 (paid) and 1000.
  Funds_Allocated: 10000,
  Funds_Requested: 6000,
  Funds_Approved: 3000,
  Fund_Requests: 2,
  Claims_Submitted: 2,
  Claims_Paid: 1500,
  Fund_Utilization: 15,
};

let clock = new Date('2026-01-05T09:00:00Z');
let t: TestOrg;
let conn: Connection;
let report: RollupReport;
const targets = new Map<string, string>();

type Rec = Record<string, unknown>;
async function create(sobject: string, fields: Rec): Promise<string> {
  const result = await conn.sobject(sobject).create(fields);
  if (!result.success) throw new Error(JSON.stringify(result));
  return result.id as string;
}
const at = (iso: string): void => {
  clock = new Date(iso);
};

async function opportunities(partner: string, other: string, customer: string): Promise<void> {
  // The products are priced in the org's standard price book, as every org has one.
  const pricebook = (await conn.query<{ Id: string }>('SELECT Id FROM Pricebook2 WHERE IsStandard = true')).records[0];
  const product = async (name: string, price: number): Promise<string> => {
    const id = await create('Product2', { Name: name, IsActive: true });
    return create('PricebookEntry', { Pricebook2Id: pricebook.Id, Product2Id: id, UnitPrice: price, IsActive: true });
  };
  const [a, b] = [await product('Alpha', 100), await product('Beta', 800)];
  const deal = (fields: Rec): Promise<string> =>
    create('Opportunity', {
      Name: 'Deal',
      Partner_Account__c: partner,
      AccountId: customer,
      Pricebook2Id: pricebook.Id,
      ...fields,
    });
  const line = (opportunity: string, entry: string, quantity: number, price: number): Promise<string> =>
    create('OpportunityLineItem', {
      OpportunityId: opportunity,
      PricebookEntryId: entry,
      Quantity: quantity,
      UnitPrice: price,
    });
  at('2026-01-05T09:00:00Z');
  const won = { StageName: 'Closed Won', Amount: 1000 };
  const o1 = await deal({ ...won, CloseDate: '2026-02-04', Type: 'New Customer', LeadSource: 'Partner Referral' });
  const o2 = await deal({ ...won, Amount: 3000, CloseDate: '2026-03-06', Type: 'Existing Customer - Upgrade' });
  const o3 = await deal({ StageName: 'Closed Lost', Amount: 500, CloseDate: '2026-02-20' });
  await deal({ ...won, Amount: 9999, CloseDate: '2026-02-01', Partner_Account__c: other, Type: 'New Customer' });
  await deal({ ...won, Amount: 7000, CloseDate: '2026-04-10' });
  await line(o1, a, 2, 100);
  await line(o1, b, 1, 800);
  await line(o2, a, 5, 600);
  await line(o3, a, 10, 50);
}

async function leadsAndCampaigns(partner: string, other: string, contacts: string[]): Promise<void> {
  const lead = (fields: Rec): Promise<string> =>
    create('Lead', { LastName: 'Lead', Company: 'Prospect', PartnerAccountId: partner, ...fields });
  const convert = async (leadId: string, when: string): Promise<void> => {
    at(when);
    const result = await conn.soap.convertLead({
      leadId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
    });
    if (!result.success) throw new Error(JSON.stringify(result));
  };
  at('2026-01-10T10:00:00Z');
  const [l1, l2] = [await lead({}), await lead({})];
  await lead({ PartnerAccountId: other });
  await convert(l1, '2026-01-20T10:00:00Z');
  await convert(l2, '2026-02-09T10:00:00Z');
  at('2026-02-15T10:00:00Z');
  await lead({});

  const campaign = (start: string, cost: number): Promise<string> =>
    create('Campaign', { Name: 'Campaign', Partner_Account__c: partner, StartDate: start, ActualCost: cost });
  const [ca, cb] = [await campaign('2026-02-01', 1500), await campaign('2026-03-15', 500)];
  await campaign('2026-05-01', 900);
  at('2026-02-10T10:00:00Z');
  await create('CampaignMember', { CampaignId: ca, ContactId: contacts[0], Status: 'Responded' });
  await create('CampaignMember', { CampaignId: ca, ContactId: contacts[1] });
  const late = await create('CampaignMember', { CampaignId: cb, ContactId: contacts[2] });
  at('2026-04-02T10:00:00Z');
  await conn.sobject('CampaignMember').update({ Id: late, Status: 'Responded' });
}

async function activities(partner: string, other: string, partnerContact: string, deal: string): Promise<void> {
  const task = (fields: Rec): Promise<string> => create('Task', { Subject: 'Call', ...fields });
  await task({ WhatId: partner, TaskSubtype: 'Call', ActivityDate: '2026-01-15', Status: 'Completed' });
  await task({ WhatId: partner, Type: 'Call', ActivityDate: '2026-02-15' });
  await task({ WhoId: partnerContact, TaskSubtype: 'Email', ActivityDate: '2026-03-01', Status: 'Completed' });
  await task({ WhatId: other, TaskSubtype: 'Call', ActivityDate: '2026-01-20', Status: 'Completed' });
  await task({ WhatId: partner, TaskSubtype: 'Call', ActivityDate: '2026-04-20', Status: 'Completed' });
  const event = (whatId: string, start: string): Promise<string> =>
    create('Event', { Subject: 'Meeting', WhatId: whatId, StartDateTime: start, DurationInMinutes: 60 });
  await event(partner, '2026-02-20T10:00:00.000Z');
  // A meeting about a deal belongs to the deal's customer account, not to the partner.
  await event(deal, '2026-02-21T10:00:00.000Z');
}

async function credentialsAndFunds(partner: string, contacts: string[]): Promise<void> {
  const credential = (contact: string, fields: Rec): Promise<string> =>
    create('Partner_Credential__c', {
      Contact__c: contact,
      Partner_Account__c: partner,
      Credential_Type__c: 'Certification',
      Credential_Name__c: 'Platform Sales Professional',
      ...fields,
    });
  await credential(contacts[0], { Credential_Type__c: 'Course', Completed_Date__c: '2026-01-20' });
  await credential(contacts[0], { Completed_Date__c: '2026-02-01', Expiry_Date__c: '2027-02-01' });
  await credential(contacts[1], { Completed_Date__c: '2026-03-10', Expiry_Date__c: '2026-03-31' });
  await credential(contacts[0], { Completed_Date__c: '2025-06-01' });

  const allocation = (amount: number, start: string, end: string): Promise<string> =>
    create('Fund_Allocation__c', {
      Partner_Account__c: partner,
      Amount__c: amount,
      Start_Date__c: start,
      End_Date__c: end,
    });
  const a1 = await allocation(10000, '2026-01-01', '2026-12-31');
  await allocation(5000, '2026-04-01', '2026-06-30');
  const request = (fields: Rec): Promise<string> =>
    create('Fund_Request__c', {
      Fund_Allocation__c: a1,
      Partner_Account__c: partner,
      Activity_Type__c: 'Event',
      ...fields,
    });
  const r1 = await request({
    Requested_Amount__c: 4000,
    Approved_Amount__c: 3000,
    Status__c: 'Approved',
    Request_Date__c: '2026-01-15',
  });
  await request({ Requested_Amount__c: 2000, Status__c: 'Rejected', Request_Date__c: '2026-02-01' });
  await request({ Requested_Amount__c: 1000, Request_Date__c: '2026-04-02' });
  const claim = (fields: Rec): Promise<string> =>
    create('Fund_Claim__c', { Fund_Request__c: r1, Partner_Account__c: partner, ...fields });
  await claim({
    Claimed_Amount__c: 1500,
    Paid_Amount__c: 1500,
    Claim_Date__c: '2026-02-10',
    Paid_Date__c: '2026-02-20',
    Status__c: 'Paid',
  });
  await claim({ Claimed_Amount__c: 1000, Claim_Date__c: '2026-03-20' });
}

beforeAll(async () => {
  // The clock sets CreatedDate and conversion days, and TODAY() for the snapshot; the session outlives it.
  t = await startTestOrg({ now: () => clock, sessionTimeoutMinutes: 365 * 24 * 60 });
  conn = t.conn;
  const admin = (await conn.identity()).user_id;
  const partner = await create('Account', { Name: 'Partner One', Partner_Type__c: 'Reseller' });
  const other = await create('Account', { Name: 'Partner Two', Partner_Type__c: 'Reseller' });
  const customer = await create('Account', { Name: 'Customer One' });
  const contacts = [
    await create('Contact', { LastName: 'Ada', AccountId: partner }),
    await create('Contact', { LastName: 'Grace', AccountId: partner }),
    await create('Contact', { LastName: 'Edsger', AccountId: customer }),
  ];
  await opportunities(partner, other, customer);
  await leadsAndCampaigns(partner, other, contacts);
  const [deal] = (await conn.query<{ Id: string }>(`SELECT Id FROM Opportunity WHERE Amount = 500`)).records;
  await activities(partner, other, contacts[0], deal.Id);
  await credentialsAndFunds(partner, contacts);

  at('2026-05-15T12:00:00Z');
  const plan = await create('Partner_Account_Plan__c', {
    Name: 'Partner One FY2026',
    Partner_Account__c: partner,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31',
  });
  const section = await create('Plan_Section__c', {
    Name: 'Everything',
    Partner_Account_Plan__c: plan,
    Section_Type__c: 'Custom',
  });
  for (const metric of Object.keys(EXPECTED)) {
    targets.set(
      metric,
      await create('Plan_Target__c', {
        Plan_Section__c: section,
        Metric__c: metric,
        ...Q1,
        // Near the actual, so that attainment stays inside its field's range.
        Target_Value__c: Math.max(1, Math.round(EXPECTED[metric])),
        Accountable_AE__c: admin,
        Accountable_Partner_Manager__c: admin,
      }),
    );
  }
  // As the integration user, whose permission set must reach every record and field the metrics read.
  const integration = await createUser(t, { alias: 'rollupsm', permissionSets: ['Partner_Planning_Rollup'] });
  const session = await scriptSession(t, integration.conn.accessToken!);
  report = await runRollup(session, { asOf: '2026-05-15', dryRun: false, now: '2026-05-15T12:00:00.000Z' });
  await session.close();
}, 60_000);
afterAll(() => t.close());

describe('the metrics over standard objects, credentials and funds', () => {
  it('are all in the catalog and compute without errors or failed writes', () => {
    const computed = report.metrics.filter((m) => m.name in EXPECTED);
    expect(computed.map((m) => m.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(computed.filter((m) => m.error)).toEqual([]);
    expect(report.failures).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))('%s comes to %d', async (metric, expected) => {
    const target = await conn.sobject('Plan_Target__c').retrieve(targets.get(metric) as string);
    expect(target.Actual_Value__c).toBeCloseTo(expected, 2);
  });
});
