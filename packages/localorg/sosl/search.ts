/**
 * Runs a search: for each RETURNING object, the search terms become an FTS5 match over the fields of the
 * search group that the user can read (a hidden field's value never matches), and the object's field list,
 * WHERE, ORDER BY, LIMIT and OFFSET run as one SOQL query restricted to those matches, so the SOQL engine
 * applies object permissions, field-level security and sharing as it does for `query`. Results come object
 * by object, in RETURNING order, up to the overall limit.
 */
import { SalesforceError } from '../errors';
import { findObjectSchema, type ObjectSchema } from '../schema';
import type { UserAccess } from '../security';
import { executeSoql, type SfRecord } from '../soql';
import { QueryText } from '../soql/errors';
import { quoteIdent } from '../sql';
import type { Storage } from '../storage';
import { groupFields, indexedFields, type SearchGroup } from './fields';
import { indexTable, syncSearchIndex, vocabTable } from './index-schema';
import { MAX_SEARCH_ROWS, type Located, type ReturningSpec } from './parse';
import { termsToFts, type TermNode } from './terms';

/** A wildcard may stand for this many distinct words of an object's index at most. */
const MAX_WILDCARD_TERMS = 1000;

export interface SearchOptions {
  storage: Storage;
  access: UserAccess;
  now: Date;
  apiVersion: string;
  fiscalYearStartMonth?: number;
}

export interface Search {
  terms: TermNode;
  group: SearchGroup;
  /** Absent: every searchable object the user can read, Ids only. */
  returning?: ReturningSpec[];
  /** Overall limit; at most 2000. */
  limit?: number;
  /** The SOSL statement the specs' positions refer to; absent for parameterizedSearch (no positions). */
  source?: string;
}

/** A SOQL text assembled from pieces of the statement, mapping its offsets back to the statement's. */
class SoqlText {
  text = '';
  private readonly pieces: { soql: number; source: number | undefined; length: number }[] = [];

  add(piece: string, source?: number): this {
    this.pieces.push({ soql: this.text.length, source, length: piece.length });
    this.text += piece;
    return this;
  }

  /** The statement offset of a SOQL offset (the nearest located piece before it when it is synthesized). */
  sourceOffset(offset: number): number | undefined {
    let best: number | undefined;
    for (const p of this.pieces) {
      if (p.source === undefined || p.soql > offset) continue;
      best = p.source + Math.min(offset - p.soql, p.length);
    }
    return best;
  }
}

/** Offset in `text` of SOQL's `ERROR at Row:R:Column:C`. */
function offsetOf(text: string, row: number, column: number): number {
  let start = 0;
  for (let r = 1; r < row; r++) start = text.indexOf('\n', start) + 1;
  return start + column - 1;
}

/** A SOQL error re-located in the search statement (or left without a location for parameterizedSearch). */
function relocate(error: unknown, soql: SoqlText, source: string | undefined): unknown {
  if (!(error instanceof SalesforceError) || error.status !== 400) return error;
  const located = /^\n[^]*?\nERROR at Row:(\d+):Column:(\d+)\n([^]*)$/.exec(error.message);
  if (!located) return error;
  const message = located[3];
  const at = soql.sourceOffset(offsetOf(soql.text, Number(located[1]), Number(located[2])));
  const text = source !== undefined && at !== undefined ? new QueryText(source).locate(message, at) : message;
  return new SalesforceError(error.status, error.errorCode, text, error.fields);
}

/** Where in a RETURNING object's clauses LIMIT and OFFSET stand (outside string literals). */
function clausePositions(clauses: string): { limit: boolean; offset?: number } {
  const pattern = /'(?:\\.|[^'\\])*'|(?<![\w.])(LIMIT|OFFSET)(?![\w.])/gi;
  let limit = false;
  let offset: number | undefined;
  for (let m = pattern.exec(clauses); m; m = pattern.exec(clauses)) {
    if (m[1]?.toUpperCase() === 'LIMIT') limit = true;
    else if (m[1]) offset ??= m.index;
  }
  return { limit, offset };
}

