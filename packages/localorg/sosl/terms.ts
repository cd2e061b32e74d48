/**
 * SOSL search terms (the text inside FIND {...}, or parameterizedSearch's q) to an FTS5 match expression.
 *
 * The syntax of the SOSL reference's FIND clause: words and "quoted phrases"; AND, OR and AND NOT (any
 * case) with parentheses, AND and AND NOT binding tighter than OR and evaluated right to left, and words side
 * by side meaning AND; wildcards `*` (zero or more characters, middle or end) and `?` (one character), never
 * first; the reserved characters ? & | ! { } [ ] ( ) ^ ~ * : \ " ' + - escaped with a backslash to be searched
 * as text; case-insensitive; at least two characters to search for. Words split into tokens at spaces and
 * punctuation as the index does; a word that splits into several tokens is searched as a phrase.
 */
import { SalesforceError } from '../errors';

/** One index token of the search: letters and digits, with the wildcards written in it. */
interface Token {
  /** Lower-cased, accents removed, as the index stores words. */
  text: string;
  /** Positions of unescaped wildcards in `text`. */
  wildcards: Map<number, '*' | '?'>;
}

export type TermNode =
  | { kind: 'phrase'; tokens: Token[] }
  | { kind: 'and' | 'or'; left: TermNode; right: TermNode }
  | { kind: 'andNot'; left: TermNode; right: TermNode };

type Lexeme =
  | { kind: '(' | ')' | 'AND' | 'OR' | 'AND NOT'; at: number }
  | { kind: 'text'; tokens: Token[]; literalChars: number; at: number };

const RESERVED = new Set([...'?&|!{}[]()^~*:\\"\'+-']);
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** MALFORMED_SEARCH with the parser's position (`line 1:col`, as Salesforce's parser reports it). */
export function malformedSearch(message: string): SalesforceError {
  return new SalesforceError(400, 'MALFORMED_SEARCH', message);
}

export const tooShort = (): SalesforceError =>
  new SalesforceError(400, 'INVALID_SEARCH', 'search term must be longer than one character');

/** Folds case and accents as the index's tokenizer does (unicode61 remove_diacritics 2). */
const fold = (ch: string): string => ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Text (with backslash escapes) to tokens; `phrase` text may hold wildcards only at a word's end. */
function tokenize(chars: { ch: string; escaped: boolean }[]): { tokens: Token[]; literalChars: number } {
  const tokens: Token[] = [];
  let current: Token | undefined;
  let literalChars = 0;
  for (const { ch, escaped } of chars) {
    const wildcard = !escaped && (ch === '*' || ch === '?');
    if (WORD_CHAR.test(ch) || wildcard) {
      current ??= { text: '', wildcards: new Map() };
      if (wildcard) {
        current.wildcards.set(current.text.length, ch as '*' | '?');
        current.text += ch;
      } else {
        current.text += fold(ch);
        literalChars++;
      }
    } else if (current) {
      tokens.push(current);
      current = undefined;
    }
  }
  if (current) tokens.push(current);
  return { tokens, literalChars };
}

/** Splits the search text into operators, parentheses, words and phrases. */
function lex(text: string, offset: number): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const position = (at: number): string => `line 1:${offset + at}`;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push({ kind: ch, at: i++ });
    } else if (ch === '"') {
      const start = i++;
      const chars: { ch: string; escaped: boolean }[] = [];
      while (i < text.length && text[i] !== '"') {
        const escaped = text[i] === '\\' && i + 1 < text.length;
        if (escaped) i++;
        chars.push({ ch: text[i++], escaped });
      }
      if (i >= text.length)
        throw malformedSearch(`${position(text.length)} mismatched character '<EOF>' expecting '"'`);
      i++;
      out.push({ kind: 'text', ...tokenize(chars), at: start });
    } else {
      const start = i;
      const chars: { ch: string; escaped: boolean }[] = [];
      while (i < text.length && !/\s/.test(text[i]) && text[i] !== '(' && text[i] !== ')' && text[i] !== '"') {
        const c = text[i];
        if (c === '\\') {
          if (i + 1 >= text.length) throw malformedSearch(`${position(i + 1)} mismatched character '<EOF>'`);
          chars.push({ ch: text[i + 1], escaped: true });
          i += 2;
          continue;
        }
        // A reserved character is an operator of the search syntax unless escaped.
        if (RESERVED.has(c) && c !== '*' && c !== '?') {
          throw malformedSearch(`${position(i)} mismatched character '${c}' expecting '}'`);
        }
        chars.push({ ch: c, escaped: false });
        i++;
      }
      const word = text.slice(start, i);
      const upper = word.toUpperCase();
      if (upper === 'AND' || upper === 'OR') {
        out.push({ kind: upper, at: start });
      } else if (upper === 'NOT' && out[out.length - 1]?.kind === 'AND') {
        out[out.length - 1] = { kind: 'AND NOT', at: out[out.length - 1].at };
      } else {
        out.push({ kind: 'text', ...tokenize(chars), at: start });
      }
    }
  }
  return out;
}

class TermParser {
  private pos = 0;

  constructor(
    private readonly lexemes: Lexeme[],
    private readonly offset: number,
    private readonly source: string,
  ) {}

  parse(): TermNode | undefined {
    if (this.lexemes.length === 0) return undefined;
    const node = this.or();
    if (this.pos < this.lexemes.length) throw this.unexpected();
    return node;
  }

