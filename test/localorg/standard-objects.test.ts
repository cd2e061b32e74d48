/**
 * The standard objects a partner program measures, through jsforce over HTTP: describe (types, picklists,
 * polymorphic WhoId/WhatId), DML with the values the platform derives (Lead.Name and Status, Task.IsClosed,
 * CampaignMember.HasResponded, Event's end and date, OpportunityLineItem.TotalPrice), SOQL over polymorphic
 * lookups and child relationships, deletes that cascade or clear, and sharing of private activities.
 */
import { apiError, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan } from '../support/security';

const NOW = new Date('2026-03-31T12:00:00.000Z');

let t: TestOrg;
let account: string;
let contact: string;
let lead: string;
let opportunity: string;
let campaign: string;

type Rec = Record<string, unknown>;
const create = async (sobject: string, values: Rec): Promise<string> => {
  const result = await t.conn.sobject(sobject).create(values);
  if (!result.success) throw new Error(`could not create ${sobject}`);
  return result.id;
};
const retrieve = (sobject: string, id: string): Promise<Rec> => t.conn.sobject(sobject).retrieve(id) as Promise<Rec>;
const ids = async (soql: string): Promise<string[]> =>
  (await t.conn.query<{ Id: string }>(soql)).records.map((r) => r.Id).sort();

beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  account = await create('Account', {
    Name: 'Northwind',
    Type: 'Channel Partner / Reseller',
    Partner_Type__c: 'Reseller',
  });
  contact = await create('Contact', { LastName: 'Rivera', AccountId: account });
  lead = await create('Lead', { FirstName: 'Ada', LastName: 'Lane', Company: 'Contoso', PartnerAccountId: account });
  opportunity = await create('Opportunity', {
    Name: 'Contoso renewal',
    AccountId: account,
    StageName: 'Prospecting',
    CloseDate: '2026-06-30',
  });
  campaign = await create('Campaign', { Name: 'Partner webinar', Type: 'Webinar', IsActive: true });
}, 60_000);
afterAll(() => t.close());

describe('describe', () => {
  it('lists the new objects with their key prefixes', async () => {
    const global = await t.conn.describeGlobal();
    const prefixes = new Map(global.sobjects.map((s) => [s.name, s.keyPrefix]));
    expect(
      Object.fromEntries(
        [
          'Lead',
          'Campaign',
          'CampaignMember',
          'Task',
          'Event',
          'Product2',
          'Pricebook2',
          'PricebookEntry',
          'OpportunityLineItem',
          'RecordType',
          'UserRole',
          'Group',
          'GroupMember',
        ].map((n) => [n, prefixes.get(n)]),
      ),
    ).toEqual({
      Lead: '00Q',
      Campaign: '701',
      CampaignMember: '00v',
      Task: '00T',
      Event: '00U',
      Product2: '01t',
      Pricebook2: '01s',
      PricebookEntry: '01u',
      OpportunityLineItem: '00k',
      RecordType: '012',
      UserRole: '00E',
      Group: '00G',
      GroupMember: '011',
    });
  });

  it('describes WhoId and WhatId as polymorphic references', async () => {
    const task = await t.conn.sobject('Task').describe();
    const field = (name: string) => task.fields.find((f) => f.name === name);
    expect(field('WhoId')).toMatchObject({
      type: 'reference',
      referenceTo: ['Contact', 'Lead'],
      relationshipName: 'Who',
      polymorphicForeignKey: true,
    });
    expect(field('WhatId')).toMatchObject({
      referenceTo: expect.arrayContaining(['Account', 'Opportunity', 'Campaign']),
    });
    expect(field('IsClosed')).toMatchObject({ type: 'boolean', createable: false, updateable: false });
    expect(field('OwnerId')).toMatchObject({ referenceTo: ['User'], polymorphicForeignKey: false });
    const lead = await t.conn.sobject('Lead').describe();
    expect(lead.fields.find((f) => f.name === 'Status')?.picklistValues?.map((v) => v.value)).toEqual([
      'Open - Not Contacted',
      'Working - Contacted',
      'Closed - Converted',
      'Closed - Not Converted',
    ]);
    expect(lead.fields.find((f) => f.name === 'IsConverted')).toMatchObject({ createable: true, updateable: false });
    expect(lead.fields.find((f) => f.name === 'ConvertedOpportunityId')).toMatchObject({
      createable: false,
      updateable: false,
      referenceTo: ['Opportunity'],
    });
    const accounts = await t.conn.sobject('Account').describe();
    expect(accounts.childRelationships.map((r) => r.relationshipName)).toEqual(
      expect.arrayContaining(['Tasks', 'Events', 'PartnerLeads', 'Opportunities']),
    );
  });
});

