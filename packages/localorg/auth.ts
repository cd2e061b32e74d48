/**
 * Users, passwords, access tokens, login lockout and session timeout of the local org.
 *
 * Passwords: the admin user gets a generated password on first start (printed by the CLI, written to
 * auth.json, the only place it is at rest). Any other user logs in with the password set through
 * `POST /sobjects/User/{id}/password`, or, until one is set, with the org's shared development password
 * `localorg` (SHARED_DEV_PASSWORD). Only scrypt hashes of passwords are stored.
 *
 * Access tokens live in SQLite as SHA-256 hashes (the tokens are 36 random bytes: a fast hash is enough),
 * so the database holds nothing that logs anyone in. As in an org's Session Settings, a token expires after
 * `sessionTimeoutMinutes` without use (default 2 hours); its last-active time is only written once over
 * half the timeout has passed, as Salesforce does, so most requests do not write. Setting or resetting a
 * password and deactivating a user end all of that user's sessions.
 *
 * Logins: 10 consecutive failures lock the user out for `lockoutMinutes` (Salesforce's default password
 * policy: 10 attempts, 15 minutes); a success resets the count. Password checks run scrypt off the event
 * loop, and an unknown username or a user without a password pays the same scrypt work, so neither the
 * event loop nor the answer time tells which usernames exist.
 */
import { createHash, createHmac, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { API_VERSION } from '@partner-planning/model';
import { makeId } from './ids';
import type { RequestContext } from './context';
import type { Dml } from './dml';
import type { ObjectSchema } from './schema';
import { quoteIdent, type Row } from './sql';
import type { Storage } from './storage';

export const SHARED_DEV_PASSWORD = 'localorg';
export const ADMIN_USERNAME = 'admin@localorg.local';
/** Salesforce's default password policy: "Maximum invalid login attempts" 10, "Lockout effective period" 15 minutes. */
export const MAX_LOGIN_ATTEMPTS = 10;
export const DEFAULT_LOCKOUT_MINUTES = 15;
/** Salesforce's default session timeout (Session Settings): 2 hours. */
export const DEFAULT_SESSION_TIMEOUT_MINUTES = 120;

export interface AdminAccount {
  userId: string;
  username: string;
  password: string;
  accessToken: string;
}

export interface AuthOptions {
  /** The org's clock. */
  now: () => Date;
  lockoutMinutes?: number;
  sessionTimeoutMinutes?: number;
}

/** The admin's credentials from the previous run's auth.json, reused when they still verify. */
export interface SavedAdmin {
  password?: string;
  accessToken?: string;
}

const KEY_LENGTH = 32;
/**
 * Salt of the scrypt run for an unknown username or a user still on the shared dev password: fixed, so
 * the shared dev password's hash is known in advance, and the work is the same as for a real password.
 */
const SHARED_SALT = Buffer.from('localorg shared dev password salt');

/** scrypt on libuv's thread pool (Node's default cost, N=16384): the event loop stays free. */
function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolveHash, reject) => {
    scrypt(password, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolveHash(key)));
  });
}

