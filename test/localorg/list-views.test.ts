/**
 * The REST API's list view resources, through jsforce as its own tests call them (`sobject.listviews()`,
 * `listview(id).describe()`, `.results()`, `.explain()`): the package's list views and the standard ones of
 * a scratch org, stable 00B Ids, the SOQL a view compiles to, results run as the caller (Mine is what they
 * own, sharing and object permissions apply), paging, recent list views, and the documented errors.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type TestUser } from '../support/security';

interface ListViewSummary {
  id: string;
  label: string;
  developerName: string;
  describeUrl: string;
  resultsUrl: string;
  url: string;
  soqlCompatible: boolean;
}
interface ListViews {
  done: boolean;
  listviews: ListViewSummary[];
  nextRecordsUrl: string | null;
  size: number;
  sobjectType: string;
}
interface Column {
  fieldNameOrPath: string;
  label: string;
  selectListItem: string;
  sortIndex: number | null;
  sortable: boolean;
  hidden: boolean;
  type: string;
}
interface Results {
  columns: Column[];
  developerName: string;
  done: boolean;
  id: string;
  label: string;
  size: number;
  records: { columns: { fieldNameOrPath: string; value: string | null }[] }[];
}

let clock = new Date('2026-03-10T09:00:00.000Z');
let t: TestOrg;
let pm: TestUser;
let otherPm: TestUser;
let ae: TestUser;
let account: string;
let plans: { mine: string; review: string; others: string };

const views = async (conn: TestOrg['conn'], type: string): Promise<ListViews> =>
  (await conn.sobject(type).listviews()) as unknown as ListViews;
const viewId = async (conn: TestOrg['conn'], type: string, developerName: string): Promise<string> => {
  const found = (await views(conn, type)).listviews.find((v) => v.developerName === developerName);
  if (!found) throw new Error(`no list view ${developerName} on ${type}`);
  return found.id;
};
const results = async (conn: TestOrg['conn'], type: string, developerName: string, query = ''): Promise<Results> => {
  const id = await viewId(conn, type, developerName);
  return (await conn.request(dataPath(`/sobjects/${type}/listviews/${id}/results${query}`))) as Results;
};
/** The Name cell of each result row. */
const names = (r: Results): (string | null)[] =>
  r.records.map((row) => row.columns.find((c) => c.fieldNameOrPath === 'Name')?.value ?? null);

// Three users log in over HTTP: slower than jest's default 5 s on a busy machine.
beforeAll(async () => {
  t = await startTestOrg({ now: () => clock });
  pm = await createUser(t, { alias: 'lvpm', permissionSets: ['Partner_Manager'] });
  otherPm = await createUser(t, { alias: 'lvpm2', permissionSets: ['Partner_Manager'] });
  ae = await createUser(t, { alias: 'lvae', permissionSets: ['Account_Executive'] });
  account = (await t.conn.sobject('Account').create({ Name: 'Vega Partners', Partner_Type__c: 'Reseller' })).id!;
  const mine = (await createPlan(pm.conn, account, 'Vega plan A')).plan;
  const review = (await createPlan(pm.conn, account, 'Vega plan B')).plan;
  const others = (await createPlan(otherPm.conn, account, 'Vega plan C')).plan;
  await pm.conn.sobject('Partner_Account_Plan__c').update({ Id: review, Status__c: 'Partner Review' });
  plans = { mine, review, others };
}, 60_000);
afterAll(() => t.close());

