/**
 * The local org's data folder, attacked as a second process, a careless `--reset`, another local user and
 * a reader of the raw files would: one org per folder (a lock the OS frees when the holder dies, even by
 * kill -9), a folder in use refused untouched, folder 0700 and files 0600 on every start, and no password
 * or token in the database or its WAL (plain-text ones from older versions migrated away).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { Connection } from 'jsforce';
import { REPO_ROOT } from '../../packages/model';
import { startLocalOrg, type LocalOrg } from '../../packages/localorg/server';
import { passwordGrant, tempDataDir, tokenFor } from '../support/auth';
import {
  API_VERSION,
  LOCALORG_FIXTURE,
  dataPath,
  newUserFields,
  orgDetailsOf,
  readAuthJson,
} from '../support/localorg';

jest.setTimeout(120_000);

const IN_USE = /the data folder .+ is in use by another local org \(pid (\d+)\)/;
const TSX_CLI = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const ORG_CLI = join(REPO_ROOT, 'packages', 'localorg', 'cli.ts');

const connectTo = (org: { instanceUrl: string; accessToken: string }): Connection =>
  new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API_VERSION });

const start = (dir: string, extra: { reset?: boolean } = {}): Promise<LocalOrg> =>
  startLocalOrg({ port: 0, data: dir, forceAppRoot: LOCALORG_FIXTURE, ...extra });

const mode = (path: string): number => statSync(path).mode & 0o777;

/** `npm run org` as its own process (its own process group, so kill -9 reaches tsx's child too). */
async function startCliOrg(dir: string): Promise<{ child: ChildProcess; instanceUrl: string; accessToken: string }> {
  const child = spawn(process.execPath, [TSX_CLI, ORG_CLI, '--port', '0', '--data', dir, '--json'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`org exited with ${code}: ${stderr}`)));
  });
  return { child, ...orgDetailsOf(line, "the org CLI's --json line") };
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