describe('leads and campaigns', () => {
  it('name a lead from its parts, default its status and keep conversion fields to the platform', async () => {
    expect(await retrieve('Lead', lead)).toMatchObject({
      Name: 'Ada Lane',
      Status: 'Open - Not Contacted',
      IsConverted: false,
      PartnerAccountId: account,
      ConvertedOpportunityId: null,
    });
    expect(await apiError(t.conn.sobject('Lead').update({ Id: lead, IsConverted: true }))).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    });
    expect(
      await apiError(t.conn.sobject('Lead').create({ LastName: 'X', Company: 'Y', ConvertedAccountId: account })),
    ).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    expect(await apiError(t.conn.sobject('Lead').create({ LastName: 'No company' }))).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
    });
    const partnerLeads = await t.conn.query<{ PartnerAccount: { Name: string } }>(
      `SELECT PartnerAccount.Name FROM Lead WHERE Id = '${lead}'`,
    );
    expect(partnerLeads.records[0].PartnerAccount.Name).toBe('Northwind');
  });

  it('count a campaign member as responded from its status', async () => {
    const member = await create('CampaignMember', { CampaignId: campaign, LeadId: lead });
    expect(await retrieve('CampaignMember', member)).toMatchObject({ Status: 'Sent', HasResponded: false });
    await t.conn.sobject('CampaignMember').update({ Id: member, Status: 'Responded' });
    expect(await retrieve('CampaignMember', member)).toMatchObject({ HasResponded: true });
    const rows = await t.conn.query<{ Name: string; CampaignMembers: { records: Rec[] } }>(
      `SELECT Name, (SELECT LeadId, HasResponded FROM CampaignMembers) FROM Campaign WHERE Id = '${campaign}'`,
    );
    expect(rows.records[0].CampaignMembers.records).toEqual([
      expect.objectContaining({ LeadId: lead, HasResponded: true }),
    ]);
    const responded = await t.conn.query(
      `SELECT COUNT() FROM CampaignMember WHERE CampaignId = '${campaign}' AND HasResponded = true`,
    );
    expect(responded.totalSize).toBe(1);
  });

  it("remove a lead's campaign memberships and clear its tasks when it is deleted", async () => {
    const doomed = await create('Lead', { LastName: 'Gone', Company: 'Temp' });
    const member = await create('CampaignMember', { CampaignId: campaign, LeadId: doomed });
    const task = await create('Task', { Subject: 'Call', WhoId: doomed });
    await t.conn.sobject('Lead').destroy(doomed);
    expect(await ids(`SELECT Id FROM CampaignMember WHERE Id = '${member}'`)).toEqual([]);
    expect(await retrieve('Task', task)).toMatchObject({ WhoId: null });
  });
});