describe('listviews', () => {
  it("lists the package's list views of an object with stable 00B Ids and their urls", async () => {
    const list = await views(t.conn, 'Partner_Account_Plan__c');
    expect(list).toMatchObject({ done: true, nextRecordsUrl: null, size: 3, sobjectType: 'Partner_Account_Plan__c' });
    expect(list.listviews.map((v) => [v.developerName, v.label])).toEqual([
      ['All', 'All'],
      ['My_Plans', 'My Plans'],
      ['Needs_Partner_Review', 'Needs Partner Review'],
    ]);
    for (const v of list.listviews) {
      expect(v.id).toMatch(/^00B[a-zA-Z0-9]{15}$/);
      const url = dataPath(`/sobjects/Partner_Account_Plan__c/listviews/${v.id}`);
      expect(v).toEqual({
        ...v,
        url,
        describeUrl: `${url}/describe`,
        resultsUrl: `${url}/results`,
        soqlCompatible: true,
      });
    }
    expect(new Set(list.listviews.map((v) => v.id)).size).toBe(3);
    // The same list view has the same Id in another org started from the same project.
    const other = await startTestOrg();
    try {
      expect((await views(other.conn, 'Partner_Account_Plan__c')).listviews.map((v) => v.id)).toEqual(
        list.listviews.map((v) => v.id),
      );
    } finally {
      await other.close();
    }
  }, 20_000);

  it("gives standard objects a scratch org's standard list views", async () => {
    const accounts = await views(t.conn, 'Account');
    expect(accounts.listviews.map((v) => v.developerName)).toEqual(
      expect.arrayContaining(['AllAccounts', 'MyAccounts', 'NewThisWeek']),
    );
    const opportunities = await views(t.conn, 'Opportunity');
    expect(opportunities.listviews.map((v) => v.label)).toEqual(
      expect.arrayContaining(['All Opportunities', 'My Opportunities', 'Closing This Month', 'Won']),
    );
  });

  it('answers one list view by Id, and 404 for an Id or object that names none', async () => {
    const id = await viewId(t.conn, 'Partner_Account_Plan__c', 'My_Plans');
    const one = await t.conn.request(dataPath(`/sobjects/Partner_Account_Plan__c/listviews/${id}`));
    expect(one).toMatchObject({
      id,
      developerName: 'My_Plans',
      label: 'My Plans',
      sobjectType: 'Partner_Account_Plan__c',
    });
    // An 15-character Id names the same view.
    const short = await t.conn.request(
      dataPath(`/sobjects/Partner_Account_Plan__c/listviews/${id.slice(0, 15)}/describe`),
    );
    expect(short).toMatchObject({ id });
    const notFound = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] }];
    for (const path of [
      `/sobjects/Partner_Account_Plan__c/listviews/00B000000000000AAA/results`,
      // A list view of another object is not one of this object's.
      `/sobjects/Account/listviews/${id}/describe`,
      `/sobjects/No_Such_Object__c/listviews`,
    ]) {
      const res = await rawRequest(t.conn, 'GET', dataPath(path));
      expect([path, res.status, res.body]).toEqual([path, 404, notFound]);
    }
    // Never misread as an upsert by external Id (`sobjects/{Type}/{field}/{value}`).
    const post = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Partner_Account_Plan__c/listviews/${id}`), {
      body: {},
    });
    expect(post.status).toBe(405);
  });

  it('refuses the list views of an object the caller cannot read', async () => {
    const standard = await createUser(t, { alias: 'lvstd' });
    const res = await rawRequest(standard.conn, 'GET', dataPath('/sobjects/Partner_Account_Plan__c/listviews'));
    expect(res.status).toBe(404);
  }, 20_000);
});

describe('describe', () => {
  it('answers the SOQL a list view compiles to, its columns, order, scope and filter', async () => {
    const id = await viewId(t.conn, 'Partner_Account_Plan__c', 'Needs_Partner_Review');
    const describe = (await t.conn.sobject('Partner_Account_Plan__c').listview(id).describe()) as unknown as {
      columns: Column[];
      id: string;
      orderBy: unknown[];
      query: string;
      scope: string;
      sobjectType: string;
      whereCondition: unknown;
    };
    expect(describe).toMatchObject({ id, sobjectType: 'Partner_Account_Plan__c', scope: 'everything' });
    expect(describe.query).toBe(
      'SELECT Name, Partner_Account__r.Name, Fiscal_Year__c, toLabel(Status__c), Overall_Attainment__c, ' +
        'Next_Review_Date__c, Id, CreatedDate, LastModifiedDate, SystemModstamp, OwnerId, Partner_Account__c ' +
        "FROM Partner_Account_Plan__c WHERE Status__c = 'Partner Review' ORDER BY Name ASC NULLS FIRST, Id ASC NULLS FIRST",
    );
    expect(describe.whereCondition).toEqual({ field: 'Status__c', operator: 'equals', values: ['Partner Review'] });
    expect(describe.orderBy).toEqual([
      { fieldNameOrPath: 'Name', nullsPosition: 'first', sortDirection: 'ascending' },
      { fieldNameOrPath: 'Id', nullsPosition: 'first', sortDirection: 'ascending' },
    ]);
    const visible = describe.columns.filter((c) => !c.hidden);
    expect(visible.map((c) => [c.fieldNameOrPath, c.label, c.type])).toEqual([
      ['Name', 'Plan Name', 'string'],
      ['Partner_Account__r.Name', 'Partner Account', 'string'],
      ['Fiscal_Year__c', 'Fiscal Year', 'string'],
      ['Status__c', 'Status', 'picklist'],
      ['Overall_Attainment__c', 'Overall Attainment', 'percent'],
      ['Next_Review_Date__c', 'Next Review Date', 'date'],
    ]);
    expect(visible[0]).toMatchObject({ sortIndex: 0, sortable: true, selectListItem: 'Name' });
    expect(visible[3]).toMatchObject({ sortIndex: null, selectListItem: 'toLabel(Status__c)' });
    // The query runs as it is.
    const run = await t.conn.query(describe.query);
    expect(run.records.map((r) => (r as { Id: string }).Id)).toEqual([plans.review]);
  });

  it('compiles Mine to what the caller owns, and a date literal filter as SOQL', async () => {
    const mine = await viewId(pm.conn, 'Partner_Account_Plan__c', 'My_Plans');
    const describe = (await pm.conn.sobject('Partner_Account_Plan__c').listview(mine).describe()) as unknown as {
      query: string;
      scope: string;
    };
    expect(describe.scope).toBe('mine');
    expect(describe.query).toContain(`WHERE OwnerId = '${pm.id}'`);
    const week = await viewId(t.conn, 'APR_Action__c', 'This_Week');
    const actions = (await t.conn.sobject('APR_Action__c').listview(week).describe()) as unknown as { query: string };
    expect(actions.query).toContain('WHERE Action_Date__c = THIS_WEEK ORDER BY');
    // Behind Pace lists what needs attention while a period is open: behind pace or over budget.
    const behind = await viewId(t.conn, 'Plan_Target__c', 'Behind_Pace');
    const targets = (await t.conn.sobject('Plan_Target__c').listview(behind).describe()) as unknown as {
      query: string;
    };
    expect(targets.query).toContain("WHERE (Pace_Status__c = 'Behind' OR Pace_Status__c = 'Over Budget')");
  });

  it('leaves out the columns the caller cannot read', async () => {
    const id = await viewId(ae.conn, 'Account', 'AllAccounts');
    const admin = (await t.conn.sobject('Account').listview(id).describe()) as unknown as { columns: Column[] };
    const asAe = (await ae.conn.sobject('Account').listview(id).describe()) as unknown as { columns: Column[] };
    expect(admin.columns.length).toBeGreaterThan(0);
    // Every column the AE gets is one the admin gets; none the AE cannot read.
    expect(asAe.columns.map((c) => c.fieldNameOrPath)).toEqual(
      admin.columns.map((c) => c.fieldNameOrPath).filter((p) => asAe.columns.some((c) => c.fieldNameOrPath === p)),
    );
  });
});

describe('results', () => {
  it('runs the list view as the caller: columns, one row of cells per record, in order', async () => {
    const r = await results(t.conn, 'Partner_Account_Plan__c', 'All');
    expect(r).toMatchObject({ developerName: 'All', label: 'All', done: true, size: 3 });
    expect(names(r)).toEqual(['Vega plan A', 'Vega plan B', 'Vega plan C']);
    // Cells follow the columns, visible then hidden.
    expect(r.records[0].columns.map((c) => c.fieldNameOrPath)).toEqual(r.columns.map((c) => c.fieldNameOrPath));
    const cell = (row: Results['records'][number], path: string): string | null =>
      row.columns.find((c) => c.fieldNameOrPath === path)?.value ?? null;
    expect(cell(r.records[0], 'Partner_Account__r.Name')).toBe('Vega Partners');
    expect(cell(r.records[0], 'Id')).toBe(plans.mine);
    expect(cell(r.records[1], 'Status__c')).toBe('Partner Review');
  });

  it('applies the filter: Needs Partner Review shows the plans in review', async () => {
    expect(names(await results(t.conn, 'Partner_Account_Plan__c', 'Needs_Partner_Review'))).toEqual(['Vega plan B']);
  });

  it('shows each user the records they own in a Mine view', async () => {
    expect(names(await results(pm.conn, 'Partner_Account_Plan__c', 'My_Plans'))).toEqual([
      'Vega plan A',
      'Vega plan B',
    ]);
    expect(names(await results(otherPm.conn, 'Partner_Account_Plan__c', 'My_Plans'))).toEqual(['Vega plan C']);
    expect(names(await results(t.conn, 'Partner_Account_Plan__c', 'My_Plans'))).toEqual([]);
  });

  it('applies sharing: an AE sees only the plans shared with them', async () => {
    expect(names(await results(ae.conn, 'Partner_Account_Plan__c', 'All'))).toEqual([]);
    await pm.conn
      .sobject('Partner_Account_Plan__Share')
      .create({ ParentId: plans.mine, UserOrGroupId: ae.id, AccessLevel: 'Read', RowCause: 'Manual' });
    expect(names(await results(ae.conn, 'Partner_Account_Plan__c', 'All'))).toEqual(['Vega plan A']);
  });

  it('pages with limit and offset', async () => {
    const first = await results(t.conn, 'Partner_Account_Plan__c', 'All', '?limit=2');
    expect([names(first), first.size, first.done]).toEqual([['Vega plan A', 'Vega plan B'], 2, false]);
    const rest = await results(t.conn, 'Partner_Account_Plan__c', 'All', '?limit=2&offset=2');
    expect([names(rest), rest.size, rest.done]).toEqual([['Vega plan C'], 1, true]);
    const id = await viewId(t.conn, 'Partner_Account_Plan__c', 'All');
    const bad = await rawRequest(
      t.conn,
      'GET',
      dataPath(`/sobjects/Partner_Account_Plan__c/listviews/${id}/results?limit=0`),
    );
    expect(bad.status).toBe(400);
  });

  it('evaluates relative dates against the org clock', async () => {
    clock = new Date('2026-03-01T09:00:00.000Z');
    await t.conn.sobject('Account').create({ Name: 'Older account' });
    clock = new Date('2026-03-10T09:00:00.000Z');
    await t.conn.sobject('Account').create({ Name: 'Newer account' });
    const thisWeek = names(await results(t.conn, 'Account', 'NewThisWeek'));
    expect(thisWeek).toContain('Newer account');
    expect(thisWeek).not.toContain('Older account');
    expect(names(await results(t.conn, 'Account', 'NewLastWeek'))).toContain('Older account');
  });
});

describe('explain and recent', () => {
  it("explains a list view's query by its Id (query?explain=)", async () => {
    const id = await viewId(t.conn, 'Partner_Account_Plan__c', 'Needs_Partner_Review');
    const explained = (await t.conn.sobject('Partner_Account_Plan__c').listview(id).explain()) as {
      plans: { sobjectType: string; leadingOperationType: string }[];
    };
    expect(explained.plans.length).toBeGreaterThan(0);
    expect(explained.plans[0].sobjectType).toBe('Partner_Account_Plan__c');
  });

  it('lists the list views the caller used last, most recent first (listviews/recent)', async () => {
    const recent = async (user: TestUser): Promise<string[]> =>
      (
        (await user.conn.request(dataPath('/sobjects/Partner_Account_Plan__c/listviews/recent'))) as ListViews
      ).listviews.map((v) => v.developerName);
    await results(otherPm.conn, 'Partner_Account_Plan__c', 'All');
    clock = new Date(clock.getTime() + 1000);
    await results(otherPm.conn, 'Partner_Account_Plan__c', 'Needs_Partner_Review');
    expect((await recent(otherPm)).slice(0, 2)).toEqual(['Needs_Partner_Review', 'All']);
    // Each user has their own.
    const user = await createUser(t, { alias: 'lvrecent', permissionSets: ['Partner_Manager'] });
    expect(await recent(user)).toEqual([]);
    await results(user.conn, 'Partner_Account_Plan__c', 'My_Plans');
    expect(await recent(user)).toEqual(['My_Plans']);
  }, 20_000);
});