let sharedDevHash: Buffer | undefined;
/** The shared dev password's hash, computed once per process (at start, by ensureAdmin). */
function sharedDevPasswordHash(): Buffer {
  sharedDevHash ??= scryptSync(SHARED_DEV_PASSWORD, SHARED_SALT, KEY_LENGTH);
  return sharedDevHash;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class Auth {
  readonly orgId: string;
  private readonly users: ObjectSchema;
  private readonly now: () => Date;
  private readonly lockoutMs: number;
  /** Read by the SOAP login (sessionSecondsValid). */
  readonly sessionTimeoutMs: number;
  /** Set when the database held plain-text credentials: they are scrubbed from the file once migrated. */
  private legacy = false;

  constructor(
    private readonly storage: Storage,
    private readonly dml: Dml,
    options: AuthOptions,
  ) {
    this.now = options.now;
    this.lockoutMs = minutes(options.lockoutMinutes ?? DEFAULT_LOCKOUT_MINUTES, 'lockoutMinutes');
    this.sessionTimeoutMs = minutes(
      options.sessionTimeoutMinutes ?? DEFAULT_SESSION_TIMEOUT_MINUTES,
      'sessionTimeoutMinutes',
    );
    const db = storage.db;
    db.exec(
      `CREATE TABLE IF NOT EXISTS _localorg_sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, issued_at TEXT NOT NULL, last_active TEXT NOT NULL)`,
    );
    db.exec(`CREATE INDEX IF NOT EXISTS _localorg_sessions__user_id ON _localorg_sessions (user_id)`);
    db.exec(
      `CREATE TABLE IF NOT EXISTS _localorg_passwords (user_id TEXT PRIMARY KEY, salt TEXT NOT NULL, hash TEXT NOT NULL)`,
    );
    db.exec(
      `CREATE TABLE IF NOT EXISTS _localorg_login_failures (user_id TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until TEXT)`,
    );
    this.migrateLegacyTokens();
    const users = storage.schema.objects.get('User');
    if (!users) throw new Error('the model has no User object');
    this.users = users;
    let orgId = storage.getMeta('orgId');
    if (!orgId) {
      orgId = makeId('00D', 1);
      storage.setMeta('orgId', orgId);
    }
    this.orgId = orgId;
    // Deactivating a user ends their sessions: reactivating them must not bring old tokens back.
    dml.onUserDeactivated = (userId) => this.revokeUserSessions(userId);
  }

  /** Older versions kept plain tokens in `_localorg_tokens`: keep those sessions, as hashes. */
  private migrateLegacyTokens(): void {
    const db = this.storage.db;
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_localorg_tokens'`).get();
    const meta = db.prepare(`SELECT 1 FROM _localorg_meta WHERE key IN ('adminPassword', 'adminToken')`).get();
    if (!table && !meta) return;
    this.legacy = true;
    if (!table) return;
    const now = this.now().toISOString();
    db.transaction(() => {
      const rows = db.prepare(`SELECT token, user_id, issued_at FROM _localorg_tokens`).all() as {
        token: string;
        user_id: string;
        issued_at: string;
      }[];
      const insert = db.prepare(
        `INSERT OR IGNORE INTO _localorg_sessions (token_hash, user_id, issued_at, last_active) VALUES (?, ?, ?, ?)`,
      );
      for (const row of rows) insert.run(hashToken(row.token), row.user_id, row.issued_at, now);
      db.exec(`DROP TABLE _localorg_tokens`);
    })();
  }

  /**
   * The System Administrator: created on first start with a stable Id. Its password and token are the
   * previous run's (auth.json) while they still verify; otherwise a new password (which ends the admin's
   * old sessions) and a new token.
   */
  async ensureAdmin(profileId: string, saved: SavedAdmin = {}): Promise<AdminAccount> {
    const now = this.now();
    sharedDevHash ??= await scryptAsync(SHARED_DEV_PASSWORD, SHARED_SALT);
    const legacyPassword = this.storage.getMeta('adminPassword');
    const legacyToken = this.storage.getMeta('adminToken');
    let userId = this.storage.getMeta('adminUserId');
    let password: string | undefined;
    if (!userId) {
      password = randomBytes(12).toString('base64url');
      const salt = randomBytes(16);
      const hash = await scryptAsync(password, salt);
      userId = this.storage.db.transaction(() => this.createAdmin(profileId, now, salt, hash))();
    } else {
      for (const candidate of [saved.password, legacyPassword]) {
        if (candidate && (await this.verifyPassword(userId, candidate))) {
          password = candidate;
          break;
        }
      }
      if (!password) {
        password = randomBytes(12).toString('base64url');
        const salt = randomBytes(16);
        this.storePassword(userId, salt, await scryptAsync(password, salt));
      }
    }
    const adminId = userId;
    const reusable = [saved.accessToken, legacyToken].find((t) => t && this.userForToken(t) === adminId);
    const accessToken = reusable ?? this.issueToken(adminId, now);
    if (this.legacy) this.scrubLegacy();
    const row = this.storage.getRow(this.users, adminId) as Row;
    return { userId: adminId, username: String(row.Username), password, accessToken };
  }

  private createAdmin(profileId: string, now: Date, salt: Buffer, hash: Buffer): string {
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
    const userId = this.dml.create({ userId: '', apiVersion: '', now }, this.users, values);
    this.storage.updateRow(this.users, userId, { CreatedById: userId, LastModifiedById: userId });
    this.storage.setMeta('adminUserId', userId);
    this.storePassword(userId, salt, hash);
    return userId;
  }

  /** Deletes the plain-text admin password and token older versions kept, and rewrites the file without them. */
  private scrubLegacy(): void {
    this.storage.db.prepare(`DELETE FROM _localorg_meta WHERE key IN ('adminPassword', 'adminToken')`).run();
    // Deleted rows leave their bytes in free pages and in the WAL: rebuild the file and empty the WAL.
    this.storage.db.exec('VACUUM');
    this.storage.db.pragma('wal_checkpoint(TRUNCATE)');
    this.legacy = false;
  }

  issueToken(userId: string, now: Date = this.now()): string {
    const token = `${this.orgId.slice(0, 15)}!${randomBytes(36).toString('base64url')}`;
    const stamp = now.toISOString();
    this.storage
      .statement(`INSERT INTO _localorg_sessions (token_hash, user_id, issued_at, last_active) VALUES (?, ?, ?, ?)`)
      .run(hashToken(token), userId, stamp, stamp);
    return token;
  }

  revokeToken(token: string): void {
    this.storage.statement(`DELETE FROM _localorg_sessions WHERE token_hash = ?`).run(hashToken(token));
  }

  /** Ends every session of a user (password set or reset, deactivation). */
  revokeUserSessions(userId: string): void {
    this.storage.statement(`DELETE FROM _localorg_sessions WHERE user_id = ?`).run(userId);
  }

  /**
   * The user a token belongs to, when the token is known, not idle past the session timeout, and its user
   * active. Use refreshes the session's last-active time once over half the timeout has passed.
   */
  userForToken(token: string): string | undefined {
    const tokenHash = hashToken(token);
    const row = this.storage
      .statement(`SELECT user_id, last_active FROM _localorg_sessions WHERE token_hash = ?`)
      .get(tokenHash) as { user_id: string; last_active: string } | undefined;
    if (!row) return undefined;
    const now = this.now();
    const idle = now.getTime() - Date.parse(row.last_active);
    if (idle >= this.sessionTimeoutMs) {
      this.storage.statement(`DELETE FROM _localorg_sessions WHERE token_hash = ?`).run(tokenHash);
      return undefined;
    }
    const user = this.storage.getRow(this.users, row.user_id);
    if (!user || user.IsDeleted !== 0 || user.IsActive !== 1) return undefined;
    if (idle > this.sessionTimeoutMs / 2) {
      this.storage
        .statement(`UPDATE _localorg_sessions SET last_active = ? WHERE token_hash = ?`)
        .run(now.toISOString(), tokenHash);
    }
    return row.user_id;
  }

  /**
   * The active user these credentials log in, if any. Exactly one scrypt run whatever the username, so
   * the answer's timing does not tell known usernames from unknown ones. A locked-out user is refused
   * even with the right password, and attempts while locked do not count.
   */
  async login(username: string, password: string): Promise<string | undefined> {
    const user = this.storage
      .statement(
        `SELECT "Id" FROM ${quoteIdent(this.users.table)} WHERE "Username" = ? AND "IsDeleted" = 0 AND "IsActive" = 1`,
      )
      .get(username) as { Id: string } | undefined;
    const stored = user ? this.storedPassword(user.Id) : undefined;
    const hash = await scryptAsync(password, stored ? stored.salt : SHARED_SALT);
    const matches = timingSafeEqual(hash, stored ? stored.hash : sharedDevPasswordHash());
    if (!user) return undefined;
    // Read after the wait: other attempts for this user may have been counted meanwhile.
    const now = this.now();
    if (this.isLockedOut(user.Id, now)) return undefined;
    if (!matches) {
      this.countFailure(user.Id, now);
      return undefined;
    }
    this.storage.statement(`DELETE FROM _localorg_login_failures WHERE user_id = ?`).run(user.Id);
    return user.Id;
  }

  private isLockedOut(userId: string, now: Date): boolean {
    const row = this.storage
      .statement(`SELECT locked_until FROM _localorg_login_failures WHERE user_id = ?`)
      .get(userId) as { locked_until: string | null } | undefined;
    return !!row?.locked_until && Date.parse(row.locked_until) > now.getTime();
  }

  /** One more consecutive failure; the tenth locks the user out and starts a new count. */
  private countFailure(userId: string, now: Date): void {
    const row = this.storage
      .statement(
        `INSERT INTO _localorg_login_failures (user_id, failures, locked_until) VALUES (?, 1, NULL)
           ON CONFLICT(user_id) DO UPDATE SET failures = failures + 1 RETURNING failures`,
      )
      .get(userId) as { failures: number };
    if (row.failures < MAX_LOGIN_ATTEMPTS) return;
    this.storage
      .statement(`UPDATE _localorg_login_failures SET failures = 0, locked_until = ? WHERE user_id = ?`)
      .run(new Date(now.getTime() + this.lockoutMs).toISOString(), userId);
  }

  private storedPassword(userId: string): { salt: Buffer; hash: Buffer } | undefined {
    const row = this.storage.statement(`SELECT salt, hash FROM _localorg_passwords WHERE user_id = ?`).get(userId) as
      { salt: string; hash: string } | undefined;
    return row && { salt: Buffer.from(row.salt, 'base64'), hash: Buffer.from(row.hash, 'base64') };
  }

  /** Whether this is the user's stored password (no lockout bookkeeping: the org's own check at start). */
  private async verifyPassword(userId: string, password: string): Promise<boolean> {
    const stored = this.storedPassword(userId);
    if (!stored) return false;
    return timingSafeEqual(await scryptAsync(password, stored.salt), stored.hash);
  }

  /**
   * Sets a user's password (the REST password resource). Synchronous: it runs inside the request's
   * transaction, and only an authenticated user can call it. Ends the user's sessions and lockout.
   */
  setPassword(userId: string, password: string): void {
    const salt = randomBytes(16);
    this.storePassword(userId, salt, scryptSync(password, salt, KEY_LENGTH));
  }

  private storePassword(userId: string, salt: Buffer, hash: Buffer): void {
    this.storage
      .statement(
        `INSERT INTO _localorg_passwords (user_id, salt, hash) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash`,
      )
      .run(userId, salt.toString('base64'), hash.toString('base64'));
    this.revokeUserSessions(userId);
    // A new password also unlocks the user, as an administrator's password reset does.
    this.storage.statement(`DELETE FROM _localorg_login_failures WHERE user_id = ?`).run(userId);
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
    const v = ctx.apiVersion || API_VERSION;
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
      user_type: identityUserType(user.UserType),
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
      user_type: identity.user_type,
      language: identity.language,
      locale: identity.locale,
      utcOffset: 0,
      updated_at: identity.last_modified_date,
      is_app_installed: true,
    };
  }
}

/** The identity service's user_type: User.UserType in capitals with underscores (PowerPartner: POWER_PARTNER). */
function identityUserType(userType: unknown): string {
  const type = typeof userType === 'string' && userType !== '' ? userType : 'Standard';
  return type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

function minutes(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of minutes`);
  return value * 60_000;
}
