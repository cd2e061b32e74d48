/**
 * Users, passwords and access tokens of the local org. Tokens live in SQLite so they survive a restart.
 *
 * Passwords: the admin user gets a generated password on first start (printed by the CLI, written to
 * auth.json). Any other user logs in with the password set through `POST /sobjects/User/{id}/password`,
 * or, until one is set, with the org's shared development password `localorg` (SHARED_DEV_PASSWORD).
 */
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { makeId } from './ids';
import type { Dml, RequestContext } from './dml';
import type { ObjectSchema } from './schema';
import { quoteIdent, type Row, type Storage } from './storage';

export const SHARED_DEV_PASSWORD = 'localorg';
export const ADMIN_USERNAME = 'admin@localorg.local';

export interface AdminAccount {
  userId: string;
  username: string;
  password: string;
  accessToken: string;
}

export class Auth {
  readonly orgId: string;
  private readonly users: ObjectSchema;

  constructor(
    private readonly storage: Storage,
    private readonly dml: Dml,
  ) {
    const db = storage.db;
    db.exec(
      `CREATE TABLE IF NOT EXISTS _localorg_tokens (token TEXT PRIMARY KEY, user_id TEXT NOT NULL, issued_at TEXT NOT NULL)`,
    );
    db.exec(
      `CREATE TABLE IF NOT EXISTS _localorg_passwords (user_id TEXT PRIMARY KEY, salt TEXT NOT NULL, hash TEXT NOT NULL)`,
    );
    const users = storage.schema.objects.get('User');
    if (!users) throw new Error('the model has no User object');
    this.users = users;
    let orgId = storage.getMeta('orgId');
    if (!orgId) {
      orgId = makeId('00D', 1);
      storage.setMeta('orgId', orgId);
    }
    this.orgId = orgId;
  }

  /** The System Administrator: created on first start with a stable Id, password and token. */
  ensureAdmin(now: Date, profileId: string): AdminAccount {
    return this.storage.db.transaction(() => {
      let userId = this.storage.getMeta('adminUserId');
      if (!userId) {
        const fields: Record<string, string> = {
          Username: ADMIN_USERNAME,
          FirstName: 'Local',
          LastName: 'Admin',
          Email: ADMIN_USERNAME,
          Alias: 'ladmin',
          Title: 'System Administrator',
          TimeZoneSidKey: 'GMT',
          LocaleSidKey: 'en_US',
          LanguageLocaleKey: 'en_US',
          EmailEncodingKey: 'UTF-8',
          ProfileId: profileId,
        };
        const values = new Map(Object.entries(fields).map(([name, value]) => [this.users.fields.get(name)!, value]));
        // The first user creates itself: its audit fields point at its own Id.
        userId = this.dml.create({ userId: '', apiVersion: '', now }, this.users, values);
        this.storage.updateRow(this.users, userId, { CreatedById: userId, LastModifiedById: userId });
        this.storage.setMeta('adminUserId', userId);
        const password = randomBytes(12).toString('base64url');
        this.storage.setMeta('adminPassword', password);
        this.setPassword(userId, password);
      }
      let accessToken = this.storage.getMeta('adminToken');
      if (!accessToken || this.userForToken(accessToken) !== userId) {
        accessToken = this.issueToken(userId, now);
        this.storage.setMeta('adminToken', accessToken);
      }
      const row = this.storage.getRow(this.users, userId) as Row;
      return {
        userId,
        username: String(row.Username),
        password: this.storage.getMeta('adminPassword') ?? '',
        accessToken,
      };
    })();
  }

  issueToken(userId: string, now: Date): string {
    const token = `${this.orgId.slice(0, 15)}!${randomBytes(36).toString('base64url')}`;
    this.storage
      .statement(`INSERT INTO _localorg_tokens (token, user_id, issued_at) VALUES (?, ?, ?)`)
      .run(token, userId, now.toISOString());
    return token;
  }

  revokeToken(token: string): void {
    this.storage.statement(`DELETE FROM _localorg_tokens WHERE token = ?`).run(token);
  }

  /** The user a token belongs to, when the token is known and the user active. */
  userForToken(token: string): string | undefined {
    const row = this.storage.statement(`SELECT user_id FROM _localorg_tokens WHERE token = ?`).get(token) as
      { user_id: string } | undefined;
    if (!row) return undefined;
    const user = this.storage.getRow(this.users, row.user_id);
    return user && user.IsDeleted === 0 && user.IsActive === 1 ? row.user_id : undefined;
  }

