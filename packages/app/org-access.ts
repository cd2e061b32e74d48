/**
 * How the local app's server reaches the local org: one org token per user, shared by every browser signed
 * in as that user (a new browser or a cookie-less visit mints no token), signed in again and retried once
 * when the org answers 401 INVALID_SESSION_ID (its session timeout, or a password change revoking tokens).
 */
import {
  asJsonArray,
  getBoolean,
  getJsonArray,
  getString,
  isAnyJson,
  isJsonArray,
  isJsonMap,
  isNumber,
  isString,
  type AnyJson,
  type JsonMap,
} from '@salesforce/ts-types';
import { SHARED_DEV_PASSWORD, SalesforceError } from '@partner-planning/localorg';
import { API_VERSION } from '@partner-planning/model';

/** An object describe, narrowed to fields' names, types, relationships and picklist values. */
export interface ObjectDescribe {
  name: string;
  fields: {
    name: string;
    type: string;
    relationshipName: string | null;
    referenceTo: string[];
    picklistValues: { value: string; label: string; active: boolean }[];
  }[];
}

/** Runs SOQL (every page) and describes objects as one user. */
export interface OrgClient {
  query(soql: string): Promise<{ totalSize: number; records: Record<string, unknown>[] }>;
  describe(objectName: string): Promise<ObjectDescribe>;
}

export { API_VERSION };

export interface OrgAccessOptions {
  /** The local org's instance URL and its admin's credentials (users list, rollup, admin sign-in). */
  orgUrl: string;
  adminUsername: string;
  adminToken: string;
  /** Signs the admin in again when the org refuses adminToken; without it that refusal stands. */
  adminPassword?: string;
}

/** Who a user is, as the app shows them (looked up once per sign-in, as that user). */
export interface Profile {
  userId: string;
  username: string;
  name: string;
  locale: string;
  timeZone: string;
  /** The org's User.UserType: `Standard` for internal users, `PowerPartner` for partner users. */
  userType: string;
  /** An external user's contact and account (the partner account); null for internal users. */
  contactId: string | null;
  accountId: string | null;
  accountName: string | null;
  /** An external user (a partner UserType or a ContactId): the app shows them the partner portal only. */
  portal: boolean;
}

export interface OrgUser {
  username: string;
  token: string;
  profile?: Profile;
  /** A sign-in under way after the org refused token (concurrent requests wait for the same one). */
  renewal?: Promise<string>;
}

export interface OrgResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface AppUser {
  id: string;
  name: string;
  username: string;
  role: string;
  /** A partner user's partner account (the user switch groups partner users by it); null for internal users. */
  account: string | null;
}

const ROLE_BY_PERMISSION_SET: Record<string, string> = {
  Partner_Planning_Admin: 'Admin',
  Partner_Manager: 'Partner Manager',
  Account_Executive: 'Account Executive',
};
export const PARTNER_ROLE = 'Partner User';
const ROLE_ORDER = ['System Administrator', 'Admin', 'Partner Manager', 'Account Executive', PARTNER_ROLE];
/** The UserType of a partner community user (Partner Community licence). */
export const PARTNER_USER_TYPE = 'PowerPartner';
/**
 * User fields an org has only with partner or customer portals enabled (a real org without Experience Cloud
 * has no ContactId on User): asked for only when the User describe lists them.
 */
const PORTAL_USER_FIELDS = ['UserType', 'ContactId', 'AccountId'];

export const invalidSession = (message = 'Session expired or invalid'): SalesforceError =>
  new SalesforceError(401, 'INVALID_SESSION_ID', message);

