/**
 * The batch write API (`Dml.createMany`/`updateMany`) that sObject Collections and Bulk API ingest share:
 * each record succeeds or fails on its own, a failed record leaves nothing written, outcomes in input order,
 * errors identical to the single-record path, auto-numbers and roll-up summaries as after single writes.
 */
import { Dml, type BatchOutcome, type WriteValues } from '../../packages/localorg/dml';
import { SalesforceError } from '../../packages/localorg/errors';
import type { ObjectSchema } from '../../packages/localorg/schema';
import type { Row } from '../../packages/localorg/sql';
import { failAfterInsert, LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
let dml: Dml;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
  dml = new Dml(t.org.storage);
});
afterAll(() => t.close());

const ctx = () => ({ userId: t.org.adminUserId, apiVersion: '62.0', now: new Date() });
const object = (name: string): ObjectSchema => {
  const obj = t.org.storage.schema.objects.get(name);
  if (!obj) throw new Error(`no ${name}`);
  return obj;
};
/** Write values by field name, as `deserializeRecord` gives them. */
const values = (obj: ObjectSchema, fields: Record<string, string | number | null>): WriteValues =>
  new Map(
    Object.entries(fields).map(([name, value]) => {
      const field = obj.fields.get(name);
      if (!field) throw new Error(`no ${obj.name}.${name}`);
      return [field, value];
    }),
  );
const row = (obj: ObjectSchema, id: string): Row | undefined => t.org.storage.getRow(obj, id);
const idOf = (outcome: BatchOutcome): string => {
  if (!('id' in outcome)) throw outcome.error;
  return outcome.id;
};
const errorOf = (run: () => unknown): SalesforceError => {
  try {
    run();
  } catch (error) {
    if (error instanceof SalesforceError) return error;
    throw error;
  }
  throw new Error('expected a SalesforceError');
};

/** A plan with one section, to hang targets (auto-numbered, rolled up) under. */
function section(): string {
  const plan = dml.create(ctx(), object('Plan__c'), values(object('Plan__c'), { Name: 'Batch plan' }));
  return dml.create(ctx(), object('Section__c'), values(object('Section__c'), { Name: 'S', Plan__c: plan }));
}

describe('createMany', () => {
  it('writes the valid records and reports the failing one in input order, leaving nothing of it', () => {
    const account = object('Account');
    const before = (t.org.storage.db.prepare('SELECT COUNT(*) AS n FROM "Account"').get() as { n: number }).n;
    const outcomes = dml.createMany(ctx(), account, [
      values(account, { Name: 'Batch A' }),
      values(account, { Name: '' }),
      values(account, { Name: 'Batch C' }),
    ]);
    expect(outcomes).toHaveLength(3);
    expect(outcomes[0]).toEqual({ id: expect.any(String), created: true });
    expect(outcomes[2]).toEqual({ id: expect.any(String), created: true });
    expect(row(account, idOf(outcomes[0]))?.Name).toBe('Batch A');
    expect(row(account, idOf(outcomes[2]))?.Name).toBe('Batch C');
    const failed = outcomes[1];
    expect('error' in failed && failed.error.toBody()).toEqual([
      { errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] },
    ]);
    const after = (t.org.storage.db.prepare('SELECT COUNT(*) AS n FROM "Account"').get() as { n: number }).n;
    expect(after).toBe(before + 2);
  });

  it('gives the same error as the single-record path', () => {
    const target = object('Target__c');
    const parent = section();
    const bad = values(target, { Section__c: parent, Value__c: 1, Status__c: 'Nope' });
    const single = errorOf(() => dml.create(ctx(), target, bad));
    const [outcome] = dml.createMany(ctx(), target, [bad]);
    expect('error' in outcome && outcome.error.toBody()).toEqual(single.toBody());
    expect('error' in outcome && outcome.error.status).toBe(single.status);
  });

  it('numbers the saved records consecutively (a failed record takes no auto-number) and rolls up once written', () => {
    const target = object('Target__c');
    const parent = section();
    const outcomes = dml.createMany(ctx(), target, [
      values(target, { Section__c: parent, Value__c: 10, Status__c: 'Behind' }),
      values(target, { Section__c: parent, Status__c: 'Behind' }),
      values(target, { Section__c: parent, Value__c: 5, Status__c: 'On Track' }),
      values(target, { Section__c: parent, Value__c: 7, Status__c: 'Behind' }),
    ]);
    expect(outcomes.map((o) => 'error' in o)).toEqual([false, true, false, false]);
    const names = outcomes
      .filter((o) => 'id' in o)
      .map((o) => Number(/\d+$/.exec(String(row(target, idOf(o))?.Name))?.[0]));
    expect(names).toEqual([names[0], names[0] + 1, names[0] + 2]);
    const summary = row(object('Section__c'), parent);
    expect(summary).toMatchObject({ Target_Total__c: 22, Targets_Behind__c: 2 });
  });

  it('lets exceptions other than SalesforceError through, writing nothing of the batch', () => {
    const account = object('Account');
    class Broken extends Map<never, never> {
      override [Symbol.iterator](): never {
        throw new Error('broken values');
      }
    }
    const batch = [values(account, { Name: 'Before the break' }), new Broken() as unknown as WriteValues];
    expect(() => dml.createMany(ctx(), account, batch)).toThrow('broken values');
    const found = t.org.storage.db.prepare('SELECT COUNT(*) AS n FROM "Account" WHERE "Name" = ?');
    expect(found.get('Before the break')).toEqual({ n: 0 });
  });
});