  /** The active user these credentials log in, if any. */
  login(username: string, password: string): string | undefined {
    const user = this.storage
      .statement(
        `SELECT "Id" FROM ${quoteIdent(this.users.table)} WHERE "Username" = ? AND "IsDeleted" = 0 AND "IsActive" = 1`,
      )
      .get(username) as { Id: string } | undefined;
    if (!user) return undefined;
    const stored = this.storage
      .statement(`SELECT salt, hash FROM _localorg_passwords WHERE user_id = ?`)
      .get(user.Id) as { salt: string; hash: string } | undefined;
    if (!stored) return password === SHARED_DEV_PASSWORD ? user.Id : undefined;
    const hash = scryptSync(password, Buffer.from(stored.salt, 'base64'), 32);
    return timingSafeEqual(hash, Buffer.from(stored.hash, 'base64')) ? user.Id : undefined;
  }

  setPassword(userId: string, password: string): void {
    const salt = randomBytes(16);
    const hash = scryptSync(password, salt, 32);
    this.storage
      .statement(
        `INSERT INTO _localorg_passwords (user_id, salt, hash) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash`,
      )
      .run(userId, salt.toString('base64'), hash.toString('base64'));
  }

  identityUrl(instanceUrl: string, userId: string): string {
    return `${instanceUrl}/id/${this.orgId}/${userId}`;
  }

  /** The OAuth token response, shaped like Salesforce's (`signature` = HMAC-SHA256 of id + issued_at). */
  tokenResponse(instanceUrl: string, userId: string, token: string, now: Date, secret: string): Record<string, string> {
    const id = this.identityUrl(instanceUrl, userId);
    const issuedAt = String(now.getTime());
    const signature = createHmac('sha256', secret)
      .update(id + issuedAt)
      .digest('base64');
    return { access_token: token, instance_url: instanceUrl, id, token_type: 'Bearer', issued_at: issuedAt, signature };
  }

  /** The identity service document (`/id/{orgId}/{userId}`), as `conn.identity()` reads it. */
  identity(instanceUrl: string, userId: string, ctx: RequestContext): Record<string, unknown> | undefined {
    const user = this.storage.getRow(this.users, userId);
    if (!user || user.IsDeleted === 1) return undefined;
    const v = ctx.apiVersion || '66.0';
    const data = `${instanceUrl}/services/data/v${v}`;
    return {
      id: this.identityUrl(instanceUrl, userId),
      asserted_user: true,
      user_id: userId,
      organization_id: this.orgId,
      username: user.Username,
      nick_name: user.Alias,
      display_name: user.Name,
      email: user.Email,
      email_verified: true,
      first_name: user.FirstName,
      last_name: user.LastName,
      timezone: user.TimeZoneSidKey,
      photos: { picture: null, thumbnail: null },
      active: user.IsActive === 1,
      user_type: 'STANDARD',
      language: user.LanguageLocaleKey,
      locale: user.LocaleSidKey,
      utcOffset: 0,
      last_modified_date: String(user.LastModifiedDate).replace(/Z$/, '+0000'),
      is_app_installed: true,
      urls: {
        rest: `${data}/`,
        sobjects: `${data}/sobjects/`,
        search: `${data}/search/`,
        query: `${data}/query/`,
        recent: `${data}/recent/`,
        profile: `${instanceUrl}/${userId}`,
        users: `${data}/chatter/users`,
        custom_domain: instanceUrl,
      },
    };
  }

  /** The OpenID Connect userinfo document. */
  userinfo(instanceUrl: string, userId: string, ctx: RequestContext): Record<string, unknown> | undefined {
    const identity = this.identity(instanceUrl, userId, ctx);
    if (!identity) return undefined;
    return {
      sub: identity.id,
      user_id: userId,
      organization_id: this.orgId,
      preferred_username: identity.username,
      nickname: identity.nick_name,
      name: identity.display_name,
      email: identity.email,
      email_verified: true,
      given_name: identity.first_name,
      family_name: identity.last_name,
      zoneinfo: identity.timezone,
      photos: identity.photos,
      profile: `${instanceUrl}/${userId}`,
      picture: null,
      address: {},
      urls: identity.urls,
      active: identity.active,
      user_type: 'STANDARD',
      language: identity.language,
      locale: identity.locale,
      utcOffset: 0,
      updated_at: identity.last_modified_date,
      is_app_installed: true,
    };
  }
}
