/**
 * Composite (`/composite`) and sObject Tree (`/composite/tree/{Type}`) against this repository's data model:
 * references between subrequests, allOrNone both ways, the subrequest limits, nested record trees with
 * their all-or-nothing answer, and Salesforce's response shapes.
 */
import { dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;
interface SubResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string | null;
}

const v = dataPath('');

async function compositeCall(
  body: Rec,
): Promise<{ status: number; results: SubResult[]; headers: Record<string, string> }> {
  const response = await rawRequest(t.conn, 'POST', dataPath('/composite'), { body });
  return {
    status: response.status,
    results: (response.body as { compositeResponse: SubResult[] }).compositeResponse,
    headers: response.headers,
  };
}

async function count(soql: string): Promise<number> {
  return (await t.conn.query(soql)).totalSize;
}

describe('composite', () => {
  it('runs subrequests in order, passing results on through references', async () => {
    const { status, results } = await compositeCall({
      compositeRequest: [
        {
          method: 'POST',
          url: `${v}/sobjects/Account`,
          referenceId: 'refAccount',
          body: { Name: 'Composite Partner', Partner_Type__c: 'Reseller' },
        },
        {
          method: 'POST',
          url: `${v}/sobjects/Contact`,
          referenceId: 'refContact',
          body: { LastName: 'Ng', AccountId: '@{refAccount.id}', Title: 'Contact of @{refAccount.id}' },
        },
        {
          method: 'GET',
          url: `${v}/query?q=SELECT+Id,Name+FROM+Account+WHERE+Id='@{refAccount.id}'`,
          referenceId: 'refQuery',
        },
        {
          method: 'PATCH',
          url: `${v}/sobjects/Account/@{refQuery.records[0].Id}`,
          referenceId: 'refUpdate',
          body: { Industry: 'Technology' },
        },
        { method: 'GET', url: `${v}/sobjects/Contact/@{refContact.id}?fields=AccountId,Title`, referenceId: 'refRead' },
      ],
    });
    expect(status).toBe(200);
    const [account, contact, query, update, read] = results;
    const accountId = (account.body as { id: string }).id;
    expect(account).toEqual({
      body: { id: accountId, success: true, errors: [] },
      httpHeaders: { Location: `${v}/sobjects/Account/${accountId}` },
      httpStatusCode: 201,
      referenceId: 'refAccount',
    });
    expect(contact.httpStatusCode).toBe(201);
    expect((query.body as { records: Rec[] }).records[0]).toMatchObject({ Id: accountId, Name: 'Composite Partner' });
    expect(update).toEqual({ body: null, httpHeaders: {}, httpStatusCode: 204, referenceId: 'refUpdate' });
    expect(read.body).toMatchObject({ AccountId: accountId, Title: `Contact of ${accountId}` });
    expect(await t.conn.sobject('Account').retrieve(accountId)).toMatchObject({ Industry: 'Technology' });
  });

  it('with allOrNone, rolls everything back and halts the other subrequests', async () => {
    const { status, results } = await compositeCall({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${v}/sobjects/Account`, referenceId: 'first', body: { Name: 'Rolled Back Co' } },
        { method: 'POST', url: `${v}/sobjects/Contact`, referenceId: 'bad', body: { FirstName: 'No last name' } },
        { method: 'POST', url: `${v}/sobjects/Account`, referenceId: 'after', body: { Name: 'Never Written Co' } },
      ],
    });
    expect(status).toBe(200);
    const halted = (referenceId: string): SubResult => ({
      body: [
        {
          errorCode: 'PROCESSING_HALTED',
          message: 'The transaction was rolled back since another operation in the same transaction failed.',
        },
      ],
      httpHeaders: {},
      httpStatusCode: 400,
      referenceId,
    });
    expect(results).toEqual([
      halted('first'),
      {
        body: [
          {
            errorCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [LastName]',
            fields: ['LastName'],
          },
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: 'bad',
      },
      halted('after'),
    ]);
    expect(await count(`SELECT Id FROM Account WHERE Name IN ('Rolled Back Co', 'Never Written Co')`)).toBe(0);
  });

  it('without allOrNone, keeps what succeeded and skips only the subrequests that depend on a failure', async () => {
    const { results } = await compositeCall({
      allOrNone: false,
      collateSubrequests: false,
      compositeRequest: [
        { method: 'POST', url: `${v}/sobjects/Account`, referenceId: 'kept', body: { Name: 'Kept Co' } },
        { method: 'POST', url: `${v}/sobjects/Account`, referenceId: 'refBad', body: { Nope__c: 1 } },
        {
          method: 'POST',
          url: `${v}/sobjects/Contact`,
          referenceId: 'dependent',
          body: { LastName: 'X', AccountId: '@{refBad.id}' },
        },
        {
          method: 'POST',
          url: `${v}/sobjects/Contact`,
          referenceId: 'independent',
          body: { LastName: 'Y', AccountId: '@{kept.id}' },
        },
      ],
    });
    expect(results.map((r) => r.httpStatusCode)).toEqual([201, 400, 400, 201]);
    expect(results[1].body).toEqual([
      { errorCode: 'INVALID_FIELD', message: "No such column 'Nope__c' on sobject of type Account", fields: [] },
    ]);
    expect(results[2].body).toEqual([
      {
        errorCode: 'PROCESSING_HALTED',
        message: 'Invalid reference specified. No value for refBad.id found in refBad.',
      },
    ]);
    expect(await count(`SELECT Id FROM Contact WHERE Account.Name = 'Kept Co'`)).toBe(1);
  });

  it('runs validation rules in subrequests and sObject Collections subrequests', async () => {
    const { results } = await compositeCall({
      compositeRequest: [
        {
          method: 'POST',
          url: `${v}/composite/sobjects`,
          referenceId: 'actions',
          body: {
            records: [
              { attributes: { type: 'APR_Action__c' }, Action_Type__c: 'Demo', Action_Date__c: '2026-01-10' },
              {
                attributes: { type: 'APR_Action__c' },
                Action_Type__c: 'Demo',
                Action_Date__c: '2026-01-10',
                Cost__c: -1,
              },
            ],
          },
        },
        {
          method: 'PATCH',
          url: `${v}/sobjects/APR_Action__c/@{actions[0].id}`,
          referenceId: 'fix',
          body: { Quantity__c: 0 },
        },
      ],
    });
    const saved = results[0].body as { success: boolean; errors: Rec[] }[];
    expect(saved.map((r) => r.success)).toEqual([true, false]);
    expect(saved[1].errors[0]).toMatchObject({ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' });
    expect(results[1].body).toEqual([
      {
        errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: 'Quantity must be at least 1.',
        fields: ['Quantity__c'],
      },
    ]);
  });

  it('counts as one API call', async () => {
    const before = Number(
      /api-usage=(\d+)/.exec((await compositeCall({ compositeRequest: [] })).headers['sforce-limit-info'])![1],
    );
    const { headers } = await compositeCall({
      compositeRequest: [1, 2, 3].map((i) => ({
        method: 'GET',
        url: `${v}/sobjects/Account/describe`,
        referenceId: `d${i}`,
      })),
    });
    expect(headers['sforce-limit-info']).toBe(`api-usage=${before + 1}/15000`);
  });

  it('answers LIMIT_EXCEEDED over 25 subrequests or over 5 queries and collections', async () => {
    const describe = (i: number) => ({ method: 'GET', url: `${v}/sobjects/Account/describe`, referenceId: `r${i}` });
    const tooMany = await compositeCall({ compositeRequest: Array.from({ length: 26 }, (_, i) => describe(i)) });
    expect(tooMany.status).toBe(200);
    expect(tooMany.results).toEqual([
      {
        body: [{ errorCode: 'LIMIT_EXCEEDED', message: 'The request can’t contain more than 25 operations.' }],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: null,
      },
    ]);
    const queries = Array.from({ length: 6 }, (_, i) => ({
      method: 'GET',
      url: `${v}/query?q=SELECT+Id+FROM+Account`,
      referenceId: `q${i}`,
    }));
    const tooManyQueries = await compositeCall({ compositeRequest: queries });
    expect((tooManyQueries.results[0].body as Rec[])[0]).toMatchObject({ errorCode: 'LIMIT_EXCEEDED' });
    expect((await compositeCall({ compositeRequest: queries.slice(1) })).results.map((r) => r.httpStatusCode)).toEqual([
      200, 200, 200, 200, 200,
    ]);
  });

  it('refuses resources composite does not support, and malformed subrequests', async () => {
    const { results } = await compositeCall({
      compositeRequest: [
        { method: 'POST', url: `${v}/composite/tree/Account`, referenceId: 'nested', body: { records: [] } },
      ],
    });
    expect(results[0]).toMatchObject({ httpStatusCode: 404, body: [{ errorCode: 'NOT_FOUND' }] });
    const badRef = await rawRequest(t.conn, 'POST', dataPath('/composite'), {
      body: { compositeRequest: [{ method: 'GET', url: `${v}/limits`, referenceId: 'has.dot' }] },
    });
    expect(badRef.status).toBe(400);
    expect((badRef.body as Rec[])[0]).toMatchObject({ errorCode: 'INVALID_INPUT' });
  });
});

describe('sObject Tree', () => {
  async function treeCall(type: string, records: Rec[]): Promise<{ status: number; body: Rec }> {
    const response = await rawRequest(t.conn, 'POST', dataPath(`/composite/tree/${type}`), { body: { records } });
    return { status: response.status, body: response.body as Rec };
  }

  it('creates records with nested children, level by level', async () => {
    const { status, body } = await treeCall('Account', [
      {
        attributes: { type: 'Account', referenceId: 'acc1' },
        Name: 'Tree Partner',
        Partner_Type__c: 'Reseller',
        Contacts: { records: [{ attributes: { type: 'Contact', referenceId: 'con1' }, LastName: 'Lee' }] },
        Partner_Account_Plans__r: {
          records: [
            {
              attributes: { type: 'Partner_Account_Plan__c', referenceId: 'plan1' },
              Name: 'Tree Plan',
              Period_Start__c: '2026-01-01',
              Period_End__c: '2026-12-31',
              Plan_Sections__r: {
                records: [
                  {
                    attributes: { type: 'Plan_Section__c', referenceId: 'sec1' },
                    Name: 'Sales',
                    Plan_Targets__r: {
                      records: [
                        {
                          attributes: { type: 'Plan_Target__c', referenceId: 'tgt1' },
                          Metric__c: 'Closed_Won_Revenue',
                          Period_Start__c: '2026-01-01',
                          Period_End__c: '2026-03-31',
                          Target_Value__c: 1000,
                        },
                      ],
                    },
                  },
                ],
              },
            },
          ],
        },
      },
      { attributes: { type: 'Account', referenceId: 'acc2' }, Name: 'Tree Customer' },
    ]);
    expect(status).toBe(201);
    expect(body.hasErrors).toBe(false);
    const results = body.results as { referenceId: string; id: string }[];
    expect(results.map((r) => r.referenceId)).toEqual(['acc1', 'acc2', 'con1', 'plan1', 'sec1', 'tgt1']);
    const id = Object.fromEntries(results.map((r) => [r.referenceId, r.id]));
    const target = await t.conn.query<Rec>(
      `SELECT Plan_Section__r.Partner_Account_Plan__r.Partner_Account__r.Name FROM Plan_Target__c WHERE Id = '${id.tgt1}'`,
    );
    expect(target.records[0]).toMatchObject({
      Plan_Section__r: { Partner_Account_Plan__r: { Partner_Account__r: { Name: 'Tree Partner' } } },
    });
    expect(await t.conn.sobject('Contact').retrieve(id.con1)).toMatchObject({ AccountId: id.acc1 });
  });

  it('writes nothing when a record fails, and names the failing records', async () => {
    const { status, body } = await treeCall('Account', [
      {
        attributes: { type: 'Account', referenceId: 'okAccount' },
        Name: 'Failed Tree Co',
        Contacts: {
          records: [
            { attributes: { type: 'Contact', referenceId: 'okContact' }, LastName: 'Fine' },
            { attributes: { type: 'Contact', referenceId: 'badContact' }, LastName: 'Bad', Email: 'not an email' },
          ],
        },
      },
    ]);
    expect(status).toBe(400);
    expect(body).toEqual({
      hasErrors: true,
      results: [
        {
          referenceId: 'badContact',
          errors: [
            {
              statusCode: 'INVALID_EMAIL_ADDRESS',
              message: 'Email: invalid email address: not an email',
              fields: ['Email'],
            },
          ],
        },
      ],
    });
    expect(await count(`SELECT Id FROM Account WHERE Name = 'Failed Tree Co'`)).toBe(0);
  });

  it('reports validation rules, unknown fields, missing, duplicate and mistyped references per record', async () => {
    const plan = { Name: 'P', Period_Start__c: '2026-02-01', Period_End__c: '2026-01-01' };
    const partner = (await t.conn.sobject('Account').create({ Name: 'Rule Partner', Partner_Type__c: 'Reseller' })).id!;
    const rule = await treeCall('Partner_Account_Plan__c', [
      { attributes: { type: 'Partner_Account_Plan__c', referenceId: 'p1' }, ...plan, Partner_Account__c: partner },
    ]);
    expect(rule.body.results).toEqual([
      {
        referenceId: 'p1',
        errors: [
          {
            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message: 'Period end must be on or after period start.',
            fields: ['Period_End__c'],
          },
        ],
      },
    ]);
    const unknown = await treeCall('Account', [
      { attributes: { type: 'Account', referenceId: 'a1' }, Name: 'A', Nope__c: 1 },
    ]);
    expect(unknown.body.results).toEqual([
      {
        referenceId: 'a1',
        errors: [
          { statusCode: 'INVALID_FIELD', message: "No such column 'Nope__c' on sobject of type Account", fields: [] },
        ],
      },
    ]);
    const refs = await treeCall('Account', [
      { attributes: { type: 'Account' }, Name: 'No ref' },
      { attributes: { type: 'Account', referenceId: 'dup' }, Name: 'One' },
      { attributes: { type: 'Account', referenceId: 'dup' }, Name: 'Two' },
      { attributes: { type: 'Contact', referenceId: 'typed' }, LastName: 'Wrong type' },
    ]);
    expect(refs.status).toBe(400);
    expect(
      (refs.body.results as { referenceId: string; errors: Rec[] }[]).map((r) => [
        r.referenceId,
        r.errors[0].statusCode,
        r.errors[0].message,
      ]),
    ).toEqual([
      ['', 'INVALID_INPUT', 'Include a reference ID for each record in the request.'],
      ['dup', 'INVALID_INPUT', 'Duplicate ReferenceId provided in the request.'],
      ['typed', 'INVALID_TYPE', 'Record type Contact does not match Account.'],
    ]);
  });

  it('accepts at most 200 records and 5 levels', async () => {
    const many = Array.from({ length: 201 }, (_, i) => ({
      attributes: { type: 'Account', referenceId: `m${i}` },
      Name: `M${i}`,
    }));
    const tooMany = await rawRequest(t.conn, 'POST', dataPath('/composite/tree/Account'), { body: { records: many } });
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as Rec[])[0]).toMatchObject({ errorCode: 'LIMIT_EXCEEDED' });
    const chain = (depth: number): Rec => ({
      attributes: { type: 'Account', referenceId: `level${depth}` },
      Name: `Level ${depth}`,
      ...(depth > 1 ? { ChildAccounts: { records: [chain(depth - 1)] } } : {}),
    });
    expect((await treeCall('Account', [chain(5)])).status).toBe(201);
    const deep = await rawRequest(t.conn, 'POST', dataPath('/composite/tree/Account'), {
      body: { records: [chain(6)] },
    });
    expect(deep.status).toBe(400);
    expect((deep.body as Rec[])[0]).toMatchObject({ errorCode: 'INVALID_INPUT' });
  });
});
