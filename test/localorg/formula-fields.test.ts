/**
 * Formula fields, validation rules and lookup filters from a fixture project (localorg-formulas): formulas
 * computed on read (REST and SOQL, in SELECT, WHERE, ORDER BY and GROUP BY), blank handling both ways,
 * context functions in rules, and startup failures that name the formula the local org cannot evaluate.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startLocalOrg } from '../../packages/localorg/server';
import { FIXTURES } from '../support/project';
import { apiError, dataPath, newUserFields, rawRequest, startTestOrg, type TestOrg } from '../support/localorg';

const FORMULA_FIXTURE = join(FIXTURES, 'localorg-formulas');
const START = new Date('2026-06-15T10:00:00Z');

let clock = START;
let t: TestOrg;
let reseller: string;
beforeAll(async () => {
  // The clock moves days ahead (TODAY()); the session must outlive it.
  t = await startTestOrg({ forceAppRoot: FORMULA_FIXTURE, now: () => clock, sessionTimeoutMinutes: 30 * 24 * 60 });
  reseller = (
    await t.conn
      .sobject('Account')
      .create({ Name: 'Northwind', Partner_Type__c: 'Reseller', Tier__c: 2, Region__c: 'europe' })
  ).id!;
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;

async function deal(fields: Rec = {}): Promise<string> {
  const result = await t.conn.sobject('Deal__c').create({
    Name: 'Big',
    Account__c: reseller,
    Max_Tier__c: 3,
    Amount__c: 1500,
    Stage__c: 'Open',
    Close_Date__c: '2026-06-01',
    ...fields,
  });
  return result.id!;
}

describe('formula fields', () => {
  it('are computed when a record is read, with blank handling as each formula says', async () => {
    const id = await deal();
    expect(await t.conn.sobject('Deal__c').retrieve(id)).toMatchObject({
      Margin__c: 1500,
      Margin_Or_Blank__c: null,
      Third__c: 500,
      Summary__c: 'Big (Open, EUR)',
      Is_Big__c: true,
      Follow_Up__c: '2026-07-01',
      Days_Open__c: 0,
      Band__c: 'hot',
      Account_Tier__c: 2,
    });
    expect(await t.conn.sobject('Account').retrieve(reseller)).toMatchObject({ Region_Code__c: 'EUR' });
  });

  it('round numbers to the field scale and follow their inputs, TODAY() and parent records', async () => {
    const id = await deal({ Amount__c: 1000.1, Cost__c: 200, Stage__c: 'Lost' });
    expect(await t.conn.sobject('Deal__c').retrieve(id)).toMatchObject({
      Margin__c: 800.1,
      Margin_Or_Blank__c: 800.1,
      Third__c: 333.4,
      Is_Big__c: false,
      Band__c: 'closed',
    });
    const other = (await t.conn.sobject('Account').create({ Name: 'Contoso', Partner_Type__c: 'Reseller', Tier__c: 1 }))
      .id!;
    await t.conn.sobject('Deal__c').update({ Id: id, Account__c: other, Close_Date__c: null });
    clock = new Date(START.getTime() + 3 * 86_400_000);
    try {
      expect(await t.conn.sobject('Deal__c').retrieve(id)).toMatchObject({
        Summary__c: 'Big (Lost, )',
        Account_Tier__c: 1,
        Follow_Up__c: null,
        Days_Open__c: 3,
      });
    } finally {
      clock = START;
    }
  });

  it('can be listed in the fields parameter and read through collections', async () => {
    const id = await deal({ Name: 'Listed' });
    const one = await rawRequest(t.conn, 'GET', dataPath(`/sobjects/Deal__c/${id}?fields=Name,Summary__c,Margin__c`));
    expect(one.body).toEqual({
      attributes: { type: 'Deal__c', url: dataPath(`/sobjects/Deal__c/${id}`) },
      Name: 'Listed',
      Summary__c: 'Listed (Open, EUR)',
      Margin__c: 1500,
    });
    const many = await rawRequest(t.conn, 'GET', dataPath(`/composite/sobjects/Deal__c?ids=${id}&fields=Band__c`));
    expect(many.body).toEqual([
      { attributes: { type: 'Deal__c', url: dataPath(`/sobjects/Deal__c/${id}`) }, Band__c: 'hot' },
    ]);
  });

  it('work in SOQL SELECT, WHERE, ORDER BY and GROUP BY, across relationships and in subqueries', async () => {
    const account = (
      await t.conn
        .sobject('Account')
        .create({ Name: 'Queried', Partner_Type__c: 'Reseller', Tier__c: 1, Region__c: 'asia' })
    ).id!;
    await deal({ Name: 'Q1', Account__c: account, Amount__c: 2000, Cost__c: 100 });
    await deal({ Name: 'Q2', Account__c: account, Amount__c: 500, Cost__c: 400 });
    await deal({ Name: 'Q3', Account__c: account, Amount__c: 3000, Cost__c: 2900, Stage__c: 'Won' });
    const result = await t.conn.query<Rec>(
      `SELECT Name, Margin__c, Band__c, Account__r.Region_Code__c FROM Deal__c
       WHERE Account__c = '${account}' AND Margin__c > 50 ORDER BY Margin__c DESC, Name`,
    );
    expect(result.records.map((r) => [r.Name, r.Margin__c, r.Band__c])).toEqual([
      ['Q1', 1900, 'hot'],
      ['Q2', 100, 'open'],
      ['Q3', 100, 'closed'],
    ]);
    expect((result.records[0].Account__r as Rec).Region_Code__c).toBe('ASI');
    const big = await t.conn.query<Rec>(
      `SELECT Name FROM Deal__c WHERE Account__r.Region_Code__c = 'ASI' AND Is_Big__c = true ORDER BY Name`,
    );
    expect(big.records.map((r) => r.Name)).toEqual(['Q1', 'Q3']);
    const grouped = await t.conn.query<Rec>(
      `SELECT Is_Big__c, COUNT(Id) n FROM Deal__c WHERE Account__c = '${account}' GROUP BY Is_Big__c ORDER BY Is_Big__c`,
    );
    expect(grouped.records.map((r) => [r.Is_Big__c, r.n])).toEqual([
      [false, 1],
      [true, 2],
    ]);
    const parent = await t.conn.query<Rec>(
      `SELECT Region_Code__c, (SELECT Summary__c FROM Deals__r ORDER BY Name) FROM Account WHERE Id = '${account}'`,
    );
    const children = (parent.records[0].Deals__r as { records: Rec[] }).records.map((r) => r.Summary__c);
    expect(children).toEqual(['Q1 (Open, ASI)', 'Q2 (Open, ASI)', 'Q3 (Won, ASI)']);
  });

  it('cannot be written', async () => {
    const err = await apiError(t.conn.sobject('Deal__c').create({ Name: 'X', Margin__c: 5 }));
    expect(err.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('are described as calculated, with their formula and blank handling', async () => {
    const describe = await t.conn.describe('Deal__c');
    const field = (name: string) => describe.fields.find((f) => f.name === name)!;
    expect(field('Margin__c')).toMatchObject({
      calculated: true,
      calculatedFormula: 'Amount__c - Cost__c',
      formulaTreatNullNumberAsZero: true,
      type: 'currency',
    });
    expect(field('Margin_Or_Blank__c')).toMatchObject({ calculated: true, formulaTreatNullNumberAsZero: false });
  });
});

describe('validation rules with context functions', () => {
  it('reports a rule with a display field on that field', async () => {
    const err = await apiError(deal({ Stage__c: 'Won', Close_Date__c: null }));
    expect(err).toMatchObject({
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'A won deal needs a close date.',
    });
    expect((err.data as { fields: string[] }).fields).toEqual(['Close_Date__c']);
  });

  it('reports a top-of-page rule with no field, and compares with PRIORVALUE only on update', async () => {
    const id = await deal({ Amount__c: 100 });
    const response = await rawRequest(t.conn, 'PATCH', dataPath(`/sobjects/Deal__c/${id}`), {
      body: { Amount__c: 99 },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'The amount of a deal cannot go down.', fields: [] },
    ]);
    await t.conn.sobject('Deal__c').update({ Id: id, Amount__c: 101 });
  });

  it('reads $User.Id as the user saving, and ISCHANGED is false on create', async () => {
    const other = (await t.conn.sobject('User').create(await newUserFields(t.conn))).id!;
    const id = await deal({ OwnerId: other, Stage__c: 'Won' });
    await t.conn.sobject('Deal__c').update({ Id: id, Stage__c: 'Open' });
    const err = await apiError(t.conn.sobject('Deal__c').update({ Id: id, Stage__c: 'Won' }));
    expect(err.message).toBe('Only the owner can mark a deal won.');
    const mine = await deal();
    await t.conn.sobject('Deal__c').update({ Id: mine, Stage__c: 'Won' });
  });
});

describe('required lookup filters', () => {
  it('compare the target with the source record and answer the filter message', async () => {
    const customer = (await t.conn.sobject('Account').create({ Name: 'Customer', Tier__c: 1 })).id!;
    const highTier = (await t.conn.sobject('Account').create({ Name: 'Far', Partner_Type__c: 'Reseller', Tier__c: 5 }))
      .id!;
    for (const fields of [
      { Account__c: customer },
      { Account__c: highTier },
      { Account__c: reseller, Max_Tier__c: null },
    ]) {
      const err = await apiError(deal(fields));
      expect(err).toMatchObject({
        errorCode: 'FIELD_FILTER_VALIDATION_EXCEPTION',
        message: "Pick a partner whose tier is within the deal's maximum tier.",
      });
      expect((err.data as { fields: string[] }).fields).toEqual(['Account__c']);
    }
    await deal({ Account__c: highTier, Max_Tier__c: 5 });
    await deal({ Account__c: null });
  });

  it('answer the default message when the filter has none', async () => {
    const err = await apiError(deal({ Distributor__c: reseller }));
    expect(err).toMatchObject({
      errorCode: 'FIELD_FILTER_VALIDATION_EXCEPTION',
      message: 'Value does not exist or does not match filter criteria.',
    });
    const distributor = (await t.conn.sobject('Account').create({ Name: 'Dist', Partner_Type__c: 'Distributor' })).id!;
    await deal({ Distributor__c: distributor });
  });
});

describe('a formula the local org cannot evaluate', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A project with one custom object Widget__c holding Amount__c, Stage__c and the given metadata files. */
  function project(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'localorg-formula-'));
    dirs.push(root);
    const objects = join(root, 'force-app', 'main', 'default', 'objects', 'Widget__c');
    const all: Record<string, string> = {
      'Widget__c.object-meta.xml': `<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Widget</label><pluralLabel>Widgets</pluralLabel><nameField><label>Name</label><type>Text</type></nameField><sharingModel>ReadWrite</sharingModel></CustomObject>`,
      'fields/Amount__c.field-meta.xml': `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Amount__c</fullName><label>Amount</label><precision>16</precision><scale>2</scale><type>Number</type></CustomField>`,
      'fields/Stage__c.field-meta.xml': `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Stage__c</fullName><label>Stage</label><type>Picklist</type><valueSet><valueSetDefinition><value><fullName>Won</fullName><default>false</default><label>Won</label></value></valueSetDefinition></valueSet></CustomField>`,
      ...files,
    };
    for (const [name, body] of Object.entries(all)) {
      const path = join(objects, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`);
    }
    return root;
  }

  const formulaField = (name: string, type: string, formula: string): Record<string, string> => ({
    [`fields/${name}.field-meta.xml`]: `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName><label>${name}</label><type>${type}</type><formula>${formula}</formula></CustomField>`,
  });
  const rule = (name: string, formula: string): Record<string, string> => ({
    [`validationRules/${name}.validationRule-meta.xml`]: `<ValidationRule xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName><active>true</active><errorConditionFormula>${formula}</errorConditionFormula><errorMessage>No.</errorMessage></ValidationRule>`,
  });

  it.each([
    [
      'an unknown function',
      formulaField('Bad__c', 'Number', 'GEOLOCATION(Amount__c)'),
      /Formula field Widget__c\.Bad__c .*Unknown function GEOLOCATION/,
    ],
    [
      'an unknown field',
      formulaField('Bad__c', 'Number', 'Amount__c + Missing__c'),
      /Formula field Widget__c\.Bad__c .*Field Missing__c does not exist/,
    ],
    [
      'a wrong result type',
      formulaField('Bad__c', 'Number', 'TEXT(Amount__c)'),
      /Widget__c\.Bad__c .*Formula result is data type \(Text\), incompatible with expected data type \(Number\)/,
    ],
    [
      'a context function in a formula field',
      formulaField('Bad__c', 'Checkbox', 'ISCHANGED(Amount__c)'),
      /Widget__c\.Bad__c .*Function ISCHANGED may not be used/,
    ],
    ['a syntax error', formulaField('Bad__c', 'Number', 'Amount__c +'), /Widget__c\.Bad__c .*Syntax error/],
    [
      'formulas that refer to each other',
      { ...formulaField('A__c', 'Number', 'B__c + 1'), ...formulaField('B__c', 'Number', 'A__c + 1') },
      /Formula field Widget__c\.A__c .*refers to itself/,
    ],
    [
      'a picklist compared as text in a rule',
      rule('Picky', 'Stage__c = "Won"'),
      /Validation rule Widget__c\.Picky .*Stage__c is a picklist field/,
    ],
    [
      'a rule of the wrong type',
      rule('Numeric', 'Amount__c * 2'),
      /Validation rule Widget__c\.Numeric .*incompatible with expected data type \(Boolean\)/,
    ],
  ])('fails startup naming it: %s', async (_what, files, message) => {
    await expect(startLocalOrg({ port: 0, data: ':memory:', forceAppRoot: project(files) })).rejects.toThrow(message);
  });
});
