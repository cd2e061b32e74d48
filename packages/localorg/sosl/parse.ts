/**
 * Parses a SOSL statement as the REST `search` resource takes it:
 *   FIND {terms} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS]
 *   [RETURNING Object [(fields [WHERE ...] [ORDER BY ...] [LIMIT n] [OFFSET n])], ...]
 *   [WITH SPELL_CORRECTION = true|false] [WITH USER_MODE] [LIMIT n]
 * Each RETURNING object keeps the text of its field list and of its clauses with their positions: they are
 * run by the SOQL engine, and its errors are located back in this statement.
 */
import { SalesforceError } from '../errors';
import { SEARCH_GROUPS, type SearchGroup } from './fields';
import { malformedSearch, parseSearchTerms, type TermNode } from './terms';

/** A piece of the statement and where it starts in it. */
export interface Located {
  text: string;
  at: number;
}

export interface ReturningSpec {
  object: Located;
  /** The field list; absent: the Id only. */
  fields?: Located;
  /** WHERE / ORDER BY / LIMIT / OFFSET, as written. */
  clauses?: Located;
}

export interface SoslStatement {
  terms: TermNode;
  group: SearchGroup;
  /** Absent: every searchable object the user can read, with the Id only. */
  returning?: ReturningSpec[];
  limit?: number;
}

/** "The maximum number of rows returned by a SOSL query is 2,000." */
export const MAX_SEARCH_ROWS = 2000;

export const noSearchTerm = (): SalesforceError =>
  malformedSearch('No search term found. The search term must be enclosed in braces.');

const unsupported = (what: string): SalesforceError =>
  malformedSearch(`${what} is not supported by the local org; search with FIND, IN, RETURNING and LIMIT`);

class Scanner {
  pos = 0;

  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  /** The next word (letters, digits, underscores), or '' at anything else. */
  peekWord(): string {
    this.skipSpace();
    return /^\w+/.exec(this.text.slice(this.pos))?.[0] ?? '';
  }

  word(): Located {
    const text = this.peekWord();
    const at = this.pos;
    this.pos += text.length;
    return { text, at };
  }

  /** Consumes the keyword (any case) or fails at what stands there instead. */
  expect(keyword: string): void {
    const { text, at } = this.word();
    if (text.toUpperCase() !== keyword) throw this.unexpected(at, keyword);
  }

  char(): string | undefined {
    this.skipSpace();
    return this.text[this.pos];
  }

  unexpected(at: number, expecting?: string): SalesforceError {
    const found = /^\S*/.exec(this.text.slice(at))?.[0] || '<EOF>';
    return malformedSearch(
      `line 1:${at} ${expecting ? `mismatched input '${found}' expecting ${expecting}` : `no viable alternative at input '${found}'`}`,
    );
  }

  /** The text up to the parenthesis closing one just read, skipping SOQL string literals. */
  parenthesized(): Located {
    const at = this.pos;
    let depth = 1;
    let quoted = false;
    for (; this.pos < this.text.length; this.pos++) {
      const ch = this.text[this.pos];
      if (quoted) {
        if (ch === '\\') this.pos++;
        else if (ch === "'") quoted = false;
      } else if (ch === "'") quoted = true;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) {
        this.pos++;
        return { text: this.text.slice(at, this.pos - 1), at };
      }
    }
    throw malformedSearch(`line 1:${this.text.length} mismatched character '<EOF>' expecting ')'`);
  }

  integer(keyword: string): number {
    const { text, at } = this.word();
    if (!/^\d+$/.test(text) || Number(text) > 2_147_483_647) throw this.unexpected(at, `an integer after ${keyword}`);
    return Number(text);
  }
}

/** Where the clauses of a RETURNING object's parentheses start: the first top-level clause keyword. */
function splitObjectClauses(inner: Located): { fields: Located; clauses?: Located } {
  // A keyword stands between spaces (or at the start): `Order.Name` is a field path, not ORDER BY.
  const pattern = /'(?:\\.|[^'\\])*'|(?<![\w.])(WHERE|ORDER\s+BY|LIMIT|OFFSET|USING|WITH)(?![\w.])/gi;
  for (let m = pattern.exec(inner.text); m; m = pattern.exec(inner.text)) {
    if (!m[1]) continue;
    return {
      fields: { text: inner.text.slice(0, m.index), at: inner.at },
      clauses: { text: inner.text.slice(m.index), at: inner.at + m.index },
    };
  }
  return { fields: inner };
}

function returning(s: Scanner): ReturningSpec[] {
  const specs: ReturningSpec[] = [];
  do {
    const object = s.word();
    if (object.text === '') throw s.unexpected(s.pos, 'an object name');
    const spec: ReturningSpec = { object };
    if (s.char() === '(') {
      s.pos++;
      Object.assign(spec, splitObjectClauses(s.parenthesized()));
    }
    specs.push(spec);
  } while (s.char() === ',' && ++s.pos);
  return specs;
}

/** `WITH ...`: only what changes nothing here is accepted; the rest is refused clearly. */
function withClause(s: Scanner): void {
  const { text, at } = s.word();
  const name = text.toUpperCase();
  if (name === 'USER_MODE') return; // the API always searches as the user
  if (name === 'SPELL_CORRECTION') {
    if (s.char() !== '=') throw s.unexpected(s.pos, "'='");
    s.pos++;
    const value = s.word();
    if (!/^(true|false)$/i.test(value.text)) throw s.unexpected(value.at, 'true or false');
    return;
  }
  if (name === '') throw s.unexpected(at);
  throw unsupported(`WITH ${name}`);
}

export function parseSosl(sosl: string): SoslStatement {
  const s = new Scanner(sosl);
  if (s.peekWord().toUpperCase() !== 'FIND') throw noSearchTerm();
  s.word();
  if (s.char() !== '{') throw noSearchTerm();
  const start = ++s.pos;
  while (s.pos < sosl.length && sosl[s.pos] !== '}') s.pos += sosl[s.pos] === '\\' ? 2 : 1;
  if (s.pos >= sosl.length) throw malformedSearch(`line 1:${sosl.length} mismatched character '<EOF>' expecting '}'`);
  const terms = parseSearchTerms(sosl.slice(start, s.pos), start);
  s.pos++;
  const statement: SoslStatement = { terms, group: 'ALL' };
  const seen = new Set<string>();
  // Clauses come in the grammar's order, each once.
  const order = ['IN', 'RETURNING', 'WITH', 'LIMIT'];
  let last = -1;
  for (let keyword = s.word(); keyword.text !== '' || s.char() !== undefined; keyword = s.word()) {
    const name = keyword.text.toUpperCase();
    const rank = order.indexOf(name);
    if (rank < 0 || rank < last || (seen.has(name) && name !== 'WITH')) {
      if (name === 'UPDATE') throw unsupported('UPDATE TRACKING and UPDATE VIEWSTAT');
      throw s.unexpected(keyword.at);
    }
    last = rank;
    seen.add(name);
    if (name === 'IN') {
      const group = s.word();
      const value = group.text.toUpperCase() as SearchGroup;
      if (!SEARCH_GROUPS.includes(value)) throw s.unexpected(group.at, 'ALL, NAME, EMAIL, PHONE or SIDEBAR');
      s.expect('FIELDS');
      statement.group = value;
    } else if (name === 'RETURNING') {
      statement.returning = returning(s);
    } else if (name === 'WITH') {
      withClause(s);
    } else {
      statement.limit = s.integer('LIMIT');
    }
  }
  return statement;
}
