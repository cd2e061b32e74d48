/**
 * The UI API's list resources over HTTP, as the lightning/uiListsApi wire adapters call them: `list-ui` (an
 * object's lists, and a list's info with records), `list-info` and `list-records` (records in the UI API's
 * Record shape, paged with pageSize/pageToken, sorted with sortBy, extra fields), each as the caller (Mine,
 * sharing), and the UI API's error bodies for unknown lists and bad parameters.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type TestUser } from '../support/security';

interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, { value: unknown; displayValue: string | null }>;
}
interface RecordPage {
  count: number;
  currentPageToken: string;
  nextPageToken: string | null;
  nextPageUrl: string | null;
  previousPageToken: string | null;
  pageSize: number;
  records: UiRecord[];
  sortBy: string | null;
  listReference: Record<string, unknown>;
}

let t: TestOrg;
let pm: TestUser;
let ae: TestUser;
let planIds: string[];

const get = async (conn: TestOrg['conn'], path: string): Promise<{ status: number; body: unknown }> =>
  rawRequest(conn, 'GET', dataPath(`/ui-api${path}`));
const page = async (conn: TestOrg['conn'], path: string): Promise<RecordPage> => {
  const res = await get(conn, path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as RecordPage;
};
const names = (p: RecordPage): unknown[] => p.records.map((r) => r.fields.Name.value);

// Two users log in over HTTP: slower than jest's default 5 s on a busy machine.
beforeAll(async () => {
  t = await startTestOrg();
  pm = await createUser(t, { alias: 'uilpm', permissionSets: ['Partner_Manager'] });
  ae = await createUser(t, { alias: 'uilae', permissionSets: ['Account_Executive'] });
  const account = (await t.conn.sobject('Account').create({ Name: 'Lyra Partners', Partner_Type__c: 'Reseller' })).id!;
  planIds = [];
  for (const name of ['Lyra plan 1', 'Lyra plan 2', 'Lyra plan 3']) {
    planIds.push((await createPlan(pm.conn, account, name)).plan);
  }
  await createPlan(t.conn, account, 'Admin plan');
  await pm.conn.sobject('Partner_Account_Plan__c').update({ Id: planIds[1], Status__c: 'Partner Review' });
}, 60_000);
afterAll(() => t.close());

describe('list-ui/{objectApiName}', () => {
  it("lists the object's list views with their ids and list-ui urls, paged and searchable", async () => {
    const res = await get(t.conn, '/list-ui/Partner_Account_Plan__c');
    expect(res.status).toBe(200);
    const body = res.body as {
      lists: { apiName: string; id: string; label: string; listUiUrl: string }[];
      objectApiName: string;
      count: number;
      nextPageToken: string | null;
    };
    expect(body).toMatchObject({ objectApiName: 'Partner_Account_Plan__c', count: 3, nextPageToken: null });
    expect(body.lists.map((l) => l.apiName)).toEqual(['All', 'My_Plans', 'Needs_Partner_Review']);
    for (const list of body.lists) expect(list.listUiUrl).toBe(dataPath(`/ui-api/list-ui/${list.id}`));
    const paged = (await get(t.conn, '/list-ui/Partner_Account_Plan__c?pageSize=2')).body as typeof body;
    expect([paged.lists.length, paged.nextPageToken]).toEqual([2, '2']);
    const searched = (await get(t.conn, '/list-ui/Partner_Account_Plan__c?q=review')).body as typeof body;
    expect(searched.lists.map((l) => l.label)).toEqual(['Needs Partner Review']);
  });
});

describe('list-info', () => {
  it("describes a list's columns, filter, order and identity", async () => {
    const res = await get(t.conn, '/list-info/Partner_Account_Plan__c/Needs_Partner_Review');
    expect(res.status).toBe(200);
    const info = res.body as Record<string, unknown> & { displayColumns: unknown[]; listReference: { id: string } };
    expect(info.displayColumns).toEqual([
      { fieldApiName: 'Name', label: 'Plan Name', lookupId: 'Id', sortable: true },
      {
        fieldApiName: 'Partner_Account__r.Name',
        label: 'Partner Account',
        lookupId: 'Partner_Account__c',
        sortable: true,
      },
      { fieldApiName: 'Fiscal_Year__c', label: 'Fiscal Year', lookupId: null, sortable: true },
      { fieldApiName: 'Status__c', label: 'Status', lookupId: null, sortable: true },
      { fieldApiName: 'Overall_Attainment__c', label: 'Overall Attainment', lookupId: null, sortable: true },
      { fieldApiName: 'Next_Review_Date__c', label: 'Next Review Date', lookupId: null, sortable: true },
    ]);
    expect(info).toMatchObject({
      label: 'Needs Partner Review',
      filteredByInfo: [
        { fieldApiName: 'Status__c', label: 'Status', operandLabels: ['Partner Review'], operator: 'Equals' },
      ],
      orderedByInfo: [{ fieldApiName: 'Name', isAscending: true, label: 'Plan Name' }],
      listReference: {
        listViewApiName: 'Needs_Partner_Review',
        objectApiName: 'Partner_Account_Plan__c',
        type: 'listView',
      },
      visibility: 'Public',
      updateable: false,
    });
    expect(info.listReference.id).toMatch(/^00B/);
    expect(typeof info.eTag).toBe('string');
  });

  it('answers the UI API error body for a list or object that does not exist', async () => {
    for (const path of ['/list-info/Partner_Account_Plan__c/No_Such_List', '/list-records/No_Such__c/All']) {
      const res = await get(t.conn, path);
      expect([path, res.status, res.body]).toEqual([
        path,
        404,
        [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
      ]);
    }
  });
});

describe('list-records', () => {
  it("answers a page of records in the Record shape with the list's fields", async () => {
    const all = await page(t.conn, '/list-records/Partner_Account_Plan__c/All');
    expect(names(all)).toEqual(['Admin plan', 'Lyra plan 1', 'Lyra plan 2', 'Lyra plan 3']);
    expect(all).toMatchObject({ count: 4, currentPageToken: '0', nextPageToken: null, pageSize: 50, sortBy: 'Name' });
    const record = all.records[1];
    expect(record).toMatchObject({ apiName: 'Partner_Account_Plan__c', id: planIds[0] });
    expect(record.fields.Partner_Account__c.value).toMatch(/^001/);
    expect((record.fields.Partner_Account__r.value as UiRecord).fields.Name.value).toBe('Lyra Partners');
    expect(record.fields.Status__c).toEqual({ value: 'Draft', displayValue: 'Draft' });
  });

  it('pages with pageSize and the page tokens it answers', async () => {
    const first = await page(t.conn, '/list-records/Partner_Account_Plan__c/All?pageSize=3');
    expect([names(first), first.nextPageToken, first.previousPageToken]).toEqual([
      ['Admin plan', 'Lyra plan 1', 'Lyra plan 2'],
      '3',
      null,
    ]);
    expect(first.nextPageUrl).toContain('pageToken=3');
    const second = await page(
      t.conn,
      `/list-records/Partner_Account_Plan__c/All?pageSize=3&pageToken=${first.nextPageToken}`,
    );
    expect([names(second), second.nextPageToken, second.previousPageToken]).toEqual([['Lyra plan 3'], null, '0']);
    const bad = await get(t.conn, '/list-records/Partner_Account_Plan__c/All?pageToken=abc');
    expect(bad.status).toBe(400);
  });

  it('sorts by sortBy, descending with a minus, and refuses a field it cannot sort by', async () => {
    const sorted = await page(t.conn, '/list-records/Partner_Account_Plan__c/All?sortBy=-Name');
    expect(names(sorted)).toEqual(['Lyra plan 3', 'Lyra plan 2', 'Lyra plan 1', 'Admin plan']);
    expect(sorted.sortBy).toBe('-Name');
    const byStatus = await page(
      t.conn,
      '/list-records/Partner_Account_Plan__c/All?sortBy=Partner_Account_Plan__c.Status__c,Name',
    );
    expect(names(byStatus)).toEqual(['Admin plan', 'Lyra plan 1', 'Lyra plan 3', 'Lyra plan 2']);
    const bad = await get(t.conn, '/list-records/Partner_Account_Plan__c/All?sortBy=Nope__c');
    expect(bad.status).toBe(400);
    expect((bad.body as { errorCode: string }[])[0].errorCode).toBe('INVALID_INPUT');
  });

  it('adds the fields and optionalFields asked for', async () => {
    const withFields = await page(
      t.conn,
      '/list-records/Partner_Account_Plan__c/All?fields=Partner_Account_Plan__c.Period_Start__c&optionalFields=Partner_Account_Plan__c.No_Such__c',
    );
    expect(withFields.records[1].fields.Period_Start__c.value).toBe('2026-01-01');
    expect(withFields.records[1].fields).not.toHaveProperty('No_Such__c');
    const bad = await get(
      t.conn,
      '/list-records/Partner_Account_Plan__c/All?fields=Partner_Account_Plan__c.No_Such__c',
    );
    expect(bad.status).toBe(400);
  });

  it('runs as the caller: Mine is what they own, sharing hides the rest', async () => {
    expect(names(await page(pm.conn, '/list-records/Partner_Account_Plan__c/My_Plans'))).toEqual([
      'Lyra plan 1',
      'Lyra plan 2',
      'Lyra plan 3',
    ]);
    expect(names(await page(t.conn, '/list-records/Partner_Account_Plan__c/My_Plans'))).toEqual(['Admin plan']);
    expect(names(await page(ae.conn, '/list-records/Partner_Account_Plan__c/All'))).toEqual([]);
    expect(names(await page(pm.conn, '/list-records/Partner_Account_Plan__c/Needs_Partner_Review'))).toEqual([
      'Lyra plan 2',
    ]);
  });
});

describe('list-ui with records', () => {
  it('answers info and records by object and list API name, and by list view Id', async () => {
    const byName = (await get(t.conn, '/list-ui/Partner_Account_Plan__c/Needs_Partner_Review?pageSize=1')).body as {
      info: { label: string; listReference: { id: string } };
      records: RecordPage;
    };
    expect(byName.info.label).toBe('Needs Partner Review');
    expect(names(byName.records)).toEqual(['Lyra plan 2']);
    const id = byName.info.listReference.id;
    const byId = (await get(t.conn, `/list-ui/${id}`)).body as typeof byName;
    expect(byId.info).toEqual(byName.info);
    expect(names(byId.records)).toEqual(['Lyra plan 2']);
    const records = await page(t.conn, `/list-records/${id}`);
    expect(names(records)).toEqual(['Lyra plan 2']);
  });
});