describe('one local org per data folder', () => {
  it('refuses a second org in the same process; the first keeps working and frees the folder on close', async () => {
    const dir = tempDataDir();
    const first = await start(dir);
    try {
      const created = await connectTo(first).sobject('Account').create({ Name: 'Kept' });
      await expect(start(dir)).rejects.toThrow(IN_USE);
      await expect(start(dir, { reset: true })).rejects.toThrow(IN_USE);
      const row = (await connectTo(first).sobject('Account').retrieve(created.id!)) as { Name: string };
      expect(row.Name).toBe('Kept');
      await first.close();
      const second = await start(dir);
      try {
        expect(((await connectTo(second).sobject('Account').retrieve(created.id!)) as { Name: string }).Name).toBe(
          'Kept',
        );
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an org and `--reset` from other processes while one runs; kill -9 frees the folder', async () => {
    const dir = tempDataDir();
    const cli = await startCliOrg(dir);
    try {
      const created = await connectTo(cli).sobject('Account').create({ Name: 'Survives' });
      // A second org, here in this process, names the holder.
      const refused = (await startLocalOrg({ port: 0, data: dir }).catch((e: Error) => e)) as Error;
      expect(refused.message).toMatch(IN_USE);
      expect(Number(IN_USE.exec(refused.message)![1])).not.toBe(process.pid);
      // `npm run org -- --reset` on the folder: refused, non-zero exit, nothing deleted.
      const reset = spawnSync(process.execPath, [TSX_CLI, ORG_CLI, '--port', '0', '--data', dir, '--reset'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(reset.status).not.toBe(0);
      expect(reset.stderr).toMatch(IN_USE);
      expect(readdirSync(dir)).toEqual(expect.arrayContaining(['org.sqlite', 'auth.json', 'lock']));
      const row = (await connectTo(cli).sobject('Account').retrieve(created.id!)) as { Name: string };
      expect(row.Name).toBe('Survives');
      await killHard(cli.child);
      // The OS released the dead holder's lock: the folder opens, with its data and auth.json's token.
      const after = await startLocalOrg({ port: 0, data: dir });
      try {
        expect(after.accessToken).toBe(cli.accessToken);
        const kept = (await connectTo(after).sobject('Account').retrieve(created.id!)) as { Name: string };
        expect(kept.Name).toBe('Survives');
      } finally {
        await after.close();
      }
    } finally {
      if (cli.child.exitCode === null && cli.child.signalCode === null) await killHard(cli.child);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`reset` deletes the data of a folder nobody uses', async () => {
    const dir = tempDataDir();
    try {
      const first = await start(dir);
      const created = await connectTo(first).sobject('Account').create({ Name: 'Gone' });
      await first.close();
      const fresh = await start(dir, { reset: true });
      try {
        expect(fresh.accessToken).not.toBe(first.accessToken);
        const found = await connectTo(fresh).query(`SELECT Id FROM Account WHERE Id = '${created.id}'`);
        expect(found.totalSize).toBe(0);
      } finally {
        await fresh.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('file modes', () => {
  it('makes the folder 0700 and every file in it 0600, again on every start', async () => {
    const dir = tempDataDir();
    try {
      chmodSync(dir, 0o755);
      const files = ['org.sqlite', 'org.sqlite-wal', 'org.sqlite-shm', 'auth.json', 'lock'];
      const expectPrivate = (): void => {
        expect(mode(dir)).toBe(0o700);
        for (const file of files) expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
      };
      const first = await start(dir);
      expectPrivate();
      await first.close();
      // Loosened by hand (or by an older version that wrote auth.json 0644): the next start tightens them.
      chmodSync(dir, 0o755);
      for (const file of readdirSync(dir)) chmodSync(join(dir, file), 0o644);
      const second = await start(dir);
      try {
        expectPrivate();
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('secrets at rest', () => {
  /** The bytes of the database and its WAL (while the org runs, or what is left after it stopped). */
  const databaseBytes = (dir: string): Buffer =>
    Buffer.concat(
      ['org.sqlite', 'org.sqlite-wal']
        .map((file) => join(dir, file))
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path)),
    );
  const expectAbsent = (bytes: Buffer, secrets: string[]): void => {
    for (const secret of secrets) expect([secret, bytes.includes(Buffer.from(secret))]).toEqual([secret, false]);
  };

  it('keeps no password or access token in the database or its WAL; auth.json holds the admin’s', async () => {
    const dir = tempDataDir();
    try {
      const org = await start(dir);
      const conn = connectTo(org);
      const user = await conn.sobject('User').create(await newUserFields(conn, { Username: 'rest@sec.example' }));
      const sharedToken = await tokenFor(org.instanceUrl, 'rest@sec.example', 'localorg');
      await conn.requestPost(dataPath(`/sobjects/User/${user.id}/password`), { NewPassword: 'AtRest2026x' });
      const ownToken = await tokenFor(org.instanceUrl, 'rest@sec.example', 'AtRest2026x');
      const adminToken = await tokenFor(org.instanceUrl, org.adminUsername, org.adminPassword);
      const secrets = [org.adminPassword, org.accessToken, sharedToken, ownToken, adminToken, 'AtRest2026x'];
      expectAbsent(databaseBytes(dir), secrets);
      await org.close();
      expectAbsent(databaseBytes(dir), secrets);
      expect(readAuthJson(dir)).toMatchObject({ password: org.adminPassword, accessToken: org.accessToken });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('migrates plain-text credentials of older versions to hashes, keeping their sessions', async () => {
    const dir = tempDataDir();
    try {
      const first = await start(dir);
      await first.close();
      // What older versions wrote: the admin password and token in _localorg_meta, tokens in _localorg_tokens.
      const legacyToken = `${first.accessToken.split('!')[0]}!LegacyPlainTokenLegacyPlainTokenLegacyPlain`;
      const db = new Database(join(dir, 'org.sqlite'));
      db.exec(`CREATE TABLE _localorg_tokens (token TEXT PRIMARY KEY, user_id TEXT NOT NULL, issued_at TEXT NOT NULL)`);
      db.prepare(`INSERT INTO _localorg_tokens VALUES (?, ?, ?)`).run(legacyToken, first.adminUserId, '2026-01-01');
      db.prepare(`INSERT INTO _localorg_meta VALUES ('adminPassword', ?), ('adminToken', ?)`).run(
        first.adminPassword,
        legacyToken,
      );
      db.close();
      const secrets = [first.adminPassword, legacyToken];
      expect(secrets.every((s) => databaseBytes(dir).includes(Buffer.from(s)))).toBe(true);
      const second = await start(dir);
      try {
        const res = await fetch(`${second.instanceUrl}${dataPath('/limits')}`, {
          headers: { Authorization: `Bearer ${legacyToken}` },
        });
        expect(res.status).toBe(200);
        expect(second.adminPassword).toBe(first.adminPassword);
        expectAbsent(databaseBytes(dir), secrets);
        const meta = second.storage.db
          .prepare(`SELECT key FROM _localorg_meta WHERE key IN ('adminPassword', 'adminToken')`)
          .all();
        expect(meta).toEqual([]);
      } finally {
        await second.close();
      }
      expectAbsent(databaseBytes(dir), secrets);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('issues a new admin password and token, ending the old ones, when auth.json is gone', async () => {
    const dir = tempDataDir();
    try {
      const first = await start(dir);
      await first.close();
      rmSync(join(dir, 'auth.json'));
      const second = await start(dir);
      try {
        expect(second.adminUserId).toBe(first.adminUserId);
        expect(second.adminPassword).not.toBe(first.adminPassword);
        expect(second.accessToken).not.toBe(first.accessToken);
        const old = await fetch(`${second.instanceUrl}${dataPath('/limits')}`, {
          headers: { Authorization: `Bearer ${first.accessToken}` },
        });
        expect(old.status).toBe(401);
        expect((await passwordGrant(second.instanceUrl, second.adminUsername, first.adminPassword)).status).toBe(400);
        expect((await passwordGrant(second.instanceUrl, second.adminUsername, second.adminPassword)).status).toBe(200);
        expect(readAuthJson(dir)).toMatchObject({ password: second.adminPassword, accessToken: second.accessToken });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
