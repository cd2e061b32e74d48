/**
 * Users for the local org's security tests: created by the admin with the Standard User profile, given
 * force-app permission sets through PermissionSetAssignment, and logged in with the OAuth username-password
 * flow (the shared development password), so every call runs as that user over HTTP.
 */
import { Connection } from 'jsforce';
import { API_VERSION, apiError, newUserFields, type ApiError, type TestOrg } from './localorg';

export interface TestUser {
  id: string;
  username: string;
  /** jsforce connection logged in as the user. */
  conn: Connection;
}

export interface UserSpec {
  /** Unique within the test org; becomes `<alias>@security.example`. */
  alias: string;
  permissionSets?: string[];
  managerId?: string;
  /** The user's role (UserRole Id): the role hierarchy is what sharing follows. */
  roleId?: string;
  profile?: 'Standard User' | 'System Administrator';
  /** Other User fields to create the user with (Department, ...). */
  fields?: Record<string, unknown>;
}

/** The PermissionSet Id for a force-app permission set name. */
export async function permissionSetId(t: TestOrg, name: string): Promise<string> {
  const result = await t.conn.query<{ Id: string }>(`SELECT Id FROM PermissionSet WHERE Name = '${name}'`);
  const id = result.records[0]?.Id;
  if (!id) throw new Error(`no permission set named ${name}`);
  return id;
}

/** Logs a user in with the shared development password. */
export async function login(t: TestOrg, username: string): Promise<Connection> {
  const conn = new Connection({
    oauth2: { loginUrl: t.org.instanceUrl, clientId: 'security-tests', clientSecret: 'secret' },
    version: API_VERSION,
  });
  await conn.login(username, 'localorg');
  return conn;
}

/** Creates a user (as the admin), assigns its permission sets and logs it in. */
export async function createUser(t: TestOrg, spec: UserSpec): Promise<TestUser> {
  const username = `${spec.alias}@security.example`;
  const profile = spec.profile ?? 'Standard User';
  const profileId = (await t.conn.query<{ Id: string }>(`SELECT Id FROM Profile WHERE Name = '${profile}'`)).records[0]
    .Id;
  const fields = await newUserFields(t.conn, {
    Username: username,
    LastName: spec.alias,
    Alias: spec.alias.slice(0, 8),
    ProfileId: profileId,
    ...(spec.managerId ? { ManagerId: spec.managerId } : {}),
    ...(spec.roleId ? { UserRoleId: spec.roleId } : {}),
    ...spec.fields,
  });
  const created = await t.conn.sobject('User').create(fields);
  if (!created.success) throw new Error(`could not create user ${username}`);
  for (const name of spec.permissionSets ?? []) {
    await t.conn
      .sobject('PermissionSetAssignment')
      .create({ AssigneeId: created.id, PermissionSetId: await permissionSetId(t, name) });
  }
  return { id: created.id, username, conn: await login(t, username) };
}

/** The error a query fails with (jsforce's Query is a thenable, not a Promise). */
export const queryError = (conn: Connection, soql: string): Promise<ApiError> =>
  apiError(conn.query(soql).then((result) => result));

/** A plan with one section and one target, as the ids the tests need. */
export interface PlanIds {
  plan: string;
  section: string;
  target: string;
}

/**
 * A plan of the partner account with one section and a Closed_Won_Revenue target per value (one of 1000 by
 * default), created by (and owned by) the connection's user. `target` is the first target.
 */
export async function createPlan(
  conn: Connection,
  partnerAccount: string,
  name: string,
  targetValues: number[] = [1000],
): Promise<PlanIds> {
  const plan = (
    await conn.sobject('Partner_Account_Plan__c').create({
      Name: name,
      Partner_Account__c: partnerAccount,
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
    })
  ).id!;
  const section = (
    await conn.sobject('Plan_Section__c').create({ Name: `${name} sales`, Partner_Account_Plan__c: plan })
  ).id!;
  const targets: string[] = [];
  for (const value of targetValues) {
    const created = await conn.sobject('Plan_Target__c').create({
      Plan_Section__c: section,
      Metric__c: 'Closed_Won_Revenue',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
      Target_Value__c: value,
      Weight__c: 1,
    });
    targets.push(created.id!);
  }
  return { plan, section, target: targets[0] };
}

/** The error of a write the user's sharing does not allow. */
export const INSUFFICIENT_ACCESS = {
  errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
  message: 'insufficient access rights on object id',
};

/** The usual audience of an access test: a partner manager, an AE, a Standard User, and the manager's plan. */
export interface PlanAudience extends PlanIds {
  pm: TestUser;
  ae: TestUser;
  standard: TestUser;
  /** The partner account of the plan, named Orion Partners. */
  account: string;
}

/**
 * Creates the usual audience: users `pm` (Partner_Manager), `ae` (Account_Executive) and `standard` (no
 * permission set), and the partner account Orion Partners (with `externalKey` in External_Key__c, a field
 * the Standard User cannot read) with the manager's plan "Orion growth plan".
 */
export async function createPlanAudience(t: TestOrg, externalKey = 'orion-1'): Promise<PlanAudience> {
  const pm = await createUser(t, { alias: 'pm', permissionSets: ['Partner_Manager'] });
  const ae = await createUser(t, { alias: 'ae', permissionSets: ['Account_Executive'] });
  const standard = await createUser(t, { alias: 'standard' });
  const account = (
    await t.conn
      .sobject('Account')
      .create({ Name: 'Orion Partners', Partner_Type__c: 'Reseller', External_Key__c: externalKey })
  ).id!;
  const ids = await createPlan(pm.conn, account, 'Orion growth plan');
  return { pm, ae, standard, account, ...ids };
}
