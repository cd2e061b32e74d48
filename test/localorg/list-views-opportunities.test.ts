/**
 * The package's Opportunity list views over the UI API, as an AE's Opportunities tab reads them: My Open
 * Partner Deals (their open deals with a partner), My Stale Partner Deals (no APR action for more than 14
 * days, or none), the formula fields they show (days since the last action, the stale flag) sorted and
 * filtered on, and `list-records`' searchTerm over the list's text columns (the deal, its account and its
 * partner by name), kept across pages.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser, type TestUser } from '../support/security';

interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, { value: unknown; displayValue: string | null }>;
}
interface RecordPage {
  count: number;
  nextPageToken: string | null;
  nextPageUrl: string | null;
  records: UiRecord[];
}

let t: TestOrg;
let ae: TestUser;

const get = async (conn: TestOrg['conn'], path: string): Promise<{ status: number; body: unknown }> =>
  rawRequest(conn, 'GET', dataPath(`/ui-api${path}`));
const page = async (path: string, conn = ae.conn): Promise<RecordPage> => {
  const res = await get(conn, path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as RecordPage;
};
const names = (p: RecordPage): unknown[] => p.records.map((r) => r.fields.Name.value);
const MY_OPEN = '/list-records/Opportunity/My_Open_Partner_Deals';

/** The day `days` from today (UTC, as the org's TODAY()), as an ISO date. */
const day = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestOrg();
  ae = await createUser(t, { alias: 'oppae', permissionSets: ['Account_Executive'] });
  const partner = (await t.conn.sobject('Account').create({ Name: 'Vega Partners', Partner_Type__c: 'Reseller' })).id!;
  const customer = (await t.conn.sobject('Account').create({ Name: 'Orion Foods' })).id!;
  const other = (await t.conn.sobject('Account').create({ Name: 'Lynx 50%_Off' })).id!;
  const deal = (name: string, fields: Record<string, unknown>): Record<string, unknown> => ({
    Name: name,
    AccountId: customer,
    Partner_Account__c: partner,
    OwnerId: ae.id,
    StageName: 'Prospecting',
    ...fields,
  });
  await t.conn.sobject('Opportunity').create([
    deal('Orion – Platform Q1', { CloseDate: day(30), Amount: 5000, Last_APR_Action_Date__c: day(-3) }),
    deal('Orion – Analytics Q1', { CloseDate: day(10), Amount: 20000, Last_APR_Action_Date__c: day(-20) }),
    deal('Orion – Security Q2', { CloseDate: day(60), Amount: 12000 }),
    deal('Lynx – Support Q1', {
      CloseDate: day(20),
      Amount: 800,
      AccountId: other,
      Last_APR_Action_Date__c: day(-14),
    }),
    deal('Orion – Won deal', { CloseDate: day(-5), Amount: 9000, StageName: 'Closed Won' }),
    deal('Orion – No partner', { CloseDate: day(5), Amount: 100, Partner_Account__c: null }),
    deal('Orion – Admin deal', { CloseDate: day(6), Amount: 100, OwnerId: undefined }),
  ]);
}, 60_000);
afterAll(() => t.close());

