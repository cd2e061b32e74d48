/** Global describe, sObject basic info and sObject describe, in the shape jsforce and UI consumers read. */
import { dataPath, LOCALORG_FIXTURE, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: LOCALORG_FIXTURE });
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;
const fieldOf = (describe: { fields: Rec[] }, name: string): Rec => describe.fields.find((f) => f.name === name) as Rec;

it('describes the org globally', async () => {
  const global = await t.conn.describeGlobal();
  expect(global.encoding).toBe('UTF-8');
  expect(global.maxBatchSize).toBe(200);
  const account = global.sobjects.find((s) => s.name === 'Account')!;
  expect(account).toMatchObject({
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    custom: false,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    urls: {
      sobject: dataPath('/sobjects/Account'),
      describe: dataPath('/sobjects/Account/describe'),
      rowTemplate: dataPath('/sobjects/Account/{ID}'),
    },
  });
  const metric = global.sobjects.find((s) => s.name === 'Metric__mdt')!;
  expect(metric).toMatchObject({
    custom: true,
    createable: false,
    updateable: false,
    deletable: false,
    queryable: true,
  });
  expect(global.sobjects.find((s) => s.name === 'Plan__c')).toMatchObject({
    custom: true,
    keyPrefix: expect.stringMatching(/^a\w\w$/),
  });
});

it('gives basic information with recent items', async () => {
  const basic = (await t.conn.request(dataPath('/sobjects/Plan__c'))) as {
    objectDescribe: Rec;
    recentItems: unknown[];
  };
  expect(basic.objectDescribe).toMatchObject({ name: 'Plan__c', label: 'Plan', labelPlural: 'Plans' });
  expect(basic.recentItems).toEqual([]);
});

it('describes fields with their Salesforce types and attributes', async () => {
  const plan = await t.conn.describe('Plan__c');
  expect(plan).toMatchObject({
    name: 'Plan__c',
    label: 'Plan',
    labelPlural: 'Plans',
    custom: true,
    createable: true,
    queryable: true,
  });
  expect(plan.recordTypeInfos).toEqual([
    {
      active: true,
      available: true,
      defaultRecordTypeMapping: true,
      developerName: 'Master',
      master: true,
      name: 'Master',
      recordTypeId: '012000000000000AAA',
      urls: { layout: dataPath('/sobjects/Plan__c/describe/layouts/012000000000000AAA') },
    },
  ]);
  const d = plan as unknown as { fields: Rec[] };
  expect(fieldOf(d, 'Id')).toMatchObject({
    type: 'id',
    length: 18,
    nillable: false,
    createable: false,
    updateable: false,
    idLookup: true,
  });
  expect(fieldOf(d, 'Name')).toMatchObject({
    type: 'string',
    length: 80,
    nameField: true,
    nillable: false,
    createable: true,
  });
  expect(fieldOf(d, 'Status__c')).toMatchObject({
    type: 'picklist',
    restrictedPicklist: true,
    custom: true,
    defaultedOnCreate: true,
    picklistValues: [
      { active: true, defaultValue: true, label: 'Draft', validFor: null, value: 'Draft' },
      { active: true, defaultValue: false, label: 'Active', validFor: null, value: 'Active' },
      { active: true, defaultValue: false, label: 'Closed', validFor: null, value: 'Closed' },
    ],
  });
  expect(fieldOf(d, 'Tags__c')).toMatchObject({ type: 'multipicklist' });
  expect(fieldOf(d, 'Budget__c')).toMatchObject({ type: 'currency', precision: 16, scale: 2, nillable: true });
  expect(fieldOf(d, 'Version__c')).toMatchObject({ type: 'double', precision: 4, scale: 0, defaultValueFormula: '1' });
  expect(fieldOf(d, 'Active__c')).toMatchObject({
    type: 'boolean',
    defaultValue: true,
    nillable: false,
    defaultedOnCreate: true,
  });
  expect(fieldOf(d, 'Start__c')).toMatchObject({ type: 'date' });
  expect(fieldOf(d, 'Kickoff__c')).toMatchObject({ type: 'datetime', soapType: 'xsd:dateTime' });
  expect(fieldOf(d, 'Contact_Email__c')).toMatchObject({ type: 'email' });
  expect(fieldOf(d, 'Website__c')).toMatchObject({ type: 'url' });
  expect(fieldOf(d, 'Notes__c')).toMatchObject({
    type: 'textarea',
    length: 1000,
    extraTypeInfo: 'plaintextarea',
    filterable: false,
  });
  expect(fieldOf(d, 'External_Key__c')).toMatchObject({ externalId: true, unique: true, idLookup: true });
  expect(fieldOf(d, 'Section_Count__c')).toMatchObject({
    type: 'double',
    calculated: true,
    createable: false,
    updateable: false,
  });
  expect(fieldOf(d, 'Partner_Account__c')).toMatchObject({
    type: 'reference',
    referenceTo: ['Account'],
    relationshipName: 'Partner_Account__r',
    restrictedDelete: true,
    cascadeDelete: false,
  });
  expect(fieldOf(d, 'CreatedDate')).toMatchObject({
    type: 'datetime',
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
  });
  expect(fieldOf(d, 'OwnerId')).toMatchObject({
    type: 'reference',
    referenceTo: ['User'],
    relationshipName: 'Owner',
    createable: true,
    defaultedOnCreate: true,
  });
  expect(plan.childRelationships).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        childSObject: 'Section__c',
        field: 'Plan__c',
        relationshipName: 'Sections__r',
        cascadeDelete: true,
        restrictedDelete: false,
      }),
      expect.objectContaining({
        childSObject: 'Action__c',
        field: 'Plan__c',
        relationshipName: 'Actions__r',
        cascadeDelete: false,
      }),
    ]),
  );
});

it('describes master-detail, auto-number and standard fields', async () => {
  const target = (await t.conn.describe('Target__c')) as unknown as { fields: Rec[] };
  expect(fieldOf(target, 'Section__c')).toMatchObject({
    type: 'reference',
    cascadeDelete: true,
    updateable: false,
    createable: true,
    nillable: false,
    relationshipOrder: 0,
  });
  expect(fieldOf(target, 'Name')).toMatchObject({
    type: 'string',
    autoNumber: true,
    createable: false,
    nameField: true,
  });
  const account = (await t.conn.describe('Account')) as unknown as { fields: Rec[]; childRelationships: Rec[] };
  expect(fieldOf(account, 'NumberOfEmployees')).toMatchObject({ type: 'int', custom: false });
  expect(fieldOf(account, 'ParentId')).toMatchObject({
    type: 'reference',
    relationshipName: 'Parent',
    referenceTo: ['Account'],
  });
  expect(account.childRelationships).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts' }),
    ]),
  );
  const user = (await t.conn.describe('User')) as unknown as { fields: Rec[]; deletable: boolean };
  expect(user.deletable).toBe(false);
  expect(fieldOf(user, 'TimeZoneSidKey')).toMatchObject({ nillable: false });
});
