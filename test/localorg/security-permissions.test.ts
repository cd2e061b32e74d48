/**
 * Permission sets and object / field permissions, per user, on every REST endpoint, with this repository's
 * force-app: PermissionSet rows and assignments, describe, record reads, creates, updates, deletes, upserts
 * and collections. Users log in over OAuth and call the API as themselves.
 */
import { apiError, dataPath, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';
import { createRole } from '../support/roles';
import { createUser, INSUFFICIENT_ACCESS, permissionSetId, queryError, type TestUser } from '../support/security';

const NOW = new Date('2026-03-31T12:00:00.000Z');
type Rec = Record<string, unknown>;

let t: TestOrg;
let ae: TestUser;
let pm: TestUser;
let rollup: TestUser;
let standard: TestUser;
let account: string;
let plan: string;
let section: string;
let target: string;

const fieldNames = (describe: { fields: Rec[] }): string[] => describe.fields.map((f) => String(f.name));
const fieldOf = (describe: { fields: Rec[] }, name: string): Rec | undefined =>
  describe.fields.find((f) => f.name === name);
const flsMessage = (fields: string): string =>
  `Unable to create/update fields: ${fields}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`;

beforeAll(async () => {
  t = await startTestOrg({ now: () => NOW });
  // The partner manager's role is above the AE's.
  const pmRole = await createRole(t, 'Partner Manager');
  pm = await createUser(t, { alias: 'pm', permissionSets: ['Partner_Manager'], roleId: pmRole });
  ae = await createUser(t, {
    alias: 'ae',
    permissionSets: ['Account_Executive'],
    roleId: await createRole(t, 'Account Executive', pmRole),
  });
  rollup = await createUser(t, { alias: 'rollup', permissionSets: ['Partner_Planning_Rollup'] });
  standard = await createUser(t, { alias: 'standard' });
  account = (await t.conn.sobject('Account').create({ Name: 'Northwind', Partner_Type__c: 'Reseller' })).id!;
  // The AE owns this plan (as if a manager had transferred it), so sharing lets it read the plan's details.
  plan = (
    await t.conn.sobject('Partner_Account_Plan__c').create({
      Name: 'Northwind FY26',
      Partner_Account__c: account,
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
      OwnerId: ae.id,
    })
  ).id!;
  section = (await t.conn.sobject('Plan_Section__c').create({ Name: 'Sales', Partner_Account_Plan__c: plan })).id!;
  target = (
    await t.conn.sobject('Plan_Target__c').create({
      Plan_Section__c: section,
      Metric__c: 'Closed_Won_Revenue',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
      Target_Value__c: 100000,
      Weight__c: 1,
    })
  ).id!;
});
afterAll(() => t.close());

describe('permission sets', () => {
  it('are PermissionSet records written from force-app, read-only through the API', async () => {
    const result = await t.conn.query<Rec>(
      'SELECT Id, Name, Label, Description, IsOwnedByProfile FROM PermissionSet ORDER BY Name',
    );
    expect(result.records.map((r) => r.Name)).toEqual([
      'Account_Executive',
      'Partner_Manager',
      'Partner_Planning_Admin',
      'Partner_Planning_Data_Load',
      'Partner_Planning_Rollup',
      'Partner_User',
    ]);
    expect(result.records[0]).toMatchObject({
      Id: expect.stringMatching(/^0PS\w{15}$/),
      Label: 'Account Executive',
      Description: expect.stringContaining('For account executives'),
      IsOwnedByProfile: false,
    });
    const error = await apiError(t.conn.sobject('PermissionSet').create({ Name: 'Mine', Label: 'Mine' }));
    expect(error).toMatchObject({
      errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
      message: 'entity type cannot be inserted: Permission Set',
    });
  });

  it('are assigned once per user: a second assignment is a DUPLICATE_VALUE', async () => {
    const setId = await permissionSetId(t, 'Account_Executive');
    const error = await apiError(
      t.conn.sobject('PermissionSetAssignment').create({ AssigneeId: ae.id, PermissionSetId: setId }),
    );
    expect(error).toMatchObject({
      errorCode: 'DUPLICATE_VALUE',
      message: `Duplicate PermissionSetAssignment. Assignee: ${ae.id}; Permission Set: ${setId}`,
    });
  });

  it('are queried with their assignments, through both relationships', async () => {
    const assignments = await t.conn.query<Rec>(
      `SELECT Assignee.Username, PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '${ae.id}'`,
    );
    expect(assignments.records).toEqual([
      expect.objectContaining({
        Assignee: expect.objectContaining({ Username: 'ae@security.example' }),
        PermissionSet: expect.objectContaining({ Name: 'Account_Executive' }),
      }),
    ]);
    const users = await t.conn.query<Rec>(
      `SELECT Username, (SELECT PermissionSet.Name FROM PermissionSetAssignments) FROM User WHERE Id = '${pm.id}'`,
    );
    const list = users.records[0].PermissionSetAssignments as { records: Rec[] };
    expect(list.records.map((r) => (r.PermissionSet as Rec).Name)).toEqual(['Partner_Manager']);
  });

  it('cannot be reassigned: an assignment is created and deleted, never updated', async () => {
    const [assignment] = (
      await t.conn.query<{ Id: string }>(`SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${ae.id}'`)
    ).records;
    const error = await apiError(
      t.conn.sobject('PermissionSetAssignment').update({ Id: assignment.Id, AssigneeId: pm.id }),
    );
    expect(error).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: flsMessage('AssigneeId') });
  });

  it('are assigned only by an administrator', async () => {
    const setId = await permissionSetId(t, 'Partner_Planning_Admin');
    const error = await apiError(
      pm.conn.sobject('PermissionSetAssignment').create({ AssigneeId: pm.id, PermissionSetId: setId }),
    );
    expect(error).toMatchObject(INSUFFICIENT_ACCESS);
  });

  it('give their permissions while assigned, and take them back when the assignment is deleted', async () => {
    const user = await createUser(t, { alias: 'temp', permissionSets: ['Account_Executive'] });
    expect((await user.conn.query('SELECT Id FROM APR_Action__c')).totalSize).toBe(0);
    const [assignment] = (
      await t.conn.query<{ Id: string }>(`SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${user.id}'`)
    ).records;
    await t.conn.sobject('PermissionSetAssignment').destroy(assignment.Id);
    const error = await queryError(user.conn, 'SELECT Id FROM APR_Action__c');
    expect(error.errorCode).toBe('INVALID_TYPE');
  });
});

