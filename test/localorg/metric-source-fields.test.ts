/**
 * The standard-object fields the partner metrics read, as the platform maintains them, through jsforce:
 * Task.AccountId and Event.AccountId (derived on every save from WhatId, else WhoId), a campaign member's
 * FirstRespondedDate (set once, the first time it responds), and the project's formula fields
 * Opportunity.Days_To_Close__c, Lead.Days_To_Convert__c and Partner_Credential__c.Status__c.
 */
import { apiError, startTestOrg, type TestOrg } from '../support/localorg';

let clock = new Date('2026-01-10T09:00:00Z');
let t: TestOrg;
let partner: string;
let customer: string;
let contact: string;

beforeAll(async () => {
  // The clock moves days ahead (CreatedDate, TODAY()); the session must outlive it.
  t = await startTestOrg({ now: () => clock, sessionTimeoutMinutes: 365 * 24 * 60 });
  partner = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
  customer = (await t.conn.sobject('Account').create({ Name: 'Contoso' })).id!;
  contact = (await t.conn.sobject('Contact').create({ LastName: 'Lovelace', AccountId: customer })).id!;
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;
const create = async (sobject: string, fields: Rec): Promise<string> =>
  (await t.conn.sobject(sobject).create(fields)).id!;
const read = async (sobject: string, id: string): Promise<Rec> => (await t.conn.sobject(sobject).retrieve(id)) as Rec;

describe('Task.AccountId and Event.AccountId', () => {
  let opportunity: string;
  let campaign: string;
  let lead: string;
  beforeAll(async () => {
    lead = await create('Lead', { LastName: 'Turing', Company: 'Bletchley' });
    opportunity = await create('Opportunity', {
      Name: 'Contoso renewal',
      AccountId: customer,
      StageName: 'Prospecting',
      CloseDate: '2026-03-31',
    });
    campaign = await create('Campaign', { Name: 'Spring webinar' });
  });

  it.each([
    ['an account as WhatId: that account', () => ({ WhatId: partner }), () => partner],
    ['an opportunity as WhatId: its account', () => ({ WhatId: opportunity }), () => customer],
    ['only a contact as WhoId: its account', () => ({ WhoId: contact }), () => customer],
    ['a WhatId before the WhoId', () => ({ WhatId: partner, WhoId: contact }), () => partner],
    ["a campaign as WhatId: the WhoId contact's account", () => ({ WhatId: campaign, WhoId: contact }), () => customer],
    ['a campaign as WhatId and no WhoId: no account', () => ({ WhatId: campaign }), () => null],
    ['only a lead as WhoId: no account', () => ({ WhoId: lead }), () => null],
    ['neither: no account', () => ({}), () => null],
  ])('a task about %s', async (_what, fields, expected) => {
    const id = await create('Task', { Subject: 'Call', ...fields() });
    expect((await read('Task', id)).AccountId).toBe(expected());
  });

  it('follows a changed WhatId and is read through the Account relationship', async () => {
    const id = await create('Task', { Subject: 'Call', WhatId: partner, TaskSubtype: 'Call' });
    await t.conn.sobject('Task').update({ Id: id, WhatId: opportunity });
    const result = await t.conn.query<{ AccountId: string; Account: { Name: string } }>(
      `SELECT AccountId, Account.Name FROM Task WHERE Id = '${id}'`,
    );
    expect(result.records[0]).toMatchObject({ AccountId: customer, Account: { Name: 'Contoso' } });
  });

  it("is derived for events too, and an event's account groups in aggregate queries", async () => {
    const start = '2026-01-12T15:00:00.000Z';
    const id = await create('Event', {
      Subject: 'Meeting',
      WhatId: opportunity,
      StartDateTime: start,
      DurationInMinutes: 30,
    });
    expect((await read('Event', id)).AccountId).toBe(customer);
    const groups = await t.conn.query<{ AccountId: string; expr0: number }>(
      `SELECT AccountId, COUNT(Id) FROM Event WHERE AccountId = '${customer}' GROUP BY AccountId`,
    );
    expect(groups.records).toEqual([expect.objectContaining({ AccountId: customer, expr0: 1 })]);
  });

  it('is read-only: a client cannot set it', async () => {
    const err = await apiError(t.conn.sobject('Task').create({ Subject: 'Call', AccountId: partner }));
    expect(err.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });
});

describe('CampaignMember.FirstRespondedDate', () => {
  it('is set the first time the member responds and never changes or clears afterwards', async () => {
    const campaign = await create('Campaign', { Name: 'Partner roadshow' });
    clock = new Date('2026-02-01T10:00:00Z');
    const member = await create('CampaignMember', { CampaignId: campaign, ContactId: contact });
    expect(await read('CampaignMember', member)).toMatchObject({ HasResponded: false, FirstRespondedDate: null });

    clock = new Date('2026-02-03T10:00:00Z');
    await t.conn.sobject('CampaignMember').update({ Id: member, Status: 'Responded' });
    expect(await read('CampaignMember', member)).toMatchObject({
      HasResponded: true,
      FirstRespondedDate: '2026-02-03',
    });

    clock = new Date('2026-02-05T10:00:00Z');
    await t.conn.sobject('CampaignMember').update({ Id: member, Status: 'Sent' });
    expect(await read('CampaignMember', member)).toMatchObject({
      HasResponded: false,
      FirstRespondedDate: '2026-02-03',
    });
    await t.conn.sobject('CampaignMember').update({ Id: member, Status: 'Responded' });
    expect(await read('CampaignMember', member)).toMatchObject({
      HasResponded: true,
      FirstRespondedDate: '2026-02-03',
    });
  });

  it('is the day of creation for a member created as responded, and read-only', async () => {
    const campaign = await create('Campaign', { Name: 'Trade show' });
    clock = new Date('2026-02-10T10:00:00Z');
    const member = await create('CampaignMember', { CampaignId: campaign, ContactId: contact, Status: 'Responded' });
    expect((await read('CampaignMember', member)).FirstRespondedDate).toBe('2026-02-10');
    const err = await apiError(
      t.conn.sobject('CampaignMember').update({ Id: member, FirstRespondedDate: '2026-01-01' }),
    );
    expect(err.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });
});

describe('OpportunityLineItem.Product2Id', () => {
  it("is the price book entry's product, which the product mix metric counts", async () => {
    // The org's standard price book: a product's first price goes there.
    const standard = await t.conn.query<{ Id: string }>('SELECT Id FROM Pricebook2 WHERE IsStandard = true');
    const pricebook = standard.records[0].Id;
    const product = await create('Product2', { Name: 'Alpha', IsActive: true });
    const entry = await create('PricebookEntry', {
      Pricebook2Id: pricebook,
      Product2Id: product,
      UnitPrice: 100,
      IsActive: true,
    });
    const deal = await create('Opportunity', {
      Name: 'Contoso products',
      AccountId: customer,
      StageName: 'Prospecting',
      CloseDate: '2026-06-30',
      Pricebook2Id: pricebook,
    });
    const line = await create('OpportunityLineItem', {
      OpportunityId: deal,
      PricebookEntryId: entry,
      Quantity: 2,
      UnitPrice: 90,
    });
    expect(await read('OpportunityLineItem', line)).toMatchObject({ Product2Id: product, TotalPrice: 180 });
  });
});

describe('formula fields the metrics average', () => {
  it('Opportunity.Days_To_Close__c: days from creation to close date, blank while open', async () => {
    clock = new Date('2026-03-01T23:30:00Z');
    const id = await create('Opportunity', {
      Name: 'Contoso expansion',
      AccountId: customer,
      StageName: 'Prospecting',
      CloseDate: '2026-04-15',
    });
    expect((await read('Opportunity', id)).Days_To_Close__c).toBeNull();
    await t.conn.sobject('Opportunity').update({ Id: id, StageName: 'Closed Won', CloseDate: '2026-04-20' });
    expect((await read('Opportunity', id)).Days_To_Close__c).toBe(50);
    const avg = await t.conn.query<{ expr0: number }>(
      `SELECT AVG(Days_To_Close__c) FROM Opportunity WHERE Id = '${id}' AND IsWon = true`,
    );
    expect(avg.records[0].expr0).toBe(50);
  });

  it('Lead.Days_To_Convert__c: days from creation to conversion, blank until converted', async () => {
    clock = new Date('2026-03-02T08:00:00Z');
    const lead = await create('Lead', { LastName: 'Hopper', Company: 'Fabrikam', PartnerAccountId: partner });
    expect((await read('Lead', lead)).Days_To_Convert__c).toBeNull();
    clock = new Date('2026-03-09T17:00:00Z');
    const result = await t.conn.soap.convertLead({ leadId: lead, convertedStatus: 'Closed - Converted' });
    expect(result).toMatchObject({ success: true });
    expect(await read('Lead', lead)).toMatchObject({ ConvertedDate: '2026-03-09', Days_To_Convert__c: 7 });
  });
});

describe('Partner_Credential__c', () => {
  const credential = (fields: Rec): Promise<string> =>
    create('Partner_Credential__c', {
      Contact__c: contact,
      Partner_Account__c: partner,
      Credential_Type__c: 'Certification',
      Credential_Name__c: 'Platform Sales Professional',
      Completed_Date__c: '2025-06-01',
      ...fields,
    });

  it('reads Expired once the expiry date has passed, otherwise Active', async () => {
    clock = new Date('2026-04-01T12:00:00Z');
    const expired = await credential({ Expiry_Date__c: '2026-03-31' });
    const lastDay = await credential({ Expiry_Date__c: '2026-04-01' });
    const course = await credential({ Credential_Type__c: 'Course' });
    expect((await read('Partner_Credential__c', expired)).Status__c).toBe('Expired');
    expect((await read('Partner_Credential__c', lastDay)).Status__c).toBe('Active');
    expect((await read('Partner_Credential__c', course)).Status__c).toBe('Active');
    clock = new Date('2026-04-02T12:00:00Z');
    expect((await read('Partner_Credential__c', lastDay)).Status__c).toBe('Expired');
  });

  it('refuses an expiry on a course and an expiry before completion', async () => {
    const onCourse = await apiError(credential({ Credential_Type__c: 'Course', Expiry_Date__c: '2027-01-01' }));
    expect(onCourse).toMatchObject({ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' });
    expect(onCourse.message).toBe('Only certifications expire: clear the expiry date or choose Certification.');
    const early = await apiError(credential({ Completed_Date__c: '2026-01-10', Expiry_Date__c: '2026-01-09' }));
    expect(early.message).toBe('The expiry date cannot be before the completed date.');
  });

  it('only credits partner accounts (accounts with a Partner Type)', async () => {
    const err = await apiError(credential({ Partner_Account__c: customer }));
    expect(err.errorCode).toBe('FIELD_FILTER_VALIDATION_EXCEPTION');
  });
});