/** An org answer's body as JSON; undefined when it is empty or not JSON (a proxy's page, a cut-off body). */
function jsonOf(response: OrgResponse): AnyJson | undefined {
  if (response.body.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    return isAnyJson(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The first error of the org's error answer (`[{ message, errorCode }]`), when the body has that shape. */
function firstError(body: AnyJson | undefined): { errorCode?: string; message?: string } {
  const first = asJsonArray(body)?.[0];
  if (!isJsonMap(first)) return {};
  return { errorCode: getString(first, 'errorCode') ?? undefined, message: getString(first, 'message') ?? undefined };
}

/** An org answer that is not what the API documents: a 502 naming the request and what was missing. */
const malformed = (url: string, what: string): SalesforceError =>
  new SalesforceError(502, 'UNKNOWN_EXCEPTION', `The local org answered ${url} with ${what}`);

/** A query page (`GET /query`, `nextRecordsUrl`): `records` an array of objects, `totalSize` a number. */
function queryPage(body: unknown, url: string): { totalSize: number; records: JsonMap[]; nextRecordsUrl?: string } {
  if (!isAnyJson(body) || !isJsonMap(body)) throw malformed(url, 'a query result that is not a JSON object');
  const records = body.records;
  if (!isJsonArray(records) || !records.every(isJsonMap))
    throw malformed(url, 'a query result without a records array of objects');
  if (!isNumber(body.totalSize)) throw malformed(url, 'a query result without a numeric totalSize');
  const next = body.nextRecordsUrl;
  if (next !== undefined && next !== null && typeof next !== 'string')
    throw malformed(url, 'a query result whose nextRecordsUrl is not a string');
  return { totalSize: body.totalSize, records: records as JsonMap[], nextRecordsUrl: next ?? undefined };
}

/**
 * An object describe, narrowed to what the app reads: every field's name and type (strings), its
 * relationship name, referenceTo and picklist values. A describe without them is a 502 naming the object.
 */
function objectDescribe(body: AnyJson, url: string): ObjectDescribe {
  const name = getString(body, 'name');
  const fields = asJsonArray(getJsonArray(body, 'fields') ?? undefined);
  if (!name || !fields) throw malformed(url, 'a describe without a name and a fields array');
  return {
    name,
    fields: fields.map((field, i) => {
      const fieldName = getString(field, 'name');
      const type = getString(field, 'type');
      if (!fieldName || !type) throw malformed(url, `a describe whose fields[${i}] has no name and type`);
      return {
        name: fieldName,
        type,
        relationshipName: getString(field, 'relationshipName') ?? null,
        referenceTo: (getJsonArray(field, 'referenceTo') ?? []).filter(isString),
        picklistValues: (getJsonArray(field, 'picklistValues') ?? []).filter(isJsonMap).map((p) => ({
          value: getString(p, 'value') ?? '',
          label: getString(p, 'label') ?? getString(p, 'value') ?? '',
          active: getBoolean(p, 'active') ?? true,
        })),
      };
    }),
  };
}

/** True for the org's answer to an expired or revoked token. */
function isInvalidSession(response: OrgResponse): boolean {
  return response.status === 401 && firstError(jsonOf(response)).errorCode === 'INVALID_SESSION_ID';
}

/** `en_US` (Salesforce locale keys) to `en-US` (BCP 47, what Intl and the components use). */
const bcp47 = (sidKey: string | null | undefined): string => (sidKey ? sidKey.replace(/_/g, '-') : 'en-US');

const soqlString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A record's string or null field (SOQL answers null for a blank reference). */
const stringOrNull = (record: Record<string, unknown>, field: string): string | null =>
  typeof record[field] === 'string' ? (record[field] as string) : null;

/** True for a user the app shows the portal: a partner UserType, or any contact-linked (external) user. */
export const isPortalUser = (userType: string, contactId: string | null): boolean =>
  userType === PARTNER_USER_TYPE || contactId !== null;

export class OrgAccess {
  readonly admin: OrgUser;
  private readonly apiBase: string;
  private readonly users = new Map<string, OrgUser>();
  private readonly signingIn = new Map<string, Promise<OrgUser>>();
  // Object describes do not depend on who asks for the picklist labels and relationship names we need.
  private readonly describes = new Map<string, Promise<ObjectDescribe>>();

  constructor(private readonly options: OrgAccessOptions) {
    this.admin = { username: options.adminUsername, token: options.adminToken };
    this.users.set(this.admin.username, this.admin);
    this.apiBase = `${options.orgUrl}/services/data/v${API_VERSION}`;
  }

  /** A user already signed in (a session's user), or undefined. */
  known(username: string): OrgUser | undefined {
    const user = this.users.get(username);
    return user?.profile ? user : undefined;
  }

  /** One HTTP exchange with the org; an org that does not answer is a 503, not a crash. */
  private async exchange(url: string, init: RequestInit): Promise<OrgResponse> {
    let response: Response;
    try {
      response = await fetch(url.startsWith('http') ? url : `${this.options.orgUrl}${url}`, init);
    } catch (error) {
      throw new SalesforceError(
        503,
        'SERVER_UNAVAILABLE',
        `The local org does not answer at ${this.options.orgUrl}: ${(error as Error).message}`,
      );
    }
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** The org's password grant: a new access token for a user. */
  private async passwordGrant(username: string, password: string): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'password',
      client_id: 'partner-planning-local-app',
      client_secret: 'local',
      username,
      password,
    });
    const response = await this.exchange('/services/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    // Not JSON, or without a string access_token: reported with the status.
    const body = jsonOf(response);
    const accessToken = getString(body, 'access_token');
    if (response.status !== 200 || !accessToken)
      throw invalidSession(
        `Could not sign in as ${username}: ${getString(body, 'error_description') ?? `HTTP ${response.status}`}`,
      );
    return accessToken;
  }

  /**
   * Signs a user in again after the org refused their token: the admin with adminPassword, other users
   * with the shared dev password (as at their first sign-in).
   */
  private renew(user: OrgUser, refused: string): Promise<string> {
    if (user.token !== refused) return Promise.resolve(user.token);
    if (!user.renewal) {
      const password = user === this.admin ? this.options.adminPassword : SHARED_DEV_PASSWORD;
      user.renewal = (async () => {
        if (password === undefined)
          throw invalidSession("The org refused the admin's token and no admin password was given");
        user.token = await this.passwordGrant(user.username, password);
        return user.token;
      })().finally(() => {
        user.renewal = undefined;
      });
    }
    return user.renewal;
  }

  /** A request to the org as a user; an expired or revoked token signs them in again and retries once. */
  async request(user: OrgUser, url: string, init: RequestInit = {}): Promise<OrgResponse> {
    const send = (token: string): Promise<OrgResponse> =>
      this.exchange(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` },
      });
    const token = user.token;
    const response = await send(token);
    if (!isInvalidSession(response)) return response;
    return send(await this.renew(user, token));
  }

  /** A GET answered with JSON; an org error becomes the same error here. */
  async json(user: OrgUser, url: string): Promise<AnyJson> {
    const response = await this.request(user, url.startsWith('/') ? url : `${this.apiBase}/${url}`, {
      headers: { Accept: 'application/json' },
    });
    const body = response.body.length > 0 ? jsonOf(response) : null;
    if (body === undefined) throw malformed(url, 'something not JSON');
    if (response.status >= 400) {
      const first = firstError(body);
      throw new SalesforceError(
        response.status,
        first.errorCode ?? 'UNKNOWN_EXCEPTION',
        first.message ?? `HTTP ${response.status}`,
      );
    }
    return body;
  }

  /** The org queried and described as a user. */
  client(user: OrgUser): OrgClient {
    return {
      query: async (soql) => {
        const first = `query?q=${encodeURIComponent(soql)}`;
        let page = queryPage(await this.json(user, first), first);
        const records = [...page.records];
        while (page.nextRecordsUrl) {
          const next = page.nextRecordsUrl;
          page = queryPage(await this.json(user, next), next);
          records.push(...page.records);
        }
        return { totalSize: page.totalSize, records };
      },
      describe: (objectName) => {
        let found = this.describes.get(objectName);
        if (!found) {
          const url = `sobjects/${objectName}/describe`;
          found = this.json(user, url).then((body) => objectDescribe(body, url));
          found.catch(() => this.describes.delete(objectName));
          this.describes.set(objectName, found);
        }
        return found;
      },
    };
  }

  /** The portal fields (PORTAL_USER_FIELDS) the org's User has, from its describe. */
  private async portalUserFields(user: OrgUser): Promise<string[]> {
    const names = new Set((await this.client(user).describe('User')).fields.map((f) => f.name));
    return PORTAL_USER_FIELDS.filter((name) => names.has(name));
  }

  /** Account names by Id, as a user reads them (a partner user reads their own account). */
  private async accountNames(user: OrgUser, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const soql = `SELECT Id, Name FROM Account WHERE Id IN (${ids.map(soqlString).join(', ')})`;
    const accounts = await this.client(user).query(soql);
    return new Map(accounts.records.map((a) => [String(a.Id), String(a.Name)]));
  }

  /**
   * The users the app lets one switch to: the org admin, users with one of the app's permission sets, and
   * the active partner users (UserType PowerPartner) with their partner account.
   */
  async listUsers(): Promise<AppUser[]> {
    const client = this.client(this.admin);
    const extra = await this.portalUserFields(this.admin);
    const users = await client.query(
      `SELECT ${['Id', 'Name', 'Username', ...extra].join(', ')} FROM User WHERE IsActive = true ORDER BY Name`,
    );
    const assignments = await client.query('SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment');
    const roleOf = new Map<string, string>();
    for (const a of assignments.records) {
      const role = ROLE_BY_PERMISSION_SET[getString(a, 'PermissionSet.Name') ?? ''];
      const current = roleOf.get(String(a.AssigneeId));
      if (role && (!current || ROLE_ORDER.indexOf(role) < ROLE_ORDER.indexOf(current)))
        roleOf.set(String(a.AssigneeId), role);
    }
    const partners = users.records.filter((u) => u.UserType === PARTNER_USER_TYPE);
    const accounts = await this.accountNames(this.admin, [
      ...new Set(partners.map((u) => stringOrNull(u, 'AccountId')).filter((id): id is string => id !== null)),
    ]);
    const out: AppUser[] = [];
    for (const u of users.records) {
      const id = String(u.Id);
      const base = { id, name: String(u.Name), username: String(u.Username) };
      if (u.UserType === PARTNER_USER_TYPE) {
        const accountId = stringOrNull(u, 'AccountId');
        out.push({ ...base, role: PARTNER_ROLE, account: (accountId && accounts.get(accountId)) ?? null });
        continue;
      }
      const role = u.Username === this.options.adminUsername ? 'System Administrator' : roleOf.get(id);
      if (role) out.push({ ...base, role, account: null });
    }
    // Internal users by role; partner users after them, by partner account.
    return out.sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        (a.account ?? '').localeCompare(b.account ?? '') ||
        a.name.localeCompare(b.name),
    );
  }

  /**
   * A user signed in to the org with their profile: the first time through the password grant, then reused.
   * Whether they are a partner user is the org's answer to them (UserType, ContactId), never their username.
   */
  signIn(username: string): Promise<OrgUser> {
    const known = this.known(username);
    if (known) return Promise.resolve(known);
    let pending = this.signingIn.get(username);
    if (!pending) {
      pending = (async () => {
        const user = this.users.get(username) ?? {
          username,
          token: await this.passwordGrant(username, SHARED_DEV_PASSWORD),
        };
        const fields = [
          'Id',
          'Name',
          'Username',
          'LocaleSidKey',
          'TimeZoneSidKey',
          ...(await this.portalUserFields(user)),
        ];
        const soql = `SELECT ${fields.join(', ')} FROM User WHERE Username = ${soqlString(username)}`;
        const record = (await this.client(user).query(soql)).records[0];
        if (!record) throw new SalesforceError(404, 'NOT_FOUND', `No user ${username}`);
        const userType = getString(record, 'UserType') ?? 'Standard';
        const contactId = stringOrNull(record, 'ContactId');
        const accountId = stringOrNull(record, 'AccountId');
        const accountName = accountId ? ((await this.accountNames(user, [accountId])).get(accountId) ?? null) : null;
        user.profile = {
          userId: String(record.Id),
          username,
          name: String(record.Name),
          locale: bcp47(getString(record, 'LocaleSidKey')),
          timeZone: String(record.TimeZoneSidKey ?? 'UTC'),
          userType,
          contactId,
          accountId,
          accountName,
          portal: isPortalUser(userType, contactId),
        };
        this.users.set(username, user);
        return user;
      })().finally(() => this.signingIn.delete(username));
      this.signingIn.set(username, pending);
    }
    return pending;
  }

  /** Without a session the first visit signs in as the first partner manager, so the demo opens ready. */
  async defaultUser(): Promise<OrgUser> {
    const users = await this.listUsers();
    const user = users.find((u) => u.role === 'Partner Manager') ?? users[0];
    return this.signIn(user ? user.username : this.options.adminUsername);
  }
}