describe('describe', () => {
  it('lists only the objects the user can read, with its create / edit / delete rights', async () => {
    const global = await standard.conn.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Account', 'Contact', 'Opportunity', 'User', 'Organization']));
    expect(names).not.toContain('Partner_Account_Plan__c');
    expect(names).not.toContain('APR_Action__c');
    const user = global.sobjects.find((s) => s.name === 'User');
    expect(user).toMatchObject({ queryable: true, createable: false, updateable: false, deletable: false });
    const accountInfo = global.sobjects.find((s) => s.name === 'Account');
    expect(accountInfo).toMatchObject({ createable: true, updateable: true, deletable: true });
  });

  it('answers an object the user cannot read as if it did not exist', async () => {
    for (const path of [
      '/sobjects/Plan_Target__c',
      '/sobjects/Plan_Target__c/describe',
      `/sobjects/Plan_Target__c/${target}`,
    ]) {
      const res = await rawRequest(standard.conn, 'GET', dataPath(path));
      expect(res.status).toBe(404);
      expect(res.body).toEqual([
        { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] },
      ]);
    }
  });

  it('leaves out custom fields that no permission set of the user makes visible', async () => {
    const asStandard = await standard.conn.describe('Account');
    expect(fieldNames(asStandard)).toEqual(expect.arrayContaining(['Id', 'Name', 'OwnerId', 'Industry']));
    expect(fieldNames(asStandard)).not.toContain('Partner_Type__c');
    const asAe = await ae.conn.describe('Account');
    expect(fieldOf(asAe, 'Partner_Type__c')).toMatchObject({ createable: false, updateable: false });
    // Roll-up summaries are readable through the permission set, never writable.
    expect(fieldOf(await ae.conn.describe('Plan_Section__c'), 'Target_Count__c')).toMatchObject({
      createable: false,
      updateable: false,
    });
    expect(fieldNames(asStandard)).not.toContain('Partner_Tier__c');
  });

  it('reports the object permissions of a read-only object and of an object the user writes', async () => {
    const targets = await ae.conn.describe('Plan_Target__c');
    expect(targets).toMatchObject({ queryable: true, createable: false, updateable: false, deletable: false });
    expect(fieldOf(targets, 'Target_Value__c')).toMatchObject({ createable: false, updateable: false });
    const actions = await ae.conn.describe('APR_Action__c');
    expect(actions).toMatchObject({ createable: true, updateable: true, deletable: false });
    expect(fieldOf(actions, 'Notes__c')).toMatchObject({ createable: true, updateable: true });
    expect(fieldOf(actions, 'External_Key__c')).toMatchObject({ createable: false, updateable: false });
  });

  it('gives the rollup user edit access to computed fields and baselines (to complete them) only', async () => {
    const targets = await rollup.conn.describe('Plan_Target__c');
    expect(targets).toMatchObject({ createable: false, updateable: true, deletable: false });
    expect(fieldOf(targets, 'Actual_Value__c')).toMatchObject({ updateable: true });
    expect(fieldOf(targets, 'Attainment__c')).toMatchObject({ updateable: true });
    expect(fieldOf(targets, 'Weight__c')).toMatchObject({ updateable: false });
    // The rollup fills in a baseline an acceptance left blank (Baseline_Only_Completed allows only that).
    expect(fieldOf(targets, 'Baseline_Target_Value__c')).toMatchObject({ updateable: true });
  });

  it('describes everything, writable, for the administrator', async () => {
    const targets = await t.conn.describe('Plan_Target__c');
    expect(targets).toMatchObject({ createable: true, updateable: true, deletable: true });
    expect(fieldOf(targets, 'Weight__c')).toMatchObject({ createable: true, updateable: true });
  });
});

