/**
 * A record the user cannot see answers exactly as a record that does not exist, and no answer names its Id:
 * external-key references (`Plan_Target__r: { External_Key__c }`, alone and in collections), lookup Ids, and
 * GET, PATCH and DELETE of the record itself (404 NOT_FOUND). Plans are Private: one partner manager
 * cannot see another's plans, sections and targets.
 */
import { makeId } from '../../packages/localorg/ids';
import { dataPath, rawRequest, startTestOrg, type RawResponse, type TestOrg } from '../support/localorg';
import { createPlan, createUser, type PlanIds, type TestUser } from '../support/security';

jest.setTimeout(30_000);

const NOW = new Date('2026-03-31T12:00:00.000Z');
const HIDDEN_KEY = 'TARGET-OF-PM2';
const MISSING_KEY = 'NO-SUCH-TARGET';

let t: TestOrg;
let pm1: TestUser;
let pm2: TestUser;
let hidden: PlanIds;
/** A well-formed Plan_Target__c Id that names no record. */
let missingTarget: string;

beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  pm1 = await createUser(t, { alias: 'pm1', permissionSets: ['Partner_Manager'] });
  pm2 = await createUser(t, { alias: 'pm2', permissionSets: ['Partner_Manager'] });
  const account = (await t.conn.sobject('Account').create({ Name: 'Partner', Partner_Type__c: 'Reseller' })).id!;
  hidden = await createPlan(pm2.conn, account, 'Hidden plan');
  // External keys are set by the administrator (partner managers cannot edit them).
  await t.conn.sobject('Plan_Target__c').update({ Id: hidden.target, External_Key__c: HIDDEN_KEY });
  missingTarget = makeId(hidden.target.slice(0, 3), 999_999);
});
afterAll(() => t.close());

/** The body with a given text replaced, to compare two answers that differ only in the key they echo. */
const withKey = (response: RawResponse, key: string): string => JSON.stringify(response.body).split(key).join('KEY');

/** The hidden record's Ids never appear in an answer to pm1. */
function expectNoHiddenId(response: RawResponse): void {
  const text = JSON.stringify(response.body);
  for (const id of [hidden.plan, hidden.section, hidden.target]) {
    expect(text).not.toContain(id);
    expect(text).not.toContain(id.slice(0, 15));
  }
}

const action = (reference: Record<string, unknown>): Record<string, unknown> => ({
  Action_Date__c: '2026-03-02',
  Action_Type__c: 'Joint Call',
  Quantity__c: 1,
  ...reference,
});

