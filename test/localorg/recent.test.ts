/**
 * Recently viewed records: SOQL `FOR VIEW` / `FOR REFERENCE` marks what it returns as viewed by the user;
 * `GET /recent` lists them newest first (with `limit`), `GET sobjects/{Type}` lists those of the type as
 * `recentItems`; deleted records and records the user cannot see are left out; each user has their own.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type TestUser } from '../support/security';

let clock = new Date('2026-03-10T09:00:00.000Z');
const tick = (): void => {
  clock = new Date(clock.getTime() + 60_000);
};
let t: TestOrg;
let pm: TestUser;

interface Item {
  attributes: { type: string; url: string };
  Id: string;
  Name?: string;
}

const recent = async (conn = t.conn, query = ''): Promise<Item[]> =>
  (await rawRequest(conn, 'GET', dataPath(`/recent${query}`))).body as Item[];

beforeAll(async () => {
  t = await startTestOrg({ now: () => clock });
  pm = await createUser(t, { alias: 'recentpm', permissionSets: ['Partner_Manager'] });
});
afterAll(() => t.close());

it('lists what FOR VIEW and FOR REFERENCE queries returned, newest first', async () => {
  expect(await recent()).toEqual([]);
  const created = await t.conn
    .sobject('Account')
    .create([{ Name: 'First', Partner_Type__c: 'Reseller' }, { Name: 'Second' }, { Name: 'Third' }]);
  const [first, second, third] = created.map((r) => (r.success ? r.id : ''));
  // A plain query views nothing.
  await t.conn.query('SELECT Id, Name FROM Account');
  expect(await recent()).toEqual([]);
  tick();
  await t.conn.query(`SELECT Id, Name FROM Account WHERE Id = '${first}' FOR VIEW`);
  tick();
  await t.conn.query(`SELECT Id FROM Account WHERE Id IN ('${second}', '${third}') ORDER BY Name FOR REFERENCE`);
  tick();
  const plan = await createPlan(t.conn, first, 'Recent plan', [10]);
  await t.conn.query(`SELECT Id FROM Partner_Account_Plan__c FOR VIEW`);

  const items = await recent();
  expect(items.map((i) => i.Id)).toEqual([plan.plan, second, third, first]);
  expect(items[0]).toEqual({
    attributes: { type: 'Partner_Account_Plan__c', url: dataPath(`/sobjects/Partner_Account_Plan__c/${plan.plan}`) },
    Id: plan.plan,
    Name: 'Recent plan',
  });
  expect((await recent(t.conn, '?limit=2')).map((i) => i.Id)).toEqual([plan.plan, second]);

  // sobjects/{Type} lists the type's recent items.
  const basic = (await t.conn.request(dataPath('/sobjects/Account'))) as { recentItems: Item[] };
  expect(basic.recentItems.map((i) => i.Name)).toEqual(['Second', 'Third', 'First']);

  // A deleted record leaves the list.
  await t.conn.sobject('Account').destroy(third);
  expect((await recent()).map((i) => i.Id)).toEqual([plan.plan, second, first]);
});

it('keeps each user their own list, with only what they can see', async () => {
  expect(await recent(pm.conn)).toEqual([]);
  // The partner manager views every account; the administrator's private plan stays out of their reach.
  await pm.conn.query('SELECT Id FROM Account FOR VIEW');
  await pm.conn.query('SELECT Id FROM Partner_Account_Plan__c FOR VIEW');
  const items = await recent(pm.conn);
  expect(items.map((i) => i.attributes.type)).toEqual(['Account', 'Account']);
  expect((await recent()).length).toBe(3);
});