describe('tasks and events', () => {
  let leadTask: string;
  let contactTask: string;

  beforeAll(async () => {
    leadTask = await create('Task', {
      Subject: 'Call',
      WhoId: lead,
      WhatId: campaign,
      ActivityDate: '2026-04-02',
      Type: 'Call',
    });
    contactTask = await create('Task', {
      Subject: 'Send Quote',
      WhoId: contact,
      WhatId: opportunity,
      Priority: 'High',
    });
  });

  it('derive IsClosed from the status and IsHighPriority from the priority', async () => {
    expect(await retrieve('Task', leadTask)).toMatchObject({
      Status: 'Not Started',
      Priority: 'Normal',
      IsClosed: false,
    });
    expect(await retrieve('Task', contactTask)).toMatchObject({ IsHighPriority: true });
    await t.conn.sobject('Task').update({ Id: leadTask, Status: 'Completed' });
    expect(await retrieve('Task', leadTask)).toMatchObject({ IsClosed: true });
    expect(await ids(`SELECT Id FROM Task WHERE IsClosed = false AND Id IN ('${leadTask}', '${contactTask}')`)).toEqual(
      [contactTask],
    );
    expect(await apiError(t.conn.sobject('Task').update({ Id: contactTask, IsClosed: true }))).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    });
  });

  it('filter on a polymorphic lookup by Id, by semi-join on each object it may name, and list by child relationship', async () => {
    expect(await ids(`SELECT Id FROM Task WHERE WhoId = '${lead}'`)).toEqual([leadTask]);
    expect(await ids('SELECT Id FROM Task WHERE WhoId IN (SELECT Id FROM Lead)')).toEqual([leadTask]);
    expect(await ids('SELECT Id FROM Task WHERE WhoId IN (SELECT Id FROM Contact)')).toEqual([contactTask]);
    expect(
      await ids(`SELECT Id FROM Task WHERE WhatId IN (SELECT Id FROM Opportunity WHERE AccountId = '${account}')`),
    ).toEqual([contactTask]);
    const leads = await t.conn.query<{ Tasks: { records: Rec[] } }>(
      `SELECT (SELECT Subject FROM Tasks) FROM Lead WHERE Id = '${lead}'`,
    );
    expect(leads.records[0].Tasks.records).toEqual([expect.objectContaining({ Subject: 'Call' })]);
    const opps = await t.conn.query<{ Tasks: { records: Rec[] } }>(
      `SELECT (SELECT Subject FROM Tasks) FROM Opportunity WHERE Id = '${opportunity}'`,
    );
    expect(opps.records[0].Tasks.records).toEqual([expect.objectContaining({ Subject: 'Send Quote' })]);
    const byType = await t.conn.query<{ Type: string; expr0: number }>(
      'SELECT Type, COUNT(Id) FROM Task GROUP BY Type ORDER BY Type',
    );
    expect(byType.records.map((r) => [r.Type, r.expr0])).toEqual([
      [null, 2],
      ['Call', 1],
    ]);
  });

  it('relate to the records of a custom object that enables activities (plans)', async () => {
    const plan = (await createPlan(t.conn, account, 'Activity plan')).plan;
    const task = await create('Task', { Subject: 'Other', WhatId: plan });
    const plans = await t.conn.query<{ Tasks: { records: { Id: string }[] } }>(
      `SELECT (SELECT Id FROM Tasks) FROM Partner_Account_Plan__c WHERE Id = '${plan}'`,
    );
    expect(plans.records[0].Tasks.records.map((r) => r.Id)).toEqual([task]);
    const what = (await t.conn.sobject('Event').describe()).fields.find((f) => f.name === 'WhatId');
    expect(what?.referenceTo).toContain('Partner_Account_Plan__c');
  });

  it('refuse a WhoId or WhatId that names an object the lookup cannot hold', async () => {
    expect(await apiError(t.conn.sobject('Task').create({ Subject: 'x', WhoId: account }))).toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
    });
    expect(
      await apiError(
        t.conn.sobject('Event').create({
          WhatId: contact,
          StartDateTime: '2026-04-01T09:00:00.000Z',
          DurationInMinutes: 30,
        }),
      ),
    ).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION' });
  });

  it('give an event its end from the duration (or the duration from the end) and its date from the start', async () => {
    const event = await create('Event', {
      Subject: 'Meeting',
      WhoId: contact,
      WhatId: account,
      StartDateTime: '2026-04-01T23:30:00.000+0000',
      DurationInMinutes: 60,
    });
    expect(await retrieve('Event', event)).toMatchObject({
      EndDateTime: '2026-04-02T00:30:00.000+0000',
      ActivityDateTime: '2026-04-01T23:30:00.000+0000',
      ActivityDate: '2026-04-01',
    });
    await t.conn.sobject('Event').update({ Id: event, EndDateTime: '2026-04-02T01:00:00.000+0000' });
    expect(await retrieve('Event', event)).toMatchObject({ DurationInMinutes: 90 });
    expect(
      await apiError(t.conn.sobject('Event').create({ Subject: 'No time', StartDateTime: '2026-04-01T09:00:00Z' })),
    ).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [DurationInMinutes]',
    });
  });
});
