/**
 * Every validation rule and required lookup filter of this repository's data model, enforced by the local
 * org on create, update, collections and upserts (through jsforce), with Salesforce's error shapes:
 * FIELD_CUSTOM_VALIDATION_EXCEPTION with the rule's message and display field, one error per failing
 * rule, and FIELD_FILTER_VALIDATION_EXCEPTION with the filter's message.
 */
import type { SaveResult } from 'jsforce';
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

/** The org's clock: TODAY() is 2026-06-15. */
const NOW = new Date('2026-06-15T10:00:00Z');

let t: TestOrg;
let partner: string;
beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  partner = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;

const validation = (message: string, field?: string): Rec => ({
  errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  message,
  fields: field ? [field] : [],
});

async function create(type: string, fields: Rec): Promise<string> {
  return (await t.conn.sobject(type).create(fields)).id!;
}

/** The whole error array of a failing single-record request. */
async function errorsOf(method: string, path: string, body: Rec): Promise<Rec[]> {
  const response = await rawRequest(t.conn, method, dataPath(path), { body });
  expect(response.status).toBe(400);
  return response.body as Rec[];
}

const planFields = (fields: Rec = {}): Rec => ({
  Name: 'Northwind FY27',
  Partner_Account__c: partner,
  Period_Start__c: '2026-02-01',
  Period_End__c: '2027-01-31',
  ...fields,
});

async function section(): Promise<string> {
  const plan = await create('Partner_Account_Plan__c', planFields());
  return create('Plan_Section__c', { Name: 'Sales', Partner_Account_Plan__c: plan });
}

const targetFields = (sectionId: string, fields: Rec = {}): Rec => ({
  Plan_Section__c: sectionId,
  Metric__c: 'Closed_Won_Revenue',
  Period_Start__c: '2026-02-01',
  Period_End__c: '2026-04-30',
  Target_Value__c: 100000,
  ...fields,
});

