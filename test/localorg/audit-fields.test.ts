/**
 * "Set Audit Fields upon Record Creation": with the org setting on (the scratch definition's
 * securitySettings.enableAuditFieldsInactiveOwner) and the CreateAuditFields user permission (here through the
 * Partner_Planning_Data_Load permission set), describe reports the audit fields createable (never updateable)
 * and an insert may give them, through the REST API, sObject Collections and Bulk API 2.0; otherwise, and on
 * every update or upsert, giving them fails as for any system field. The feature also needs Modify All Data.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectEnablesAuditFields } from '../../packages/localorg/scratch-definition';
import { REPO_ROOT } from '../../packages/model';
import { fastPolling, load } from '../support/bulk';
import { grantAuditFields, startTestOrg, type TestOrg } from '../support/localorg';
import { createUser } from '../support/security';

const PAST = '2025-03-14T09:30:00.000Z';
const AUDIT = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById'];

interface AccountAudit {
  Id: string;
  Name: string;
  CreatedDate: string;
  CreatedById: string;
  LastModifiedDate: string;
  LastModifiedById: string;
}

async function createableAudit(t: TestOrg): Promise<Record<string, [boolean, boolean]>> {
  const describe = await t.conn.sobject('Account').describe();
  return Object.fromEntries(
    describe.fields.filter((f) => AUDIT.includes(f.name)).map((f) => [f.name, [f.createable, f.updateable]]),
  );
}

async function readAudit(t: TestOrg, id: string): Promise<AccountAudit> {
  const result = await t.conn.query<AccountAudit>(
    `SELECT Id, Name, CreatedDate, CreatedById, LastModifiedDate, LastModifiedById FROM Account WHERE Id = '${id}'`,
  );
  return result.records[0];
}

/** The REST API's answer to a create, as status and body (jsforce throws on an error). */
async function tryCreate(
  t: TestOrg,
  values: Record<string, unknown>,
): Promise<{ errorCode?: string; message?: string; id?: string }> {
  try {
    const result = await t.conn.sobject('Account').create(values);
    return { id: result.id };
  } catch (error) {
    const e = error as { errorCode?: string; message?: string };
    return { errorCode: e.errorCode, message: e.message };
  }
}