describe('updateMany', () => {
  it('updates each record on its own and rolls the parent up from the saved ones', () => {
    const target = object('Target__c');
    const parent = section();
    const ids = dml
      .createMany(ctx(), target, [
        values(target, { Section__c: parent, Value__c: 1, Status__c: 'On Track' }),
        values(target, { Section__c: parent, Value__c: 2, Status__c: 'On Track' }),
        values(target, { Section__c: parent, Value__c: 3, Status__c: 'On Track' }),
      ])
      .map(idOf);
    const outcomes = dml.updateMany(ctx(), target, [
      { current: row(target, ids[0])!, values: values(target, { Value__c: 100, Status__c: 'Behind' }) },
      { current: row(target, ids[1])!, values: values(target, { Value__c: 200, Status__c: 'Nope' }) },
      { current: row(target, ids[2])!, values: values(target, { Value__c: 300 }) },
    ]);
    expect(outcomes[0]).toEqual({ id: ids[0], created: false });
    expect(outcomes[2]).toEqual({ id: ids[2], created: false });
    const single = errorOf(() =>
      dml.update(ctx(), target, row(target, ids[1])!, values(target, { Value__c: 200, Status__c: 'Nope' })),
    );
    expect('error' in outcomes[1] && outcomes[1].error.toBody()).toEqual(single.toBody());
    expect(row(target, ids[1])).toMatchObject({ Value__c: 2, Status__c: 'On Track' });
    expect(row(object('Section__c'), parent)).toMatchObject({ Target_Total__c: 402, Targets_Behind__c: 1 });
  });
});

/**
 * A record that fails after writing (here: a failure injected right after its row is inserted) cannot just
 * report its error: the batch is rolled back and redone one savepoint per record, with the same outcomes.
 */
describe('a record failing after it wrote', () => {
  const FAILS = 'Fails after writing';
  beforeEach(() => failAfterInsert(t, FAILS));
  afterEach(() => jest.restoreAllMocks());
  const named = (name: string) =>
    t.org.storage.db.prepare('SELECT "Id" FROM "Account" WHERE "Name" = ? AND "IsDeleted" = 0').all(name);

  it('leaves nothing of it and keeps the records around it, through createMany', () => {
    const account = object('Account');
    const outcomes = dml.createMany(ctx(), account, [
      values(account, { Name: 'Redo A' }),
      values(account, { Name: FAILS }),
      values(account, { Name: 'Redo C' }),
    ]);
    expect('error' in outcomes[1] && outcomes[1].error.toBody()).toEqual([
      { errorCode: 'UNKNOWN_EXCEPTION', message: 'injected after the insert', fields: [] },
    ]);
    expect(named(FAILS)).toEqual([]);
    expect(named('Redo A')).toEqual([{ Id: idOf(outcomes[0]) }]);
    expect(named('Redo C')).toEqual([{ Id: idOf(outcomes[2]) }]);
  });

  it('answers sObject Collections per record as without batches', async () => {
    const results = await t.conn
      .sobject('Account')
      .create([{ Name: 'Redo REST A' }, { Name: FAILS }, { Name: 'Redo REST C' }], { allOrNone: false });
    expect(results[1]).toEqual({
      success: false,
      errors: [{ statusCode: 'UNKNOWN_EXCEPTION', message: 'injected after the insert', fields: [] }],
    });
    expect(named(FAILS)).toEqual([]);
    expect(named('Redo REST A')).toEqual([{ Id: results[0].id }]);
    expect(named('Redo REST C')).toEqual([{ Id: results[2].id }]);
  });
});
