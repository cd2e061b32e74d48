/**
 * The set-based write path behind `Dml.createMany`/`updateMany`: a batch runs in one savepoint instead of one
 * per record, with Ids and auto-numbers reserved from the org's counters once per batch. A record that fails
 * before writing anything (every check comes before the first write) just reports its error; one that fails
 * after writing rolls the batch back, and the batch is redone one savepoint per record.
 */
import type Database from 'better-sqlite3';
import { SalesforceError } from '../errors';
import { makeId } from '../ids';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { Row } from '../sql';
import type { Storage } from '../storage';
import { autoNumberCounter, formatAutoNumber } from './defaults';

/** One record's outcome in a batch write, in input order. */
export type BatchOutcome = { id: string; created: boolean } | { error: SalesforceError };

/**
 * What a batch works out once for all its records: counter values (record Ids, auto-numbers) taken from blocks
 * reserved in one statement for the rest of the batch (`release` hands back what the batch did not use, so the
 * numbers match one-at-a-time writes), and default values.
 */
export class Reservations {
  private readonly blocks = new Map<string, { next: number; end: number }>();
  /** Records of the batch not yet numbered: the size of the next block. */
  remaining = 0;
  /** Parents that references of the batch's inserts named, as the reference check read them (dml/validate.ts). */
  readonly parents = new Map<string, Row>();

  constructor(private readonly storage: Storage) {}

  id(obj: ObjectSchema): string {
    return makeId(obj.keyPrefix, this.take(obj.keyPrefix));
  }

  /** A new record's default values, worked out once per batch (they depend on the object and the caller). */
  defaults(obj: ObjectSchema, make: () => Row): Row {
    let row = this.defaultRows.get(obj);
    if (!row) {
      row = make();
      this.defaultRows.set(obj, row);
    }
    return { ...row };
  }

  private readonly defaultRows = new Map<ObjectSchema, Row>();

  autoNumber(obj: ObjectSchema, field: FieldSchema, now: Date): string {
    return formatAutoNumber(field, this.take(autoNumberCounter(obj, field)), now);
  }

  private take(counter: string): number {
    let block = this.blocks.get(counter);
    if (!block || block.next > block.end) {
      const count = Math.max(1, this.remaining);
      const { next: end } = this.storage
        .statement(
          `INSERT INTO _localorg_counters (prefix, next) VALUES (?, ?)
           ON CONFLICT(prefix) DO UPDATE SET next = next + excluded.next RETURNING next`,
        )
        .get(counter, count) as { next: number };
      block = { next: end - count + 1, end };
      this.blocks.set(counter, block);
    }
    return block.next++;
  }

  /** Gives unused values back, unless another writer took values after the block (the gap then stays). */
  release(): void {
    const giveBack = this.storage.statement(`UPDATE _localorg_counters SET next = ? WHERE prefix = ? AND next = ?`);
    for (const [counter, block] of this.blocks) {
      if (block.next <= block.end) giveBack.run(block.next - 1, counter, block.end);
    }
    this.blocks.clear();
  }
}

/**
 * Thrown when a record of a batch failed after writing: whoever holds the batch's savepoint (or transaction)
 * rolls it back and redoes the batch one savepoint per record.
 */
export class RedoPerRecord extends Error {
  constructor() {
    super('a record of the batch failed after writing; the batch is redone per record');
  }
}

/**
 * Runs `count` records through `write`, in the caller's savepoint. A record that fails before writing anything
 * gets its error as its outcome; one that fails after writing throws RedoPerRecord.
 */
export function runBatch(
  storage: Storage,
  count: number,
  write: (index: number, numbers: Reservations) => { id: string; created: boolean },
): BatchOutcome[] {
  const changes = totalChanges(storage.db);
  const numbers = new Reservations(storage);
  const outcomes: BatchOutcome[] = [];
  for (let i = 0; i < count; i++) {
    numbers.remaining = count - i;
    const before = changes.get() as number;
    try {
      outcomes.push(write(i, numbers));
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      // Nothing written by this record (SQLite counts every row change): its error is its whole outcome.
      if ((changes.get() as number) !== before) throw new RedoPerRecord();
      outcomes.push({ error });
    }
  }
  numbers.release();
  return outcomes;
}

const totalChangesStatements = new WeakMap<Database.Database, Database.Statement>();

function totalChanges(db: Database.Database): Database.Statement {
  let stmt = totalChangesStatements.get(db);
  if (!stmt) {
    stmt = db.prepare('SELECT total_changes()').pluck();
    totalChangesStatements.set(db, stmt);
  }
  return stmt;
}

/** Runs one record's write, turning a SalesforceError into its outcome; other exceptions propagate. */
export function outcomeOf(run: () => { id: string; created: boolean }): BatchOutcome {
  try {
    return run();
  } catch (error) {
    if (error instanceof SalesforceError) return { error };
    throw error;
  }
}
