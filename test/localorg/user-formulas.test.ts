/**
 * `$User.<Field>` in validation rules, over HTTP: the localorg-partner-users fixture's posts have rules reading
 * the saving user's ContactId (ISBLANK), UserType (TEXT and ISPICKVAL) and AccountId, so the same save passes
 * for an internal user and fails for a partner user. Also the compile-time rules for $User fields.
 */
import { join } from 'node:path';
import { loadForceApp } from '../../packages/model';
import { compileFormula, FormulaCompileError } from '../../packages/localorg/formula/compile';
import { compileSchema } from '../../packages/localorg/schema';
import { apiError, startTestOrg, type TestOrg } from '../support/localorg';
import { createPartnerAccount, createPartnerUser } from '../support/partners';
import { FIXTURES } from '../support/project';
import { createUser, type TestUser } from '../support/security';

const FIXTURE = join(FIXTURES, 'localorg-partner-users');

let t: TestOrg;
let partner: TestUser;
let internal: TestUser;

beforeAll(async () => {
  t = await startTestOrg({ forceAppRoot: FIXTURE });
  const account = await createPartnerAccount(t, 'Posting Partner');
  partner = await createPartnerUser(t, { alias: 'poster', accountId: account, permissionSets: ['Post_Writer'] });
  internal = await createUser(t, { alias: 'staff', permissionSets: ['Post_Writer'] });
}, 60_000);
afterAll(() => t.close());

describe('$User in validation rules', () => {
  it('ISBLANK($User.ContactId) tells partner users from internal ones', async () => {
    expect((await internal.conn.sobject('Post__c').create({ Name: 'Roadmap', Internal_Only__c: true })).success).toBe(
      true,
    );
    expect(
      await apiError(partner.conn.sobject('Post__c').create({ Name: 'Roadmap', Internal_Only__c: true })),
    ).toMatchObject({
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Partner users cannot post internal-only.',
    });
    expect((await partner.conn.sobject('Post__c').create({ Name: 'Hello' })).success).toBe(true);
  });

  it('TEXT($User.UserType) is Standard for internal users and PowerPartner for partner users', async () => {
    expect((await internal.conn.sobject('Post__c').create({ Name: 'A', Audience__c: 'Standard' })).success).toBe(true);
    expect((await partner.conn.sobject('Post__c').create({ Name: 'B', Audience__c: 'PowerPartner' })).success).toBe(
      true,
    );
    expect(
      await apiError(partner.conn.sobject('Post__c').create({ Name: 'C', Audience__c: 'Standard' })),
    ).toMatchObject({ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Write for your own user type.' });
  });

  it('ISPICKVAL($User.UserType, ...) and $User.AccountId read the partner user', async () => {
    expect(await apiError(partner.conn.sobject('Post__c').create({ Name: 'Draft' }))).toMatchObject({
      message: 'Partner users give their posts a title.',
    });
    expect((await internal.conn.sobject('Post__c').create({ Name: 'Draft' })).success).toBe(true);
  });
});

describe('compiling $User fields', () => {
  const schema = compileSchema(loadForceApp({ root: FIXTURE }));
  const post = schema.objects.get('Post__c')!;
  const compile = (formula: string, context: 'validation' | 'field' = 'validation') =>
    compileFormula(schema, post, formula, { context, blankAsZero: false, requireFormula: () => undefined });

  it('reads the user row given to the formula, and blank without one', () => {
    const formula = compile('$User.Email & "/" & TEXT($User.UserType) & "/" & IF($User.IsActive, "on", "off")');
    const user = (column: string) =>
      ({ Email: 'p@example.com', UserType: 'PowerPartner', IsActive: 1 })[column] as string | number | undefined;
    const base = { values: [], isNew: true, now: new Date(), userId: '005000000000002AAA' };
    expect(formula.evaluate({ ...base, user })).toBe('p@example.com/PowerPartner/on');
    expect(formula.evaluate(base)).toBe('//off');
  });

  it('refuses a picklist outside the picklist functions, unknown fields, and $User in formula fields', () => {
    expect(() => compile('$User.UserType = "PowerPartner"')).toThrow(FormulaCompileError);
    expect(() => compile('$User.UserType = "PowerPartner"')).toThrow(/picklist field/);
    expect(() => compile('ISBLANK($User.Nickname__c)')).toThrow(/does not exist/);
    expect(() => compile('$User.ContactId', 'field')).toThrow(/not supported in formula fields/);
  });
});
