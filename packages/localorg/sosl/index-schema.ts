/**
 * The search index: one SQLite FTS5 table per searchable object (`_sosl_<table>`, contentless: the text is
 * not stored twice; rows are forgotten by rowid), keyed by the record's rowid. Triggers on the object's table
 * only note the rowids that every writer (REST, Bulk, the benchmark's direct SQL) inserts, updates in a
 * searched field or deletes, in `_sosl_<table>_dirty`; a search brings the index up to date from those rows
 * first, in one statement. (An FTS5 write from a trigger flushes the index once per row written, which made
 * a 200-record insert over a large index seconds long; the queue keeps writes at the cost of a table row.)
 * Created with the schema; a data folder whose index is missing or was built for other fields gets it
 * (re)built from its rows on start.
 */
import { quoteIdent, type Db } from '../sql';
import type { ObjectSchema, OrgSchema } from '../schema';
import { indexedFields } from './fields';

/** Bumped when the index's definition changes, so that existing folders rebuild theirs. */
const INDEX_VERSION = 3;
/** Case- and accent-insensitive words: letters and digits, split at spaces and punctuation, as SOSL tokenizes. */
const TOKENIZER = 'unicode61 remove_diacritics 2';

export const indexTable = (obj: ObjectSchema): string => `_sosl_${obj.table}`;
/** fts5vocab over the index: its terms per column, for wildcards FTS5 cannot express (`sm?th`, `jo*n`). */
export const vocabTable = (obj: ObjectSchema): string => `_sosl_${obj.table}_terms`;
/** The rowids written since the index was last brought up to date. */
const dirtyTable = (obj: ObjectSchema): string => `_sosl_${obj.table}_dirty`;
const TRIGGERS = { ai: 'INSERT', ad: 'DELETE', au: 'UPDATE' } as const;

function dropIndex(db: Db, obj: ObjectSchema): void {
  for (const suffix of Object.keys(TRIGGERS))
    db.exec(`DROP TRIGGER IF EXISTS ${quoteIdent(`_sosl_${obj.table}_${suffix}`)}`);
  for (const table of [vocabTable(obj), indexTable(obj), dirtyTable(obj)])
    db.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}

/** Inserts (or replaces) the index rows of the object's rows that `where` selects, in one statement. */
function indexRows(db: Db, obj: ObjectSchema, columns: string[], where: string): void {
  const cols = columns.map(quoteIdent).join(', ');
  const values = columns.map((c) => `t.${quoteIdent(c)}`).join(', ');
  db.prepare(
    `INSERT OR REPLACE INTO ${quoteIdent(indexTable(obj))}(rowid, ${cols}) SELECT t.rowid, ${values} FROM ${quoteIdent(obj.table)} AS t ${where}`,
  ).run();
}

function createIndex(db: Db, obj: ObjectSchema, columns: string[]): void {
  const table = quoteIdent(obj.table);
  const fts = quoteIdent(indexTable(obj));
  const dirty = quoteIdent(dirtyTable(obj));
  const cols = columns.map(quoteIdent).join(', ');
  db.exec(`CREATE VIRTUAL TABLE ${fts} USING fts5(${cols}, content='', contentless_delete=1, tokenize='${TOKENIZER}')`);
  db.exec(`CREATE VIRTUAL TABLE ${quoteIdent(vocabTable(obj))} USING fts5vocab(${fts}, 'col')`);
  db.exec(`CREATE TABLE ${dirty} (rowid INTEGER PRIMARY KEY)`);
  for (const [suffix, event] of Object.entries(TRIGGERS)) {
    const row = event === 'DELETE' ? 'old' : 'new';
    // Only writes to indexed fields are noted (a rollup updating numbers costs nothing here).
    const on = event === 'UPDATE' ? `UPDATE OF ${cols}` : event;
    db.exec(
      `CREATE TRIGGER ${quoteIdent(`_sosl_${obj.table}_${suffix}`)} AFTER ${on} ON ${table} BEGIN INSERT OR IGNORE INTO ${dirty}(rowid) VALUES (${row}.rowid); END`,
    );
  }
  indexRows(db, obj, columns, '');
}

/**
 * Brings the object's index up to date with the rows written since the last time: forgets deleted rows and
 * (re)indexes the others. Cheap when nothing was written; call it in a transaction.
 */
export function syncSearchIndex(db: Db, obj: ObjectSchema): void {
  const columns = indexedFields(obj).map((f) => f.column);
  if (columns.length === 0) return;
  const dirty = quoteIdent(dirtyTable(obj));
  if (db.prepare(`SELECT 1 FROM ${dirty} LIMIT 1`).get() === undefined) return;
  db.prepare(
    `DELETE FROM ${quoteIdent(indexTable(obj))} WHERE rowid IN (SELECT d.rowid FROM ${dirty} AS d WHERE NOT EXISTS (SELECT 1 FROM ${quoteIdent(obj.table)} AS t WHERE t.rowid = d.rowid))`,
  ).run();
  indexRows(db, obj, columns, `WHERE t.rowid IN (SELECT rowid FROM ${dirty})`);
  db.prepare(`DELETE FROM ${dirty}`).run();
}

/**
 * Creates, or rebuilds when its fields changed, the index of every searchable object; drops the index of an
 * object that no longer has searchable fields. Runs inside the caller's migration (one transaction).
 */
export function ensureSearchIndex(db: Db, schema: OrgSchema): void {
  const getMeta = db.prepare(`SELECT value FROM _localorg_meta WHERE key = ?`).pluck(true);
  const setMeta = db.prepare(
    `INSERT INTO _localorg_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck(true);
  for (const obj of schema.objects.values()) {
    const columns = indexedFields(obj).map((f) => f.column);
    const key = `sosl:${obj.table}`;
    const signature = JSON.stringify({ version: INDEX_VERSION, tokenizer: TOKENIZER, columns });
    const present = exists.get(indexTable(obj)) !== undefined;
    if (columns.length === 0) {
      if (present) dropIndex(db, obj);
      continue;
    }
    if (present && getMeta.get(key) === signature) {
      syncSearchIndex(db, obj);
      continue;
    }
    dropIndex(db, obj);
    createIndex(db, obj, columns);
    setMeta.run(key, signature);
  }
}
