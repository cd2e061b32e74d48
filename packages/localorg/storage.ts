/**
 * SQLite storage for the local org: one table per object (named by API name, one column per field),
 * created and migrated from the compiled schema, with the indexes that lookups, external ids and
 * date filters need. Strings compare case-insensitively (COLLATE NOCASE), as SOQL does.
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPrivateFile, secureDataFolder } from './data-folder';
import { makeId } from './ids';
import { ensureSearchIndex } from './sosl/index-schema';
import type { FieldSchema, ObjectSchema, OrgSchema } from './schema';
import { quoteIdent, type Db, type Row, type SqlValue } from './sql';

/**
 * Registers the SQL functions queries call (the formula engine's). Passed in by whoever opens the storage so
 * the lowest layer never imports the layers above it.
 */
export type RegisterSqlFunctions = (db: Db, schema: OrgSchema) => void;

/** Fields that are stored as columns: every field but formula and compound fields, which are computed on read. */
export function storedFields(obj: ObjectSchema): FieldSchema[] {
  return [...obj.fields.values()].filter((f) => f.model.formula === undefined && f.model.type !== 'Address');
}

function columnDefinition(f: FieldSchema): string {
  const collate = f.affinity === 'TEXT' ? ' COLLATE NOCASE' : '';
  const notNull = f.model.type === 'Checkbox' ? ' NOT NULL DEFAULT 0' : '';
  return `${quoteIdent(f.column)} ${f.affinity}${collate}${notNull}`;
}

function needsIndex(f: FieldSchema): boolean {
  const t = f.model.type;
  return (
    f.referenceTo !== undefined ||
    f.model.externalId ||
    f.model.unique ||
    t === 'Date' ||
    f.name === 'Name' ||
    f.name === 'CreatedDate' ||
    f.name === 'SystemModstamp'
  );
}

/** Fields whose column leads an index over every row (not only live ones): ORDER BY can walk it in order. */
export function indexedInOrder(f: FieldSchema): boolean {
  if (f.model.formula !== undefined) return false;
  return f.name === 'Id' || (needsIndex(f) && !f.model.unique && !f.model.externalId);
}

export class Storage {
  readonly db: Db;

  constructor(
    /** Replaced only by applySchema (a Metadata API deploy). */
    public schema: OrgSchema,
    path: string,
    registerSqlFunctions: RegisterSqlFunctions,
  ) {
    const file = path !== ':memory:';
    if (file) {
      // Private folder and files: SQLite gives -wal and -shm the database file's mode, so create it 0600 first.
      secureDataFolder(dirname(path));
      createPrivateFile(path);
    }
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    if (file) {
      for (const extra of [`${path}-wal`, `${path}-shm`]) if (existsSync(extra)) chmodSync(extra, 0o600);
    }
    this.db.pragma('synchronous = NORMAL');
    // A write that fires a trigger (the search index's, on every insert) keeps a statement journal: a copy of each
    // page it changes, one per index. Over SQLite's 64 KB it went to a temporary file, which made an insert of a
    // 16-index row about four times as slow as the row itself. In memory it is freed when the statement ends.
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('foreign_keys = OFF');
    registerSqlFunctions(this.db, schema);
    this.migrate();
    this.loadCustomMetadata();
  }

  close(): void {
    this.db.close();
  }

  /** Moves to a recompiled schema (a deploy): new tables and columns are created, existing data is kept. */
  applySchema(schema: OrgSchema, registerSqlFunctions: RegisterSqlFunctions): void {
    this.schema = schema;
    this.statements.clear();
    this.columnStatements.clear();
    this.rowReads.clear();
    registerSqlFunctions(this.db, schema);
    this.migrate();
    this.loadCustomMetadata();
  }