describe('with the org setting on', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ auditFields: true });
    fastPolling(t.conn);
  });
  afterAll(() => t.close());

  it('refuses audit fields on insert to a user without CreateAuditFields, and describe says so', async () => {
    expect(await createableAudit(t)).toEqual({
      CreatedDate: [false, false],
      CreatedById: [false, false],
      LastModifiedDate: [false, false],
      LastModifiedById: [false, false],
    });
    expect(await tryCreate(t, { Name: 'Too early', CreatedDate: PAST })).toEqual({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message:
        'Unable to create/update fields: CreatedDate. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
    });
  });

  describe('once the user holds Set Audit Fields upon Record Creation', () => {
    beforeAll(() => grantAuditFields(t));

    it('describes the audit fields createable but not updateable', async () => {
      expect(await createableAudit(t)).toEqual({
        CreatedDate: [true, false],
        CreatedById: [true, false],
        LastModifiedDate: [true, false],
        LastModifiedById: [true, false],
      });
    });

    it('stores the given creation date and creator; the last modification is the insert unless given', async () => {
      const before = Date.now();
      const created = await tryCreate(t, { Name: 'Migrated', CreatedDate: PAST, CreatedById: t.org.adminUserId });
      const row = await readAudit(t, String(created.id));
      expect(Date.parse(row.CreatedDate)).toBe(Date.parse(PAST));
      expect(row.CreatedById).toBe(t.org.adminUserId);
      expect(Date.parse(row.LastModifiedDate)).toBeGreaterThanOrEqual(before - 1000);
      const both = await tryCreate(t, {
        Name: 'Migrated 2',
        CreatedDate: PAST,
        LastModifiedDate: '2025-04-01T00:00:00.000Z',
      });
      expect(Date.parse((await readAudit(t, String(both.id))).LastModifiedDate)).toBe(
        Date.parse('2025-04-01T00:00:00.000Z'),
      );
      // Without audit fields the insert is stamped as always.
      const plain = await readAudit(t, String((await tryCreate(t, { Name: 'Today' })).id));
      expect(Date.parse(plain.CreatedDate)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('refuses a creation in the future and a last modification before the creation', async () => {
      const future = new Date(Date.now() + 86_400_000).toISOString();
      expect(await tryCreate(t, { Name: 'Future', CreatedDate: future })).toMatchObject({
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      });
      expect(
        await tryCreate(t, { Name: 'Backwards', CreatedDate: PAST, LastModifiedDate: '2025-01-01T00:00:00.000Z' }),
      ).toEqual({
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: 'Last Modified Date (Wed Jan 01 00:00:00 GMT 2025) before Create Date (Fri Mar 14 09:30:00 GMT 2025)',
      });
    });

    it('never lets an update change them', async () => {
      const created = await tryCreate(t, { Name: 'Kept', CreatedDate: PAST });
      await expect(
        t.conn.sobject('Account').update({ Id: String(created.id), CreatedDate: '2024-01-01T00:00:00.000Z' }),
      ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
      expect(Date.parse((await readAudit(t, String(created.id))).CreatedDate)).toBe(Date.parse(PAST));
    });

    it('takes them through sObject Collections, never through an upsert', async () => {
      const results = await t.conn.sobject('Account').create(
        [
          { Name: 'Collection A', CreatedDate: PAST },
          { Name: 'Collection B', CreatedDate: '2025-06-30T12:00:00.000Z' },
        ],
        {
          allOrNone: true,
        },
      );
      const ids = results.map((r) => String(r.id));
      const rows = await Promise.all(ids.map((id) => readAudit(t, id)));
      expect(rows.map((r) => Date.parse(r.CreatedDate))).toEqual([
        Date.parse(PAST),
        Date.parse('2025-06-30T12:00:00.000Z'),
      ]);
      // Salesforce sets them on insert only, not on an upsert, even one that would create.
      await expect(
        t.conn
          .sobject('Account')
          .upsert({ Name: 'Upserted', External_Key__c: 'AUDIT-1', CreatedDate: PAST }, 'External_Key__c'),
      ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
      expect((await t.conn.query("SELECT COUNT() FROM Account WHERE External_Key__c = 'AUDIT-1'")).totalSize).toBe(0);
    });

    it('takes them through a Bulk API 2.0 insert', async () => {
      const csv = ['Name,CreatedDate', `Bulk One,${PAST}`, 'Bulk Two,2030-01-01T00:00:00.000Z'].join('\n');
      const { successfulResults, failedResults } = await load(t.conn, 'Account', 'insert', csv);
      expect(successfulResults.map((r) => r.Name)).toEqual(['Bulk One']);
      expect(failedResults.map((r) => r.sf__Error)).toEqual([
        'INVALID_FIELD_FOR_INSERT_UPDATE:CreatedDate cannot be in the future:CreatedDate --',
      ]);
      expect(Date.parse((await readAudit(t, successfulResults[0].sf__Id)).CreatedDate)).toBe(Date.parse(PAST));
    });
  });
});

describe('a user with CreateAuditFields but without Modify All Data', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ auditFields: true });
  });
  afterAll(() => t.close());

  it('may not set audit fields: the feature also needs Modify All Data', async () => {
    const user = await createUser(t, {
      alias: 'loader',
      permissionSets: ['Partner_Manager', 'Partner_Planning_Data_Load'],
    });
    const describe = await user.conn.sobject('Account').describe();
    expect(describe.fields.find((f) => f.name === 'CreatedDate')?.createable).toBe(false);
    await expect(user.conn.sobject('Account').create({ Name: 'Loaded', CreatedDate: PAST })).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    });
  });
});

describe('with the org setting off', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ auditFields: false });
    await grantAuditFields(t);
  });
  afterAll(() => t.close());

  it('refuses audit fields even to a user with CreateAuditFields', async () => {
    expect((await createableAudit(t)).CreatedDate).toEqual([false, false]);
    expect(await tryCreate(t, { Name: 'Too early', CreatedDate: PAST })).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    });
  });
});

describe("the org setting's default", () => {
  it("is the scratch definition's securitySettings.enableAuditFieldsInactiveOwner", () => {
    const project = (definition: string | undefined): string => {
      const root = mkdtempSync(join(tmpdir(), 'audit-def-'));
      if (definition !== undefined) {
        mkdirSync(join(root, 'config'));
        writeFileSync(join(root, 'config', 'project-scratch-def.json'), definition);
      }
      return root;
    };
    const on = JSON.stringify({ settings: { securitySettings: { enableAuditFieldsInactiveOwner: true } } });
    expect(projectEnablesAuditFields(project(on))).toBe(true);
    expect(projectEnablesAuditFields(project(JSON.stringify({ settings: { securitySettings: {} } })))).toBe(false);
    expect(projectEnablesAuditFields(project('{ not json'))).toBe(false);
    expect(projectEnablesAuditFields(project(undefined))).toBe(false);
    // This project's definition turns it on, so the demo data can be dated.
    expect(projectEnablesAuditFields(REPO_ROOT)).toBe(true);
  });

  it('applies when no option is given', async () => {
    const t = await startTestOrg();
    try {
      await grantAuditFields(t);
      expect((await createableAudit(t)).CreatedDate).toEqual([true, false]);
    } finally {
      await t.close();
    }
  });
});
