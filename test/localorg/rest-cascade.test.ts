/**
 * Deletes and their consequences: master-detail children cascade (recursively), lookups pointing at a
 * deleted record are cleared, Restrict lookups block the delete; roll-up summaries follow every child
 * insert, update, reparent-free move of values, delete and cascade.
 */
import { apiError, LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;
const get = async (type: string, id: string): Promise<Rec> => (await t.conn.sobject(type).retrieve(id)) as Rec;
const isDeleted = (table: string, id: string): boolean =>
  (t.org.storage.db.prepare(`SELECT "IsDeleted" FROM "${table}" WHERE "Id" = ?`).get(id) as { IsDeleted: number })
    .IsDeleted === 1;

async function tree(): Promise<{ plan: string; sections: string[]; targets: string[] }> {
  const plan = (await t.conn.sobject('Plan__c').create({ Name: 'Tree' })).id!;
  const sections = (
    await t.conn.sobject('Section__c').create([
      { Name: 'S1', Plan__c: plan, Budget__c: 100 },
      { Name: 'S2', Plan__c: plan, Budget__c: 50.5 },
    ])
  ).map((r) => r.id!);
  const targets = (
    await t.conn.sobject('Target__c').create([
      { Section__c: sections[0], Value__c: 10, Status__c: 'Behind' },
      { Section__c: sections[0], Value__c: 20, Status__c: 'On Track' },
      { Section__c: sections[1], Value__c: 5, Status__c: 'Behind' },
    ])
  ).map((r) => r.id!);
  return { plan, sections, targets };
}

describe('roll-up summaries', () => {
  it('count, sum, max and filtered count follow inserts, updates and deletes, up two levels', async () => {
    const { plan, sections, targets } = await tree();
    expect(await get('Section__c', sections[0])).toMatchObject({
      Target_Total__c: 30,
      Max_Value__c: 20,
      Targets_Behind__c: 1,
    });
    expect(await get('Section__c', sections[1])).toMatchObject({
      Target_Total__c: 5,
      Max_Value__c: 5,
      Targets_Behind__c: 1,
    });
    // The plan sums the sections' own roll-up: a roll-up of a roll-up.
    expect(await get('Plan__c', plan)).toMatchObject({
      Section_Count__c: 2,
      Section_Budget__c: 150.5,
      Target_Total__c: 35,
    });

    await t.conn.sobject('Target__c').update({ Id: targets[1], Value__c: 40, Status__c: 'Behind' });
    expect(await get('Section__c', sections[0])).toMatchObject({
      Target_Total__c: 50,
      Max_Value__c: 40,
      Targets_Behind__c: 2,
    });
    expect(await get('Plan__c', plan)).toMatchObject({ Target_Total__c: 55 });

    await t.conn.sobject('Target__c').destroy(targets[0]);
    expect(await get('Section__c', sections[0])).toMatchObject({
      Target_Total__c: 40,
      Max_Value__c: 40,
      Targets_Behind__c: 1,
    });

    await t.conn.sobject('Section__c').destroy(sections[1]);
    expect(await get('Plan__c', plan)).toMatchObject({
      Section_Count__c: 1,
      Section_Budget__c: 100,
      Target_Total__c: 40,
    });
  });

  it('a section without targets sums to 0 and has no maximum', async () => {
    const plan = (await t.conn.sobject('Plan__c').create({ Name: 'Empty' })).id!;
    const section = (await t.conn.sobject('Section__c').create({ Name: 'S', Plan__c: plan })).id!;
    expect(await get('Section__c', section)).toMatchObject({
      Target_Total__c: 0,
      Max_Value__c: null,
      Targets_Behind__c: 0,
    });
  });

  it('collections recompute the master once per record, consistently', async () => {
    const plan = (await t.conn.sobject('Plan__c').create({ Name: 'Bulk' })).id!;
    const sections = Array.from({ length: 150 }, (_, i) => ({ Name: `S${i}`, Plan__c: plan, Budget__c: 2 }));
    await t.conn.sobject('Section__c').create(sections);
    expect(await get('Plan__c', plan)).toMatchObject({ Section_Count__c: 150, Section_Budget__c: 300 });
  });
});

describe('cascade delete', () => {
  it('deletes master-detail children recursively and updates nothing else', async () => {
    const { plan, sections, targets } = await tree();
    const other = (await t.conn.sobject('Plan__c').create({ Name: 'Other' })).id!;
    await t.conn.sobject('Plan__c').destroy(plan);
    for (const id of sections) expect(isDeleted('Section__c', id)).toBe(true);
    for (const id of targets) expect(isDeleted('Target__c', id)).toBe(true);
    expect(isDeleted('Plan__c', other)).toBe(false);
    const err = await apiError(t.conn.sobject('Target__c').retrieve(targets[0]));
    expect(err.errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('clears lookups (SetNull) pointing at a deleted record', async () => {
    const plan = (await t.conn.sobject('Plan__c').create({ Name: 'Looked up' })).id!;
    const action = (await t.conn.sobject('Action__c').create({ Name: 'A', Plan__c: plan })).id!;
    await t.conn.sobject('Plan__c').destroy(plan);
    expect((await get('Action__c', action)).Plan__c).toBeNull();
  });

  it('refuses a delete that a Restrict lookup blocks, also through the cascade, and writes nothing', async () => {
    const { plan, sections, targets } = await tree();
    const action = (
      await t.conn.sobject('Action__c').create({ Name: 'Blocking action', Target__c: targets[2], Plan__c: plan })
    ).id!;
    const err = await apiError(t.conn.sobject('Plan__c').destroy(plan));
    expect(err.errorCode).toBe('DELETE_FAILED');
    expect(err.message).toBe(
      'Your attempt to delete Tree could not be completed because it is associated with the following actions.: Blocking action\n',
    );
    expect(isDeleted('Plan__c', plan)).toBe(false);
    expect(isDeleted('Section__c', sections[1])).toBe(false);
    expect((await get('Action__c', action)).Plan__c).toBe(plan);
    await t.conn.sobject('Action__c').destroy(action);
    await t.conn.sobject('Plan__c').destroy(plan);
    expect(isDeleted('Target__c', targets[2])).toBe(true);
  });

  it('refuses to delete an account that a Restrict lookup names, in a collection too', async () => {
    const account = (await t.conn.sobject('Account').create({ Name: 'Partner' })).id!;
    await t.conn.sobject('Plan__c').create({ Name: 'Partner plan', Partner_Account__c: account });
    const [result] = await t.conn.sobject('Account').destroy([account]);
    expect(result.success).toBe(false);
    expect(result.errors[0]).toMatchObject({ statusCode: 'DELETE_FAILED' });
  });

  it('clears standard lookups too (Contact.AccountId)', async () => {
    const account = (await t.conn.sobject('Account').create({ Name: 'Gone' })).id!;
    const contact = (await t.conn.sobject('Contact').create({ LastName: 'Stays', AccountId: account })).id!;
    await t.conn.sobject('Account').destroy(account);
    expect((await get('Contact', contact)).AccountId).toBeNull();
  });
});
