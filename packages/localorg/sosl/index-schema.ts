/**
 * The search index: one SQLite FTS5 table per searchable object (`_sosl_<table>`), an external-content
 * index over the object's own table (the text is not stored twice), keyed by the record's rowid and kept
 * current by triggers on the object's table, so every writer (REST, Bulk, the benchmark's direct SQL) updates
 * it in the same transaction. Created with the schema; a data folder whose index is missing or was built for
 * other fields gets it (re)built from its rows on start.
 */
import { quoteIdent, type Db } from '../sql';
import type { ObjectSchema, OrgSchema } from '../schema';
import { indexedFields } from './fields';

/** Bumped when the index's definition changes, so that existing folders rebuild theirs. */
const INDEX_VERSION = 1;
/** Case- and accent-insensitive words: letters and digits, split at spaces and punctuation, as SOSL tokenizes. */
const TOKENIZER = 'unicode61 remove_diacritics 2';

export const indexTable = (obj: ObjectSchema): string => `_sosl_${obj.table}`;
/** fts5vocab over the index: its distinct terms, for wildcards FTS5 cannot express (`sm?th`, `jo*n`). */
export const vocabTable = (obj: ObjectSchema): string => `_sosl_${obj.table}_terms`;

function dropIndex(db: Db, obj: ObjectSchema): void {
  for (const suffix of ['ai', 'ad', 'au'])
    db.exec(`DROP TRIGGER IF EXISTS ${quoteIdent(`_sosl_${obj.table}_${suffix}`)}`);
  db.exec(`DROP TABLE IF EXISTS ${quoteIdent(vocabTable(obj))}`);
  db.exec(`DROP TABLE IF EXISTS ${quoteIdent(indexTable(obj))}`);
}

function createIndex(db: Db, obj: ObjectSchema, columns: string[]): void {
  const table = quoteIdent(obj.table);
  const fts = quoteIdent(indexTable(obj));
  const cols = columns.map(quoteIdent);
  const values = (prefix: string): string => cols.map((c) => `${prefix}.${c}`).join(', ');
  db.exec(
    `CREATE VIRTUAL TABLE ${fts} USING fts5(${cols.join(', ')}, content=${quoteIdent(obj.table)}, content_rowid='rowid', tokenize='${TOKENIZER}')`,
  );
  db.exec(`CREATE VIRTUAL TABLE ${quoteIdent(vocabTable(obj))} USING fts5vocab(${fts}, 'row')`);
  const insert = `INSERT INTO ${fts}(rowid, ${cols.join(', ')}) VALUES (new.rowid, ${values('new')});`;
  // An external-content index forgets a row through the 'delete' command with the values it indexed.
  const remove = `INSERT INTO ${fts}(${fts}, rowid, ${cols.join(', ')}) VALUES ('delete', old.rowid, ${values('old')});`;
  db.exec(`CREATE TRIGGER ${quoteIdent(`_sosl_${obj.table}_ai`)} AFTER INSERT ON ${table} BEGIN ${insert} END`);
  db.exec(`CREATE TRIGGER ${quoteIdent(`_sosl_${obj.table}_ad`)} AFTER DELETE ON ${table} BEGIN ${remove} END`);
  // Only writes to indexed fields touch the index (a rollup updating numbers costs nothing here).
  db.exec(
    `CREATE TRIGGER ${quoteIdent(`_sosl_${obj.table}_au`)} AFTER UPDATE OF ${cols.join(', ')} ON ${table} BEGIN ${remove} ${insert} END`,
  );
  db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
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
    if (present && getMeta.get(key) === signature) continue;
    dropIndex(db, obj);
    createIndex(db, obj, columns);
    setMeta.run(key, signature);
  }
}
