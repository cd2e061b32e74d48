/**
 * The partner SOAP API's convertLead() and merge() through jsforce (`conn.soap.convertLead`, `conn.soap.merge`):
 * a lead becomes an account, contact and opportunity with the standard field mapping and is marked converted;
 * duplicates merge into a master that keeps their related records, the others going to the recycle bin.
 * Each request succeeds or fails alone, and a failed one leaves nothing behind.
 */
import { startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(async () => {
  await t.close();
});

interface Failure {
  success: false;
  errors: { statusCode: string; message: string }[];
}

const createLead = async (fields: Record<string, unknown>): Promise<string> =>
  (await t.conn.sobject('Lead').create({ LastName: 'Lead', Company: 'Acme Widgets', ...fields })).id as string;

describe('convertLead', () => {
  it('creates the account, contact and opportunity from the lead and marks it converted', async () => {
    const leadId = await createLead({ FirstName: 'Ada', Title: 'CTO', Email: 'ada@acme.example', LeadSource: 'Web' });
    const result = await t.conn.soap.convertLead({ leadId, convertedStatus: 'Closed - Converted' });
    expect(result).toMatchObject({ success: true, leadId });

    const account = await t.conn.sobject('Account').retrieve(result.accountId as string);
    expect(account).toMatchObject({ Name: 'Acme Widgets', AccountSource: 'Web' });
    const contact = await t.conn.sobject('Contact').retrieve(result.contactId as string);
    expect(contact).toMatchObject({ FirstName: 'Ada', Title: 'CTO', AccountId: result.accountId });
    const opportunity = await t.conn.sobject('Opportunity').retrieve(result.opportunityId as string);
    expect(opportunity).toMatchObject({ Name: 'Acme Widgets', AccountId: result.accountId, LeadSource: 'Web' });
    const lead = await t.conn.sobject('Lead').retrieve(leadId);
    expect(lead).toMatchObject({
      IsConverted: true,
      Status: 'Closed - Converted',
      ConvertedAccountId: result.accountId,
      ConvertedContactId: result.contactId,
      ConvertedOpportunityId: result.opportunityId,
    });

    // A converted lead cannot be converted again.
    const again = (await t.conn.soap.convertLead({ leadId, convertedStatus: 'Closed - Converted' })) as unknown;
    expect(again).toMatchObject({ success: false, errors: [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD' }] });
  });

  it('converts into an existing account without an opportunity', async () => {
    const accountId = (await t.conn.sobject('Account').create({ Name: 'Existing Co' })).id as string;
    const leadId = await createLead({ FirstName: 'Grace' });
    const result = await t.conn.soap.convertLead({
      leadId,
      accountId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
    });
    expect(result).toMatchObject({ success: true, accountId });
    expect(result.opportunityId).toBeNull();
    expect((await t.conn.sobject('Contact').retrieve(result.contactId as string)).AccountId).toBe(accountId);
  });

  it('refuses a status that is not a converted status, leaving nothing created', async () => {
    const leadId = await createLead({ Company: 'Refused Inc' });
    const result = (await t.conn.soap.convertLead({ leadId, convertedStatus: 'Working - Contacted' })) as unknown;
    expect(result).toMatchObject({ success: false, errors: [{ statusCode: 'INVALID_STATUS' }] });
    expect((await t.conn.query("SELECT COUNT() FROM Account WHERE Name = 'Refused Inc'")).totalSize).toBe(0);
    expect((await t.conn.sobject('Lead').retrieve(leadId)).IsConverted).toBe(false);
  });
});

describe('merge', () => {
  it('merges two leads into the master, moving their tasks and deleting them', async () => {
    const master = await createLead({ FirstName: 'Master' });
    const duplicates = [await createLead({ FirstName: 'Dup 1' }), await createLead({ FirstName: 'Dup 2' })];
    const task = (await t.conn.sobject('Task').create({ Subject: 'Call back', WhoId: duplicates[0] })).id as string;

    // The partner API's sObject: its type and Id with the values to set.
    const masterRecord = { type: 'Lead', Id: master, Title: 'Chief Buyer' };
    const result = await t.conn.soap.merge({ masterRecord, recordToMergeIds: duplicates });
    expect(result).toMatchObject({ success: true, id: master });
    expect([...result.mergedRecordIds].sort()).toEqual([...duplicates].sort());
    expect((await t.conn.sobject('Lead').retrieve(master)).Title).toBe('Chief Buyer');
    expect((await t.conn.sobject('Task').retrieve(task)).WhoId).toBe(master);
    const left = await t.conn.query(`SELECT COUNT() FROM Lead WHERE Id IN ('${duplicates.join("','")}')`);
    expect(left.totalSize).toBe(0);
  });

  it('refuses objects that cannot be merged and a master among the merged records', async () => {
    const opportunity = (
      await t.conn
        .sobject('Opportunity')
        .create({ Name: 'Not mergeable', StageName: 'Prospecting', CloseDate: '2026-12-31' })
    ).id as string;
    const wrongType = (await t.conn.soap.merge({
      masterRecord: { type: 'Opportunity', Id: opportunity },
      recordToMergeIds: [opportunity],
    })) as unknown as Failure;
    expect(wrongType).toMatchObject({ success: false, errors: [{ statusCode: 'INVALID_TYPE' }] });

    const lead = await createLead({ FirstName: 'Self' });
    const self = (await t.conn.soap.merge({
      masterRecord: { type: 'Lead', Id: lead },
      recordToMergeIds: [lead],
    })) as unknown as Failure;
    expect(self).toMatchObject({ success: false, errors: [{ statusCode: 'INVALID_ID_FIELD' }] });
    expect((await t.conn.sobject('Lead').retrieve(lead)).Id).toBe(lead);
  });
});