  /** Creates missing tables, columns and indexes. Existing columns and their data are kept. */
  private migrate(): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS _localorg_counters (prefix TEXT PRIMARY KEY, next INTEGER NOT NULL)`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS _localorg_meta (key TEXT PRIMARY KEY, value TEXT)`);
    const migrateAll = this.db.transaction(() => {
      for (const obj of this.schema.objects.values()) this.migrateObject(obj);
      // SOSL's full-text index and the triggers that keep it current (built from the rows when missing).
      ensureSearchIndex(this.db, this.schema);
    });
    migrateAll();
  }

  private migrateObject(obj: ObjectSchema): void {
    const table = quoteIdent(obj.table);
    const fields = storedFields(obj);
    const existing = this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (existing.length === 0) {
      const columns = fields.map((f) => (f.name === 'Id' ? `"Id" TEXT PRIMARY KEY` : columnDefinition(f)));
      this.db.exec(`CREATE TABLE ${table} (${columns.join(', ')})`);
    } else {
      const have = new Set(existing.map((c) => c.name.toLowerCase()));
      for (const f of fields) {
        if (!have.has(f.column.toLowerCase())) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(f)}`);
      }
    }
    for (const f of fields) {
      if (f.name === 'Id' || !needsIndex(f)) continue;
      const index = quoteIdent(`${obj.table}__${f.column}`);
      if (f.model.unique || f.model.externalId) {
        // Unique among live records; external ids without `unique` may repeat (upsert then answers 300).
        const unique = f.model.unique ? 'UNIQUE ' : '';
        this.db.exec(
          `CREATE ${unique}INDEX IF NOT EXISTS ${index} ON ${table} (${quoteIdent(f.column)}) WHERE "IsDeleted" = 0`,
        );
      } else {
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${index} ON ${table} (${quoteIdent(f.column)})`);
      }
    }
  }

  /** The next Id for an object, from a persistent counter. */
  nextId(obj: ObjectSchema): string {
    const row = this.statement(
      `INSERT INTO _localorg_counters (prefix, next) VALUES (?, 1)
         ON CONFLICT(prefix) DO UPDATE SET next = next + 1 RETURNING next`,
    ).get(obj.keyPrefix) as { next: number };
    return makeId(obj.keyPrefix, row.next);
  }

  /** Reserves `count` consecutive Ids in one statement (bulk loads). */
  nextIds(obj: ObjectSchema, count: number): string[] {
    const row = this.db
      .prepare(
        `INSERT INTO _localorg_counters (prefix, next) VALUES (?, ?)
         ON CONFLICT(prefix) DO UPDATE SET next = next + excluded.next RETURNING next`,
      )
      .get(obj.keyPrefix, count) as { next: number };
    const ids: string[] = [];
    for (let n = row.next - count + 1; n <= row.next; n++) ids.push(makeId(obj.keyPrefix, n));
    return ids;
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare(`SELECT value FROM _localorg_meta WHERE key = ?`).get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        `INSERT INTO _localorg_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(key, value);
  }

  /**
   * Custom metadata records come from force-app, not from clients: reload them on every start so the
   * org always matches the source. Ids are stable per developer name.
   */
  private loadCustomMetadata(): void {
    const now = new Date().toISOString();
    const load = this.db.transaction(() => {
      for (const obj of this.schema.objects.values()) {
        if (obj.model.kind !== 'customMetadata') continue;
        const records = this.schema.model.customMetadataRecords
          .filter((r) => r.type === obj.name)
          .sort((a, b) => a.developerName.localeCompare(b.developerName));
        this.db.prepare(`DELETE FROM ${quoteIdent(obj.table)}`).run();
        records.forEach((record, index) => {
          const row: Row = {
            Id: makeId(obj.keyPrefix, index + 1),
            IsDeleted: 0,
            DeveloperName: record.developerName,
            MasterLabel: record.label,
            Label: record.label,
            QualifiedApiName: record.developerName,
            NamespacePrefix: null,
            CreatedDate: now,
            LastModifiedDate: now,
            SystemModstamp: now,
          };
          for (const [field, value] of Object.entries(record.values)) {
            const fs = obj.fieldsByLower.get(field.toLowerCase());
            if (!fs) continue;
            row[fs.column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
          }
          this.insertRow(obj, row);
        });
      }
    });
    load();
  }

  insertRow(obj: ObjectSchema, row: Row): void {
    const columns = Object.keys(row);
    const insert = this.byColumns('insert', obj, columns, () => {
      const names = columns.map(quoteIdent).join(', ');
      return `INSERT INTO ${quoteIdent(obj.table)} (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
    });
    insert.run(...columns.map((c) => row[c]));
  }

  /** Statements that name a table and a list of its columns, by both (see byColumns). */
  private readonly columnStatements = new Map<string, Database.Statement>();

  /**
   * The statement of one kind for a table and columns, prepared once. Writes and reference checks run it per
   * record: quoting every column into the SQL text, and hashing that text to find the statement, cost more than
   * a key of the plain names.
   */
  private byColumns(
    kind: string,
    obj: ObjectSchema,
    columns: readonly string[],
    sql: () => string,
  ): Database.Statement {
    const key = `${kind}\u0000${obj.table}\u0000${columns.join('\u0000')}`;
    let statement = this.columnStatements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      this.columnStatements.set(key, statement);
    }
    return statement;
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per SQL text: requests repeat the same few shapes. */
  statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Per table, the statement reading one whole row as an array of values, and its column names. */
  private readonly rowReads = new Map<string, { statement: Database.Statement; columns: string[] }>();

  /**
   * One row by Id, deleted or not. Read as an array and made an object here: better-sqlite3 builds a wide row
   * object property by property through V8's API, which cost more than the lookup itself on every write.
   */
  getRow(obj: ObjectSchema, id: string): Row | undefined {
    let read = this.rowReads.get(obj.table);
    if (!read) {
      const statement = this.db.prepare(`SELECT * FROM ${quoteIdent(obj.table)} WHERE "Id" = ?`).raw(true);
      read = { statement, columns: statement.columns().map((c) => c.name) };
      this.rowReads.set(obj.table, read);
    }
    const values = read.statement.get(id) as SqlValue[] | undefined;
    if (!values) return undefined;
    // SQLite prepares the statement again after a column is added: its names are read again with it.
    if (values.length !== read.columns.length) read.columns = read.statement.columns().map((c) => c.name);
    const row: Row = {};
    const { columns } = read;
    for (let i = 0; i < columns.length; i++) row[columns[i]] = values[i];
    return row;
  }

  /**
   * Only the named columns of one row by Id, deleted or not: a check that needs a few values of a parent reads
   * those, not the whole row (a wide row costs far more to read than a narrow one).
   */
  getColumns(obj: ObjectSchema, id: string, columns: readonly string[]): Row | undefined {
    const read = this.byColumns(
      'select',
      obj,
      columns,
      () => `SELECT ${columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(obj.table)} WHERE "Id" = ?`,
    );
    return read.get(id) as Row | undefined;
  }

  /** Sets the given columns of one row. */
  updateRow(obj: ObjectSchema, id: string, values: Row): void {
    const columns = Object.keys(values);
    if (columns.length === 0) return;
    const update = this.byColumns(
      'update',
      obj,
      columns,
      () =>
        `UPDATE ${quoteIdent(obj.table)} SET ${columns.map((c) => `${quoteIdent(c)} = ?`).join(', ')} WHERE "Id" = ?`,
    );
    update.run(...columns.map((c) => values[c]), id);
  }
}