  private or(): TermNode | undefined {
    let left = this.and();
    while (this.peek()?.kind === 'OR') {
      this.pos++;
      const right = this.and();
      left = left && right ? { kind: 'or', left, right } : (left ?? right);
    }
    return left;
  }

  /** AND, AND NOT and adjacency, right to left: `a AND NOT b AND c` is a AND NOT (b AND c). */
  private and(): TermNode | undefined {
    const left = this.primary();
    const next = this.peek();
    if (!next || next.kind === 'OR' || next.kind === ')') return left;
    const kind = next.kind === 'AND NOT' ? 'andNot' : 'and';
    if (next.kind === 'AND' || next.kind === 'AND NOT') this.pos++;
    const right = this.and();
    if (!left) return kind === 'and' ? right : undefined;
    if (!right) return left;
    return { kind, left, right };
  }

  /** A word, a phrase or a group; undefined for text with no letters or digits (punctuation only). */
  private primary(): TermNode | undefined {
    const lexeme = this.lexemes[this.pos++];
    if (!lexeme) throw this.unexpected(-1);
    if (lexeme.kind === '(') {
      const inner = this.or();
      if (this.lexemes[this.pos++]?.kind !== ')') throw this.unexpected(-1);
      return inner;
    }
    if (lexeme.kind !== 'text') throw this.unexpected(-1);
    return lexeme.tokens.length ? { kind: 'phrase', tokens: lexeme.tokens } : undefined;
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.pos];
  }

  private unexpected(back = 0): SalesforceError {
    const lexeme = this.lexemes[this.pos + back];
    if (!lexeme) return malformedSearch(`line 1:${this.offset + this.source.length} mismatched character '<EOF>'`);
    const word = /^\S+/.exec(this.source.slice(lexeme.at))?.[0] ?? '';
    return malformedSearch(`line 1:${this.offset + lexeme.at} no viable alternative at '${word}'`);
  }
}

/**
 * Parses search text; `offset` is where it starts in the statement (for error positions). Refuses a search
 * with fewer than two characters to look for, and wildcards at the start of a word.
 */
export function parseSearchTerms(text: string, offset = 0): TermNode {
  const lexemes = lex(text, offset);
  const words = lexemes.flatMap((l) => (l.kind === 'text' ? [l] : []));
  if (words.reduce((n, l) => n + l.literalChars, 0) < 2) throw tooShort();
  if (words.some((l) => l.tokens.some((t) => t.wildcards.has(0)))) {
    throw new SalesforceError(400, 'INVALID_SEARCH', 'wildcards cannot be used at the start of a search term');
  }
  const node = new TermParser(lexemes, offset, text).parse();
  if (!node) throw tooShort();
  return node;
}

/** Matching index terms of a wildcard token (a GLOB pattern), from the index's vocabulary. */
export type ExpandWildcard = (literalPrefix: string, glob: string) => string[];

const ftsString = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** One token as FTS5: a term, a prefix query, or the terms its wildcards match (null: none). */
function tokenFts(token: Token, expand: ExpandWildcard): string | null {
  const positions = [...token.wildcards.keys()];
  if (positions.length === 0) return ftsString(token.text);
  const first = Math.min(...positions);
  const trailingStars = [...token.wildcards].every(
    ([at, w]) => w === '*' && at >= token.text.length - token.wildcards.size,
  );
  if (trailingStars) return `${ftsString(token.text.slice(0, first))} *`;
  const terms = expand(token.text.slice(0, first), token.text);
  return terms.length ? `(${terms.map(ftsString).join(' OR ')})` : null;
}

/** A phrase as FTS5: adjacent tokens, the last one possibly a prefix; wildcards elsewhere make it an AND. */
function phraseFts(tokens: Token[], expand: ExpandWildcard): string | null {
  const plain = tokens.slice(0, -1).every((t) => t.wildcards.size === 0);
  const last = tokens[tokens.length - 1];
  if (tokens.length > 1 && plain) {
    const lastFts = tokenFts(last, expand);
    const prefix = lastFts?.endsWith(' *') ?? false;
    if (lastFts && (prefix || last.wildcards.size === 0)) {
      const texts = tokens.slice(0, -1).map((t) => t.text);
      texts.push(prefix ? last.text.slice(0, Math.min(...last.wildcards.keys())) : last.text);
      return `${ftsString(texts.join(' '))}${prefix ? ' *' : ''}`;
    }
  }
  const parts = tokens.map((t) => tokenFts(t, expand));
  if (parts.some((p) => p === null)) return null;
  return parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
}

/** The FTS5 expression of a search (null when it can match nothing, e.g. a wildcard matching no word). */
export function termsToFts(node: TermNode, expand: ExpandWildcard): string | null {
  switch (node.kind) {
    case 'phrase':
      return phraseFts(node.tokens, expand);
    case 'and': {
      const left = termsToFts(node.left, expand);
      const right = termsToFts(node.right, expand);
      return left && right ? `(${left} AND ${right})` : null;
    }
    case 'or': {
      const left = termsToFts(node.left, expand);
      const right = termsToFts(node.right, expand);
      return left && right ? `(${left} OR ${right})` : (left ?? right);
    }
    case 'andNot': {
      const left = termsToFts(node.left, expand);
      const right = termsToFts(node.right, expand);
      return left && right ? `(${left} NOT ${right})` : left;
    }
  }
}