/** The SOQL of one RETURNING object; without its own LIMIT, the rows still wanted overall bound it. */
function soqlOf(spec: ReturningSpec, wanted: number): SoqlText {
  const soql = new SoqlText().add('SELECT ');
  if (spec.fields) soql.add(spec.fields.text, spec.fields.at);
  else soql.add('Id', spec.object.at);
  soql.add(' FROM ').add(spec.object.text, spec.object.at);
  const clauses: Located = spec.clauses ?? { text: '', at: spec.object.at + spec.object.text.length };
  const { limit, offset } = clausePositions(clauses.text);
  if (limit) return soql.add(' ').add(clauses.text, clauses.at);
  // SOQL wants LIMIT before OFFSET.
  const cut = offset ?? clauses.text.length;
  soql.add(' ').add(clauses.text.slice(0, cut), clauses.at);
  soql.add(` LIMIT ${wanted} `);
  return soql.add(clauses.text.slice(cut), clauses.at + cut);
}

export class SearchRunner {
  constructor(private readonly options: SearchOptions) {}

  run(search: Search): SfRecord[] {
    const { access, storage } = this.options;
    const overall = Math.min(search.limit ?? MAX_SEARCH_ROWS, MAX_SEARCH_ROWS);
    const specs =
      search.returning ??
      [...storage.schema.objects.values()]
        .filter((obj) => indexedFields(obj).length > 0 && access.canReadObject(obj))
        .map((obj): ReturningSpec => ({ object: { text: obj.name, at: 0 } }));
    const records: SfRecord[] = [];
    for (const spec of specs) {
      const wanted = overall - records.length;
      // Every object is still checked (an unknown one is an error) when the limit is reached.
      const soql = soqlOf(spec, Math.max(wanted, 0));
      const obj = findObjectSchema(storage.schema, spec.object.text);
      const match = obj ? this.matchExpression(obj, search) : null;
      let cursor;
      try {
        cursor = executeSoql(storage, soql.text, {
          includeDeleted: false,
          now: this.options.now,
          apiVersion: this.options.apiVersion,
          fiscalYearStartMonth: this.options.fiscalYearStartMonth,
          access: access.forQuery(),
          restrict: (alias, bind) =>
            match === null || !obj
              ? '0'
              : `${alias}.rowid IN (SELECT rowid FROM ${quoteIdent(indexTable(obj))} WHERE ${quoteIdent(indexTable(obj))} MATCH ${bind(match)})`,
        });
      } catch (error) {
        throw relocate(error, soql, search.source);
      }
      if (wanted > 0) records.push(...cursor.next(wanted));
    }
    return records;
  }

  /** The FTS5 match over the group's fields the user reads; null when it can match nothing. */
  private matchExpression(obj: ObjectSchema, search: Search): string | null {
    // Rows written since the last search are indexed first.
    const db = this.options.storage.db;
    db.transaction(() => syncSearchIndex(db, obj))();
    const fields = groupFields(obj, search.group).filter((f) => this.options.access.canReadField(f));
    if (fields.length === 0) return null;
    const columns = fields.map((f) => f.column);
    const expression = termsToFts(search.terms, (prefix, glob) => this.expand(obj, columns, prefix, glob));
    if (expression === null) return null;
    return `{${fields.map((f) => f.column).join(' ')}} : (${expression})`;
  }

  /**
   * The words of the given columns of the object's index that a wildcard pattern matches (a range scan of the
   * vocabulary; words only in fields the user cannot read count for nothing, not even towards the limit).
   */
  private expand(obj: ObjectSchema, columns: string[], prefix: string, glob: string): string[] {
    const terms = this.options.storage
      .statement(
        `SELECT DISTINCT term FROM ${quoteIdent(vocabTable(obj))} WHERE term >= ? AND term < ? AND term GLOB ? AND col IN (SELECT value FROM json_each(?)) LIMIT ${MAX_WILDCARD_TERMS + 1}`,
      )
      .pluck(true)
      .all(prefix, `${prefix}\u{10FFFF}`, glob, JSON.stringify(columns)) as string[];
    if (terms.length > MAX_WILDCARD_TERMS) {
      throw new SalesforceError(
        400,
        'INVALID_SEARCH',
        `the wildcard search '${glob}' matches too many words: put more characters before the wildcard`,
      );
    }
    return terms;
  }
}