describe('record reads', () => {
  it('omit the fields the user cannot read', async () => {
    const asStandard = (await standard.conn.sobject('Account').retrieve(account)) as Rec;
    expect(asStandard).toMatchObject({ Id: account, Name: 'Northwind' });
    expect(asStandard).not.toHaveProperty('Partner_Type__c');
    expect(await ae.conn.sobject('Account').retrieve(account)).toMatchObject({ Partner_Type__c: 'Reseller' });
    const sectionRecord = (await ae.conn.sobject('Plan_Section__c').retrieve(section)) as Rec;
    expect(sectionRecord).toMatchObject({ Name: 'Sales', Partner_Account_Plan__c: plan });
    expect(sectionRecord).toHaveProperty('Target_Count__c');
    expect(asStandard).not.toHaveProperty('Partner_Tier__c');
  });

  it('refuse to select a field the user cannot read, as an unknown column', async () => {
    const res = await rawRequest(standard.conn, 'GET', dataPath(`/sobjects/Account/${account}?fields=Partner_Tier__c`));
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      {
        errorCode: 'INVALID_FIELD',
        message:
          "No such column 'Partner_Tier__c' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
        fields: [],
      },
    ]);
  });

  it('by external id need the external id field to be readable', async () => {
    await t.conn.sobject('Account').update({ Id: account, External_Key__c: 'ACC-1' });
    expect(await ae.conn.request(dataPath('/sobjects/Account/External_Key__c/ACC-1'))).toMatchObject({ Id: account });
    const res = await rawRequest(standard.conn, 'GET', dataPath('/sobjects/Account/External_Key__c/ACC-1'));
    expect(res.status).toBe(404);
    expect(res.body).toEqual([
      {
        errorCode: 'NOT_FOUND',
        message: 'Provided external ID field does not exist or is not accessible: External_Key__c',
        fields: [],
      },
    ]);
  });
});

