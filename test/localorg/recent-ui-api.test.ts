/**
 * Record views through the UI API: `ui-api/records/{id}` and `ui-api/record-ui/{ids}` read with
 * `updateMru=true` (what a Lightning record page asks for) put the records on that user's recent list
 * (`GET /recent`, `recentItems` of `GET sobjects/{Type}`); without it, or for another user, nothing changes.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser, type TestUser } from '../support/security';

let clock = new Date('2026-04-01T09:00:00.000Z');
const tick = (): void => {
  clock = new Date(clock.getTime() + 60_000);
};
let t: TestOrg;
let other: TestUser;
let first: string;
let second: string;

const recentIds = async (conn = t.conn): Promise<string[]> =>
  ((await rawRequest(conn, 'GET', dataPath('/recent'))).body as { Id: string }[]).map((item) => item.Id);

beforeAll(async () => {
  t = await startTestOrg({ now: () => clock });
  other = await createUser(t, { alias: 'recentui', permissionSets: ['Partner_Manager'] });
  const created = await t.conn.sobject('Account').create([{ Name: 'Viewed One' }, { Name: 'Viewed Two' }]);
  [first, second] = created.map((r) => (r.success ? r.id : ''));
});
afterAll(() => t.close());

it('does not note a UI API read without updateMru', async () => {
  const read = await rawRequest(t.conn, 'GET', dataPath(`/ui-api/records/${first}?fields=Account.Name`));
  expect(read.status).toBe(200);
  expect(await recentIds()).toEqual([]);
});

it('notes records read with updateMru=true, newest first, for that user only', async () => {
  tick();
  await rawRequest(t.conn, 'GET', dataPath(`/ui-api/records/${first}?fields=Account.Name&updateMru=true`));
  tick();
  await rawRequest(t.conn, 'GET', dataPath(`/ui-api/record-ui/${second}?updateMru=true`));
  expect(await recentIds()).toEqual([second, first]);
  const basic = (await t.conn.request(dataPath('/sobjects/Account'))) as { recentItems: { Name: string }[] };
  expect(basic.recentItems.map((item) => item.Name)).toEqual(['Viewed Two', 'Viewed One']);
  expect(await recentIds(other.conn)).toEqual([]);
  // Viewing again moves the record to the top.
  tick();
  await rawRequest(t.conn, 'GET', dataPath(`/ui-api/records/${first}?fields=Account.Name&updateMru=true`));
  expect(await recentIds()).toEqual([first, second]);
});

it('notes nothing for a read that fails', async () => {
  const missing = `${first.slice(0, 3)}000000000000ZZZ`;
  const read = await rawRequest(
    t.conn,
    'GET',
    dataPath(`/ui-api/records/${missing}?fields=Account.Name&updateMru=true`),
  );
  expect(read.status).toBe(404);
  expect(await recentIds()).not.toContain(missing);
});
