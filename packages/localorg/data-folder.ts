/**
 * The local org's data folder (org.sqlite, its -wal/-shm, auth.json, lock): one process at a time, and
 * private to the developer. Salesforce has nothing to copy here; this is what a careful local tool does.
 *
 * The lock is a small SQLite database, `lock`, whose write lock (RESERVED) the running org holds for its
 * whole life: the OS releases it when the process ends, even by kill -9, so a crash never leaves a stale
 * lock behind. SQLite tracks locks per file across connections, so a second org in the same process is
 * refused too. The holder's pid is committed before the lock is held, so a refused start can name it.
 */
import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  existsSync,
  fchmodSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'lock';
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Creates the folder if needed and makes it and every file in it private (re-applied on every start). */
export function secureDataFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) chmodSync(join(dir, entry.name), FILE_MODE);
  }
}

/**
 * Creates an empty private file if it does not exist. SQLite gives a database's -wal, -shm and journal
 * files the mode of the database file itself, so creating org.sqlite 0600 first keeps them all 0600.
 */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', FILE_MODE));
  chmodSync(path, FILE_MODE);
}

/** Writes a secret file (auth.json): the mode is fixed before the content is written, even for an old file. */
export function writePrivateFile(path: string, text: string): void {
  const fd = openSync(path, 'w', FILE_MODE);
  try {
    fchmodSync(fd, FILE_MODE);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Thrown when another local org holds the data folder. */
export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
}

export interface DataFolderLock {
  release(): void;
}

/** By code, not `instanceof`: better-sqlite3 keeps the error class of the first realm that loaded it (jest). */
const isBusy = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code ?? ''));

/** The pid the holder committed, when it can be read. */
function holderPid(db: Database.Database): number | undefined {
  try {
    db.pragma('busy_timeout = 1000');
    const row = db.prepare(`SELECT pid FROM holder WHERE id = 1`).get() as { pid: number } | undefined;
    return row?.pid;
  } catch {
    return undefined;
  }
}

/**
 * Takes the folder's lock or throws DataFolderInUseError naming the holder. Call it before anything in
 * the folder is opened, migrated or deleted; release() on close.
 */
export function lockDataFolder(dir: string): DataFolderLock {
  secureDataFolder(dir);
  const path = join(dir, LOCK_FILE);
  createPrivateFile(path);
  // timeout 0: a held lock is refused at once instead of waited for.
  const db = new Database(path, { timeout: 0 });
  const refuse = (): never => {
    const pid = holderPid(db);
    db.close();
    const who = pid === undefined ? 'another local org' : `another local org (pid ${pid})`;
    throw new DataFolderInUseError(
      `the data folder ${dir} is in use by ${who}; stop it first, or use another --data folder`,
    );
  };
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL)`);
    db.exec('BEGIN IMMEDIATE');
    db.prepare(`INSERT OR REPLACE INTO holder (id, pid) VALUES (1, ?)`).run(process.pid);
    db.pragma('busy_timeout = 1000'); // a refused starter may be reading the pid at this instant
    db.exec('COMMIT');
    db.pragma('busy_timeout = 0');
    // Held from here to release(): another BEGIN IMMEDIATE on this file gets SQLITE_BUSY.
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (isBusy(error)) refuse();
    db.close();
    throw error;
  }
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** Deletes everything in a locked data folder except the lock itself (`--reset`). */
export function clearDataFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    if (entry === LOCK_FILE || entry.startsWith(`${LOCK_FILE}-`)) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
  }
}