describe('writes', () => {
  it('let an AE log its own APR action, owned by it', async () => {
    const created = await ae.conn.sobject('APR_Action__c').create({
      Action_Date__c: '2026-03-02',
      Action_Type__c: 'Joint Call',
      Quantity__c: 1,
      Notes__c: 'Met the partner',
    });
    expect(created.success).toBe(true);
    const id = created.id!;
    const row = (await t.conn.sobject('APR_Action__c').retrieve(id)) as Rec;
    expect(row).toMatchObject({ OwnerId: ae.id, CreatedById: ae.id });
    await ae.conn.sobject('APR_Action__c').update({ Id: id, Next_Step__c: 'Send the proposal' });
    expect(await t.conn.sobject('APR_Action__c').retrieve(id)).toMatchObject({
      Next_Step__c: 'Send the proposal',
    });
  });

  it('refuse a field that field-level security makes read-only', async () => {
    const error = await apiError(
      ae.conn.sobject('APR_Action__c').create({
        Action_Date__c: '2026-03-02',
        Action_Type__c: 'Demo',
        Quantity__c: 1,
        External_Key__c: 'AE-1',
      }),
    );
    expect(error).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: flsMessage('External_Key__c'),
    });
  });

  it('treat a field the user cannot read as an unknown one', async () => {
    const res = await rawRequest(standard.conn, 'PATCH', dataPath(`/sobjects/Account/${account}`), {
      body: { Partner_Type__c: 'Distributor' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      {
        errorCode: 'INVALID_FIELD',
        message: "No such column 'Partner_Type__c' on sobject of type Account",
        fields: [],
      },
    ]);
  });

  it('refuse an edit or a delete that object permissions do not grant', async () => {
    // The AE reads targets (its permission set) but cannot edit them: the target value stays as it is.
    const res = await rawRequest(ae.conn, 'PATCH', dataPath(`/sobjects/Plan_Target__c/${target}`), {
      body: { Target_Value__c: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([{ ...INSUFFICIENT_ACCESS, fields: [] }]);
    expect(await t.conn.sobject('Plan_Target__c').retrieve(target)).toMatchObject({ Target_Value__c: 100000 });
    const created = ae.conn.sobject('Plan_Section__c').create({ Name: 'Mine', Partner_Account_Plan__c: plan });
    expect(await apiError(created)).toMatchObject(INSUFFICIENT_ACCESS);
    const [action] = (await ae.conn.query<{ Id: string }>('SELECT Id FROM APR_Action__c LIMIT 1')).records;
    expect(await apiError(ae.conn.sobject('APR_Action__c').destroy(action.Id))).toMatchObject(INSUFFICIENT_ACCESS);
  });

  it('let the rollup user write computed fields and nothing else', async () => {
    await rollup.conn.sobject('Plan_Target__c').update({ Id: target, Actual_Value__c: 25000, Attainment__c: 25 });
    expect(await t.conn.sobject('Plan_Target__c').retrieve(target)).toMatchObject({ Actual_Value__c: 25000 });
    const error = await apiError(rollup.conn.sobject('Plan_Target__c').update({ Id: target, Weight__c: 2 }));
    expect(error).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: flsMessage('Weight__c') });
    const both = await apiError(
      rollup.conn.sobject('Plan_Target__c').update({ Id: target, Revision_Reason__c: 'x', Period_Type__c: 'Year' }),
    );
    expect(both.message).toBe(flsMessage('Revision_Reason__c, Period_Type__c'));
    expect(await apiError(rollup.conn.sobject('Plan_Target__c').destroy(target))).toMatchObject(INSUFFICIENT_ACCESS);
  });

  it('cannot restrict a universally required field: whoever edits the object edits it', async () => {
    // Target_Value__c is required in its field definition; Salesforce gives such fields no field-level
    // security (permission sets cannot name them), so the rollup user's Edit on targets covers it.
    await rollup.conn.sobject('Plan_Target__c').update({ Id: target, Target_Value__c: 120000 });
    expect(await t.conn.sobject('Plan_Target__c').retrieve(target)).toMatchObject({ Target_Value__c: 120000 });
  });

  it('upsert by an external id the user cannot edit fails on insert', async () => {
    const res = await rawRequest(ae.conn, 'PATCH', dataPath('/sobjects/APR_Action__c/External_Key__c/AE-2'), {
      body: { Action_Date__c: '2026-03-02', Action_Type__c: 'Demo', Quantity__c: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      {
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: flsMessage('External_Key__c'),
        fields: ['External_Key__c'],
      },
    ]);
  });

  it('let a user manage only their own password, unless administrator', async () => {
    const res = await rawRequest(standard.conn, 'POST', dataPath(`/sobjects/User/${ae.id}/password`), {
      body: { NewPassword: 'Another2026' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([{ ...INSUFFICIENT_ACCESS, fields: [] }]);
    expect(await standard.conn.request(dataPath(`/sobjects/User/${standard.id}/password`))).toEqual({
      isExpired: false,
    });
  });
});

describe('collections', () => {
  it('check each record: field-level security fails one record, not the request', async () => {
    const results = await ae.conn.sobject('APR_Action__c').create([
      { Action_Date__c: '2026-03-03', Action_Type__c: 'Demo', Quantity__c: 1 },
      { Action_Date__c: '2026-03-03', Action_Type__c: 'Demo', Quantity__c: 1, External_Key__c: 'AE-3' },
    ]);
    expect(results[0]).toEqual({ id: expect.any(String), success: true, errors: [] });
    expect(results[1]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
          message: flsMessage('External_Key__c'),
          fields: ['External_Key__c'],
        },
      ],
    });
  });

  it('check each record: an update of a record the user cannot edit fails alone', async () => {
    const mine = (
      await ae.conn.sobject('APR_Action__c').create({
        Action_Date__c: '2026-03-04',
        Action_Type__c: 'Demo',
        Quantity__c: 1,
      })
    ).id!;
    const theirs = (
      await pm.conn.sobject('APR_Action__c').create({
        Action_Date__c: '2026-03-04',
        Action_Type__c: 'Demo',
        Quantity__c: 1,
      })
    ).id!;
    const results = await ae.conn.sobject('APR_Action__c').update([
      { Id: mine, Notes__c: 'mine' },
      { Id: theirs, Notes__c: 'theirs' },
    ]);
    expect(results[0]).toEqual({ id: mine, success: true, errors: [] });
    expect(results[1]).toEqual({
      id: theirs,
      success: false,
      errors: [{ statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: INSUFFICIENT_ACCESS.message, fields: [] }],
    });
  });

  it('refuse a record type the user cannot read for the whole request', async () => {
    const res = await rawRequest(standard.conn, 'POST', dataPath('/composite/sobjects'), {
      body: { records: [{ attributes: { type: 'Plan_Section__c' }, Name: 'X', Partner_Account_Plan__c: plan }] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      {
        errorCode: 'INVALID_TYPE',
        message:
          "sObject type 'Plan_Section__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
        fields: [],
      },
    ]);
  });

  it('retrieve only readable fields, and null for records the user cannot see', async () => {
    const other = (
      await t.conn.sobject('Partner_Account_Plan__c').create({
        Name: 'Other plan',
        Partner_Account__c: account,
        Period_Start__c: '2026-01-01',
        Period_End__c: '2026-12-31',
      })
    ).id!;
    const records = (await ae.conn.request(
      dataPath(`/composite/sobjects/Partner_Account_Plan__c?ids=${plan},${other}&fields=Name,Status__c`),
    )) as (Rec | null)[];
    expect(records[0]).toMatchObject({ Name: 'Northwind FY26' });
    expect(records[1]).toBeNull();
    const res = await rawRequest(
      standard.conn,
      'GET',
      dataPath(`/composite/sobjects/Account?ids=${account}&fields=Name,Partner_Type__c`),
    );
    expect(res.status).toBe(400);
    expect((res.body as Rec[])[0].errorCode).toBe('INVALID_FIELD');
  });

  it('delete per record: a record the user cannot delete fails alone', async () => {
    const mine = (await standard.conn.sobject('Account').create({ Name: 'Mine to delete' })).id!;
    const results = await standard.conn.sobject('Account').destroy([mine, account]);
    expect(results[0]).toEqual({ id: mine, success: true, errors: [] });
    expect(results[1]).toEqual({
      id: account,
      success: false,
      errors: [{ statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: INSUFFICIENT_ACCESS.message, fields: [] }],
    });
  });
});