describe('My Open Partner Deals', () => {
  it("lists the caller's open deals with a partner, with days since the last action and the stale flag", async () => {
    const all = await page(`${MY_OPEN}?sortBy=CloseDate`);
    expect(names(all)).toEqual([
      'Orion – Analytics Q1',
      'Lynx – Support Q1',
      'Orion – Platform Q1',
      'Orion – Security Q2',
    ]);
    const row = (name: string): UiRecord => all.records.find((r) => r.fields.Name.value === name)!;
    expect(row('Orion – Analytics Q1').fields.Days_Since_Last_APR_Action__c.value).toBe(20);
    expect(row('Orion – Platform Q1').fields.Days_Since_Last_APR_Action__c.value).toBe(3);
    expect(row('Orion – Security Q2').fields.Days_Since_Last_APR_Action__c.value).toBeNull();
    // More than 14 days, or never: the coaching view's rule.
    expect(all.records.map((r) => [r.fields.Name.value, r.fields.APR_Stale__c.value])).toEqual([
      ['Orion – Analytics Q1', true],
      ['Lynx – Support Q1', false],
      ['Orion – Platform Q1', false],
      ['Orion – Security Q2', true],
    ]);
    expect((row('Lynx – Support Q1').fields.Partner_Account__r.value as UiRecord).fields.Name.value).toBe(
      'Vega Partners',
    );
  });

  it('describes its columns and filters, and sorts by amount and by days since the last action', async () => {
    const info = (await get(ae.conn, '/list-info/Opportunity/My_Open_Partner_Deals')).body as {
      displayColumns: { fieldApiName: string; label: string }[];
      filteredByInfo: { label: string; operator: string; operandLabels: string[] }[];
    };
    expect(info.displayColumns.map((c) => c.fieldApiName)).toEqual([
      'Name',
      'Account.Name',
      'Partner_Account__r.Name',
      'Amount',
      'StageName',
      'CloseDate',
      'Last_APR_Action_Date__c',
      'Days_Since_Last_APR_Action__c',
      'APR_Stale__c',
    ]);
    expect(info.filteredByInfo.map((f) => [f.label, f.operator])).toEqual([
      ['Closed', 'Equals'],
      ['Partner Account', 'NotEqual'],
    ]);
    expect(names(await page(`${MY_OPEN}?sortBy=-Amount`))).toEqual([
      'Orion – Analytics Q1',
      'Orion – Security Q2',
      'Orion – Platform Q1',
      'Lynx – Support Q1',
    ]);
    // A blank number sorts first ascending, last descending (NULLS FIRST / NULLS LAST).
    expect(names(await page(`${MY_OPEN}?sortBy=Days_Since_Last_APR_Action__c`))).toEqual([
      'Orion – Security Q2',
      'Orion – Platform Q1',
      'Lynx – Support Q1',
      'Orion – Analytics Q1',
    ]);
  });

  it('My Stale Partner Deals filters on the stale flag', async () => {
    expect(names(await page('/list-records/Opportunity/My_Stale_Partner_Deals?sortBy=CloseDate'))).toEqual([
      'Orion – Analytics Q1',
      'Orion – Security Q2',
    ]);
  });
});

describe('list-records searchTerm', () => {
  it('finds records whose name, account or partner contains the term, ignoring case; blank is everything', async () => {
    expect(names(await page(`${MY_OPEN}?sortBy=CloseDate&searchTerm=platform`))).toEqual(['Orion – Platform Q1']);
    expect(names(await page(`${MY_OPEN}?sortBy=CloseDate&searchTerm=LYNX`))).toEqual(['Lynx – Support Q1']);
    // The account's name (a lookup column) and the partner's.
    expect(names(await page(`${MY_OPEN}?sortBy=CloseDate&searchTerm=orion%20foods`))).toEqual([
      'Orion – Analytics Q1',
      'Orion – Platform Q1',
      'Orion – Security Q2',
    ]);
    expect((await page(`${MY_OPEN}?searchTerm=vega`)).count).toBe(4);
    expect((await page(`${MY_OPEN}?searchTerm=%20%20`)).count).toBe(4);
    // Numbers and dates are not searched; the list's own filters still apply.
    expect((await page(`${MY_OPEN}?searchTerm=20000`)).count).toBe(0);
    expect((await page(`${MY_OPEN}?searchTerm=Won`)).count).toBe(0);
  });

  it('takes * and ? as wildcards and % and _ as themselves', async () => {
    expect(names(await page(`${MY_OPEN}?sortBy=CloseDate&searchTerm=${encodeURIComponent('Orion*Q1')}`))).toEqual([
      'Orion – Analytics Q1',
      'Orion – Platform Q1',
    ]);
    expect(names(await page(`${MY_OPEN}?searchTerm=${encodeURIComponent('Q?')}`))).toHaveLength(4);
    expect(names(await page(`${MY_OPEN}?searchTerm=${encodeURIComponent('50%_Off')}`))).toEqual(['Lynx – Support Q1']);
    expect((await page(`${MY_OPEN}?searchTerm=${encodeURIComponent('0_O')}`)).count).toBe(0);
    expect((await page(`${MY_OPEN}?searchTerm=${encodeURIComponent('%')}`)).count).toBe(1);
  });

  it('keeps the term in the next page', async () => {
    const first = await page(`${MY_OPEN}?sortBy=CloseDate&searchTerm=orion&pageSize=2`);
    expect(names(first)).toEqual(['Orion – Analytics Q1', 'Orion – Platform Q1']);
    expect(first.nextPageUrl).toContain('searchTerm=orion');
    const second = await page(
      `${MY_OPEN}?sortBy=CloseDate&searchTerm=orion&pageSize=2&pageToken=${first.nextPageToken}`,
    );
    expect([names(second), second.nextPageToken]).toEqual([['Orion – Security Q2'], null]);
  });
});