describe('Partner_Account_Plan__c', () => {
  it('Period_End_After_Start: an end before the start fails on the end date; the same day passes', async () => {
    const errors = await errorsOf(
      'POST',
      '/sobjects/Partner_Account_Plan__c',
      planFields({ Period_End__c: '2026-01-31' }),
    );
    expect(errors).toEqual([validation('Period end must be on or after period start.', 'Period_End__c')]);
    const id = await create('Partner_Account_Plan__c', planFields({ Period_End__c: '2026-02-01' }));
    const err = await apiError(
      t.conn.sobject('Partner_Account_Plan__c').update({ Id: id, Period_Start__c: '2026-03-01' }),
    );
    expect(err.errorCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(await t.conn.sobject('Partner_Account_Plan__c').retrieve(id)).toMatchObject({
      Period_Start__c: '2026-02-01',
    });
  });

  it('Budget_Not_Negative: a negative budget or actual cost fails on Budget__c; blanks and zero pass', async () => {
    const message = 'Budget and actual cost cannot be negative.';
    expect(await errorsOf('POST', '/sobjects/Partner_Account_Plan__c', planFields({ Budget__c: -1 }))).toEqual([
      validation(message, 'Budget__c'),
    ]);
    expect(await errorsOf('POST', '/sobjects/Partner_Account_Plan__c', planFields({ Actual_Cost__c: -0.01 }))).toEqual([
      validation(message, 'Budget__c'),
    ]);
    await create('Partner_Account_Plan__c', planFields({ Budget__c: 0, Actual_Cost__c: 0 }));
    await create('Partner_Account_Plan__c', planFields({ Budget__c: null, Actual_Cost__c: null }));
  });

  it('reports every failing rule of one record at once', async () => {
    const errors = await errorsOf(
      'POST',
      '/sobjects/Partner_Account_Plan__c',
      planFields({ Budget__c: -5, Period_End__c: '2025-12-31' }),
    );
    expect(errors).toEqual([
      validation('Budget and actual cost cannot be negative.', 'Budget__c'),
      validation('Period end must be on or after period start.', 'Period_End__c'),
    ]);
  });

  it('enforces the required lookup filter: the partner account must have a Partner Type', async () => {
    const customer = await create('Account', { Name: 'Plain Customer' });
    const errors = await errorsOf(
      'POST',
      '/sobjects/Partner_Account_Plan__c',
      planFields({ Partner_Account__c: customer }),
    );
    expect(errors).toEqual([
      {
        errorCode: 'FIELD_FILTER_VALIDATION_EXCEPTION',
        message: 'Choose a partner account (an account with a Partner Type).',
        fields: ['Partner_Account__c'],
      },
    ]);
    // On update too, and before validation rules.
    const id = await create('Partner_Account_Plan__c', planFields());
    const err = await apiError(
      t.conn.sobject('Partner_Account_Plan__c').update({ Id: id, Partner_Account__c: customer, Budget__c: -1 }),
    );
    expect(err.errorCode).toBe('FIELD_FILTER_VALIDATION_EXCEPTION');
  });

  it('does not enforce the optional lookup filter on Opportunity.Partner_Account__c', async () => {
    const customer = await create('Account', { Name: 'Another Customer' });
    await create('Opportunity', {
      Name: 'Deal',
      StageName: 'Prospecting',
      CloseDate: '2026-09-30',
      Partner_Account__c: customer,
    });
  });
});

describe('Plan_Section__c', () => {
  it('Budget_Not_Negative', async () => {
    const plan = await create('Partner_Account_Plan__c', planFields());
    const fields = { Name: 'Marketing', Partner_Account_Plan__c: plan };
    expect(await errorsOf('POST', '/sobjects/Plan_Section__c', { ...fields, Budget__c: -100 })).toEqual([
      validation('Budget cannot be negative.', 'Budget__c'),
    ]);
    await create('Plan_Section__c', { ...fields, Budget__c: 0 });
  });
});

describe('Plan_Target__c', () => {
  let sectionId: string;
  beforeAll(async () => {
    sectionId = await section();
  });

  it('Period_End_After_Start', async () => {
    expect(
      await errorsOf('POST', '/sobjects/Plan_Target__c', targetFields(sectionId, { Period_End__c: '2026-01-31' })),
    ).toEqual([validation('Period end must be on or after period start.', 'Period_End__c')]);
  });

  it('Target_Value_Not_Negative', async () => {
    expect(
      await errorsOf('POST', '/sobjects/Plan_Target__c', targetFields(sectionId, { Target_Value__c: -1 })),
    ).toEqual([validation('Target value cannot be negative.', 'Target_Value__c')]);
    await create('Plan_Target__c', targetFields(sectionId, { Target_Value__c: 0 }));
  });

  it('Weight_Positive: zero or less fails; the default weight of 1 passes; a blank weight is not compared', async () => {
    for (const weight of [0, -0.5]) {
      expect(
        await errorsOf('POST', '/sobjects/Plan_Target__c', targetFields(sectionId, { Weight__c: weight })),
      ).toEqual([validation('Weight must be greater than zero.', 'Weight__c')]);
    }
    const id = await create('Plan_Target__c', targetFields(sectionId));
    expect(await t.conn.sobject('Plan_Target__c').retrieve(id)).toMatchObject({ Weight__c: 1 });
    await create('Plan_Target__c', targetFields(sectionId, { Weight__c: null }));
  });

  describe('Revision_Reason_Required', () => {
    const message = 'Give a new revision reason when you change a target that has an accepted baseline.';

    it('without a baseline, the target value changes freely', async () => {
      const id = await create('Plan_Target__c', targetFields(sectionId));
      await t.conn.sobject('Plan_Target__c').update({ Id: id, Target_Value__c: 120000 });
    });

    it('a target created with a baseline needs no reason (the rule skips new records)', async () => {
      await create('Plan_Target__c', targetFields(sectionId, { Baseline_Target_Value__c: 100000 }));
    });

    it('after a baseline, the first change needs a reason and a second change needs a new one', async () => {
      const id = await create('Plan_Target__c', targetFields(sectionId));
      // Baselining alone changes no target value.
      await t.conn.sobject('Plan_Target__c').update({ Id: id, Baseline_Target_Value__c: 100000 });
      expect(await errorsOf('PATCH', `/sobjects/Plan_Target__c/${id}`, { Target_Value__c: 110000 })).toEqual([
        validation(message, 'Revision_Reason__c'),
      ]);
      await t.conn
        .sobject('Plan_Target__c')
        .update({ Id: id, Target_Value__c: 110000, Revision_Reason__c: 'New product line added' });
      // The old reason does not cover a second change.
      expect(await errorsOf('PATCH', `/sobjects/Plan_Target__c/${id}`, { Target_Value__c: 115000 })).toEqual([
        validation(message, 'Revision_Reason__c'),
      ]);
      await t.conn
        .sobject('Plan_Target__c')
        .update({ Id: id, Target_Value__c: 115000, Revision_Reason__c: 'Partner hired two reps' });
      // Other fields change without a reason; clearing the reason while changing the value fails.
      await t.conn.sobject('Plan_Target__c').update({ Id: id, Weight__c: 2 });
      expect(
        await errorsOf('PATCH', `/sobjects/Plan_Target__c/${id}`, { Target_Value__c: 90000, Revision_Reason__c: null }),
      ).toEqual([validation(message, 'Revision_Reason__c')]);
      expect(await t.conn.sobject('Plan_Target__c').retrieve(id)).toMatchObject({
        Target_Value__c: 115000,
        Revision_Reason__c: 'Partner hired two reps',
        Weight__c: 2,
      });
    });
  });
});

describe('APR_Action__c', () => {
  const action = (fields: Rec = {}): Rec => ({ Action_Type__c: 'Joint Call', Action_Date__c: '2026-06-15', ...fields });

  it('Action_Date_Not_In_Future: tomorrow fails, today passes', async () => {
    expect(await errorsOf('POST', '/sobjects/APR_Action__c', action({ Action_Date__c: '2026-06-16' }))).toEqual([
      validation('Log actions that happened: the action date cannot be in the future.', 'Action_Date__c'),
    ]);
    await create('APR_Action__c', action());
  });

  it('Quantity_At_Least_One: zero and an explicit blank fail; the default of 1 passes', async () => {
    for (const quantity of [0, null]) {
      expect(await errorsOf('POST', '/sobjects/APR_Action__c', action({ Quantity__c: quantity }))).toEqual([
        validation('Quantity must be at least 1.', 'Quantity__c'),
      ]);
    }
    const id = await create('APR_Action__c', action());
    expect(await t.conn.sobject('APR_Action__c').retrieve(id)).toMatchObject({ Quantity__c: 1 });
  });

  it('Cost_Not_Negative', async () => {
    expect(await errorsOf('POST', '/sobjects/APR_Action__c', action({ Cost__c: -20 }))).toEqual([
      validation('Cost cannot be negative.', 'Cost__c'),
    ]);
    await create('APR_Action__c', action({ Cost__c: 0 }));
  });
});

describe('in collections and upserts', () => {
  const action = (fields: Rec): Rec => ({ Action_Type__c: 'Demo', Action_Date__c: '2026-06-01', ...fields });

  it('checks each record of a collection on its own', async () => {
    const results = (await t.conn
      .sobject('APR_Action__c')
      .create([action({ Cost__c: 10 }), action({ Cost__c: -1, Quantity__c: 0 }), action({})])) as SaveResult[];
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect((results[1] as unknown as { errors: Rec[] }).errors).toEqual([
      { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Cost cannot be negative.', fields: ['Cost__c'] },
      {
        statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: 'Quantity must be at least 1.',
        fields: ['Quantity__c'],
      },
    ]);
  });

  it('rolls the whole collection back with allOrNone', async () => {
    const response = await rawRequest(t.conn, 'POST', dataPath('/composite/sobjects'), {
      body: {
        allOrNone: true,
        records: [
          { attributes: { type: 'APR_Action__c' }, ...action({ External_Key__c: 'aon-1' }) },
          { attributes: { type: 'APR_Action__c' }, ...action({ Action_Date__c: '2027-01-01' }) },
        ],
      },
    });
    const results = response.body as { success: boolean; errors: Rec[] }[];
    expect(results[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(results[1].errors[0].statusCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect((await t.conn.query(`SELECT Id FROM APR_Action__c WHERE External_Key__c = 'aon-1'`)).totalSize).toBe(0);
  });

  it('checks upserts by external id, both as an insert and as an update', async () => {
    const upsert = (fields: Rec) =>
      rawRequest(t.conn, 'PATCH', dataPath('/sobjects/APR_Action__c/External_Key__c/ups-1'), { body: action(fields) });
    const refused = await upsert({ Cost__c: -3 });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual([validation('Cost cannot be negative.', 'Cost__c')]);
    expect((await upsert({ Cost__c: 3 })).status).toBe(201);
    const update = await upsert({ Quantity__c: 0 });
    expect(update.body).toEqual([validation('Quantity must be at least 1.', 'Quantity__c')]);
  });

  it('checks collection upserts per record', async () => {
    const results = await t.conn.sobject('APR_Action__c').upsert(
      [
        { ...action({ Cost__c: 1 }), External_Key__c: 'ups-2' },
        { ...action({ Action_Date__c: '2030-01-01' }), External_Key__c: 'ups-3' },
      ],
      'External_Key__c',
    );
    expect(results.map((r) => r.success)).toEqual([true, false]);
    expect((results[1] as unknown as { errors: Rec[] }).errors[0]).toMatchObject({
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      fields: ['Action_Date__c'],
    });
  });
});