describe('an external-key reference to a record the user cannot see', () => {
  it('answers as one to a key that does not exist, on create', async () => {
    const post = (key: string) =>
      rawRequest(pm1.conn, 'POST', dataPath('/sobjects/APR_Action__c'), {
        body: action({ Plan_Target__r: { External_Key__c: key } }),
      });
    const toHidden = await post(HIDDEN_KEY);
    const toMissing = await post(MISSING_KEY);
    expect(toMissing.status).toBe(400);
    expect(toMissing.body).toEqual([
      {
        errorCode: 'INVALID_FIELD',
        message: `Foreign key external ID: ${MISSING_KEY} not found for field External_Key__c in entity Plan_Target__c`,
        fields: ['Plan_Target__c'],
      },
    ]);
    expect(toHidden.status).toBe(toMissing.status);
    expect(withKey(toHidden, HIDDEN_KEY)).toBe(withKey(toMissing, MISSING_KEY));
    expectNoHiddenId(toHidden);
  });

  it('answers as one to a key that does not exist, in a collection', async () => {
    const collection = await rawRequest(pm1.conn, 'POST', dataPath('/composite/sobjects'), {
      body: {
        allOrNone: false,
        records: [HIDDEN_KEY, MISSING_KEY].map((key) => ({
          attributes: { type: 'APR_Action__c' },
          ...action({ Plan_Target__r: { External_Key__c: key } }),
        })),
      },
    });
    expect(collection.status).toBe(200);
    const [first, second] = collection.body as { success: boolean; errors: unknown[] }[];
    expect(first.success).toBe(false);
    expect(JSON.stringify(first.errors).split(HIDDEN_KEY).join('KEY')).toBe(
      JSON.stringify(second.errors).split(MISSING_KEY).join('KEY'),
    );
    expectNoHiddenId(collection);
  });

  it('is found by the administrator, who can see the record', async () => {
    const created = await rawRequest(t.conn, 'POST', dataPath('/sobjects/APR_Action__c'), {
      body: action({ Plan_Target__r: { External_Key__c: HIDDEN_KEY } }),
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const record = await t.conn.sobject('APR_Action__c').retrieve(id);
    expect(record.Plan_Target__c).toBe(hidden.target);
  });
});

describe('a lookup Id of a record the user cannot see', () => {
  it('answers INVALID_CROSS_REFERENCE_KEY as one that does not exist', async () => {
    const post = (id: string) =>
      rawRequest(pm1.conn, 'POST', dataPath('/sobjects/APR_Action__c'), { body: action({ Plan_Target__c: id }) });
    const toHidden = await post(hidden.target);
    const toMissing = await post(missingTarget);
    const expected = [
      { errorCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: ['Plan_Target__c'] },
    ];
    expect(toMissing).toMatchObject({ status: 400, body: expected });
    expect(toHidden).toMatchObject({ status: 400, body: expected });
  });

  it('is refused on update too, for a parent the user cannot see', async () => {
    const mine = (await pm1.conn.sobject('APR_Action__c').create(action({}))).id!;
    const toHidden = await rawRequest(pm1.conn, 'PATCH', dataPath(`/sobjects/APR_Action__c/${mine}`), {
      body: { Partner_Account_Plan__c: hidden.plan },
    });
    expect(toHidden).toMatchObject({
      status: 400,
      body: [
        {
          errorCode: 'INVALID_CROSS_REFERENCE_KEY',
          message: 'invalid cross reference id',
          fields: ['Partner_Account_Plan__c'],
        },
      ],
    });
  });
});

describe('the hidden record itself', () => {
  it.each(['GET', 'PATCH', 'DELETE'])('answers %s with 404 NOT_FOUND, as a missing record', async (method) => {
    const send = (id: string) =>
      rawRequest(pm1.conn, method, dataPath(`/sobjects/Plan_Target__c/${id}`), {
        body: method === 'PATCH' ? { Target_Value__c: 1 } : undefined,
      });
    const toHidden = await send(hidden.target);
    const toMissing = await send(missingTarget);
    expect(toMissing.status).toBe(404);
    expect(toHidden.status).toBe(404);
    expect(toHidden.body).toEqual(toMissing.body);
    expect(toHidden.body).toEqual([
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] },
    ]);
  });

  it.each(['PATCH', 'DELETE'])('answers %s in sObject Collections as a missing record, per record', async (method) => {
    const send = (id: string) =>
      method === 'PATCH'
        ? rawRequest(pm1.conn, 'PATCH', dataPath('/composite/sobjects'), {
            body: { records: [{ attributes: { type: 'Plan_Target__c' }, id, Target_Value__c: 1 }] },
          })
        : rawRequest(pm1.conn, 'DELETE', dataPath(`/composite/sobjects?ids=${id}`));
    const toHidden = await send(hidden.target);
    const toMissing = await send(missingTarget);
    expect(toHidden.status).toBe(200);
    expect(withKey(toHidden, hidden.target)).toBe(withKey(toMissing, missingTarget));
    expect((toHidden.body as { errors: { statusCode: string }[] }[])[0].errors[0].statusCode).toBe(
      'INVALID_CROSS_REFERENCE_KEY',
    );
  });

  it('is left untouched by those requests', async () => {
    const target = await t.conn.sobject('Plan_Target__c').retrieve(hidden.target);
    expect(target.Target_Value__c).toBe(1000);
  });

  it('answers a composite subrequest that edits it as not found, without its Id', async () => {
    const response = await rawRequest(pm1.conn, 'POST', dataPath('/composite'), {
      body: {
        compositeRequest: [
          {
            method: 'PATCH',
            url: dataPath(`/sobjects/Plan_Target__c/${hidden.target}`),
            referenceId: 'edit',
            body: { Weight__c: 9 },
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    const [sub] = (response.body as { compositeResponse: { httpStatusCode: number; body: unknown }[] })
      .compositeResponse;
    expect(sub.httpStatusCode).toBe(404);
    expectNoHiddenId(response);
  });
});
